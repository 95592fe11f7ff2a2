/** `init --from` for the 2019 edition: 上年结转, and each matter's 上一年项目数量 = last year's 上一年项目数量 + 本年增/减. */
import { numbersAt } from '../../compute/statistics.js';
import { carriedIn } from '../shared/carry-over.js';

const MATTERS = ['licensing', 'other_services', 'punishment', 'coercion', 'fees'];

export function carryOver2019(previous: { data: Record<string, unknown> }): Map<string, unknown> {
  const values = carriedIn(previous);
  for (const key of MATTERS) {
    const before = numbersAt(previous.data, ['active', key], ['previous', 'change']);
    if (before) values.set(`active.${key}.previous`, before.previous + before.change);
  }
  return values;
}
