/**
 * Tables for pdfmake: the model lists only the cells that start in a row; pdfmake needs a full rectangle
 * with placeholder cells for covered positions. Cells spanning rows are centred with a computed top margin,
 * because pdfmake misplaces `verticalAlignment` on rowSpan cells.
 */
import type { ContentTable, TableCell as PdfCell } from 'pdfmake/interfaces.js';
import type { TableBlock, TableCell } from '../../model/document.js';
import { placeCells, type PlacedCell } from '../../model/table-grid.js';
import { PAGE } from '../../layout/page.js';
import { tableFontSize } from '../../layout/typography.js';
import type { PdfFaces } from './pdf-fonts.js';
import { lineHeightFactor } from './text-runs.js';

const PADDING_X = 3;
const PADDING_Y = 1;

/** A table's font, column widths, cells on the grid and estimated row heights. */
export interface TableMetrics {
  size: number;
  pitch: number;
  widths: number[];
  grid: Array<Array<PlacedCell | undefined>>;
  rowHeights: number[];
}

export function measureTable(table: TableBlock, faces: PdfFaces): TableMetrics {
  const size = tableFontSize(table.columns.length);
  const pitch = Math.round(size * 1.3 * 100) / 100;
  const totalWeight = table.columns.reduce((a, b) => a + b, 0);
  const widths = table.columns.map((w) => (w / totalWeight) * PAGE.textWidth - 2 * PADDING_X - 1);
  const grid = placeCells(table);
  return { size, pitch, widths, grid, rowHeights: estimateRowHeights(table, grid, widths, faces, size, pitch) };
}

/**
 * The table's height as laid out: each row as tall as its tallest single-row cell, and the rows under a cell that
 * spans them grown by whatever that cell needs beyond them. An estimate: wrapping may differ.
 */
export function tableHeight(table: TableBlock, faces: PdfFaces, metrics = measureTable(table, faces)): number {
  let height = metrics.rowHeights.reduce((a, b) => a + b, 0) + 0.5;
  for (const placed of new Set(metrics.grid.flat())) {
    if (placed && placed.cell.rowSpan > 1) height += Math.max(0, ownHeight(placed, metrics, faces) - spannedHeight(placed, metrics));
  }
  return height;
}

export function pdfTable(table: TableBlock, faces: PdfFaces, metrics = measureTable(table, faces)): ContentTable {
  const body: PdfCell[][] = table.rows.map((_, r) =>
    Array.from({ length: table.columns.length }, (_, c) => {
      const placed = metrics.grid[r]![c];
      if (!placed || placed.row !== r || placed.col !== c) return {};
      return pdfCell(placed, metrics, faces);
    }),
  );
  const headerRows = table.rows.filter((row) => row.header).length;
  return {
    table: { widths: metrics.widths, body, headerRows, dontBreakRows: true },
    layout: {
      hLineWidth: () => 0.5,
      vLineWidth: () => 0.5,
      paddingLeft: () => PADDING_X,
      paddingRight: () => PADDING_X,
      paddingTop: () => PADDING_Y,
      paddingBottom: () => PADDING_Y,
    },
  };
}

function spanWidth(widths: number[], col: number, colSpan: number): number {
  return widths.slice(col, col + colSpan).reduce((a, b) => a + b, 0) + (colSpan - 1) * (2 * PADDING_X + 1);
}

function textWidth(text: string, faces: PdfFaces, size: number): number {
  const face = faces.face('table').font;
  let units = 0;
  for (const ch of text) {
    const glyph = face.glyphForCodePoint(ch.codePointAt(0)!);
    units += glyph.advanceWidth;
  }
  return (units / face.unitsPerEm) * size;
}

function lineCount(cell: TableCell, width: number, faces: PdfFaces, size: number): number {
  return cell.lines.reduce((n, line) => n + Math.max(1, Math.ceil(textWidth(line, faces, size) / width - 0.02)), 0);
}

/** Height of each row from its single-row cells (enough to centre the cells that span rows). */
function estimateRowHeights(
  table: TableBlock,
  grid: Array<Array<PlacedCell | undefined>>,
  widths: number[],
  faces: PdfFaces,
  size: number,
  pitch: number,
): number[] {
  return table.rows.map((_, r) => {
    let lines = 1;
    for (const placed of new Set(grid[r])) {
      if (!placed || placed.cell.rowSpan > 1) continue;
      lines = Math.max(lines, lineCount(placed.cell, spanWidth(widths, placed.col, placed.cell.colSpan), faces, size));
    }
    return lines * pitch + 2 * PADDING_Y + 0.5;
  });
}

/** Height of the rows a cell spans. */
function spannedHeight(placed: PlacedCell, metrics: TableMetrics): number {
  return metrics.rowHeights.slice(placed.row, placed.row + placed.cell.rowSpan).reduce((a, b) => a + b, 0);
}

/** Height the cell's own lines need. */
function ownHeight(placed: PlacedCell, metrics: TableMetrics, faces: PdfFaces): number {
  const width = spanWidth(metrics.widths, placed.col, placed.cell.colSpan);
  return lineCount(placed.cell, width, faces, metrics.size) * metrics.pitch + 2 * PADDING_Y;
}

function pdfCell(placed: PlacedCell, metrics: TableMetrics, faces: PdfFaces): PdfCell {
  const { cell } = placed;
  const { size, pitch } = metrics;
  const out: Record<string, unknown> = {
    // One face for the whole cell (digits included), so numbers sit centred like the labels.
    text: cell.lines.join('\n'),
    font: faces.family('table'),
    fontSize: size,
    lineHeight: lineHeightFactor(faces, 'table', size, pitch),
    alignment: cell.align,
  };
  const indent = cell.indent * size;
  if (cell.colSpan > 1) out.colSpan = cell.colSpan;
  if (cell.rowSpan > 1) {
    out.rowSpan = cell.rowSpan;
    out.margin = [indent, Math.max(0, (spannedHeight(placed, metrics) - ownHeight(placed, metrics, faces)) / 2), 0, 0];
  } else {
    out.verticalAlignment = 'middle';
    if (indent) out.margin = [indent, 0, 0, 0];
  }
  return out as PdfCell;
}
