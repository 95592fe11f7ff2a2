/**
 * Finds the official tables in a workbook by their labels, not by fixed addresses: a table may sit anywhere on
 * any sheet (a clerk inserted a title row, moved it, or saved the file from WPS or LibreOffice). A table is
 * where its first label is and nearly all its other labels sit at the same offsets.
 */
import type ExcelJS from 'exceljs';
import { placeCells } from '../model/table-grid.js';
import { errorFinding, EXIT, ReportError } from '../report-error/finding.js';
import type { OfficialTable } from './official-tables.js';

export interface LocatedTable {
  table: OfficialTable;
  sheet: ExcelJS.Worksheet;
  /** Sheet row and column (1-based) of the table's first cell. */
  top: number;
  left: number;
}

/** Share of the labels that must match: a clerk's stray edit to one label does not hide the table. */
const MATCHING = 0.9;

/** The text of a cell as shown: formulas by their result, rich text joined. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if (value instanceof Date) return value.toISOString();
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return value.result === undefined ? '' : cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return String(value.error);
  }
  return String(value);
}

const normalise = (text: string) => text.replace(/[\s\u3000]+/g, '');

export function locateTables(workbook: ExcelJS.Workbook, tables: readonly OfficialTable[], shownFile: string): LocatedTable[] {
  return tables.map((table) => {
    const labels = [...new Set(placeCells(table.table).flat())]
      .filter((p) => p && !p.cell.dataPath && normalise(p.cell.lines.join('')) !== '')
      .map((p) => ({ row: p!.row, col: p!.col, text: normalise(p!.cell.lines.join('')) }));
    const anchor = labels[0]!;
    // The sheet named for the table first, then the others in their order.
    const sheets = [...workbook.worksheets].sort((a, b) => Number(b.name.trim() === table.name) - Number(a.name.trim() === table.name));
    for (const sheet of sheets) {
      const candidates: Array<{ top: number; left: number }> = [];
      sheet.eachRow((row, r) =>
        row.eachCell((cell, c) => {
          if (!cell.isMerged || cell.master === cell) {
            if (normalise(cellText(cell.value)) === anchor.text) candidates.push({ top: r - anchor.row, left: c - anchor.col });
          }
        }),
      );
      for (const at of candidates) {
        if (at.top < 1 || at.left < 1) continue;
        const matched = labels.filter((l) => normalise(cellText(sheet.getCell(at.top + l.row, at.left + l.col).value)) === l.text).length;
        if (matched >= labels.length * MATCHING) return { table, sheet, ...at };
      }
    }
    throw new ReportError(
      [errorFinding('SHEET', `${shownFile} 中找不到${table.name}（${table.title}）：按表头「${anchor.text.slice(0, 24)}」等文字查找；请使用 report-gen sheet 生成的工作簿，不要改动表格中的文字`)],
      EXIT.unusableInput,
    );
  });
}
