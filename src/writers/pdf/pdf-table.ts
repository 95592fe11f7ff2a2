/**
 * Tables in the PDF. The writer measures each table itself: column widths that fit every figure
 * (layout/table-columns.ts), each cell's lines broken here (line-break.ts), and from those the exact height of every
 * row. The paginator then cuts the table between rows into pieces that each fit on a page (table-pieces.ts); each
 * piece is drawn as a table of its own, so its borders are always closed. Each cell's lines are centred in the rows
 * it spans, and the rules are cut as pdfmake's tables cut them.
 */
import type { TableBlock } from '../../model/document.js';
import { placeCells, type PlacedCell } from '../../model/table-grid.js';
import { PAGE } from '../../layout/page.js';
import { RULE_WIDTH, tableColumns } from '../../layout/table-columns.js';
import type { PdfFaces } from './pdf-fonts.js';
import { breakLines } from './line-break.js';
import type { TextRun } from './text-runs.js';
import { rule, type DrawnItem, type LineSetter } from './line-setter.js';
import { measureText } from './measure-text.js';

const PADDING_Y = 1;

/** A table's type size, column widths, cells on the grid with their broken lines, and exact row heights. */
export interface TableMetrics {
  size: number;
  pitch: number;
  paddingX: number;
  widths: number[];
  grid: Array<Array<PlacedCell | undefined>>;
  /** Printed lines of each cell. */
  lines: Map<PlacedCell, string[]>;
  /** Height of each row from its single-row cells, its top rule included. */
  rowHeights: number[];
  /** Number of header rows at the top. */
  headerRows: number;
}

export function measureTable(table: TableBlock, faces: PdfFaces): TableMetrics {
  const measure = (text: string, size: number) => measureText(faces, 'table', text, size);
  const { size, paddingX, widths } = tableColumns(table, PAGE.textWidth, measure);
  const pitch = Math.round(size * 1.3 * 100) / 100;
  const grid = placeCells(table);
  const lines = new Map<PlacedCell, string[]>();
  for (const placed of new Set(grid.flat())) {
    if (!placed) continue;
    const width = spanWidth(widths, paddingX, placed.col, placed.cell.colSpan) - placed.cell.indent * size;
    lines.set(placed, placed.cell.lines.flatMap((line) => breakLines(line, (text) => measure(text, size), width)));
  }
  const rowHeights = table.rows.map((_, r) => {
    let count = 1;
    for (const placed of new Set(grid[r])) {
      if (placed && placed.cell.rowSpan === 1) count = Math.max(count, lines.get(placed)!.length);
    }
    return count * pitch + 2 * PADDING_Y + RULE_WIDTH;
  });
  let headerRows = 0;
  while (headerRows < table.rows.length && table.rows[headerRows]!.header) headerRows++;
  return { size, pitch, paddingX, widths, grid, lines, rowHeights, headerRows };
}

function spanWidth(widths: number[], paddingX: number, col: number, colSpan: number): number {
  return widths.slice(col, col + colSpan).reduce((a, b) => a + b, 0) + (colSpan - 1) * (2 * paddingX + RULE_WIDTH);
}

/** Height the cell's own lines need, its padding included. */
export function ownHeight(placed: PlacedCell, metrics: TableMetrics): number {
  return metrics.lines.get(placed)!.length * metrics.pitch + 2 * PADDING_Y;
}

/** Height of rows `from` to `to` (exclusive) without the top rule of the first. */
export function rowsHeight(metrics: TableMetrics, from: number, to: number): number {
  let height = 0;
  for (let r = from; r < to; r++) height += metrics.rowHeights[r]!;
  return height - RULE_WIDTH;
}

/**
 * Draws a piece of the table at `at`: its header rows and body rows `from` to `to` (exclusive), each cell's lines and
 * the rules around every cell, in the order pdfmake's table drawing uses (a row's cells, its vertical rules, then the
 * rule below it). A cell that spans rows beyond the piece spans only the piece's rows, with its text repeated where
 * it continues. Returns the height drawn, the bottom rule included.
 */
