/** Runs every rule of a format and collects the findings. */
import type { Finding } from '../report-error/finding.js';
import type { Rule, RuleInput } from '../contracts/rule.js';

export function runRules<Data extends object>(rules: readonly Rule<Data>[], input: RuleInput<Data>): Finding[] {
  return rules.flatMap((rule) => rule(input));
}
