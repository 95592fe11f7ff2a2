/**
 * Content every edition requires (formats.md §3.2, E13): 一、总体情况 and 五 (六 in legacy) may not be empty, and
 * from 2021 the 信息处理费 statement must say something about the fee.
 */
import { errorFinding, type Finding } from '../../report-error/finding.js';
import type { RuleInput } from '../../contracts/rule.js';
import type { ReportData } from '../../formats/shared/report-schema.js';

const MUST_HAVE_TEXT: Record<string, string> = { overview: '总体情况（概述）', problems: '存在的主要问题及改进情况' };

export function checkRequiredContent({ data, source }: RuleInput<ReportData>): Finding[] {
  const text = data.text;
  const findings: Finding[] = [];
  for (const [key, name] of Object.entries(MUST_HAVE_TEXT)) {
    const value = text[key];
    if (value !== undefined && !/[\p{L}\p{N}]/u.test(value.replace(/^\s*##.*$/gm, ''))) {
      findings.push(errorFinding('C1', `「${name}」没有正文内容`, source.positionOf(['text', key])));
    }
  }
  if (data.year >= 2021 && text.fee !== undefined && !/信息处理费/.test(text.fee)) {
    findings.push({
      severity: 'warning',
      rule: 'E13',
      message: '2021年起“其他需要报告的事项”应报告收取信息处理费的情况，此处未提到“信息处理费”',
      at: source.positionOf(['text', 'fee']),
    });
  }
  return findings;
}
