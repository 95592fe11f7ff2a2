/**
 * Official tables in DOCX: fixed layout at the full text width, merges as gridSpan/vMerge (docx inserts the
 * continuation cells itself), header rows repeated, rows never split. Keep rules sit only where they are
 * needed: the header rows and the first body row keep with the next row, so a table never starts with its
 * header alone at the foot of a page. A table with row-spanning groups among its body rows (表三) is kept whole
 * when it fits on a page: Word and LibreOffice print a merged cell's text only on the page where the merge
 * starts, so a group split over two pages would show an empty label cell on the second. (Word honours keep-with-next
 * on table rows; LibreOffice 7 does not, and there a 表三 that meets a page end still splits.)
 *
 * Column widths are fixed in twips and derived from the table's own columns: every column holding figures is
 * at least as wide as its widest figure at the table's type size, the label columns give up width first, and
 * when the figures still do not fit the table steps down a size. Figure cells do not wrap.
 */
import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  XmlComponent,
} from 'docx';
import { PAGE, twips } from '../../layout/page.js';
import { textCells } from '../../layout/signature.js';
import { tableFontSize } from '../../layout/typography.js';
import { placeCells } from '../../model/table-grid.js';
import type { Align, TableBlock, TableCell as ModelCell } from '../../model/document.js';
import { TABLE_STEP_SIZES, tableStyleId } from './docx-styles.js';

const ALIGNMENT = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const satisfies Record<Align, unknown>;

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };
/** 1 mm either side of the text in every cell; 0.5 mm at the smallest size, where 表四's 15 columns need it. */
const CELL_MARGIN_X = 57;
const TIGHT_CELL_MARGIN_X = 28;
const marginFor = (size: number) => (size <= Math.min(...TABLE_STEP_SIZES) ? TIGHT_CELL_MARGIN_X : CELL_MARGIN_X);
/** A label column keeps at least two characters. */
const MIN_LABEL_CHARS = 2;
/** A table with body groups is kept whole if its estimated height is at most this share of the type area. */
const KEPT_WHOLE_SHARE = 0.9;
/** Line height of table text as a multiple of its size, generous (Noto Sans CJK's is 1.45). */
const TABLE_LINE_FACTOR = 1.45;

class NoWrap extends XmlComponent {
  constructor() {
    super('w:noWrap');
  }
}

const isFigure = (cell: ModelCell) => cell.dataPath !== undefined || (!cell.header && cell.lines.length === 1 && /^[\d.,%-]+$/.test(cell.lines[0]!));

/** Twips a figure needs at `size` points: its half-width digits (Times New Roman's are ½ em), the cell margins and a little air. */
const figureWidth = (text: string, size: number) => twips(textCells(text) * size) + 2 * marginFor(size) + 10;

export interface TableLayout {
  widths: number[];
  size: number;
}

/** Fixed column widths (twips, summing to the text width) and the type size at which every figure fits. */
export function docxTableLayout(table: TableBlock): TableLayout {
  const total = twips(PAGE.textWidth);
  const grid = placeCells(table);
  const base = tableFontSize(table.columns.length);
  const sizes = [base, ...TABLE_STEP_SIZES.filter((s) => s < base)];
  let widths: number[] | undefined;
  let size = base;
  for (size of sizes) {
    widths = fitColumns(table, grid, size, total);
    if (widths) break;
  }
  return { widths: widths ?? scaleToTotal(table.columns.map((w) => w), total), size };
}

function fitColumns(table: TableBlock, grid: ReturnType<typeof placeCells>, size: number, total: number): number[] | undefined {
  const need = table.columns.map(() => 0);
  const figureColumn = table.columns.map(() => false);
  for (const row of grid)
    for (const placed of row) {
      if (!placed || placed.cell.colSpan !== 1 || !isFigure(placed.cell)) continue;
      figureColumn[placed.col] = true;
      need[placed.col] = Math.max(need[placed.col]!, ...placed.cell.lines.map((line) => figureWidth(line, size)));
    }
  const weight = table.columns.reduce((a, b) => a + b, 0);
  const widths = table.columns.map((w) => (w / weight) * total);
  const labelMin = twips(MIN_LABEL_CHARS * size) + 2 * marginFor(size);
  let deficit = 0;
  widths.forEach((w, c) => {
    if (w < need[c]!) {
      deficit += need[c]! - w;
      widths[c] = need[c]!;
    }
  });
  // Label columns give up width first, in proportion to what they have above their minimum; then wide figure columns.
  for (const donors of [widths.map((_, c) => !figureColumn[c]), widths.map((_, c) => figureColumn[c])]) {
    if (deficit <= 0) break;
    const floor = (c: number) => (figureColumn[c] ? need[c]! : Math.max(labelMin, need[c]!));
    const spare = widths.reduce((sum, w, c) => sum + (donors[c] ? Math.max(0, w - floor(c)) : 0), 0);
    if (spare <= 0) continue;
    const share = Math.min(1, deficit / spare);
    widths.forEach((w, c) => {
      if (!donors[c]) return;
      const give = Math.max(0, w - floor(c)) * share;
      widths[c] = w - give;
      deficit -= give;
    });
  }
  if (deficit > 0.5) return undefined;
  return scaleToTotal(widths, total);
}

