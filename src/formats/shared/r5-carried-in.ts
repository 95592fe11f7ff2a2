/** R5, across years: 表三 上年结转 equals last year's 结转下年度继续办理, column by column. A warning: corrections can break it. */
import { getAt, type RowValues } from '../../compute/statistics.js';
import type { YearPair } from '../../contracts/rule.js';
import type { Finding } from '../../report-error/finding.js';
import { APPLICANT_COLUMNS } from './fields.js';

export function checkCarriedIn({ current, previous, previousName }: YearPair): Finding[] {
  const carriedIn = getAt(current.statistics.tree, ['requests', 'carried_in']) as RowValues | undefined;
  const carriedOut = getAt(previous.statistics.tree, ['requests', 'carried_out']) as RowValues | undefined;
  if (!carriedIn || !carriedOut) return [];
  return APPLICANT_COLUMNS.flatMap((column, i) =>
    carriedIn[column.key] === carriedOut[column.key]
      ? []
      : [
          {
            severity: 'warning' as const,
            rule: 'R5',
            message: `表三「二、上年结转政府信息公开申请数量」「${column.label}」为 ${carriedIn[column.key]}，但上一年度（${previousName}）「四、结转下年度继续办理」为 ${carriedOut[column.key]}`,
            at: current.source.positionOf(['requests', 'carried_in', i]),
          },
        ],
  );
}
