/**
 * Reads the figures of the located tables. What a clerk commonly types is tolerated and reported as a notice:
 * numbers stored as text, full-width digits, surrounding spaces. What cannot be a figure is an error naming
 * the sheet and cell: a blank cell, a negative number, a fraction in a count, text, and a typed total that
 * disagrees with its parts (totals that are still formulas are recomputed, not read).
 */
import type ExcelJS from 'exceljs';
import type { ReportFormat } from '../formats/format.js';
import { placeCells } from '../model/table-grid.js';
import { EXIT, type Finding } from '../report-error/finding.js';
import { cellText, type LocatedTable } from './locate-tables.js';
import { describeCell, type ValueCell } from './table-cells.js';

export interface SheetFigures {
  /** Figure of every cell by data path (totals included); null where a cell may be and is blank. */
  figures: Map<string, number | null>;
  cells: Map<string, ValueCell>;
  /** Errors and notices, each naming sheet!cell. */
  findings: Finding[];
  /** EXIT.findings for errors of the data, EXIT.unusableInput for cells that hold no figure at all. */
  exitCode: number;
}

const FULL_WIDTH = /[\uFF10-\uFF19\uFF0E\uFF0D\uFF0B]/g;

type Read = { kind: 'blank' } | { kind: 'number'; value: number; notes: string[] } | { kind: 'text'; text: string } | { kind: 'formula'; formula: string };

/** A cell's content as a number where it reasonably is one. */
export function readCell(value: ExcelJS.CellValue): Read {
  if (value === null || value === undefined) return { kind: 'blank' };
  if (typeof value === 'number') return { kind: 'number', value, notes: [] };
  if (typeof value === 'object' && !(value instanceof Date) && ('formula' in value || 'sharedFormula' in value)) {
    const result = (value as { result?: unknown }).result;
    if (typeof result === 'number') return { kind: 'number', value: result, notes: ['是公式'] };
    // exceljs does not keep a cached result of 0, so a formula without one cannot be read.
    const formula = (value as { formula?: string; sharedFormula?: string }).formula ?? (value as { sharedFormula?: string }).sharedFormula ?? '';
    return result === undefined || result === null || result === '' ? { kind: 'formula', formula } : { kind: 'text', text: cellText(value) };
  }
  const text = cellText(value);
  if (typeof value !== 'string' && !(typeof value === 'object' && 'richText' in value)) return { kind: 'text', text };
  const notes: string[] = [];
  const trimmed = text.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
  if (trimmed === '') return { kind: 'blank' };
  const halfWidth = trimmed.replace(FULL_WIDTH, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
  if (!/^[+-]?\d+(\.\d+)?$/.test(halfWidth)) return { kind: 'text', text: trimmed };
  notes.push('以文字形式保存');
  if (halfWidth !== trimmed) notes.push('全角数字');
  if (trimmed !== text) notes.push('前后有空格');
  return { kind: 'number', value: Number(halfWidth), notes };
}

export function readFigures(format: ReportFormat, located: readonly LocatedTable[], shownFile: string): SheetFigures {
  const figures = new Map<string, number | null>();
  const cells = new Map<string, ValueCell>();
  const findings: Finding[] = [];
  let exitCode: number = EXIT.ok;
  const typedTotals: Array<{ cell: ValueCell; value: number; where: string }> = [];
  const formulaTotals = new Set<string>();
  const fail = (where: string, message: string, code: number) => {
    findings.push({ severity: 'error', rule: 'SHEET', message: `${shownFile} ${where} ${message}` });
    exitCode = Math.max(exitCode, code);
  };

  for (const { table, sheet, top, left } of located) {
    for (const placed of new Set(placeCells(table.table).flat())) {
      if (!placed?.cell.dataPath) continue;
      const cell = describeCell(format, placed.cell.dataPath)!;
      cells.set(cell.dataPath, cell);
      const target = sheet.getCell(top + placed.row, left + placed.col);
      const where = `${sheet.name}!${target.address}`;
      const read = readCell(target.value);
      const expected = cell.signed ? '整数' : cell.money ? '不小于 0 的数' : '不小于 0 的整数';
      const isFormula = typeof target.value === 'object' && target.value !== null && ('formula' in target.value || 'sharedFormula' in target.value);
      // A total still a formula is recomputed; one typed over is checked against its parts below. A legacy
      // 统计表 total may be typed: it is read like any figure (the checks compare it with its parts).
      if (cell.sumOf && (isFormula || !cell.blankAllowed)) {
        formulaTotals.add(cell.dataPath);
        if (!isFormula && read.kind === 'number') typedTotals.push({ cell, value: read.value, where });
        continue;
      }
      if (read.kind === 'blank') {
        if (cell.blankAllowed) figures.set(cell.dataPath, null);
        else fail(where, `${cell.label}未填写；应为${expected}，没有的填 0`, EXIT.unusableInput);
        continue;
      }
      if (read.kind === 'formula') {
        fail(where, `${cell.label}是公式（=${read.formula}），读不出它的值；请直接填写数字`, EXIT.unusableInput);
        continue;
      }
      if (read.kind === 'text') {
        fail(where, `${cell.label}应为${expected}，实际为文字“${read.text}”`, EXIT.unusableInput);
        continue;
      }
      if (read.value < 0 && !cell.signed) {
        fail(where, `${cell.label}应为${expected}，实际为 ${read.value}`, EXIT.findings);
        continue;
      }
      if (!Number.isInteger(read.value) && !cell.money) {
        fail(where, `${cell.label}应为${expected}，实际为小数 ${read.value}`, EXIT.unusableInput);
        continue;
      }
      if (read.notes.length) {
        const typed = typeof target.value === 'string' ? `“${target.value}”` : '';
        findings.push({ severity: 'info', rule: 'SHEET', message: `${shownFile} ${where} ${cell.label}：${typed}按数字 ${read.value} 读入（${read.notes.join('、')}）` });
      }
      figures.set(cell.dataPath, read.value);
    }
  }

  const totalOf = (cell: ValueCell): number | undefined => {
    if (!formulaTotals.has(cell.dataPath)) return figures.get(cell.dataPath) ?? undefined;
    let sum = 0;
    for (const part of cell.sumOf!) {
      const value = totalOf(cells.get(part)!);
      if (value === undefined) return undefined;
      sum += value;
    }
    return Math.round(sum * 1e6) / 1e6;
  };
  for (const cell of cells.values()) {
    if (!formulaTotals.has(cell.dataPath)) continue;
    const total = totalOf(cell);
    if (total !== undefined) figures.set(cell.dataPath, total);
  }
  for (const { cell, value, where } of typedTotals) {
    const total = totalOf(cell);
    if (total !== undefined && total !== value) {
      fail(where, `${cell.label}是合计，应为各项之和 ${total}，实际填写 ${value}`, EXIT.findings);
    }
  }
  return { figures, cells, findings, exitCode };
}
