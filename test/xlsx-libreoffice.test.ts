/**
 * The workbooks in LibreOffice: it recalculates every formula (cached results removed first) to the totals
 * report-gen computes; a workbook LibreOffice has re-saved imports; the printed sheets carry the header.
 * Both conversions start at once, one soffice process each, with its own profile.
 */
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { checkFile, checkSource, type CheckedReport } from '../src/pipeline/check-report.js';
import { YamlSource } from '../src/load/yaml-source.js';
import { aggregateMembers } from '../src/scaffold/aggregate-members.js';
import { aggregateWorkbook } from '../src/xlsx/aggregate-workbook.js';
import { planImport } from '../src/xlsx/import-workbook.js';
import { officialTables } from '../src/xlsx/official-tables.js';
import { reportWorkbook } from '../src/xlsx/report-workbook.js';
import { placeTables } from '../src/xlsx/write-workbook.js';
import { ROOT, tempDir } from './helpers/cli.js';
import { pdfInfo, pdfPageText } from './readers/pdf.js';
import { seededRandom } from '../src/bench/seeded-random.js';
import { cellAt, loadWorkbook, randomFigures, sourceOf } from './helpers/workbook.js';
import { requireTools } from './helpers/require-tool.js';

requireTools('soffice', '/usr/lib/libreoffice/program/libsclo.so', 'pdftotext', 'pdffonts', 'pdfinfo');

function soffice(to: string, outDir: string, inputs: string[]): Promise<void> {
  const profile = mkdtempSync(join(tmpdir(), 'soffice-profile-'));
  return new Promise<void>((resolve, reject) => {
    const child = spawn('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', to, '--outdir', outDir, ...inputs], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`soffice ${to} failed (${code}): ${output}`))));
  }).finally(() => rmSync(profile, { recursive: true, force: true }));
}

/**
 * The values LibreOffice computed, as it saved them: every numeric cell of a sheet (sheets in workbook order),
 * read from the sheet's XML.
 */
function savedValues(xlsx: string, sheetIndex: number): Map<string, string> {
  const xml = strFromU8(unzipSync(readFileSync(xlsx))[`xl/worksheets/sheet${sheetIndex + 1}.xml`]!);
  const values = new Map<string, string>();
  for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*)>(?:<f[^>]*>[^<]*<\/f>|<f[^>]*\/>)?<v>([^<]*)<\/v><\/c>/g)) {
    if (!/t="(s|str|e|b)"/.test(m[2]!)) values.set(m[1]!, m[3]!);
  }
  return values;
}

/** A copy of a workbook with every cached formula result removed, so that what LibreOffice shows it computed. */
async function withoutCachedResults(file: string, out: string): Promise<number> {
  const workbook = await loadWorkbook(file);
  let formulas = 0;
  for (const sheet of workbook.worksheets) {
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        const value = cell.value;
        if (value && typeof value === 'object' && 'formula' in value) {
          cell.value = { formula: value.formula } as ExcelJS.CellFormulaValue;
          formulas++;
        }
      }),
    );
  }
  await workbook.xlsx.writeFile(out);
  return formulas;
}

