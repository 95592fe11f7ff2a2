/** Workbooks in tests: the examples, cells found by their printed labels, and random figures for round trips. */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkSource } from '../../src/pipeline/check-report.js';
import { YamlSource } from '../../src/load/yaml-source.js';
import { editInPlace } from '../../src/scaffold/edit-in-place.js';
import { officialTables } from '../../src/xlsx/official-tables.js';
import { describeCell, type ValueCell } from '../../src/xlsx/table-cells.js';
import { ROOT } from './cli.js';

/** Every example data file, all editions. */
export const ALL_EXAMPLES = [
  'data/2020.yaml',
  'data/2021.yaml',
  'data/xinfeng/2017.yaml',
  'data/dongfeng/2011.yaml',
  'data/example-county/county/2021.yaml',
  'data/example-county/dongshan/2021.yaml',
];

export function sourceOf(file: string): YamlSource {
  const absolute = join(ROOT, file);
  return YamlSource.parse(readFileSync(absolute, 'utf8'), file, absolute);
}

/** The input cells (not totals) of a data file's tables. */
export function inputCells(source: YamlSource): ValueCell[] {
  const { format, data } = checkSource(source, { crossYear: false });
  const tables = officialTables(format, data.year as number, source.absolutePath);
  const paths = tables.flatMap((t) => t.table.rows.flatMap((r) => r.cells.map((c) => c.dataPath).filter((p): p is string => !!p)));
  return paths.map((p) => describeCell(format, p)!).filter((c) => !c.sumOf);
}

/** The data file with every input cell set to a random figure of its kind; returns the text and the figures. */
export function randomFigures(source: YamlSource, random: () => number): { text: string; figures: Map<string, number | null> } {
  const figures = new Map<string, number | null>();
  const edits = inputCells(source).map((cell) => {
    let value: number | null;
    if (cell.blankAllowed && random() < 0.2) value = null;
    else if (cell.money) value = Math.round(random() * 100000) / 100;
    else if (cell.signed) value = Math.floor(random() * 41) - 20;
    else value = Math.floor(random() * 60);
    figures.set(cell.yamlPath.join('.'), value);
    return { path: cell.yamlPath, text: value === null ? '~' : cell.money ? value.toFixed(2) : String(value) };
  });
  return { text: editInPlace(source.text, edits), figures };
}

/** The cell at the row whose label is `row` and the column headed `column` (both matched on whole cell text). */
export function cellAt(sheet: ExcelJS.Worksheet, row: string, column: string): ExcelJS.Cell {
  const norm = (v: ExcelJS.CellValue) => String(v ?? '').replace(/\s+/g, '');
  let r = 0;
  let c = 0;
  sheet.eachRow((each, n) =>
    each.eachCell((cell, m) => {
      if (!cell.isMerged || cell.master === cell) {
        if (!r && norm(cell.value) === row) r = n;
        if (!c && norm(cell.value) === column) c = m;
      }
    }),
  );
  if (!r || !c) throw new Error(`no cell for ${row} / ${column} on ${sheet.name}`);
  return sheet.getCell(r, c);
}

export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/** Runs a command's function in this process, capturing what it prints (faster than a new Node process). */
export async function runInProcess(command: () => number | Promise<number>): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = process.stdout.write;
  const err = process.stderr.write;
  process.stdout.write = ((chunk: string) => ((stdout += chunk), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string) => ((stderr += chunk), true)) as typeof process.stderr.write;
  try {
    const code = await command();
    return { code, stdout, stderr };
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
}
