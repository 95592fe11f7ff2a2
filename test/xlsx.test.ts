/**
 * report-gen sheet and import: the workbook against the official grids, its protection, validation, print set-up
 * and bytes; YAML → XLSX → YAML for every example; a hand-made variant; each kind of bad cell.
 */
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { copyFileSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { seededRandom } from '../src/bench/seeded-random.js';
import { checkSource } from '../src/pipeline/check-report.js';
import { getAt } from '../src/compute/statistics.js';
import { YamlSource } from '../src/load/yaml-source.js';
import { ReportError } from '../src/report-error/finding.js';
import { planImport } from '../src/xlsx/import-workbook.js';
import { reportWorkbook } from '../src/xlsx/report-workbook.js';
import { expectOfficialGrid, type ActualCell } from './helpers/grid.js';
import { ROOT, runCli, tempDir } from './helpers/cli.js';
import { OFFICIAL_TABLES } from './spec/official-tables.js';
import { runImport, runSheet } from '../src/cli/sheet-commands.js';
import { runInit } from '../src/cli/scaffold-commands.js';
import { ALL_EXAMPLES, cellAt, inputCells, loadWorkbook, randomFigures, runInProcess, sourceOf } from './helpers/workbook.js';

/**
 * The table on a sheet as rows of cells with their spans (table starts at row 3). Merges are read from the
 * sheet's XML, values through exceljs.
 */
function sheetGrid(sheet: ExcelJS.Worksheet, xlsx: string, index: number): ActualCell[][] {
  const xml = strFromU8(unzipSync(readFileSync(xlsx))[`xl/worksheets/sheet${index}.xml`]!);
  const spans = new Map<string, { rowSpan: number; colSpan: number }>();
  const covered = new Set<string>();
  for (const [, range] of xml.matchAll(/<mergeCell ref="([A-Z]+\d+:[A-Z]+\d+)"\/>/g)) {
    const [a, b] = range!.split(':').map((ref) => sheet.getCell(ref!));
    spans.set(a!.address, { rowSpan: Number(b!.row) - Number(a!.row) + 1, colSpan: Number(b!.col) - Number(a!.col) + 1 });
    for (let r = Number(a!.row); r <= Number(b!.row); r++) for (let c = Number(a!.col); c <= Number(b!.col); c++) if (r !== Number(a!.row) || c !== Number(a!.col)) covered.add(`${r}:${c}`);
  }
  const cached = new Map([...xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*><f>[^<]*<\/f><v>([^<]*)<\/v>/g)].map((m) => [m[1]!, m[2]!]));
  const rows: ActualCell[][] = [];
  for (let r = 3; r <= sheet.rowCount; r++) {
    const row: ActualCell[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) {
      if (covered.has(`${r}:${c}`)) continue;
      const cell = sheet.getCell(r, c);
      const value = cell.value as ExcelJS.CellValue;
      // A formula shows its cached result, read from the XML (exceljs drops a cached 0).
      const text = value && typeof value === 'object' && 'formula' in value ? (cached.get(cell.address) ?? '') : String(value ?? '');
      row.push({ text, ...(spans.get(cell.address) ?? { rowSpan: 1, colSpan: 1 }) });
    }
    rows.push(row);
  }
  return rows;
}

/** A data file's workbook, written in this process. */
async function workbookOf(file: string): Promise<string> {
  const xlsx = join(tempDir('sheet'), 'tables.xlsx');
  writeFileSync(xlsx, await reportWorkbook(checkSource(sourceOf(file), { crossYear: false })));
  return xlsx;
}

/** The ReportError an import stops with. */
async function importError(xlsx: string, data: string): Promise<ReportError> {
  const error = await planImport(xlsx, YamlSource.read(data)).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ReportError)) throw new Error(`import did not stop with a finding: ${String(error)}`);
  return error;
}

