/**
 * Official tables in DOCX: fixed layout at the full text width, merges as gridSpan/vMerge (docx inserts the
 * continuation cells itself), header rows repeated, rows never split, the table kept on one page.
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
} from 'docx';
import { PAGE, twips } from '../../layout/page.js';
import { tableFontSize } from '../../layout/typography.js';
import type { Align, TableBlock } from '../../model/document.js';
import { tableStyleId } from './docx-styles.js';

const ALIGNMENT = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const satisfies Record<Align, unknown>;

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };
/** 1 mm either side of the text in every cell. */
const CELL_MARGIN_X = 57;

export function docxTable(table: TableBlock): Table {
  const total = twips(PAGE.textWidth);
  const weight = table.columns.reduce((a, b) => a + b, 0);
  const widths = scaleToTotal(table.columns.map((w) => (w / weight) * total), total);
  const size = tableFontSize(table.columns.length);
  const style = tableStyleId(size);
  const lastRow = table.rows.length - 1;
  return new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders,
    margins: { left: CELL_MARGIN_X, right: CELL_MARGIN_X, top: 0, bottom: 0 },
    rows: table.rows.map(
      (row, r) =>
        new TableRow({
          ...(row.header ? { tableHeader: true } : {}),
          cantSplit: true,
          children: row.cells.map(
            (cell) =>
              new TableCell({
                ...(cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
                ...(cell.colSpan > 1 ? { columnSpan: cell.colSpan } : {}),
                verticalAlign: VerticalAlign.CENTER,
                children: cell.lines.map(
                  (line) =>
                    new Paragraph({
                      style,
                      alignment: ALIGNMENT[cell.align],
                      ...(cell.indent ? { indent: { left: twips(cell.indent * size) } } : {}),
                      keepNext: r < lastRow,
                      children: [new TextRun(line)],
                    }),
                ),
              }),
          ),
        }),
    ),
  });
}

/** Integer twips that add up exactly to the table width. */
function scaleToTotal(widths: number[], total: number): number[] {
  const rounded = widths.map(Math.floor);
  let rest = total - rounded.reduce((a, b) => a + b, 0);
  for (let i = 0; rest > 0; i = (i + 1) % rounded.length, rest--) rounded[i]!++;
  return rounded;
}
