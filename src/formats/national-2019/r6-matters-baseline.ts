/**
 * R6, across years: 表二 上一年项目数量 equals last year's 上一年项目数量 + 本年增/减, for the 2019 edition's matters.
 * A warning: corrections can break it. Silent when last year's file is of another shape.
 */
import { numbersAt } from '../../compute/statistics.js';
import type { YearPair } from '../../contracts/rule.js';
import type { Finding } from '../../report-error/finding.js';

const MATTERS: Array<[key: string, label: string]> = [
  ['licensing', '行政许可'],
  ['other_services', '其他对外管理服务事项'],
  ['punishment', '行政处罚'],
  ['coercion', '行政强制'],
  ['fees', '行政事业性收费'],
];

export function checkMattersBaseline({ current, previous, previousName }: YearPair): Finding[] {
  return MATTERS.flatMap(([key, label]) => {
    const now = numbersAt(current.data, ['active', key], ['previous']);
    const before = numbersAt(previous.data, ['active', key], ['previous', 'change']);
    if (!now || !before) return [];
    const expected = before.previous + before.change;
    if (now.previous === expected) return [];
    return [
      {
        severity: 'warning' as const,
        rule: 'R6',
        message: `表二「${label}」「上一年项目数量」为 ${now.previous}，但上一年度（${previousName}）上一年项目数量 ${before.previous} + 本年增/减 ${before.change} = ${expected}`,
        at: current.source.positionOf(['active', key, 'previous']),
      },
    ];
  });
}
