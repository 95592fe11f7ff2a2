/**
 * An edition is a plug-in: the test-only edition in test/fixtures/editions/trial-2030 (the 2019 edition with one more
 * 表二 row, for 2030–2031) is registered here and nowhere else, and check, build, init and the JSON Schema take it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkFile } from '../src/pipeline/check-report.js';
import { FontRegistry } from '../src/fonts/font-registry.js';
import { chooseFormat, FORMATS, formatForYear, registerEdition } from '../src/formats/registry.js';
import { YamlSource } from '../src/load/yaml-source.js';
import { buildReport } from '../src/pipeline/build-report.js';
import { initDataFile } from '../src/scaffold/init-data-file.js';
import { reportJsonSchema } from '../src/schema/report-json-schema.js';
import { trial2030, HOTLINE_COLUMN, HOTLINE_ROW } from './fixtures/editions/trial-2030/edition.js';
import { tempDir } from './helpers/cli.js';
import { failureOf } from './helpers/failure.js';
import { docxTables } from './readers/docx.js';
import { pdfWordList } from './readers/pdf.js';

const BUILT_IN = FORMATS.map((f) => f.id);
const example = readFileSync('data/2020.yaml', 'utf8');

/** data/2020.yaml moved to `year`, with the trial edition's row when `answered` is given. */
function trialData(year: number, answered: number | undefined, edit: (text: string) => string = (t) => t): string {
  let text = example.replace(/^year: 2020$/m, `year: ${year}`).replace(/^issued: 2021-01-20/m, `issued: ${year + 1}-01-20`);
  if (answered !== undefined) text = text.replace(/^(  procurement: .*)$/m, `$1\n  hotline: { answered: ${answered} }`);
  return edit(text);
}

beforeAll(() => registerEdition(trial2030));