export function docxTable(table: TableBlock): Table {
  const { widths, size } = docxTableLayout(table);
  const total = widths.reduce((a, b) => a + b, 0);
  const style = tableStyleId(size);
  const headerRows = table.rows.filter((r) => r.header).length;
  const keptWhole = hasBodyGroups(table) && estimatedHeight(table, widths, size) <= KEPT_WHOLE_SHARE * PAGE.textHeight;
  const lastRow = table.rows.length - 1;
  return new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders,
    margins: { left: marginFor(size), right: marginFor(size), top: 0, bottom: 0 },
    rows: table.rows.map(
      (row, r) =>
        new TableRow({
          ...(row.header ? { tableHeader: true } : {}),
          cantSplit: true,
          children: row.cells.map((cell) => {
            const made = new TableCell({
              ...(cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
              ...(cell.colSpan > 1 ? { columnSpan: cell.colSpan } : {}),
              verticalAlign: VerticalAlign.CENTER,
              children: cell.lines.map(
                (line) =>
                  new Paragraph({
                    style,
                    alignment: ALIGNMENT[cell.align],
                    ...(cell.indent ? { indent: { left: twips(cell.indent * size) } } : {}),
                    ...(r <= headerRows || (keptWhole && r < lastRow) ? { keepNext: true } : {}),
                    children: [new TextRun(line)],
                  }),
              ),
            });
            if (isFigure(cell)) noWrap(made);
            return made;
          }),
        }),
    ),
  });
}

const hasBodyGroups = (table: TableBlock) => table.rows.some((row) => !row.header && row.cells.some((cell) => cell.rowSpan > 1));

/** Points the table takes: each row as tall as its tallest cell's wrapped lines (a row-spanning cell counts in its first row). */
function estimatedHeight(table: TableBlock, widths: number[], size: number): number {
  const grid = placeCells(table);
  return table.rows.reduce((height, _, r) => {
    let lines = 1;
    for (const placed of grid[r]!) {
      if (!placed || placed.row !== r) continue;
      const width = widths.slice(placed.col, placed.col + placed.cell.colSpan).reduce((a, b) => a + b, 0) / 20 - (2 * marginFor(size)) / 20;
      const perLine = Math.max(1, Math.floor(width / size));
      const cellLines = placed.cell.lines.reduce((n, line) => n + Math.max(1, Math.ceil(textCells(line) / perLine)), 0);
      lines = Math.max(lines, Math.ceil(cellLines / placed.cell.rowSpan));
    }
    return height + lines * size * TABLE_LINE_FACTOR + 1;
  }, 0);
}

/** w:noWrap in the cell's properties, before w:vAlign as the schema orders them. */
function noWrap(cell: TableCell): void {
  const properties = (cell as unknown as { properties: { root: unknown[] } }).properties.root;
  const vAlign = properties.findIndex((child) => (child as { rootKey?: string }).rootKey === 'w:vAlign');
  properties.splice(vAlign < 0 ? properties.length : vAlign, 0, new NoWrap());
}

/** Integer twips that add up exactly to the table width. */
function scaleToTotal(widths: number[], total: number): number[] {
  const sum = widths.reduce((a, b) => a + b, 0);
  const rounded = widths.map((w) => Math.floor((w / sum) * total));
  let rest = total - rounded.reduce((a, b) => a + b, 0);
  for (let i = 0; rest > 0; i = (i + 1) % rounded.length, rest--) rounded[i]!++;
  return rounded;
}
