/**
 * Tables flow with the text: a table starts under its heading when the heading, its header and two rows fit, and is
 * cut between rows, each piece with the header and the labels of its groups; the document is laid out once, by the writer.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Block, ReportDocument, TableRow } from '../src/model/document.js';
import { moduleUrl, projectPath, runScript, tempDir } from './helpers/cli.js';
import { pdfWordList, type PdfWord } from './readers/pdf.js';
import { checkLayout } from './readers/pdf-layout.js';
import { requireTools } from './helpers/require-tool.js';

requireTools('pdftotext', 'pdffonts', 'pdfinfo', 'pdftocairo');

/**
 * In a new process: writes the document as a PDF and returns how many of pdfmake's layout modules were loaded
 * (the writer lays out every page itself, and pdfmake's renderer draws them).
 */
function writeListingLayoutModules(document: ReportDocument, pdf: string): string {
  const script = `
    import { createRequire } from 'node:module';
    import { writeFileSync } from 'node:fs';
    const require = createRequire(${projectPath('package.json')});
    (await import(${moduleUrl('dist/patches/apply-library-patches.js')})).applyLibraryPatches();
    const { FontRegistry } = await import(${moduleUrl('dist/fonts/font-registry.js')});
    const { writePdf } = await import(${moduleUrl('dist/writers/pdf/write-pdf.js')});
    const document = JSON.parse(process.env.DOCUMENT, (key, value) => (key === 'created' ? new Date(value) : value));
    writeFileSync(${JSON.stringify(pdf)}, await writePdf(document, FontRegistry.create()));
    const layout = ['LayoutBuilder', 'DocMeasure', 'DocPreprocessor', 'TableProcessor'];
    console.log(layout.filter((name) => Object.keys(require.cache).some((file) => file.endsWith('/pdfmake/js/' + name + '.js'))).join(' '));`;
  const env = { ...process.env, DOCUMENT: JSON.stringify(document) };
  return runScript(script, env).trim();
}

const meta: ReportDocument['meta'] = { title: '测试', author: '测试', subject: '测试', created: new Date('2022-01-20T00:00:00Z'), language: 'zh-CN' };
const cell = (text: string) => ({ lines: [text], rowSpan: 1, colSpan: 1, align: 'center' as const, header: false, indent: 0 });
const paragraph = (text: string): Block => ({ kind: 'paragraph', text, indent: true, align: 'justify', role: 'body' });
const filler = '本乡坚持以公开为常态、不公开为例外，围绕群众关切的重点领域，及时准确发布政府信息。';
const heading: Block = { kind: 'heading', level: 1, number: '三、', text: '收到和处理政府信息公开申请情况' };

function build(blocks: Block[]): { layoutModules: string; words: PdfWord[] } {
  const pdf = join(tempDir('page-breaks'), 'out.pdf');
  const layoutModules = writeListingLayoutModules({ meta, blocks }, pdf);
  return { layoutModules, words: pdfWordList(pdf) };
}

const pageOf = (words: PdfWord[], text: string) => words.find((w) => w.text.includes(text))?.page;

const headerRow: TableRow = { header: true, cells: [cell('组别'), cell('项目'), cell('数量')] };

describe('a table after most of a page of text', () => {
  // Three groups of eight rows, each under a label spanning the group: the table starts under its heading and is cut
  // between rows onto the next page.
  const rows: TableRow[] = Array.from({ length: 24 }, (_, r) => ({
    header: false,
    cells: [...(r % 8 === 0 ? [{ ...cell(`第${r / 8 + 1}组`), rowSpan: 8 }] : []), cell(`甲${r + 1}行`), cell(String(r))],
  }));
  const blocks: Block[] = [...Array.from({ length: 6 }, () => paragraph(filler)), heading, { kind: 'table', caption: '表', columns: [1, 2, 1], rows: [headerRow, ...rows] }];
  const pdf = join(tempDir('page-breaks'), 'flow.pdf');
  let layoutModules: string;
  let words: PdfWord[];
  beforeAll(() => {
    layoutModules = writeListingLayoutModules({ meta, blocks }, pdf);
    words = pdfWordList(pdf);
  });

  it('starts the table under its heading on the same page', () => {
    expect(pageOf(words, '收到和处理')).toBe(1);
    expect(pageOf(words, '甲1行')).toBe(1);
    expect(pageOf(words, '甲24行')).toBe(2);
  });

  it('repeats the header row and the label of a cut group on the next page', () => {
    expect(words.filter((w) => w.text === '组别').map((w) => w.page)).toEqual([1, 2]);
    const cut = rows.findIndex((_, r) => pageOf(words, `甲${r + 1}行`) === 2);
    const group = `第${Math.floor(cut / 8) + 1}组`;
    if (cut % 8 !== 0) expect(words.filter((w) => w.text === group).map((w) => w.page)).toEqual([1, 2]);
    for (let r = 1; r <= 24; r++) expect(words.filter((w) => w.text === `甲${r}行`), `row ${r}`).toHaveLength(1);
  });

  it('breaks no page rule', () => {
    expect(checkLayout(pdf)).toEqual([]);
  });

  it('is laid out by the writer alone: none of pdfmake\'s layout modules is loaded', () => {
    expect(layoutModules).toBe('');
  });
});

describe('a heading whose table cannot start on the page', () => {
  // Twenty lines used: the heading, the header row and two rows do not fit in the two left.
  const rows: TableRow[] = Array.from({ length: 6 }, (_, r) => ({ header: false, cells: [cell(`丙${r + 1}行`), cell('1'), cell('2')] }));
  const lines20 = filler.repeat(15).slice(0, 20 * 28 - 2);
  let words: PdfWord[];
  beforeAll(() => {
    ({ words } = build([paragraph(lines20), heading, { kind: 'table', caption: '表', columns: [1, 2, 1], rows: [headerRow, ...rows] }]));
  });

  it('moves the heading to the next page with the table', () => {
    expect(pageOf(words, '收到和处理')).toBe(2);
    expect(pageOf(words, '丙1行')).toBe(2);
  });
});

describe('a table whose cells hold long unbreakable Latin words', () => {
  const word = 'W'.repeat(11);
  const rows: TableRow[] = Array.from({ length: 11 }, (_, r) => ({
    header: false,
    cells: [cell(`乙${r + 1}行`), cell(Array.from({ length: 4 }, () => word).join(' '))],
  }));
  const pdf = join(tempDir('page-breaks'), 'latin.pdf');
  let words: PdfWord[];
  beforeAll(() => {
    writeListingLayoutModules({ meta, blocks: [paragraph(filler), heading, { kind: 'table', caption: '表', columns: [1, 1], rows }] }, pdf);
    words = pdfWordList(pdf);
  });

  it('loses no row and breaks no page rule', () => {
    for (let r = 1; r <= rows.length; r++) expect(pageOf(words, `乙${r}行`), `row ${r}`).toBeDefined();
    expect(words.filter((w) => w.text === word)).toHaveLength(4 * rows.length);
    expect(checkLayout(pdf)).toEqual([]);
  });
});