describe('a registered edition', () => {
  it('is chosen for its years, and E5 states the year rule with it', () => {
    expect(FORMATS.map((f) => f.id)).toEqual([...BUILT_IN, 'trial-2030']);
    expect([2020, 2029, 2030, 2031, 2032].map((year) => formatForYear(year)?.id)).toEqual([
      'national-2019',
      'national-2021',
      'trial-2030',
      'trial-2030',
      'national-2021',
    ]);
    const { warnings } = chooseFormat({ year: 2030, format: 'national-2021' }, YamlSource.parse('year: 2030\nformat: national-2021\n', 'x.yaml'));
    expect(warnings.map((w) => w.message)).toEqual([
      '2030年的报告按规则应使用 trial-2030 版式（2018年及以前用 legacy，2019–2020年用 national-2019，2021年起用 national-2021，2030–2031年用 trial-2030），此处指定了 national-2021',
    ]);
  });

  it('check validates against its schema and names its own row', () => {
    const dir = tempDir('edition');
    writeFileSync(join(dir, '2030.yaml'), trialData(2030, undefined));
    expect(failureOf(() => checkFile(join(dir, '2030.yaml')))).toMatch(/2030\.yaml:68:3 错误 缺少必填项「active\.hotline」$/);
    writeFileSync(join(dir, '2030.yaml'), trialData(2030, undefined, (t) => t.replace(/^(  procurement: .*)$/m, '$1\n  hotline: { answered: 五十七 }')));
    expect(failureOf(() => checkFile(join(dir, '2030.yaml')))).toMatch(new RegExp(`2030\\.yaml:76:24 错误 表二「${HOTLINE_ROW}」「${HOTLINE_COLUMN}」应为非负整数，实际为 “五十七”$`));
    writeFileSync(join(dir, '2030.yaml'), trialData(2030, 57));
    const checked = checkFile(join(dir, '2030.yaml'));
    expect(checked.format.id).toBe('trial-2030');
    expect(checked.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(checked.statistics.cells.get('active.hotline.answered')).toBe('57');
  });

  it('check runs its own rules (R1) and its cross-year rules (R5, R6) against last year’s file', () => {
    const dir = tempDir('edition');
    writeFileSync(join(dir, '2030.yaml'), trialData(2030, 57));
    const unbalanced = trialData(2031, 12, (t) =>
      t
        .replace(/^(  carried_in: +)\[0, 0, 0, 0, 0, 0\]/m, '$1[2, 0, 0, 0, 0, 0]')
        .replace(/^(  licensing: +)\{ previous: 3,/m, '$1{ previous: 9,'),
    );
    writeFileSync(join(dir, '2031.yaml'), unbalanced);
    const rules = checkFile(join(dir, '2031.yaml')).findings.map((f) => f.rule);
    expect(rules).toEqual(expect.arrayContaining(['R1', 'R5', 'R6']));
  });

  it('build writes the DOCX, PDF and HTML from its own templates, with its extra row', async () => {
    const dir = tempDir('edition');
    writeFileSync(join(dir, '2030.yaml'), trialData(2030, 57));
    const out = join(dir, 'out');
    const { files, prepared } = await buildReport(join(dir, '2030.yaml'), { outDir: out, outputs: ['docx', 'pdf', 'html'], fonts: () => FontRegistry.create() });
    expect(files.map((f) => f.slice(out.length + 1))).toEqual(['2030.docx', '2030.pdf', '2030.html']);
    expect(prepared.templates.find((t) => t.name === 'active-table')?.file).toContain(join('fixtures', 'editions', 'trial-2030', 'templates'));

    const rows = docxTables(readFileSync(join(out, '2030.docx'))).flatMap((table) => table.rows.map((row) => row.cells.map((cell) => cell.text)));
    expect(rows).toContainEqual([HOTLINE_ROW, '57']);
    expect(readFileSync(join(out, '2030.html'), 'utf8')).toMatch(new RegExp(`<th[^>]*>${HOTLINE_ROW}</th><td[^>]*>57</td>`));
    const words = pdfWordList(join(out, '2030.pdf'));
    const label = words.find((w) => w.text === HOTLINE_ROW);
    expect(label).toBeDefined();
    // The figure sits on the label's line, to its right.
    expect(words.some((w) => w.text === '57' && w.page === label!.page && Math.abs(w.yMin - label!.yMin) < 2 && w.xMin > label!.xMax)).toBe(true);
  });

  it('init writes its rows and carries over with its own carry-over', () => {
    const dir = tempDir('edition');
    writeFileSync(join(dir, '2030.yaml'), trialData(2030, 57, (t) => t.replace(/^(  licensing: +)\{ previous: 3, change: 0,/m, '$1{ previous: 3, change: 2,')));
    const { text } = initDataFile({ file: join(dir, '2031.yaml'), from: join(dir, '2030.yaml') });
    expect(text).toContain(HOTLINE_ROW);
    const data = YamlSource.parse(text, '2031.yaml').toJS() as { active: Record<string, Record<string, unknown>> };
    expect(data.active.hotline).toHaveProperty('answered');
    expect(data.active.licensing!.previous).toBe(5);
    expect(checkFile(join(dir, '2031.yaml'), { crossYear: false }).format.id).toBe('trial-2030');
  });

  it('the JSON Schema has a branch for it, with its years and its row', () => {
    const branches = (reportJsonSchema().allOf as Array<{ then: { properties: Record<string, any>; description: string } }>).map((b) => b.then);
    expect(branches.map((b) => b.properties.format.const)).toEqual([...BUILT_IN, 'trial-2030']);
    const trial = branches[3]!;
    expect(trial.description).toBe('政府信息公开工作年度报告数据（trial-2030，2030–2031年）');
    expect(trial.properties.format.description).toBe('版式：trial-2030（2030–2031年的报告）；省略时按报告年度选择');
    expect(trial.properties.active.properties.hotline.properties.answered.description).toBe(`表二 ${HOTLINE_ROW} · ${HOTLINE_COLUMN}`);
    expect(trial.properties.active.required).toContain('hotline');
  });
});
