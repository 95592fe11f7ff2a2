/** The legacy format (reports for 2008–2018): 统计表, 公文 elements, section list, traditional characters. */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { STATISTICS_ROWS } from '../src/formats/legacy/statistics-rows.js';
import { prepareReport } from '../src/pipeline/prepare-report.js';
import { docxTables } from './readers/docx.js';
import { pdfFonts, pdfInfo, pdfWordList } from './readers/pdf.js';
import { findLabel, wordsBeside } from './helpers/pdf-labels.js';
import { buildInto, ROOT, runCli, tempDir, variantOf } from './helpers/cli.js';
import { requireTools } from './helpers/require-tool.js';

requireTools('pdftotext', 'pdffonts', 'pdfinfo');

const XINFENG = 'data/xinfeng/2017.yaml';
const DONGFENG = 'data/dongfeng/2011.yaml';
/** The 统计表 of 信丰县2017 as published, which the example corrects (test/corpus/make-corpus.mjs). */
const PUBLISHED = 'test/corpus/bad/l1-l8-xinfeng-as-published.yaml';
const TABLE_SIZE = 12;

describe('信丰县2017 (seed 001): the 统计表', () => {
  let built: ReturnType<typeof buildInto>;
  let words: ReturnType<typeof pdfWordList>;
  let table: ReturnType<typeof docxTables>[number];
  beforeAll(() => {
    built = buildInto(join(ROOT, XINFENG));
    words = pdfWordList(built.pdf);
    table = docxTables(readFileSync(built.docx))[0]!;
  });

  it('builds the example, whose 统计表 is consistent, without a warning', () => {
    expect(built.result.stderr.trim().split('\n').filter((line) => !line.includes(' 提示 '))).toEqual([]);
  });

  it('prints the inconsistencies of the published figures as warnings and still builds', () => {
    const out = tempDir('published');
    const result = runCli(['build', PUBLISHED, '-o', out, '--to', 'html']);
    expect(result.code, result.stderr).toBe(0);
    const warnings = result.stderr.trim().split('\n').filter((line) => !line.includes(' 提示 '));
    expect(warnings.map((w) => /警告 (L\d)/.exec(w)?.[1])).toEqual(['L1', 'L8', 'L8']);
    expect(warnings[0]).toMatch(/^test\/corpus\/bad\/l1-l8-xinfeng-as-published\.yaml:\d+:\d+ 警告 L1 统计表「（一）收到申请数」填写 3，但其分项之和为 0（1\.当面申请数 0 \+ 2\.传真申请数 0 \+ 3\.网络申请数 0 \+ 4\.信函申请数 0）$/);
    expect(warnings[1]).toContain('「（二）申请办结数」0 少于「（一）收到申请数」3');
    expect(warnings[2]).toContain('「（三）申请答复数」0 少于「（一）收到申请数」3');
    expect(result.stdout).toMatch(/^已生成 \S+l1-l8-xinfeng-as-published\.html$/m);
  });

  it('has every row in the DOCX, in order, with label, unit and indentation level', () => {
    expect(table.rows[0]!.cells.map((c) => c.text)).toEqual(['统计指标', '单位', '统计数']);
    expect(table.rows[0]!.isHeader).toBe(true);
    const body = table.rows.slice(1);
    expect(body).toHaveLength(STATISTICS_ROWS.length);
    body.forEach((row, i) => {
      const spec = STATISTICS_ROWS[i]!;
      expect(row.cells[0]!.text, `row ${i + 1}`).toBe(spec.label);
      expect(row.cells[1]!.text, spec.label).toBe(spec.unit);
      expect(row.cells[0]!.indentLeft, spec.label).toBe(spec.level * TABLE_SIZE * 20);
      if (!spec.path) expect(row.cells[2]!.text, spec.label).toBe('');
    });
  });

  it('has every row in the PDF, in order, with its unit beside it and indented by level', () => {
    let previous: { page: number; yMin: number } | undefined = { page: Math.min(...words.filter((w) => w.text === '统计指标').map((w) => w.page)), yMin: 0 };
    const left: number[] = [];
    for (const row of STATISTICS_ROWS) {
      const found = findLabel(words, row.label, undefined, previous);
      expect(found, row.label).toBeDefined();
      expect(wordsBeside(words, found!)[0], row.label).toBe(row.unit);
      left[row.level] ??= found!.xMin - row.level * TABLE_SIZE;
      expect(found!.xMin - row.level * TABLE_SIZE, `${row.label} indentation`).toBeCloseTo(left[row.level]!, 0);
      previous = { page: found!.page, yMin: found!.yMin };
    }
    expect(new Set(left.map((x) => Math.round(x))).size).toBe(1);
  });

  it('computes the implied sums and prints figures as typed, blanks as blanks', () => {
    const value = (label: string) => {
      const row = table.rows.find((r) => r.cells[0]!.text === label)!;
      return row.cells[2]!.text;
    };
    expect(value('（三）从事政府信息公开工作人员数')).toBe('93');
    expect(value('（一）收到申请数')).toBe('3');
    expect(value('四、行政复议数量')).toBe('0');
    expect(value('（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）')).toBe('41105');
    expect(value('4.微博微信回应事件数')).toBe('');
  });

  it('computes a sum that is not typed, without a warning', () => {
    const file = variantOf(XINFENG, (text) => text.replace(/received:\s*\{\s*total:\s*3,\s*/, 'received: { '));
    const prepared = prepareReport(file);
    expect(prepared.findings.filter((f) => f.rule === 'L1')).toEqual([]);
    const cells = prepared.document.blocks.flatMap((b) => (b.kind === 'table' ? b.rows.flatMap((r) => r.cells) : []));
    // 0 + 0 + 3 + 0 from the four channels.
    expect(cells.find((c) => c.dataPath === 'statistics.requests.received.total')!.lines).toEqual(['3']);
  });

  it('prints the 统计表 as 附件 on a new page after the 落款, and the 版记 at the foot of the last page', () => {
    const pages = pdfInfo(built.pdf).pages;
    const signaturePage = Math.max(...words.filter((w) => w.text.startsWith('2018年2月12日') && !w.text.includes('印发')).map((w) => w.page));
    const attachment = words.find((w) => w.text === '附件')!;
    expect(attachment.page).toBe(signaturePage + 1);
    expect(words.find((w) => w.text === '附件：政府信息公开情况统计表')!.page).toBeLessThanOrEqual(signaturePage);
    const colophon = words.filter((w) => w.text === '信丰县人民政府办公室' || w.text === '2018年2月12日印发');
    expect(colophon.map((w) => w.page)).toEqual([pages, pages]);
    const bottom = ((297 - 35) * 72) / 25.4;
    for (const w of colophon) expect(bottom - w.yMax).toBeLessThan(16);
    expect(words.find((w) => w.text === '市政府办公厅：')!.page).toBe(1);
  });

  it('generates the opening sentence from the section list', () => {
    const prepared = prepareReport(join(ROOT, XINFENG));
    const headings = prepared.document.blocks.flatMap((b) => (b.kind === 'heading' && b.level === 1 ? [b.text] : []));
    expect(headings).toEqual([
      '概述',
      '主动公开政府信息情况',
      '依申请公开政府信息和不予公开政府信息情况',
      '政府信息公开的收费及减免情况',
      '因政府信息公开申请行政复议、提起行政诉讼的情况',
      '政府信息公开工作存在的主要问题及改进措施',
      '其他需要报告的事项',
    ]);
    const intro = prepared.document.blocks.find((b) => b.kind === 'paragraph' && b.text.startsWith('根据'))!;
    expect(intro.kind === 'paragraph' && intro.text).toContain(`全文包括${headings.join('，')}。`);
  });
});

describe('東鳳鎮2011 (seed 004): traditional characters, no 统计表', () => {
  let built: ReturnType<typeof buildInto>;
  beforeAll(() => {
    built = buildInto(join(ROOT, DONGFENG));
  });

  it('renders with embedded fonts and extracts as typed', () => {
    for (const font of pdfFonts(built.pdf)) expect(font).toMatchObject({ embedded: true, subset: true });
    const text = pdfWordList(built.pdf).map((w) => w.text).join('');
    expect(text).toContain('中山市東鳳鎮人民政府');
    expect(text).toContain('東鳳鎮政府網站');
    expect(text).not.toContain('统计表');
  });

  it('leaves out 七 when there is nothing else to report', () => {
    const prepared = prepareReport(join(ROOT, DONGFENG));
    const numbers = prepared.document.blocks.flatMap((b) => (b.kind === 'heading' && b.level === 1 ? [b.number] : []));
    expect(numbers).toEqual(['一、', '二、', '三、', '四、', '五、', '六、']);
  });
});

describe('format selection', () => {
  it('chooses legacy up to 2018', () => {
    expect(prepareReport(join(ROOT, DONGFENG)).format.id).toBe('legacy');
  });

  it('warns, naming the rule, when a 2020 report uses the legacy structure', () => {
    const file = variantOf(DONGFENG, (text) => text.replace(/^year: 2011/m, 'year: 2020\nformat: legacy').replace(/^issued: .*$/m, 'issued: 2021-01-20'));
    const result = runCli(['build', file, '-o', tempDir('out')]);
    expect(result.code).toBe(0);
    expect(result.stderr.trim().split('\n').find((line) => line.includes('E5'))).toMatch(
      /:\d+:\d+ 警告 E5 2020年的报告按规则应使用 national-2019 版式（2018年及以前用 legacy，2019–2020年用 national-2019，2021年起用 national-2021），此处指定了 legacy$/,
    );
  });
});

describe('公文 dates', () => {
  it('refuse a 印发日期 before the 成文日期 (seed 001 printed 2018年1月12日)', () => {
    const file = variantOf(XINFENG, (text) => text.replace(/printed_on:\s*2018-02-12/, 'printed_on: 2018-01-12'));
    const result = runCli(['build', file, '-o', tempDir('out')]);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n').filter((l) => !l.includes('警告'))).toEqual([
      expect.stringMatching(/:\d+:\d+ 错误 E8 印发日期 2018年1月12日 早于成文日期 2018年2月12日；印发日期不得早于成文日期$/),
    ]);
  });
});
