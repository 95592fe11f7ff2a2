/**
 * The county's workbook: a 汇总 sheet whose every figure is a formula adding up the same cell on each member's
 * sheet, then one sheet per member with all its tables. Corrected on a member's sheet, the county total follows.
 */
import type { CheckedReport } from '../pipeline/check-report.js';
import { documentTimestamp } from '../templating/dates.js';
import { officialTables } from './official-tables.js';
import { figureOf, unitOf } from './report-workbook.js';
import { figureContents, memberSumContents } from './sheet-contents.js';
import { writeWorkbook, type SheetSpec } from './write-workbook.js';

export const SUMMARY_SHEET = '汇总';

export function aggregateWorkbook(county: { org: string; year: number; issued: string; file: string }, members: readonly CheckedReport[]): Promise<Buffer> {
  const format = members[0]!.format;
  const tables = officialTables(format, county.year, county.file);
  const used = new Set([SUMMARY_SHEET]);
  const sheets = members.map((report) => {
    const org = report.data.org.name;
    const short = report.data.org.short ?? org;
    return { report, org, sheet: uniqueSheetName(short, used), figureOf: figureOf(report.data), unitOf: unitOf(format, report.data) };
  });
  const summary: SheetSpec = { name: SUMMARY_SHEET, org: county.org, year: county.year, tables, content: memberSumContents(sheets, format), unitOf: unitOf(format, {}) };
  const memberSheets: SheetSpec[] = sheets.map((m) => ({ name: m.sheet, org: m.org, year: county.year, tables, content: figureContents(format, m.figureOf), unitOf: m.unitOf }));
  return writeWorkbook(format, [summary, ...memberSheets], {
    title: `${county.org}${county.year}年政府信息公开情况汇总`,
    creator: county.org,
    created: documentTimestamp(county.issued),
  });
}

/** A sheet name Excel accepts (≤ 31 characters, none of []:*?/\), distinct from those already used. */
function uniqueSheetName(wanted: string, used: Set<string>): string {
  const base = wanted.replace(/[[\]:*?/\\]/g, '_').slice(0, 28) || '单位';
  let name = base;
  for (let n = 2; used.has(name); n++) name = `${base}${n}`;
  used.add(name);
  return name;
}
