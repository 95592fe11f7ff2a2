/** What `init --from` carries over in every national edition: 表三 上年结转 = last year's 结转下年度继续办理. */
import { getAt } from '../../compute/statistics.js';
import { APPLICANT_COLUMNS } from './fields.js';

export function carriedIn(previous: { data: Record<string, unknown> }): Map<string, unknown> {
  const values = new Map<string, unknown>();
  const carriedOut = getAt(previous.data, ['requests', 'carried_out']);
  if (Array.isArray(carriedOut)) values.set('requests.carried_in', carriedOut.slice(0, APPLICANT_COLUMNS.length));
  return values;
}