describe.each([
  { file: 'data/2020.yaml', format: 'national-2019' as const },
  { file: 'data/2021.yaml', format: 'national-2021' as const },
])('$format workbook', ({ file, format }) => {
  const xlsx = workbookOf(file);

  it('has 表二, 表三 and 表四 with the official labels and merges, figures as numbers', async () => {
    const workbook = await loadWorkbook(await xlsx);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['表二', '表三', '表四']);
    const spec = OFFICIAL_TABLES[format];
    expectOfficialGrid(sheetGrid(workbook.getWorksheet('表二')!, await xlsx, 1), spec.table2, '表二');
    expectOfficialGrid(sheetGrid(workbook.getWorksheet('表三')!, await xlsx, 2), spec.table3, '表三');
    expectOfficialGrid(sheetGrid(workbook.getWorksheet('表四')!, await xlsx, 3), spec.table4, '表四');
    const data = checkSource(sourceOf(file), { crossYear: false }).data;
    const sheet = workbook.getWorksheet('表三')!;
    expect(cellAt(sheet, '（一）予以公开', '自然人').value).toBe((data.requests as { results: { disclosed: number[] } }).results.disclosed[0]);
    expect(sheet.getCell('A2').value).toContain(String(data.year));
    expect(sheet.getCell('A2').value).toContain((data.org as { name: string }).name);
  });

  it('makes totals formulas, unlocks and validates only the input cells, and protects the sheet without a password', async () => {
    const workbook = await loadWorkbook(await xlsx);
    const sheet = workbook.getWorksheet('表三')!;
    const total = cellAt(sheet, '一、本年新收政府信息公开申请数量', '总计');
    expect(total.formula).toMatch(/^SUM\(D\d+:I\d+\)$/);
    const results = cellAt(sheet, '（七）总计', '自然人');
    expect(results.formula).toMatch(/^SUM\(D\d+:D\d+\)$/);
    expect(total.protection?.locked).not.toBe(false);
    const input = cellAt(sheet, '（一）予以公开', '自然人');
    expect(input.protection).toMatchObject({ locked: false });
    expect(input.dataValidation).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual', formulae: [0], showInputMessage: true });
    expect(input.dataValidation.prompt).toContain('「（一）予以公开」「自然人」');
    const zip = unzipSync(readFileSync(await xlsx));
    const sheetXml = strFromU8(zip['xl/worksheets/sheet2.xml']!);
    expect(sheetXml).toMatch(/<sheetProtection sheet="1"[^>]*\/>/);
    expect(sheetXml).not.toMatch(/hashValue|password/);
    expect(sheetXml).toMatch(/<pageSetup[^>]*paperSize="9"/);
    expect(sheetXml).toMatch(/<pane[^>]*ySplit="5"[^>]*state="frozen"/);
    expect(strFromU8(zip['xl/workbook.xml']!)).toMatch(/<definedName name="_xlnm\.Print_Titles" localSheetId="1">(&apos;)?表三(&apos;)?!\$1:\$5<\/definedName>/);
    expect(sheetXml).toMatch(/<oddHeader>[^<]*\d{4}年度/);
    expect(strFromU8(zip['xl/worksheets/sheet1.xml']!)).toMatch(/<dataValidation type="decimal"/);
  });
});

describe('determinism', () => {
  it('report-gen sheet writes out/…/2021.xlsx with the same bytes as a second write; SOURCE_DATE_EPOCH sets the times', async () => {
    const dir = tempDir('sheet');
    const result = await runInProcess(() => runSheet([join(ROOT, 'data/2021.yaml')], { outDir: dir }));
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^已生成 .*2021\.xlsx\n$/);
    const written = readFileSync(join(dir, '2021.xlsx'));
    await new Promise((done) => setTimeout(done, 1100));
    expect(readFileSync(await workbookOf('data/2021.yaml')).equals(written)).toBe(true);
    expect(strFromU8(unzipSync(written)['docProps/core.xml']!)).toContain('2022-01-17T16:00:00Z');
    process.env.SOURCE_DATE_EPOCH = '1700000000';
    try {
      const core = strFromU8(unzipSync(readFileSync(await workbookOf('data/2021.yaml')))['docProps/core.xml']!);
      expect(core).toContain('2023-11-14T22:13:20Z');
    } finally {
      delete process.env.SOURCE_DATE_EPOCH;
    }
  });
});

