/** The PDF as a reader sees it: text and positions (pdftotext -bbox), fonts (pdffonts), page geometry. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pdfFonts, pdfInfo, pdfWordList } from './readers/pdf.js';
import { OFFICIAL_TABLES } from './spec/official-tables.js';
import { builtExample, EXAMPLES, exampleData, expectedTable3 } from './helpers/examples.js';
import { buildInto, variantOf } from './helpers/cli.js';
import { findLabel, wordsBeside } from './helpers/pdf-labels.js';
import { requireTools } from './helpers/require-tool.js';

requireTools('pdftotext', 'pdffonts', 'pdfinfo', 'qpdf');

type Word = ReturnType<typeof pdfWordList>[number];

const mm = (v: number) => (v * 72) / 25.4;
const BOX = { left: mm(28), right: mm(210 - 26), top: mm(37), bottom: mm(297 - 35) };

/** Numbers printed in the same table row as a label, left to right. */
const numbersBeside = (words: Word[], label: NonNullable<ReturnType<typeof findLabel>>) => wordsBeside(words, label).filter((t) => /^-?\d+(\.\d+)?(万元|元)?$/.test(t));

describe.each(EXAMPLES)('$format PDF', ({ file, format }) => {
  let pdf: string;
  let words: ReturnType<typeof pdfWordList>;
  let info: ReturnType<typeof pdfInfo>;
  beforeAll(() => {
    ({ pdf } = builtExample(file));
    words = pdfWordList(pdf);
    info = pdfInfo(pdf);
  });
  const data = exampleData(file);
  const spec = OFFICIAL_TABLES[format];
  const pageOf = (text: string) => words.find((w) => w.text.startsWith(text))?.page;

  it('is A4 and embeds every font as a subset', () => {
    expect(info.pageSize.width).toBeCloseTo(595.28, 1);
    expect(info.pageSize.height).toBeCloseTo(841.89, 1);
    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThanOrEqual(3);
    for (const font of fonts) expect(font, font.name).toMatchObject({ embedded: true, subset: true });
  });

  it('prints every label of the official tables, each in one cell', () => {
    for (const table of [spec.table2, spec.table3, spec.table4]) {
      for (const cell of table.flat()) {
        if (!cell.value) expect(findLabel(words, cell.text), cell.text).toBeDefined();
      }
    }
  });

  it('repeats the header rows of a table on each page it continues on, and prints each row once', () => {
    const headerPages = [...new Set(words.filter((w) => w.text === '申请人情况').map((w) => w.page))];
    const rowPages = ['一、本年新收政府信息公开申请数量', '四、结转下年度继续办理'].map((label) => findLabel(words, label)!.page);
    expect(headerPages).toEqual([...new Set([rowPages[0]!, ...Array.from({ length: rowPages[1]! - rowPages[0]! }, (_, i) => rowPages[0]! + i + 1)])]);
    for (const label of ['一、本年新收政府信息公开申请数量', '四、结转下年度继续办理', '（七）总计']) {
      expect(words.filter((w) => w.text === label), label).toHaveLength(1);
    }
  });

  it('prints each 表三 figure in its row and column', () => {
    const expected = expectedTable3(data);
    const labels = spec.table3.slice(3).map((row) => row.filter((c) => !c.value).at(-1)!.text);
    expect(labels).toHaveLength(expected.length);
    labels.forEach((label, i) => {
      const found = findLabel(words, label);
      expect(found, label).toBeDefined();
      expect(numbersBeside(words, found!), label).toEqual(expected[i]!.values.map(String));
    });
  });

  it('prints the 表四 figures with the computed totals', () => {
    const page = pageOf('复议后起诉')!;
    const headerBottom = Math.max(...words.filter((w) => w.page === page && w.text === '审结').map((w) => w.yMax));
    const figures = words
      .filter((w) => w.page === page && /^\d+$/.test(w.text) && w.yMin > headerBottom && w.yMin < headerBottom + 40)
      .sort((a, b) => a.xMin - b.xMin)
      .map((w) => Number(w.text));
    const block = (b: Record<string, number>) => [b.upheld!, b.corrected!, b.other!, b.pending!, b.upheld! + b.corrected! + b.other! + b.pending!];
    expect(figures).toEqual([...block(data.appeals.review), ...block(data.appeals.litigation_direct), ...block(data.appeals.litigation_after_review)]);
  });

  it('prints the 表二 figures in their rows', () => {
    const row = (label: string) => numbersBeside(words, findLabel(words, label)!);
    const a = data.active;
    if (format === 'national-2021') {
      expect(row('规章')).toEqual([a.regulations.issued, a.regulations.repealed, a.regulations.in_force].map(String));
      expect(row('行政规范性文件')).toEqual([a.normative_documents.issued, a.normative_documents.repealed, a.normative_documents.in_force].map(String));
      expect(row('行政许可')).toEqual([String(a.licensing)]);
      expect(row('行政处罚')).toEqual([String(a.punishment)]);
      expect(row('行政强制')).toEqual([String(a.coercion)]);
      expect(row('行政事业性收费')).toHaveLength(1);
    } else {
      expect(row('规章')).toEqual([a.regulations.made, a.regulations.published, a.regulations.total].map(String));
      expect(row('行政许可')).toEqual([a.licensing.previous, a.licensing.change, a.licensing.decisions].map(String));
      expect(row('行政事业性收费')).toEqual([a.fees.previous, a.fees.change].map(String));
      expect(row('政府集中采购')).toEqual([String(a.procurement.projects), `${a.procurement.amount}${a.procurement.unit}`]);
    }
  });

  it('keeps all text inside the 版心 and puts "— N —" below it, odd pages right and even pages left', () => {
    for (let page = 1; page <= info.pages; page++) {
      const onPage = words.filter((w) => w.page === page);
      const body = onPage.filter((w) => w.yMax < BOX.bottom + 2);
      for (const w of body) {
        expect(w.xMin, `${w.text} p${page}`).toBeGreaterThan(BOX.left - 1);
        expect(w.xMax, `${w.text} p${page}`).toBeLessThan(BOX.right + 1);
        expect(w.yMin, `${w.text} p${page}`).toBeGreaterThan(BOX.top - 8);
      }
      const footer = onPage.filter((w) => w.yMin > BOX.bottom).sort((a, b) => a.xMin - b.xMin);
      expect(footer.map((w) => w.text).join(' ')).toBe(`— ${page} —`);
      const yCentre = (footer[0]!.yMin + footer[0]!.yMax) / 2;
      expect(yCentre - BOX.bottom).toBeGreaterThan(mm(4));
      expect(yCentre - BOX.bottom).toBeLessThan(mm(12));
      if (page % 2 === 1) expect(footer.at(-1)!.xMax).toBeCloseTo(BOX.right - 14, -1);
      else expect(footer[0]!.xMin).toBeCloseTo(BOX.left + 14, -1);
    }
  });
});

