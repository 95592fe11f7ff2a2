/**
 * Tables for pdfmake. The writer measures each table itself: column widths that fit every figure
 * (layout/table-columns.ts), each cell's lines broken here (line-break.ts) so that pdfmake never wraps them, and
 * from those the exact height of every row. The paginator then cuts the table between rows into pieces that each
 * fit on a page (table-pieces.ts); each piece is drawn as a table of its own, so its borders are always closed.
 *
 * The model lists only the cells that start in a row; pdfmake needs a full rectangle with placeholder cells for
 * covered positions. Cells spanning rows are centred with a computed top margin, because pdfmake misplaces
 * `verticalAlignment` on rowSpan cells.
 */
import type { ContentTable, TableCell as PdfCell } from 'pdfmake/interfaces.js';
import type { TableBlock } from '../../model/document.js';
import { placeCells, type PlacedCell } from '../../model/table-grid.js';
import { PAGE } from '../../layout/page.js';
import { RULE_WIDTH, tableColumns } from '../../layout/table-columns.js';
import type { PdfFaces } from './pdf-fonts.js';
import { breakLines } from './line-break.js';
import { joinLines, lineHeightFactor } from './text-runs.js';
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
 * A piece of the table: its header rows and body rows `from` to `to` (exclusive), as pdfmake content. A cell that
 * spans rows beyond the piece spans only the piece's rows, with its text repeated where it continues.
 */
export function pdfTable(metrics: TableMetrics, faces: PdfFaces, from = metrics.headerRows, to = metrics.rowHeights.length): ContentTable {
  const rows = [...Array.from({ length: metrics.headerRows }, (_, r) => r), ...Array.from({ length: to - from }, (_, i) => from + i)];
  const columnCount = metrics.widths.length;
  const body: PdfCell[][] = rows.map((r, index) =>
    Array.from({ length: columnCount }, (_, c) => {
      const placed = metrics.grid[r]![c];
      if (!placed || placed.col !== c) return {};
      const firstRowHere = r >= from ? Math.max(placed.row, from) : placed.row;
      if (r !== firstRowHere) return {};
      const lastRow = r >= from ? Math.min(placed.row + placed.cell.rowSpan, to) : placed.row + placed.cell.rowSpan;
      return pdfCell(placed, lastRow - r, metrics, faces, index, rows);
    }),
  );
  return {
    table: { widths: metrics.widths, body, headerRows: metrics.headerRows, dontBreakRows: true },
    layout: {
      hLineWidth: () => RULE_WIDTH,
      vLineWidth: () => RULE_WIDTH,
      paddingLeft: () => metrics.paddingX,
      paddingRight: () => metrics.paddingX,
      paddingTop: () => PADDING_Y,
      paddingBottom: () => PADDING_Y,
    },
  };
}

function pdfCell(placed: PlacedCell, rowSpan: number, metrics: TableMetrics, faces: PdfFaces, index: number, rows: number[]): PdfCell {
  const { cell } = placed;
  const { size, pitch } = metrics;
  const out: Record<string, unknown> = {
    // One face for the whole cell (digits included), so numbers sit centred like the labels; lines as broken here.
    text: joinLines(metrics.lines.get(placed)!.map((line) => [{ text: line, noWrap: true }])),
    font: faces.family('table'),
    fontSize: size,
    lineHeight: lineHeightFactor(faces, 'table', size, pitch),
    alignment: cell.align,
  };
  const indent = cell.indent * size;
  if (cell.colSpan > 1) out.colSpan = cell.colSpan;
  if (rowSpan > 1) {
    out.rowSpan = rowSpan;
    let spanned = 0;
    for (let i = index; i < index + rowSpan; i++) spanned += metrics.rowHeights[rows[i]!]!;
    spanned -= RULE_WIDTH; // the first row's top rule
    out.margin = [indent, Math.max(0, (spanned - ownHeight(placed, metrics)) / 2), 0, 0];
  } else {
    out.verticalAlignment = 'middle';
    if (indent) out.margin = [indent, 0, 0, 0];
  }
  return out as PdfCell;
}
