/**
 * The known editions and the choice of an edition for a data file. Everything here is derived from the list: the
 * ids, the year each edition is chosen for, and the wording of that rule in messages. An edition kept outside
 * src/formats (a test's, say) joins the list with registerEdition.
 */
import type { SourceMap } from '../contracts/source-map.js';
import { errorFinding, EXIT, ReportError, type Finding } from '../report-error/finding.js';
import type { ReportFormat } from './format.js';
import { legacy } from './legacy/format.js';
import { national2019 } from './national-2019/format.js';
import { national2021 } from './national-2021/format.js';
import { EARLIEST_YEAR, LATEST_YEAR, yearsText } from './shared/years.js';

const BUILT_IN = [legacy, national2019, national2021] as const;

/** The ids of the built-in editions. */
export type FormatId = (typeof BUILT_IN)[number]['id'];
/** A built-in edition, with its literal id and schema. */
export type BuiltInEdition = (typeof BUILT_IN)[number];

const editions: ReportFormat[] = [...BUILT_IN];

/** Every edition, oldest first. */
export const FORMATS: readonly ReportFormat[] = editions;

/** Adds an edition defined outside src/formats; its id must be new. */
export function registerEdition(edition: ReportFormat): void {
  if (editions.some((e) => e.id === edition.id)) throw new Error(`edition ${edition.id} is already registered`);
  editions.push(edition);
  editions.sort((a, b) => a.firstYear - b.firstYear);
}

/** The edition a year selects: of those whose years include it, the one that began last. */
export function formatForYear(year: number): ReportFormat | undefined {
  const covering = editions.filter((e) => e.firstYear <= year && year <= (e.lastYear ?? Infinity));
  return covering.reduce<ReportFormat | undefined>((latest, e) => (latest && latest.firstYear > e.firstYear ? latest : e), undefined);
}

/** 2018年及以前用 legacy，2019–2020年用 national-2019，2021年起用 national-2021 */
export const yearRule = (): string => editions.map((e) => `${yearsText(e)}用 ${e.id}`).join('，');

export interface FormatChoice {
  format: ReportFormat;
  year: number;
  warnings: Finding[];
}

export function chooseFormat(data: Record<string, unknown>, source: SourceMap): FormatChoice {
  const year = data.year;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < EARLIEST_YEAR || year > LATEST_YEAR) {
    const shown = year === null ? '空值' : typeof year === 'object' ? '列表或映射' : `“${String(year)}”`;
    const message =
      year === undefined ? '缺少必填项「year」（报告年度，如 2021）' : `「year」应为 ${EARLIEST_YEAR} 至 ${LATEST_YEAR} 之间的年份，实际为 ${shown}`;
    throw new ReportError([errorFinding('SCHEMA', message, source.positionOf(['year']))], EXIT.unusableInput);
  }
  const byYear = formatForYear(year);
  const requested = data.format === undefined ? byYear?.id : data.format;
  const format = editions.find((f) => f.id === requested);
  if (!format) {
    const known = editions.map((f) => f.id).join('、');
    const message = requested === undefined ? `没有适用于${year}年的版式（${yearRule()}）` : `未知的版式「${String(requested)}」，可用：${known}`;
    throw new ReportError([errorFinding('FORMAT', message, source.positionOf(['format']))], EXIT.unusableInput);
  }
  const warnings: Finding[] = [];
  if (byYear && format.id !== byYear.id) {
    warnings.push({
      severity: 'warning',
      rule: 'E5',
      message: `${year}年的报告按规则应使用 ${byYear.id} 版式（${yearRule()}），此处指定了 ${format.id}`,
      at: source.positionOf(['format']),
    });
  }
  return { format, year, warnings };
}