export function tableItems(metrics: TableMetrics, setter: LineSetter, from: number, to: number, at: { left: number; top: number }, items: DrawnItem[]): number {
  const rows = [...Array.from({ length: metrics.headerRows }, (_, r) => r), ...Array.from({ length: to - from }, (_, i) => from + i)];
  const columnCount = metrics.widths.length;
  const { size, pitch, paddingX } = metrics;
  // Left edge of each column's rule, and of the table's right rule.
  const edges = [at.left];
  metrics.widths.forEach((width, c) => edges.push(edges[c]! + width + 2 * paddingX + RULE_WIDTH));
  // The rows a cell spans in this piece, from its first row here.
  const spanHere = (placed: PlacedCell, index: number) => {
    const r = rows[index]!;
    const lastRow = r >= from ? Math.min(placed.row + placed.cell.rowSpan, to) : placed.row + placed.cell.rowSpan;
    return lastRow - r;
  };
  const startsHere = (placed: PlacedCell, index: number) => {
    const r = rows[index]!;
    return r === (r >= from ? Math.max(placed.row, from) : placed.row);
  };
  // Cells of a row, each once, left to right.
  const cellsOf = (index: number) => [...new Set(metrics.grid[rows[index]!])].filter((p): p is PlacedCell => p !== undefined);
  // Height of `span` rows from `index` in `rowHeights`, less the first row's top rule.
  const spanned = (rowHeights: readonly number[], index: number, span: number) => {
    let height = -RULE_WIDTH;
    for (let i = index; i < index + span; i++) height += rowHeights[i]!;
    return height;
  };
  // Row heights as measured, and as drawn: a spanning cell that needs more than its rows makes the last of them taller.
  const measured = rows.map((r) => metrics.rowHeights[r]!);
  const heights = [...measured];
  rows.forEach((_, index) => {
    for (const placed of cellsOf(index)) {
      if (placed.cell.rowSpan === 1 || !startsHere(placed, index)) continue;
      const span = spanHere(placed, index);
      const need = ownHeight(placed, metrics) - spanned(heights, index, span);
      if (need > 0) heights[index + span - 1]! += need;
    }
  });
  // The rule between piece rows `index - 1` and `index` (the table's top and bottom rules at 0 and rows.length), as
  // pdfmake cuts it: open where a cell spans across it, otherwise a piece per column, or per cell where the cell
  // above, failing that the cell below, spans columns.
  const cellAt = (index: number, c: number) => (index >= 0 && index < rows.length ? metrics.grid[rows[index]!]![c] : undefined);
  const horizontal = (y: number, index: number) => {
    for (let c = 0; c < columnCount; ) {
      const above = cellAt(index - 1, c);
      const below = cellAt(index, c);
      if (above && above === below && rows[index] === rows[index - 1]! + 1) {
        c++;
        continue;
      }
      const span = above && above.col === c && above.cell.colSpan > 1 ? above.cell.colSpan : below && below.col === c && below.cell.colSpan > 1 ? below.cell.colSpan : 1;
      items.push(rule(edges[c]!, y + RULE_WIDTH / 2, edges[c + span]!, y + RULE_WIDTH / 2, RULE_WIDTH));
      c += span;
    }
  };
  let top = at.top;
  horizontal(top, 0);
  rows.forEach((r, index) => {
    const height = heights[index]!;
    for (const placed of cellsOf(index)) {
      if (!startsHere(placed, index)) continue;
      const span = spanHere(placed, index);
      const { cell } = placed;
      const lines = metrics.lines.get(placed)!;
      const indent = cell.indent * size;
      let offset: number;
      if (span > 1) {
        offset = Math.max(0, (spanned(measured, index, span) - ownHeight(placed, metrics)) / 2);
      } else {
        offset = (height - RULE_WIDTH - 2 * PADDING_Y - lines.length * pitch) / 2;
      }
      const left = edges[placed.col]! + RULE_WIDTH + paddingX + indent;
      const width = spanWidth(metrics.widths, paddingX, placed.col, cell.colSpan) - indent;
      lines.forEach((line, l) => {
        const y = top + RULE_WIDTH + PADDING_Y + offset + l * pitch;
        const runs: TextRun[] = [{ text: line, role: 'table', size }];
        items.push({ type: 'line', item: setter.line(runs, { left, y, width, height: pitch }, { align: cell.align, last: l === lines.length - 1 }) });
      });
    }
    // Vertical rules: the table's sides, and wherever two cells meet.
    const grid = metrics.grid[r]!;
    for (let c = 0; c <= columnCount; c++) {
      if (c > 0 && c < columnCount && grid[c - 1] === grid[c]) continue;
      items.push(rule(edges[c]! + RULE_WIDTH / 2, top, edges[c]! + RULE_WIDTH / 2, top + height + RULE_WIDTH, RULE_WIDTH));
    }
    top += height;
    horizontal(top, index + 1);
  });
  return top + RULE_WIDTH - at.top;
}
