/**
 * `init --from` for the 2021 edition: 上年结转, and 现行有效件数 of 规章 and 行政规范性文件 from last year's 现行有效件数
 * (a 2021 file) or 对外公开总数量 (a 2019 file).
 */
import { numbersAt } from '../../compute/statistics.js';
import { carriedIn } from '../shared/carry-over.js';

export function carryOver2021(previous: { data: Record<string, unknown> }): Map<string, unknown> {
  const values = carriedIn(previous);
  for (const key of ['regulations', 'normative_documents']) {
    const inForce = numbersAt(previous.data, ['active', key], ['in_force']);
    const published = numbersAt(previous.data, ['active', key], ['total']);
    if (inForce) values.set(`active.${key}.in_force`, inForce.in_force);
    else if (published) values.set(`active.${key}.in_force`, published.total);
  }
  return values;
}
