/** Dates as printed in 公文: Arabic numerals, full year, no zero padding (2024年1月5日). */
export function formatChineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** True for a YYYY-MM-DD date that exists on the calendar (2022-02-30 does not). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * The fixed time stamped into output files: SOURCE_DATE_EPOCH when set, otherwise midnight (Beijing time)
 * of the report's 成文日期, so the same input always gives the same bytes.
 */
export function documentTimestamp(issuedIso: string): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return new Date(`${issuedIso}T00:00:00+08:00`);
}