describe('legacy workbook', () => {
  it('has the 统计表 with its figures; totals the file leaves to be computed are formulas, typed ones stay as typed', async () => {
    const workbook = await loadWorkbook(await workbookOf('data/xinfeng/2017.yaml'));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['统计表']);
    const sheet = workbook.getWorksheet('统计表')!;
    expect(sheet.getCell('A1').value).toBe('政府信息公开情况统计表');
    const data = checkSource(sourceOf('data/xinfeng/2017.yaml'), { crossYear: false }).data as any;
    expect(cellAt(sheet, '1.当面申请数', '统计数').value).toBe(data.statistics.requests.received.in_person ?? null);
  });
});

describe('YAML → XLSX → YAML', () => {
  it.each(ALL_EXAMPLES)('%s: a workbook of random figures imported gives exactly those figures; its own workbook changes no byte', async (file) => {
    const source = sourceOf(file);
    const dir = tempDir('roundtrip');
    const own = join(dir, 'own.xlsx');
    writeFileSync(own, await reportWorkbook(checkSource(source, { crossYear: false })));
    const unchanged = await planImport(own, source);
    expect(unchanged.changes).toEqual([]);
    expect(unchanged.text).toBe(source.text);

    const seed = 1000 + ALL_EXAMPLES.indexOf(file);
    const random = randomFigures(source, seededRandom(seed));
    const randomSource = YamlSource.parse(random.text, file, source.absolutePath);
    const workbook = join(dir, 'random.xlsx');
    writeFileSync(workbook, await reportWorkbook(checkSource(randomSource, { crossYear: false })));
    const plan = await planImport(workbook, source);
    const imported = YamlSource.parse(plan.text, file, source.absolutePath).toJS();
    for (const cell of inputCells(source)) {
      expect(getAt(imported, cell.yamlPath) ?? null, `seed ${seed}: ${cell.label}`).toEqual(random.figures.get(cell.yamlPath.join('.')));
    }
    // Only figures changed: with figures taken out, every line is still there, in order (a file without a
    // 统计表 gets its rows added).
    const strip = (text: string) => text.split('\n').map((l) => l.replace(/-?\d+(\.\d+)?|~|\s+/g, ''));
    const after = strip(plan.text);
    let at = 0;
    for (const line of strip(source.text)) {
      while (at < after.length && after[at] !== line) at++;
      expect(at, `line “${line}” kept`).toBeLessThan(after.length);
      at++;
    }
    const addsTable = inputCells(source)[0]!.field.table === '统计表' && getAt(source.toJS(), ['statistics']) === undefined;
    if (!addsTable) expect(after).toHaveLength(strip(source.text).length);
  });
});

