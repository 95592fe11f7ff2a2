/** The known formats and the choice of a format for a data file. */
import type { SourceMap } from '../contracts/source-map.js';
import { errorFinding, EXIT, ReportError, type Finding } from '../report-error/finding.js';
import type { FormatId, ReportFormat } from './format.js';
import { national2019 } from './national-2019/format.js';
import { national2021 } from './national-2021/format.js';
import { legacy } from './legacy/format.js';

export const FORMATS: readonly ReportFormat[] = [legacy, national2019, national2021];

const YEAR_RULE = '2018年及以前用 legacy，2019–2020年用 national-2019，2021年起用 national-2021';

export function formatForYear(year: number): FormatId {
  if (year <= 2018) return 'legacy';
  if (year <= 2020) return 'national-2019';
  return 'national-2021';
}

export interface FormatChoice {
  format: ReportFormat;
  year: number;
  warnings: Finding[];
}

export function chooseFormat(data: Record<string, unknown>, source: SourceMap): FormatChoice {
  const year = data.year;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 2008 || year > 2100) {
    const shown = year === null ? '空值' : typeof year === 'object' ? '列表或映射' : `“${String(year)}”`;
    const message = year === undefined ? '缺少必填项「year」（报告年度，如 2021）' : `「year」应为 2008 至 2100 之间的年份，实际为 ${shown}`;
    throw new ReportError([errorFinding('SCHEMA', message, source.positionOf(['year']))], EXIT.unusableInput);
  }
  const byYear = formatForYear(year);
  const requested = data.format === undefined ? byYear : data.format;
  const format = FORMATS.find((f) => f.id === requested);
  if (!format) {
    const known = FORMATS.map((f) => f.id).join('、');
    const message = `未知的版式「${String(requested)}」，可用：${known}`;
    throw new ReportError([errorFinding('FORMAT', message, source.positionOf(['format']))], EXIT.unusableInput);
  }
  const warnings: Finding[] = [];
  if (format.id !== byYear) {
    warnings.push({
      severity: 'warning',
      rule: 'E5',
      message: `${year}年的报告按规则应使用 ${byYear} 版式（${YEAR_RULE}），此处指定了 ${format.id}`,
      at: source.positionOf(['format']),
    });
  }
  return { format, year, warnings };
}
