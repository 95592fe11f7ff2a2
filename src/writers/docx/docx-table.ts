/**
 * Official tables in DOCX: fixed layout at the full text width, merges as gridSpan/vMerge, header rows repeated,
 * rows never split. Keep rules sit only where they are needed: the header rows and the first body row keep with
 * the next row, so a table never starts with its header alone at the foot of a page. Word and LibreOffice print a
 * merged cell's text only on the page where the merge starts, so a row-spanning group (表三's （三）不予公开) must
 * not be cut: a table with such groups is kept whole when it fits on a page, and otherwise each group that fits on
 * a page is kept together. A row keeps with the next through w:keepNext on every paragraph of the row, the
 * vMerge continuation cells included: LibreOffice 7 reads a row's keep from its first cell, which in a group's
 * later rows is a continuation cell, and ignores the keep of a row whose first cell lacks it (docs/layout.md).
 *
 * Column widths are fixed in twips and derived from the table's own columns: every column holding figures is
 * at least as wide as its widest figure at the table's type size, the label columns give up width first, and
 * when the figures still do not fit the table steps down a size. Figure cells do not wrap.
 */
import { PAGE, twips } from '../../layout/page.js';
import { textCells } from '../../layout/signature.js';
import { isFigure, RULE_WIDTH, tableColumns } from '../../layout/table-columns.js';
import { placeCells, type PlacedCell } from '../../model/table-grid.js';
import type { TableBlock } from '../../model/document.js';
import { tableStyleId } from './docx-styles.js';
import type { CellPart, TablePart } from './docx-parts.js';

/** A table with body groups is kept whole if its estimated height is at most this share of the type area. */
const KEPT_WHOLE_SHARE = 0.9;
/** Line height of table text as a multiple of its size, generous (Noto Sans CJK's is 1.45). */
const TABLE_LINE_FACTOR = 1.45;

/** Figures are set in Times New Roman (or 宋体), whose digits are half an em: measured by character cells. */
const figureMeasure = (text: string, size: number) => textCells(text) * size;

export interface TableLayout {
  /** Column widths in twips, adding up to the text width. */
  widths: number[];
  size: number;
  /** Left and right cell margin in twips. */
  margin: number;
}

/** Fixed column widths and the type size at which every figure fits, by the rule every writer shares (layout/table-columns.ts). */
export function docxTableLayout(table: TableBlock): TableLayout {
  const columns = tableColumns(table, PAGE.textWidth, figureMeasure);
  const widths = columns.widths.map((w) => w + 2 * columns.paddingX + RULE_WIDTH);
  return { widths: scaleToTotal(widths, twips(PAGE.textWidth)), size: columns.size, margin: twips(columns.paddingX) };
}

/** The table as the DOCX writer sets it: widths, type size, merges, the rows that keep with the next. */
export function tablePart(table: TableBlock): TablePart {
  const { widths, size, margin } = docxTableLayout(table);
  const grid = placeCells(table);
  const kept = keptRows(table, grid, rowHeights(table, grid, widths, size, margin));
  const cellWidth = (placed: PlacedCell) => widths.slice(placed.col, placed.col + placed.cell.colSpan).reduce((a, b) => a + b, 0);
  const rows = table.rows.map((row, r) => ({
    header: row.header,
    kept: kept[r]!,
    cells: gridCells(grid[r]!).map((placed): CellPart => {
      const { cell } = placed;
      const span = { width: cellWidth(placed), colSpan: cell.colSpan };
      // A row-spanning cell: vMerge restart here, and a continuation cell of its own in each later row.
      if (placed.row !== r) return { ...span, merge: 'continue', noWrap: false, paragraphs: [{ align: cell.align }] };
      return {
        ...span,
        ...(cell.rowSpan > 1 ? { merge: 'restart' as const } : {}),
        noWrap: isFigure(cell),
        paragraphs: cell.lines.map((text) => ({ align: cell.align, ...(cell.indent ? { indent: twips(cell.indent * size) } : {}), text })),
      };
    }),
  }));
  return { kind: 'table', widths, style: tableStyleId(size), margin, rows };
}

/** The cells of one grid row, each once, left to right: those starting in it and those continuing from above. */
function gridCells(row: Array<PlacedCell | undefined>): PlacedCell[] {
  return row.filter((placed, c): placed is PlacedCell => placed !== undefined && placed.col === c);
}

/**
 * Which rows keep with the next: the header rows and the first body row; every row but the last of a table with
 * row-spanning body groups that fits on a page; otherwise every row but the last of each row-spanning cell whose
 * rows fit on a page.
 */
function keptRows(table: TableBlock, grid: Array<Array<PlacedCell | undefined>>, heights: number[]): boolean[] {
  const headerRows = table.rows.filter((r) => r.header).length;
  const lastRow = table.rows.length - 1;
  const fits = (from: number, to: number) => heights.slice(from, to + 1).reduce((a, b) => a + b, 0) <= KEPT_WHOLE_SHARE * PAGE.textHeight;
  const keptWhole = hasBodyGroups(table) && fits(0, lastRow);
  const kept = table.rows.map((_, r) => r <= headerRows || (keptWhole && r < lastRow));
  for (let r = headerRows; r < table.rows.length; r++) {
    for (const placed of gridCells(grid[r]!)) {
      const { rowSpan } = placed.cell;
      if (placed.row !== r || rowSpan < 2 || !fits(r, r + rowSpan - 1)) continue;
      for (let k = r; k < r + rowSpan - 1; k++) kept[k] = true;
    }
  }
  return kept;
}

const hasBodyGroups = (table: TableBlock) => table.rows.some((row) => !row.header && row.cells.some((cell) => cell.rowSpan > 1));

/** Points each row takes: as tall as its tallest cell's wrapped lines (a row-spanning cell shares its lines among its rows). */
function rowHeights(table: TableBlock, grid: Array<Array<PlacedCell | undefined>>, widths: number[], size: number, margin: number): number[] {
  return table.rows.map((_, r) => {
    let lines = 1;
    for (const placed of grid[r]!) {
      if (!placed || placed.row !== r) continue;
      const width = widths.slice(placed.col, placed.col + placed.cell.colSpan).reduce((a, b) => a + b, 0) / 20 - (2 * margin) / 20;
      const perLine = Math.max(1, Math.floor(width / size));
      const cellLines = placed.cell.lines.reduce((n, line) => n + Math.max(1, Math.ceil(textCells(line) / perLine)), 0);
      lines = Math.max(lines, Math.ceil(cellLines / placed.cell.rowSpan));
    }
    return lines * size * TABLE_LINE_FACTOR + 1;
  });
}

/** Integer twips that add up exactly to the table width. */
function scaleToTotal(widths: number[], total: number): number[] {
  const sum = widths.reduce((a, b) => a + b, 0);
  const rounded = widths.map((w) => Math.floor((w / sum) * total));
  let rest = total - rounded.reduce((a, b) => a + b, 0);
  for (let i = 0; rest > 0; i = (i + 1) % rounded.length, rest--) rounded[i]!++;
  return rounded;
}
