/**
 * A workbook of the official tables: each sheet holds one or more tables laid out cell for cell as the report
 * prints them (labels and merges come from the templates), figures as numbers, totals as formulas, input cells
 * unlocked and validated, everything else protected without a password, A4 print setup with repeated headers.
 * The same input gives the same bytes: the times come from the caller and the zip entries are re-stamped.
 */
import ExcelJS from 'exceljs';
import type { ReportFormat } from '../formats/format.js';
import type { TableBlock } from '../model/document.js';
import { placeCells } from '../model/table-grid.js';
import { setZipEntryTimes } from '../writers/docx/reproducible-zip.js';
import type { OfficialTable } from './official-tables.js';
import { describeCell, type ValueCell } from './table-cells.js';

/** What a value cell shows: a typed figure (blank when null) or a formula with its current result. */
export type CellContent = { value: number | null } | { formula: string; result: number };

export interface SheetSpec {
  name: string;
  org: string;
  year: number;
  tables: OfficialTable[];
  /**
   * The content of a value cell; `address` gives the address of another value cell on this sheet. Input cells
   * are those whose content is a value.
   */
  content: (cell: ValueCell, address: (dataPath: string) => string) => CellContent;
  /** The unit an amount is stated in where the data declares it (2019 采购总金额: 元 or 万元). */
  unitOf?: (cell: ValueCell) => string | undefined;
}

export interface WorkbookMeta {
  title: string;
  creator: string;
  created: Date;
}

/** Rows above the first table: the sheet's title and the line naming the organisation and year. */
const TITLE_ROWS = 2;
const FONT = '宋体';
/** Width of the widest table in Excel character units (fits A4 portrait at about 90 %). */
const SHEET_WIDTH = 100;
/** Width of a table of four columns (表二) stacked with wider ones. */
const NARROW_TABLE_WIDTH = 60;
const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF7D6' } };
const TOTAL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

export interface PlacedTable {
  table: OfficialTable;
  /** 1-based sheet row of the table's first row. */
  firstRow: number;
}

/** Where the tables of a sheet go: stacked, each under a title row, with a blank row between. */
export function placeTables(tables: OfficialTable[]): { placed: PlacedTable[]; addresses: Map<string, string> } {
  const placed: PlacedTable[] = [];
  const addresses = new Map<string, string>();
  let row = tables.length === 1 ? TITLE_ROWS + 1 : TITLE_ROWS;
  for (const table of tables) {
    if (tables.length > 1) row += 2; // a blank row, then the table's own title
    placed.push({ table, firstRow: row });
    for (const cell of placeCells(table.table).flat()) {
      if (cell?.cell.dataPath) addresses.set(cell.cell.dataPath, address(row + cell.row, cell.col + 1));
    }
    row += table.table.rows.length;
  }
  return { placed, addresses };
}

