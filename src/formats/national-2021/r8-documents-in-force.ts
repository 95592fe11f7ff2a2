/**
 * R8, across years: 表二 现行有效件数 equals last year's + 本年制发 − 本年废止, for 规章 and 行政规范性文件. A warning:
 * amendments can break it. Silent when last year's file has no 现行有效件数 (an earlier edition).
 */
import { numbersAt } from '../../compute/statistics.js';
import type { YearPair } from '../../contracts/rule.js';
import type { Finding } from '../../report-error/finding.js';

const DOCUMENTS = [
  ['regulations', '规章'],
  ['normative_documents', '行政规范性文件'],
] as const;

export function checkDocumentsInForce({ current, previous, previousName }: YearPair): Finding[] {
  return DOCUMENTS.flatMap(([key, label]) => {
    const now = numbersAt(current.data, ['active', key], ['issued', 'repealed', 'in_force']);
    const before = numbersAt(previous.data, ['active', key], ['in_force']);
    if (!now || !before) return [];
    const expected = before.in_force + now.issued - now.repealed;
    if (now.in_force === expected) return [];
    return [
      {
        severity: 'warning' as const,
        rule: 'R8',
        message: `表二「${label}」「现行有效件数」为 ${now.in_force}，但上一年度（${previousName}）现行有效 ${before.in_force} + 本年制发 ${now.issued} − 本年废止 ${now.repealed} = ${expected}（如有修改可忽略）`,
        at: current.source.positionOf(['active', key, 'in_force']),
      },
    ];
  });
}
