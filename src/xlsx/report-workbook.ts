/**
 * The workbook of one report: a sheet per official table of its edition, holding its figures (or left blank,
 * as a template to send out). Its times come from the report's 成文日期 or SOURCE_DATE_EPOCH.
 */
import type { CheckedReport } from '../pipeline/check-report.js';
import type { ReportFormat } from '../formats/format.js';
import { getAt } from '../compute/statistics.js';
import { documentTimestamp } from '../templating/dates.js';
import { officialTables } from './official-tables.js';
import { figureContents, type FigureOf } from './sheet-contents.js';
import type { ValueCell } from './table-cells.js';
import { writeWorkbook } from './write-workbook.js';

export interface ReportWorkbookOptions {
  /** Leave every input cell blank (a template to be filled in). */
  blank?: boolean;
}

export function reportWorkbook(report: CheckedReport, options: ReportWorkbookOptions = {}): Promise<Buffer> {
  const { format, data } = report;
  const year = data.year;
  const org = data.org.name;
  const tables = officialTables(format, year, report.source.absolutePath);
  const contents = figureContents(format, options.blank ? () => null : figureOf(data));
  return writeWorkbook(
    format,
    tables.map((table) => ({ name: table.name, org, year, tables: [table], content: contents, unitOf: unitOf(format, data) })),
    { title: `${org}${year}年政府信息公开工作年度报告统计表`, creator: org, created: documentTimestamp(data.issued) },
  );
}

/** The figure a data file holds for a cell: a number, or null where it is left blank (~). */
export function figureOf(data: Record<string, unknown>): FigureOf {
  return (cell) => {
    const value = getAt(data, cell.yamlPath);
    return typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : null;
  };
}

/** The unit the data declares for an amount (a `unit` field beside it), or 万元 for a blank workbook. */
export function unitOf(format: ReportFormat, data: Record<string, unknown>): (cell: ValueCell) => string | undefined {
  return (cell) => {
    const path = [...cell.field.path.slice(0, -1), 'unit'];
    if (!format.fields.some((f) => f.kind === 'unit' && f.path.join('.') === path.join('.'))) return undefined;
    const unit = getAt(data, path);
    return typeof unit === 'string' ? unit : '万元';
  };
}