export function columnLetter(col: number): string {
  let letters = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

const address = (row: number, col: number) => `${columnLetter(col)}${row}`;

/** SUM over cells, written as ranges where they run on in a row or a column. */
export function sumFormula(addresses: string[]): string {
  const cells = addresses.map((a) => {
    const m = /^([A-Z]+)(\d+)$/.exec(a)!;
    return { col: m[1]!, row: Number(m[2]) };
  });
  const runs: string[] = [];
  let start = 0;
  for (let i = 1; i <= cells.length; i++) {
    const prev = cells[i - 1]!;
    const cur = cells[i];
    const continues = cur && ((cur.col === prev.col && cur.row === prev.row + 1) || (cur.row === prev.row && colNumber(cur.col) === colNumber(prev.col) + 1));
    const sameDirection = cur && i - start >= 2 ? (cur.col === prev.col) === (cells[start]!.col === prev.col) : true;
    if (continues && sameDirection) continue;
    const first = cells[start]!;
    runs.push(i - 1 === start ? `${first.col}${first.row}` : `${first.col}${first.row}:${prev.col}${prev.row}`);
    start = i;
  }
  return `SUM(${runs.join(',')})`;
}

function colNumber(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

export async function writeWorkbook(format: ReportFormat, sheets: SheetSpec[], meta: WorkbookMeta): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = meta.creator;
  workbook.lastModifiedBy = meta.creator;
  workbook.title = meta.title;
  workbook.created = meta.created;
  workbook.modified = meta.created;
  workbook.calcProperties.fullCalcOnLoad = true;
  for (const spec of sheets) await addSheet(workbook, format, spec);
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  return setZipEntryTimes(bytes, meta.created);
}

async function addSheet(workbook: ExcelJS.Workbook, format: ReportFormat, spec: SheetSpec): Promise<void> {
  const { placed, addresses } = placeTables(spec.tables);
  const widest = Math.max(...spec.tables.map((t) => t.table.columns.length));
  const landscape = widest > 10;
  const sheet = workbook.addWorksheet(spec.name, {
    pageSetup: {
      paperSize: 9,
      orientation: landscape ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.6, right: 0.6, top: 0.8, bottom: 0.8, header: 0.4, footer: 0.4 },
    },
    headerFooter: {
      oddHeader: `&C&"${FONT}"${escapeHeader(`${spec.org}　${spec.year}年度　${spec.name}`)}`,
      oddFooter: `&C&"${FONT}"第 &P 页，共 &N 页`,
    },
  });

  // Stacked tables share the sheet's columns: each column is as wide as the widest table needs it.
  const widths = new Array<number>(widest).fill(0);
  for (const { table } of spec.tables) columnWidths(table, spec.tables.length > 1 && table.columns.length <= 4 ? NARROW_TABLE_WIDTH : SHEET_WIDTH).forEach((w, i) => (widths[i] = Math.max(widths[i]!, w)));
  widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  const lastColumn = columnLetter(widest);

  const title = sheet.getCell('A1');
  title.value = spec.tables.length === 1 ? heading(spec.tables[0]!) : `${spec.org}${spec.year}年政府信息公开情况`;
  title.font = { name: FONT, size: 14, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.mergeCells(`A1:${lastColumn}1`);
  sheet.getRow(1).height = 26;
  const info = sheet.getCell('A2');
  info.value = `填报单位：${spec.org}　　　　报告年度：${spec.year}年`;
  info.font = { name: FONT, size: 11 };
  info.alignment = { horizontal: 'left', vertical: 'middle' };
  sheet.mergeCells(`A2:${lastColumn}2`);

  const contents = new Map<string, CellContent>();
  const described = new Map<string, ValueCell>();
  for (const { table } of placed) {
    for (const row of table.table.rows) {
      for (const cell of row.cells) {
        if (!cell.dataPath) continue;
        const info = describeCell(format, cell.dataPath);
        if (!info) throw new Error(`no statistic field for table cell ${cell.dataPath}`);
        described.set(cell.dataPath, info);
      }
    }
  }
  const at = (dataPath: string) => {
    const found = addresses.get(dataPath);
    if (!found) throw new Error(`table cell ${dataPath} is not on sheet ${spec.name}`);
    return found;
  };
  for (const info of described.values()) contents.set(info.dataPath, spec.content(info, at));

  for (const { table, firstRow } of placed) {
    if (spec.tables.length > 1) {
      const titleRow = firstRow - 1;
      const cell = sheet.getCell(titleRow, 1);
      cell.value = heading(table);
      cell.font = { name: FONT, size: 12, bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle' };
      sheet.mergeCells(titleRow, 1, titleRow, table.table.columns.length);
      sheet.getRow(titleRow).height = 22;
      // Each table of a stacked sheet starts a printed page.
      if (table !== placed[0]!.table) sheet.getRow(titleRow - 1).addPageBreak();
    }
    writeTable(sheet, table.table, firstRow, widths, (dataPath, target) => {
      const info = described.get(dataPath)!;
      const content = contents.get(dataPath)!;
      const unit = info.money ? spec.unitOf?.(info) : undefined;
      target.numFmt = info.money ? (unit ? `0.00"${unit}"` : '0.00') : '0';
      target.border = THIN;
      if ('formula' in content) {
        target.value = { formula: content.formula, result: content.result };
        target.fill = TOTAL_FILL;
        return;
      }
      target.value = content.value;
      target.fill = INPUT_FILL;
      target.protection = { locked: false };
      target.dataValidation = validation(info, table.name, unit);
    });
  }

  // One table: its header rows and label columns stay in view and its header rows print on every page. Stacked
  // tables: only the sheet's title lines stay in view.
  const first = placed[0]!;
  if (spec.tables.length === 1) {
    const headerEnd = first.firstRow - 1 + leadingHeaderRows(first.table.table);
    sheet.views = [{ state: 'frozen', xSplit: leadingLabelColumns(first.table.table), ySplit: headerEnd, showGridLines: false }];
    sheet.pageSetup.printTitlesRow = `1:${headerEnd}`;
  } else sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: TITLE_ROWS, showGridLines: false }];
  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
}

