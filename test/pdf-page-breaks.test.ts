/**
 * A heading moves to a new page with the table after it. When the pair is estimated to fit on a page it is kept
 * whole in the first layout pass; when the estimate is wrong, nothing of the table may be lost.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Block, ReportDocument, TableRow } from '../src/model/document.js';
import { moduleUrl, projectPath, runScript, tempDir } from './helpers/cli.js';
import { pdfWordList, type PdfWord } from './readers/pdf.js';

/** In a new process: writes the document as a PDF and returns how many times pdfmake laid it out. */
function writeCountingPasses(document: ReportDocument, pdf: string): number {
  const script = `
    import { createRequire } from 'node:module';
    import { writeFileSync } from 'node:fs';
    const require = createRequire(${projectPath('package.json')});
    const { FontRegistry } = await import(${moduleUrl('dist/fonts/font-registry.js')});
    const { writePdf } = await import(${moduleUrl('dist/writers/pdf/write-pdf.js')});
    const LayoutBuilder = require('pdfmake/js/LayoutBuilder.js').default;
    const layout = LayoutBuilder.prototype.tryLayoutDocument;
    let passes = 0;
    LayoutBuilder.prototype.tryLayoutDocument = function (...args) { passes++; return layout.apply(this, args); };
    const document = JSON.parse(process.env.DOCUMENT, (key, value) => (key === 'created' ? new Date(value) : value));
    writeFileSync(${JSON.stringify(pdf)}, await writePdf(document, FontRegistry.create()));
    console.log(passes);`;
  const env = { ...process.env, DOCUMENT: JSON.stringify(document) };
  return Number(runScript(script, env));
}

const meta: ReportDocument['meta'] = { title: '测试', author: '测试', subject: '测试', created: new Date('2022-01-20T00:00:00Z'), language: 'zh-CN' };
const cell = (text: string) => ({ lines: [text], rowSpan: 1, colSpan: 1, align: 'center' as const, header: false, indent: 0 });
const paragraph = (text: string): Block => ({ kind: 'paragraph', text, indent: true, align: 'justify', role: 'body' });
const filler = '本乡坚持以公开为常态、不公开为例外，围绕群众关切的重点领域，及时准确发布政府信息。';
const heading: Block = { kind: 'heading', level: 1, number: '三、', text: '收到和处理政府信息公开申请情况' };

function build(blocks: Block[]): { passes: number; words: PdfWord[] } {
  const pdf = join(tempDir('page-breaks'), 'out.pdf');
  const passes = writeCountingPasses({ meta, blocks }, pdf);
  return { passes, words: pdfWordList(pdf) };
}

const pageOf = (words: PdfWord[], text: string) => words.find((w) => w.text.includes(text))?.page;

describe('a heading with a table that fits on a page', () => {
  // Three groups of rows with a label spanning each group, about two thirds of a page, after most of a page of text.
  const rows: TableRow[] = Array.from({ length: 24 }, (_, r) => ({
    header: false,
    cells: [...(r % 8 === 0 ? [{ ...cell(`第${r / 8 + 1}组`), rowSpan: 8 }] : []), cell(`甲${r + 1}行`), cell(String(r))],
  }));
  const { passes, words } = build([
    ...Array.from({ length: 6 }, () => paragraph(filler)),
    heading,
    { kind: 'table', caption: '表', columns: [1, 2, 1], rows },
  ]);

  it('moves both to the next page together', () => {
    expect(pageOf(words, filler.slice(0, 6))).toBe(1);
    expect(pageOf(words, '收到和处理')).toBe(2);
    expect(pageOf(words, '甲1行')).toBe(2);
    expect(pageOf(words, '甲24行')).toBe(2);
  });

  it('is laid out once', () => {
    expect(passes).toBe(1);
  });
});

describe('a heading with a table estimated to fit on a page that does not', () => {
  // Words that cannot be broken and fill 65 % of a line each: the estimate reckons 3 lines a row, layout takes 4.
  const word = 'W'.repeat(11);
  const rows: TableRow[] = Array.from({ length: 11 }, (_, r) => ({
    header: false,
    cells: [cell(`乙${r + 1}行`), cell(Array.from({ length: 4 }, () => word).join(' '))],
  }));
  const { words } = build([paragraph(filler), heading, { kind: 'table', caption: '表', columns: [1, 1], rows }]);

  it('loses no row', () => {
    for (let r = 1; r <= rows.length; r++) expect(pageOf(words, `乙${r}行`), `row ${r}`).toBeDefined();
    expect(words.filter((w) => w.text === word)).toHaveLength(4 * rows.length);
  });

  it('keeps the heading with the first rows and splits the table over two pages', () => {
    expect(pageOf(words, '收到和处理')).toBe(pageOf(words, '乙1行'));
    expect(pageOf(words, '乙11行')).toBe(pageOf(words, '乙1行')! + 1);
  });
});
