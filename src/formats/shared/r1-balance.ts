/**
 * R1, printed in 表三 itself: per column, 一 + 二 = 三（七）总计 + 四
 * (本年新收 + 上年结转 = 办理结果总计 + 结转下年度继续办理).
 */
import { APPLICANT_COLUMNS } from './fields.js';
import type { RowValues } from '../../compute/statistics.js';
import { errorFinding, type Finding } from '../../report-error/finding.js';
import type { RuleInput } from '../../contracts/rule.js';

export function checkBalance({ statistics, source }: RuleInput): Finding[] {
  const requests = statistics.tree.requests as Record<string, unknown> | undefined;
  if (!requests) return [];
  const received = requests.received as RowValues;
  const carriedIn = requests.carried_in as RowValues;
  const carriedOut = requests.carried_out as RowValues;
  const results = (requests.results as Record<string, unknown>).total as RowValues;
  const findings: Finding[] = [];
  [...APPLICANT_COLUMNS, { key: 'total', label: '总计' } as const].forEach((column, index) => {
    const key = column.key;
    const incoming = received[key]! + carriedIn[key]!;
    const outgoing = results[key]! + carriedOut[key]!;
    if (incoming === outgoing) return;
    if (key === 'total' && findings.length > 0) return; // the column findings already explain the total
    const at = source.positionOf(['requests', 'carried_out', Math.min(index, APPLICANT_COLUMNS.length - 1)]);
    findings.push(
      errorFinding(
        'R1',
        `表三「${column.label}」列：本年新收 ${received[key]} + 上年结转 ${carriedIn[key]} = ${incoming}，但办理结果总计 ${results[key]} + 结转下年度 ${carriedOut[key]} = ${outgoing}，相差 ${Math.abs(incoming - outgoing)}`,
        at,
      ),
    );
  });
  return findings;
}