describe('workbooks in LibreOffice', async () => {
  const dir = tempDir('xlsx-lo');
  const reports = new Map<string, CheckedReport>();
  const stripped: string[] = [];
  const formulaCounts = new Map<string, number>();
  // Random figures in every cell (the examples have too many zeros to tell one formula from another).
  const seed = 4242;
  for (const [name, file] of [['n2019', 'data/2020.yaml'], ['n2021', 'data/2021.yaml'], ['legacy', 'data/xinfeng/2017.yaml']] as const) {
    const source = sourceOf(file);
    const random = randomFigures(source, seededRandom(seed));
    const report = checkSource(YamlSource.parse(random.text, file, source.absolutePath), { crossYear: false });
    reports.set(name, report);
    writeFileSync(join(dir, `${name}.xlsx`), await reportWorkbook(report));
    formulaCounts.set(name, await withoutCachedResults(join(dir, `${name}.xlsx`), join(dir, `${name}-calc.xlsx`)));
    stripped.push(join(dir, `${name}-calc.xlsx`));
  }

  // The example county, summed into a new county file with its workbook.
  const county = join(dir, 'data', 'county'); // in a data/ folder, whose project holds orgs/
  cpSync(join(ROOT, 'data/example-county'), county, { recursive: true });
  const summed = aggregateMembers({ members: ['dongshan', 'nanhu', 'xishan'].map((m) => join(county, m)), out: join(county, 'sum', '2021.yaml'), org: join(county, 'orgs/county.yaml') });
  const countyReport = checkFile(summed.file, { crossYear: false });
  writeFileSync(join(dir, 'county.xlsx'), await aggregateWorkbook({ org: '示例县', year: 2021, issued: '2022-01-31', file: summed.file }, summed.reports));
  formulaCounts.set('county', await withoutCachedResults(join(dir, 'county.xlsx'), join(dir, 'county-calc.xlsx')));
  stripped.push(join(dir, 'county-calc.xlsx'));

  // A 2019-edition county of two members, one stating its 采购总金额 in 元.
  const county2019 = join(dir, 'county2019');
  cpSync(join(ROOT, 'data/2020.yaml'), join(county2019, 'a', '2020.yaml'));
  mkdirSync(join(county2019, 'b'));
  writeFileSync(join(county2019, 'b', '2020.yaml'), readFileSync(join(ROOT, 'data/2020.yaml'), 'utf8').replace('amount: 18.6, unit: 万元', 'amount: 52000, unit: 元'));
  const summed2019 = aggregateMembers({ members: [join(county2019, 'a'), join(county2019, 'b')], out: join(county2019, 'sum', '2020.yaml') });
  const county2019Report = checkFile(summed2019.file, { crossYear: false });
  writeFileSync(join(dir, 'county2019.xlsx'), await aggregateWorkbook({ org: '某县', year: 2020, issued: '2021-01-31', file: summed2019.file }, summed2019.reports));
  formulaCounts.set('county2019', await withoutCachedResults(join(dir, 'county2019.xlsx'), join(dir, 'county2019-calc.xlsx')));
  stripped.push(join(dir, 'county2019-calc.xlsx'));

  // A filled-in workbook (two figures changed, consistently) for LibreOffice to re-save.
  const filled = join(dir, 'filled', '2021.xlsx');
  mkdirSync(join(dir, 'filled'));
  writeFileSync(filled, await reportWorkbook(checkSource(sourceOf('data/2021.yaml'), { crossYear: false })));
  const workbook = await loadWorkbook(filled);
  const sheet3 = workbook.getWorksheet('表三')!;
  cellAt(sheet3, '一、本年新收政府信息公开申请数量', '自然人').value = 7;
  cellAt(sheet3, '（一）予以公开', '自然人').value = 3;
  await workbook.xlsx.writeFile(filled);

  // LibreOffice recalculates the workbooks without cached results and saves them: what it saves is what it computed.
  const resavedDir = join(dir, 'resaved');
  const pdfDir = join(dir, 'pdf');
  await Promise.all([soffice('xlsx', resavedDir, [...stripped, filled]), soffice('pdf', pdfDir, [join(dir, 'n2021.xlsx')])]);
  const computed = async (name: string, sheet: string) => {
    const file = join(resavedDir, `${name}-calc.xlsx`);
    const names = (await loadWorkbook(file)).worksheets.map((s) => s.name);
    expect(names).toContain(sheet);
    return savedValues(file, names.indexOf(sheet));
  };

  it.each(['n2019', 'n2021', 'legacy'])('%s: every formula total LibreOffice computes equals the total report-gen computes', async (name) => {
    const report = reports.get(name)!;
    const tables = officialTables(report.format, report.data.year as number, report.source.absolutePath);
    let compared = 0;
    for (const table of tables) {
      const { addresses } = placeTables([table]);
      const sheet = await computed(name, table.name);
      for (const [dataPath, address] of addresses) {
        const ours = report.statistics.cells.get(dataPath);
        const shown = sheet.get(address) ?? '';
        if (ours === undefined || ours === '') continue;
        expect(shown, `${table.name}!${address} ${dataPath} has a value`).not.toBe('');
        // Amounts print with their unit (18.6万元); the cell holds the number.
        expect(Number(shown), `seed ${seed}: ${table.name}!${address} ${dataPath}`).toBe(parseFloat(ours));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(formulaCounts.get(name)!);
  });

  it('county: the 汇总 sheet recalculates from the members\' sheets to the sums aggregate wrote', async () => {
    const tables = officialTables(countyReport.format, 2021, summed.file);
    const { addresses } = placeTables(tables);
    const summary = await computed('county', '汇总');
    for (const [dataPath, address] of addresses) {
      expect(Number(summary.get(address) ?? NaN), `汇总!${address} ${dataPath}`).toBe(Number(countyReport.statistics.cells.get(dataPath)));
    }
    expect(formulaCounts.get('county')).toBeGreaterThan(addresses.size);
    // The members' sheets hold each member's own figures.
    const nanhu = summed.reports.find((r) => r.source.absolutePath.includes('nanhu'))!;
    const sheetName = (nanhu.data.org as { short?: string; name: string }).short ?? (nanhu.data.org as { name: string }).name;
    expect(Number((await computed('county', sheetName)).get(addresses.get('requests.received.total')!))).toBe(Number(nanhu.statistics.cells.get('requests.received.total')));
  });

  it('county of the 2019 edition: a member\'s amount in 元 is converted to 万元 in the 汇总 formula', async () => {
    const tables = officialTables(county2019Report.format, 2020, summed2019.file);
    const { addresses } = placeTables(tables);
    const summary = await computed('county2019', '汇总');
    for (const [dataPath, address] of addresses) {
      expect(Number(summary.get(address) ?? NaN), `汇总!${address} ${dataPath}`).toBe(parseFloat(county2019Report.statistics.cells.get(dataPath)!));
    }
    expect(parseFloat(county2019Report.statistics.cells.get('active.procurement.amount')!)).toBe(23.8);
  });

  it('imports a workbook LibreOffice has re-saved: exactly the changed figures, no notices', async () => {
    const resaved = join(resavedDir, '2021.xlsx');
    expect(strFromU8(unzipSync(readFileSync(resaved))['docProps/app.xml']!)).toContain('LibreOffice');
    const plan = await planImport(resaved, sourceOf('data/2021.yaml'));
    expect(plan.changes.map((c) => `${c.label} ${c.before} → ${c.after}`)).toEqual([
      '表三「一、本年新收政府信息公开申请数量」「自然人」 6 → 7',
      '表三「（一）予以公开」「自然人」 2 → 3',
    ]);
    expect(plan.notices).toEqual([]);
    const result = checkSource(YamlSource.parse(plan.text, 'data/2021.yaml', join(ROOT, 'data/2021.yaml')), { crossYear: false });
    expect(result.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('prints one page per table on A4, with the organisation and year in the header of each', () => {
    const pdf = join(pdfDir, 'n2021.pdf');
    expect(existsSync(pdf)).toBe(true);
    const info = pdfInfo(pdf);
    expect(info.pages).toBe(3);
    const page3 = pdfPageText(pdf, 2).replace(/\s+/g, '');
    expect(page3).toContain('樟木乡人民政府2021年度表三');
    expect(page3).toContain('表三收到和处理政府信息公开申请情况');
    expect(page3).toContain('（七）总计');
    expect(page3).toContain('第2页，共3页');
  });
});