describe('a full page of body text', () => {
  // Paragraphs of ten lines, so that no page is shortened by keeping two lines of a paragraph together.
  const paragraph = '本乡坚持以公开为常态、不公开为例外，围绕群众关切的重点领域，及时准确发布政府信息，持续提升政府信息公开工作的规范化水平，切实保障人民群众的知情权、参与权和监督权。'.repeat(3);
  const file = variantOf('data/2021.yaml', (text) =>
    text.replace(/^(\s*)## (.*)$/m, (line, indent: string) => `${line}\n${Array.from({ length: 14 }, () => indent + paragraph).join(`\n${indent}\n`)}`),
  );
  let pdf: string;
  let words: ReturnType<typeof pdfWordList>;
  let lines: typeof words;
  beforeAll(() => {
    ({ pdf } = buildInto(file));
    words = pdfWordList(pdf).filter((w) => w.page === 2 && w.yMax < BOX.bottom + 2);
    lines = [...new Map(words.map((w) => [Math.round(w.yMin), w])).values()].sort((a, b) => a.yMin - b.yMin);
  });

  it('has 22 lines at a 28.95 pt pitch', () => {
    expect(lines).toHaveLength(22);
    const gaps = lines.slice(1).map((w, i) => w.yMin - lines[i]!.yMin);
    for (const gap of gaps) expect(gap).toBeCloseTo(28.95, 1);
  });

  it('sets 28 characters on a full line, inside the text width', () => {
    const lengths = lines.map((l) => words.filter((w) => Math.round(w.yMin) === Math.round(l.yMin)).map((w) => w.text).join('').length);
    expect(Math.max(...lengths)).toBe(28);
    const widest = Math.max(...words.map((w) => w.xMax));
    expect(widest).toBeGreaterThan(BOX.right - 3);
    expect(widest).toBeLessThan(BOX.right + 1);
  });

  it('draws each line of one face as one or two text objects, not one per character', () => {
    const page = join(mkdtempSync(join(tmpdir(), 'report-gen-page-')), 'page2.pdf');
    execFileSync('qpdf', ['--qdf', '--object-streams=disable', pdf, '--pages', pdf, '2', '--', page]);
    const textObjects = readFileSync(page, 'latin1').split('\n').filter((line) => line === 'BT').length;
    // 22 body lines, each one run (a justified line's last character is a run of its own, as character spacing
    // must not follow it: text-runs.ts), and the page number ("—", digit, "—" in two faces).
    expect(textObjects).toBeGreaterThanOrEqual(22);
    expect(textObjects).toBeLessThanOrEqual(2 * 22 + 3);
  });
});
