/** Runs every rule of a format and collects the findings. */
import type { Finding } from '../report-error/finding.js';
import type { Rule, RuleInput } from '../contracts/rule.js';

export function runRules(rules: readonly Rule[], input: RuleInput): Finding[] {
  return rules.flatMap((rule) => rule(input));
}
