/**
 * Column widths and type size of a table such that no figure ever wraps (docs/layout.md "Tables"). Every column
 * that holds figures is at least as wide as its widest figure; label columns give up width first; if the figures
 * still do not fit, the whole table steps down in size, 10.5 → 9 → 8 pt, and no further.
 */
import type { TableBlock, TableCell } from '../model/document.js';
import { placeCells } from '../model/table-grid.js';
import { tableFontSize } from './typography.js';

/** A type size with the horizontal cell padding that goes with it (points). */
export interface TableStep {
  size: number;
  paddingX: number;
  /** Characters a label column keeps, at least (or its own width, when narrower): labels stay readable. */
  labelChars: number;
}

/** The sizes a table may take, largest first: its own size, then 9 and 8 pt with less padding. */
export function tableSteps(columnCount: number): TableStep[] {
  const own = tableFontSize(columnCount);
  return [
    { size: own, paddingX: 3, labelChars: 4 },
    { size: 9, paddingX: 2, labelChars: 4 },
    { size: 8, paddingX: 0.75, labelChars: 2 },
  ].filter((step) => step.size <= own);
}

/** Width of the vertical rules between cells. */
export const RULE_WIDTH = 0.5;

export interface TableColumns extends TableStep {
  /** Content width of each column (without padding and rules), in points. */
  widths: number[];
  /** Whether every figure fits on one line at this size. */
  figuresFit: boolean;
}

/** Width of a text at a size, in points. */
export type SizedMeasure = (text: string, size: number) => number;

/** A cell that holds a figure rather than a label: a value from the data, or a number typed in the template. */
export function isFigure(cell: TableCell): boolean {
  return Boolean(cell.dataPath) || (cell.lines.length === 1 && /^[-+]?[\d,.]+$/.test(cell.lines[0]!.trim()));
}

export function tableColumns(table: TableBlock, totalWidth: number, measure: SizedMeasure): TableColumns {
  const steps = tableSteps(table.columns.length);
  let result: TableColumns | undefined;
  for (const step of steps) {
    result = columnsAt(table, totalWidth, measure, step);
    if (result.figuresFit) return result;
  }
  return result!;
}

function columnsAt(table: TableBlock, totalWidth: number, measure: SizedMeasure, step: TableStep): TableColumns {
  const n = table.columns.length;
  const inner = totalWidth - n * 2 * step.paddingX - (n + 1) * RULE_WIDTH;
  const weight = table.columns.reduce((a, b) => a + b, 0);
  const widths = table.columns.map((w) => (w / weight) * inner);
  // What each column needs for its figures; cells spanning columns share their need in proportion.
  const need = new Array<number>(n).fill(0);
  const holdsFigures = new Array<boolean>(n).fill(false);
  for (const placed of new Set(placeCells(table).flat())) {
    if (!placed || !isFigure(placed.cell)) continue;
    const span = placed.cell.colSpan;
    const spanned = widths.slice(placed.col, placed.col + span);
    const spannedTotal = spanned.reduce((a, b) => a + b, 0);
    const figure = measure(placed.cell.lines[0] ?? '', step.size) + 0.01 - (span - 1) * (2 * step.paddingX + RULE_WIDTH);
    for (let c = placed.col; c < placed.col + span; c++) {
      holdsFigures[c] = true;
      need[c] = Math.max(need[c]!, figure * (widths[c]! / spannedTotal));
    }
  }
  const proportional = [...widths];
  const labelMin = (c: number) => Math.min(proportional[c]!, step.labelChars * step.size);
  // Columns short of their figures take width from label columns, then from figure columns with room to spare.
  let deficit = 0;
  for (let c = 0; c < n; c++) {
    if (widths[c]! < need[c]!) {
      deficit += need[c]! - widths[c]!;
      widths[c] = need[c]!;
    }
  }
  for (const donors of [labelColumns(holdsFigures, true), labelColumns(holdsFigures, false)]) {
    if (deficit <= 0) break;
    const floor = (c: number) => (holdsFigures[c] ? need[c]! : labelMin(c));
    const spare = donors.reduce((sum, c) => sum + Math.max(0, widths[c]! - floor(c)), 0);
    if (spare <= 0) continue;
    const share = Math.min(1, deficit / spare);
    for (const c of donors) {
      const give = Math.max(0, widths[c]! - floor(c)) * share;
      widths[c] = widths[c]! - give;
      deficit -= give;
    }
  }
  return { ...step, widths, figuresFit: deficit <= 1e-6 };
}

/** Columns without figures (`labels` true) or with figures. */
function labelColumns(holdsFigures: boolean[], labels: boolean): number[] {
  return holdsFigures.flatMap((figures, c) => (figures !== labels ? [c] : []));
}