function heading(table: OfficialTable): string {
  return table.name === '统计表' ? table.title : `${table.name}　${table.title}`;
}

/** Header and footer text: & starts a code there, so a literal one is doubled. */
function escapeHeader(text: string): string {
  return text.replaceAll('&', '&&');
}

function writeTable(
  sheet: ExcelJS.Worksheet,
  table: TableBlock,
  firstRow: number,
  widths: number[],
  writeValue: (dataPath: string, cell: ExcelJS.Cell) => void,
): void {
  const heights = table.rows.map(() => 1);
  const placed = [...new Set(placeCells(table).flat())].filter((p) => p !== undefined);
  for (const { cell, row: r, col: c } of placed) {
    const top = firstRow + r;
    const left = c + 1;
    const target = sheet.getCell(top, left);
    if (cell.rowSpan > 1 || cell.colSpan > 1) sheet.mergeCells(top, left, top + cell.rowSpan - 1, left + cell.colSpan - 1);
    for (let dr = 0; dr < cell.rowSpan; dr++) for (let dc = 0; dc < cell.colSpan; dc++) sheet.getCell(top + dr, left + dc).border = THIN;
    target.alignment = {
      horizontal: cell.align === 'justify' ? 'left' : cell.align,
      vertical: 'middle',
      wrapText: true,
      ...(cell.indent ? { indent: cell.indent } : {}),
    };
    target.font = { name: FONT, size: 11, ...(cell.header ? { bold: true } : {}) };
    if (cell.dataPath) writeValue(cell.dataPath, target);
    else target.value = cell.lines.join('\n') || null;
    // Lines the text needs at this width, spread over the rows the cell spans.
    const width = widths.slice(c, c + cell.colSpan).reduce((a, b) => a + b, 0);
    const lines = cell.lines.reduce((n, line) => n + Math.max(1, Math.ceil((textWidth(line) + 1 + cell.indent * 2) / Math.max(width - 1, 1))), 0);
    for (let dr = 0; dr < cell.rowSpan; dr++) heights[r + dr] = Math.max(heights[r + dr]!, lines / cell.rowSpan);
  }
  heights.forEach((lines, r) => (sheet.getRow(firstRow + r).height = Math.max(20, Math.ceil(lines) * 15 + 5)));
}

/** Width of text in Excel character units: a CJK character takes two. */
function textWidth(text: string): number {
  return [...text].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e7f ? 2 : 1), 0);
}

/** The table's relative column widths scaled to `width` character units. */
function columnWidths(table: TableBlock, width: number): number[] {
  const total = table.columns.reduce((a, b) => a + b, 0);
  return table.columns.map((w) => Math.round((w / total) * width * 10) / 10);
}

/** Rows at the top made only of header cells: frozen and repeated on every printed page. */
function leadingHeaderRows(table: TableBlock): number {
  const grid = placeCells(table);
  let n = 0;
  while (n < grid.length && grid[n]!.every((p) => p && !p.cell.dataPath && (p.cell.header || table.rows[n]!.header))) n++;
  return n;
}

/** Columns at the left that hold no figure in any row (the row labels): frozen. */
function leadingLabelColumns(table: TableBlock): number {
  const grid = placeCells(table);
  let n = 0;
  while (n < table.columns.length && grid.every((row) => !row[n]?.cell.dataPath)) n++;
  return n;
}

function validation(info: ValueCell, table: string, unit?: string): ExcelJS.DataValidation {
  const expected = info.signed ? '整数（减少填负数）' : info.money ? `不小于 0 的数（可有小数${unit ? `，单位：${unit}` : ''}）` : '不小于 0 的整数';
  const blank = info.blankAllowed ? '；没有统计的可留空' : '；没有的填 0';
  return {
    type: info.money ? 'decimal' : 'whole',
    operator: info.signed ? 'between' : 'greaterThanOrEqual',
    formulae: info.signed ? [-999999999, 999999999] : [0],
    allowBlank: info.blankAllowed,
    showInputMessage: true,
    promptTitle: table,
    prompt: `${info.place}：请填写${expected}${blank}`.slice(0, 255),
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: '数字不符合要求',
    error: `${info.place}应为${expected}`.slice(0, 255),
  };
}