describe('import', () => {
  const fresh = async () => {
    const dir = tempDir('import');
    const data = join(dir, '2021.yaml');
    copyFileSync(join(ROOT, 'data/2021.yaml'), data);
    const xlsx = join(dir, '2021.xlsx');
    writeFileSync(xlsx, await reportWorkbook(checkSource(YamlSource.read(data), { crossYear: false })));
    return { dir, data, xlsx, before: readFileSync(data, 'utf8') };
  };

  it('accepts a hand-made variant: title row added, table moved to another sheet, text numbers and full-width digits', async () => {
    const { data, xlsx, before } = await fresh();
    const workbook = await loadWorkbook(xlsx);
    const original = workbook.getWorksheet('表三')!;
    const moved = workbook.addWorksheet('Sheet1');
    moved.getCell('A1').value = '樟木乡 2021年 依申请公开情况（请于1月10日前报送）';
    const shiftRows = 3;
    const shiftCols = 2;
    original.eachRow((row, r) => row.eachCell({ includeEmpty: true }, (cell, c) => {
      if (cell.isMerged && cell.master !== cell) return;
      moved.getCell(r + shiftRows, c + shiftCols).value = cell.value;
    }));
    const xml = strFromU8(unzipSync(readFileSync(xlsx))['xl/worksheets/sheet2.xml']!);
    for (const [, range] of xml.matchAll(/<mergeCell ref="([A-Z]+\d+:[A-Z]+\d+)"\/>/g)) {
      const [a, b] = range!.split(':').map((ref) => original.getCell(ref!));
      moved.mergeCells(Number(a!.row) + shiftRows, Number(a!.col) + shiftCols, Number(b!.row) + shiftRows, Number(b!.col) + shiftCols);
    }
    workbook.removeWorksheet(original.id);
    cellAt(moved, '（一）予以公开', '自然人').value = '３';
    cellAt(moved, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '自然人').value = ' 0 ';
    cellAt(moved, '四、结转下年度继续办理', '自然人').value = '1';
    const variant = xlsx.replace('.xlsx', '-variant.xlsx');
    await workbook.xlsx.writeFile(variant);

    const plan = await planImport(variant, YamlSource.read(data));
    expect(plan.changes.map((c) => `${c.label} ${c.before} → ${c.after}`)).toEqual([
      '表三「（一）予以公开」「自然人」 2 → 3',
      '表三「（二）部分公开（区分处理的，只计这一情形，不计其他情形）」「自然人」 1 → 0',
    ]);
    const notices = plan.notices.map((f) => f.message.replace(/^\S+ /, ''));
    expect(notices).toEqual([
      expect.stringMatching(/^Sheet1!F\d+ 表三「（一）予以公开」「自然人」：“３”按数字 3 读入（以文字形式保存、全角数字）$/),
      expect.stringMatching(/^Sheet1!F\d+ 表三「（二）部分公开[^」]*」「自然人」：“ 0 ”按数字 0 读入（以文字形式保存、前后有空格）$/),
      expect.stringMatching(/^Sheet1!F\d+ 表三「四、结转下年度继续办理」「自然人」：“1”按数字 1 读入（以文字形式保存）$/),
    ]);

    const done = await runInProcess(() => runImport(variant, data, { dryRun: true }));
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toContain('表三「（一）予以公开」「自然人」 2 → 3\n');
    expect(readFileSync(data, 'utf8')).toBe(before);
    writeFileSync(data, plan.text);
    const changed = plan.text.split('\n').filter((line, i) => line !== before.split('\n')[i]);
    expect(changed).toEqual([
      '    disclosed:         [3, 1, 0, 0, 0, 0]            # （一）予以公开',
      '    partly_disclosed:  [0, 0, 0, 0, 0, 0]            # （二）部分公开（区分处理的，只计这一情形，不计其他情形）',
    ]);
    expect(checkSource(YamlSource.read(data)).findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  const badCells: Array<[string, (s: ExcelJS.Worksheet) => ExcelJS.Cell, ExcelJS.CellValue, number, RegExp]> = [
    ['a blank cell', (s) => cellAt(s, '（一）予以公开', '自然人'), null, 2, /表三「（一）予以公开」「自然人」未填写/],
    ['a negative number', (s) => cellAt(s, '（一）予以公开', '商业企业'), -1, 1, /表三「（一）予以公开」「商业企业」应为不小于 0 的整数，实际为 -1/],
    ['a fraction in a count', (s) => cellAt(s, '1.本机关不掌握相关政府信息', '自然人'), 1.5, 2, /应为不小于 0 的整数，实际为小数 1\.5/],
    ['text in a figure cell', (s) => cellAt(s, '2.重复申请', '其他'), '两件', 2, /应为不小于 0 的整数，实际为文字“两件”/],
    ['a typed total that disagrees with its parts', (s) => cellAt(s, '一、本年新收政府信息公开申请数量', '总计'), 9, 1, /「一、本年新收政府信息公开申请数量」「总计」是合计，应为各项之和 7，实际填写 9/],
  ];
  it.each(badCells)('reports %s with sheet!cell and its exit code', async (_kind, pick, value, code, message) => {
    const { data, xlsx } = await fresh();
    const workbook = await loadWorkbook(xlsx);
    const cell = pick(workbook.getWorksheet('表三')!);
    cell.value = value;
    await workbook.xlsx.writeFile(xlsx);
    const error = await importError(xlsx, data);
    expect(error.exitCode).toBe(code);
    expect(error.findings).toHaveLength(1);
    expect(error.findings[0]!.message).toMatch(new RegExp(`2021\\.xlsx 表三!${cell.address} [^\\n]*${message.source}`));
  });

  it('from the command line: one message per bad cell, exit 2, no stack trace, the data file untouched', async () => {
    const { data, xlsx, before } = await fresh();
    const workbook = await loadWorkbook(xlsx);
    cellAt(workbook.getWorksheet('表三')!, '（一）予以公开', '自然人').value = null;
    cellAt(workbook.getWorksheet('表三')!, '（一）予以公开', '商业企业').value = -2;
    await workbook.xlsx.writeFile(xlsx);
    const result = runCli(['import', xlsx, data]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/2021\.xlsx 表三!D8 表三「（一）予以公开」「自然人」未填写/),
      expect.stringMatching(/2021\.xlsx 表三!E8 表三「（一）予以公开」「商业企业」应为不小于 0 的整数，实际为 -2$/),
    ]);
    expect(readFileSync(data, 'utf8')).toBe(before);
  });

  it('refuses a workbook without the tables, and figures that break a rule, writing nothing', async () => {
    const { dir, data, xlsx, before } = await fresh();
    const empty = new ExcelJS.Workbook();
    empty.addWorksheet('Sheet1').getCell('A1').value = '自然人';
    const other = join(dir, 'other.xlsx');
    await empty.xlsx.writeFile(other);
    const lastYear = join(dir, '2020.yaml');
    copyFileSync(join(ROOT, 'data/2020.yaml'), lastYear);
    const wrongYear = await importError(xlsx, lastYear);
    expect(wrongYear.exitCode).toBe(2);
    expect(wrongYear.findings[0]!.message).toMatch(/2021\.xlsx 是 2021 年的工作簿，数据文件 .*2020\.yaml 是 2020 年的$/);
    const missing = await importError(other, data);
    expect(missing.exitCode).toBe(2);
    expect(missing.findings[0]!.message).toContain('找不到表二');
    const workbook = await loadWorkbook(xlsx);
    cellAt(workbook.getWorksheet('表三')!, '（一）予以公开', '自然人').value = 5;
    await workbook.xlsx.writeFile(xlsx);
    const broken = await runInProcess(() => runImport(xlsx, data, {}));
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('表三「（一）予以公开」「自然人」 2 → 5');
    expect(broken.stderr).toMatch(/R1 表三「自然人」列/);
    expect(broken.stderr).toContain('未修改');
    expect(readFileSync(data, 'utf8')).toBe(before);
  });
});

describe('init --xlsx', () => {
  it('writes a blank workbook for the organisation whose input cells are empty and whose totals are formulas', async () => {
    const dir = tempDir('init');
    const file = join(dir, '2022.yaml');
    const xlsx = join(dir, 'blank.xlsx');
    // A profile is read only from inside the data file's project: here its own folder.
    cpSync(join(ROOT, 'data/example-county/orgs/dongshan.yaml'), join(dir, 'dongshan.yaml'));
    const result = await runInProcess(() => runInit(file, { org: join(dir, 'dongshan.yaml'), xlsx }));
    expect(result.code, result.stderr).toBe(0);
    const sheet = (await loadWorkbook(xlsx)).getWorksheet('表三')!;
    expect(String(sheet.getCell('A2').value)).toMatch(/东山.*2022年/);
    expect(cellAt(sheet, '（一）予以公开', '自然人').value).toBeNull();
    expect(cellAt(sheet, '（一）予以公开', '总计').formula).toMatch(/^SUM/);
    const blank = await importError(xlsx, file);
    expect(blank.exitCode).toBe(2);
    expect(blank.findings[0]!.message).toMatch(/blank\.xlsx 表二!B5 表二「规章」「本年制发件数」未填写/);
  });
});
