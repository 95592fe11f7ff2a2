/**
 * Proves the test-support readers (docx.ts, pdf.ts, office.ts) against small documents made here
 * with the same libraries report-gen uses: `docx` for a DOCX with merged table cells and pdfmake
 * for a two-page PDF with an embedded CJK font; plus a hand-written document.xml for edge cases.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { docxParagraphs, docxTables, logicalGrid, readDocxPart } from './docx.js';
import { parsePdffonts, pdfFonts, pdfInfo, pdfPageText, pdfWordList, pdfWords } from './pdf.js';
import { convertWithLibreOffice, hasCommand } from './office.js';

const FONT = new URL('../../node_modules/@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf', import.meta.url).pathname;

let dir = '';
let docxFile = '';
let docxBuffer: Buffer = Buffer.alloc(0);
let pdfFile = '';

async function makeDocx(): Promise<Buffer> {
  const cell = (text: string, options: { columnSpan?: number; rowSpan?: number } = {}) =>
    new TableCell({ children: [new Paragraph(text)], ...options });
  const table = new Table({
    columnWidths: [2000, 1500, 1500, 3000],
    rows: [
      new TableRow({ tableHeader: true, children: [cell('A'), cell('BC', { columnSpan: 2 }), cell('D')] }),
      new TableRow({ cantSplit: true, children: [cell('R', { rowSpan: 3 }), cell('b1'), cell('c1'), cell('d1')] }),
      new TableRow({ children: [cell('b2'), cell('c2'), cell('d2')] }),
      new TableRow({ children: [cell('b3'), cell('c3'), cell('d3')] }),
    ],
  });
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({
            heading: HeadingLevel.HEADING_1,
            children: [
              new TextRun({
                text: '年度报告',
                font: { ascii: 'Tinos', hAnsi: 'Tinos', eastAsia: '方正小标宋简体' },
                size: 44,
                language: { value: 'en-US', eastAsia: 'zh-CN' },
              }),
            ],
          }),
          table,
          new Paragraph({ children: [new TextRun('line1'), new TextRun({ text: 'line2', break: 1 })] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

async function makePdf(): Promise<Buffer> {
  pdfmake.addFonts({ Roboto: { normal: FONT, bold: FONT, italics: FONT, bolditalics: FONT } });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => true);
  const dd: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [72, 72, 72, 72],
    content: [
      { text: 'Hello 世界 report & <gen>', fontSize: 14 },
      { text: 'indented line here', margin: [36, 10, 0, 0] },
      { text: 'second page', pageBreak: 'before' },
    ],
  };
  return pdfmake.createPdf(dd).getBuffer();
}

/** A DOCX holding only a hand-written word/document.xml (all the readers need). */
function handWrittenDocx(body: string): Buffer {
  const xml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
  return Buffer.from(zipSync({ 'word/document.xml': strToU8(xml) }));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'report-gen-support-'));
  docxBuffer = await makeDocx();
  docxFile = join(dir, 'small.docx');
  writeFileSync(docxFile, docxBuffer);
  pdfFile = join(dir, 'small.pdf');
  writeFileSync(pdfFile, await makePdf());
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('docx.ts', () => {
  it('reads a part and names a missing one', () => {
    expect(readDocxPart(docxBuffer, 'word/document.xml')).toContain('<w:body>');
    expect(() => readDocxPart(docxBuffer, 'word/nope.xml')).toThrow(/no part "word\/nope.xml"/);
  });

  it('reads grid, header row, cantSplit, gridSpan, vMerge and widths', () => {
    const tables = docxTables(docxBuffer);
    expect(tables).toHaveLength(1);
    const [table] = tables;
    expect(table!.gridCols).toEqual([2000, 1500, 1500, 3000]);
    expect(table!.rows.map((r) => [r.isHeader, r.cantSplit])).toEqual([
      [true, false],
      [false, true],
      [false, false],
      [false, false],
    ]);
    expect(table!.rows[0]!.cells).toEqual([
      { text: 'A', gridSpan: 1, vMerge: null, width: 2000 },
      { text: 'BC', gridSpan: 2, vMerge: null, width: 3000 },
      { text: 'D', gridSpan: 1, vMerge: null, width: 3000 },
    ]);
    expect(table!.rows.map((r) => r.cells[0]!.vMerge)).toEqual([null, 'restart', 'continue', 'continue']);
    expect(table!.rows.map((r) => r.cells.length)).toEqual([3, 4, 4, 4]);
    expect(table!.rows[2]!.cells[0]!.text).toBe('');
  });

  it('resolves merges into an HTML-like grid', () => {
    expect(logicalGrid(docxTables(docxBuffer)[0]!)).toEqual([
      [
        { text: 'A', rowSpan: 1, colSpan: 1, col: 0 },
        { text: 'BC', rowSpan: 1, colSpan: 2, col: 1 },
        { text: 'D', rowSpan: 1, colSpan: 1, col: 3 },
      ],
      [
        { text: 'R', rowSpan: 3, colSpan: 1, col: 0 },
        { text: 'b1', rowSpan: 1, colSpan: 1, col: 1 },
        { text: 'c1', rowSpan: 1, colSpan: 1, col: 2 },
        { text: 'd1', rowSpan: 1, colSpan: 1, col: 3 },
      ],
      [
        { text: 'b2', rowSpan: 1, colSpan: 1, col: 1 },
        { text: 'c2', rowSpan: 1, colSpan: 1, col: 2 },
        { text: 'd2', rowSpan: 1, colSpan: 1, col: 3 },
      ],
      [
        { text: 'b3', rowSpan: 1, colSpan: 1, col: 1 },
        { text: 'c3', rowSpan: 1, colSpan: 1, col: 2 },
        { text: 'd3', rowSpan: 1, colSpan: 1, col: 3 },
      ],
    ]);
  });

  it('reads body paragraphs outside tables with their run formatting', () => {
    const paragraphs = docxParagraphs(docxBuffer);
    expect(paragraphs.map((p) => p.text)).toEqual(['年度报告', 'line1\nline2']);
    expect(paragraphs[0]!.style).toBe('Heading1');
    expect(paragraphs[0]!.runs).toEqual([
      {
        text: '年度报告',
        fonts: { ascii: 'Tinos', hAnsi: 'Tinos', eastAsia: '方正小标宋简体' },
        sizeHalfPt: 44,
        lang: { val: 'en-US', eastAsia: 'zh-CN' },
      },
    ]);
    expect(paragraphs[1]!.style).toBeUndefined();
    expect(paragraphs[1]!.runs.map((r) => r.text)).toEqual(['line1', '\nline2']);
    expect(paragraphs[1]!.runs[0]).toEqual({ text: 'line1', fonts: {} });
  });

  it('handles bare <w:vMerge/>, multi-paragraph cells, gridBefore, off flags and content controls', () => {
    const docx = handWrittenDocx(
      '<w:p><w:r><w:t>before</w:t></w:r></w:p>' +
        '<w:tbl><w:tblGrid><w:gridCol w:w="1000"/><w:gridCol w:w="1100"/><w:gridCol w:w="1200"/></w:tblGrid>' +
        '<w:tr><w:trPr><w:tblHeader w:val="0"/><w:cantSplit/></w:trPr>' +
        '<w:tc><w:tcPr><w:gridSpan w:val="2"/><w:vMerge w:val="restart"/></w:tcPr>' +
        '<w:p><w:r><w:t>two</w:t></w:r></w:p><w:p><w:r><w:t>paras</w:t><w:br/><w:t>br</w:t></w:r></w:p></w:tc>' +
        '<w:tc><w:tcPr><w:tcW w:w="50" w:type="pct"/></w:tcPr><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr>' +
        '<w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/><w:vMerge/></w:tcPr><w:p/></w:tc>' +
        '<w:tc><w:p><w:r><w:t>y</w:t></w:r></w:p></w:tc></w:tr>' +
        '<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>' +
        '<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p><w:r><w:t>orphan</w:t></w:r></w:p></w:tc>' +
        '<w:tc><w:p><w:r><w:t>z</w:t></w:r></w:p></w:tc></w:tr>' +
        '</w:tbl>' +
        '<w:sdt><w:sdtContent><w:p><w:pPr><w:pStyle w:val="Caption"/></w:pPr>' +
        '<w:hyperlink><w:r><w:t xml:space="preserve">in </w:t></w:r></w:hyperlink><w:r><w:t>sdt</w:t></w:r></w:p></w:sdtContent></w:sdt>',
    );
    const [table] = docxTables(docx);
    expect(table!.gridCols).toEqual([1000, 1100, 1200]);
    expect(table!.rows[0]).toEqual({
      isHeader: false,
      cantSplit: true,
      cells: [
        { text: 'two\nparas\nbr', gridSpan: 2, vMerge: 'restart' },
        { text: 'x', gridSpan: 1, vMerge: null },
      ],
    });
    expect(table!.rows[1]!.cells[0]!.vMerge).toBe('continue');
    expect(table!.rows[2]!.gridBefore).toBe(1);
    expect(logicalGrid(table!)).toEqual([
      [
        { text: 'two\nparas\nbr', rowSpan: 2, colSpan: 2, col: 0 },
        { text: 'x', rowSpan: 1, colSpan: 1, col: 2 },
      ],
      [{ text: 'y', rowSpan: 1, colSpan: 1, col: 2 }],
      [
        { text: 'orphan', rowSpan: 1, colSpan: 1, col: 1 },
        { text: 'z', rowSpan: 1, colSpan: 1, col: 2 },
      ],
    ]);
    expect(docxParagraphs(docx).map((p) => [p.text, p.style])).toEqual([
      ['before', undefined],
      ['in sdt', 'Caption'],
    ]);
  });
});

describe('pdf.ts', () => {
  it('reads page count and size', () => {
    const info = pdfInfo(pdfFile);
    expect(info.pages).toBe(2);
    expect(info.pageSize.width).toBeCloseTo(595.28, 1);
    expect(info.pageSize.height).toBeCloseTo(841.89, 1);
  });

  it('reads pages, lines and words with their boxes', () => {
    const pages = pdfWords(pdfFile);
    expect(pages).toHaveLength(2);
    expect(pages[0]!.width).toBeCloseTo(595.28, 1);
    expect(pages[0]!.lines.map((l) => l.text)).toEqual(['Hello 世界 report & <gen>', 'indented line here']);
    const [first, second] = pages[0]!.lines;
    expect(first!.words.map((w) => w.text)).toEqual(['Hello', '世界', 'report', '&', '<gen>']);
    expect(first!.xMin).toBeCloseTo(72, 1); // left margin
    expect(first!.yMin).toBeCloseTo(72, 1); // top margin (y grows downwards)
    const xs = first!.words.map((w) => w.xMin);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    for (const w of first!.words) expect(w.xMax).toBeGreaterThan(w.xMin);
    expect(second!.xMin).toBeCloseTo(72 + 36, 1); // the margin indent
    expect(second!.yMin).toBeGreaterThan(first!.yMax);
    expect(pages[1]!.lines.map((l) => l.text)).toEqual(['second page']);
  });

  it('lists words with 1-based pages, at the same positions', () => {
    const words = pdfWordList(pdfFile);
    expect(words.map((w) => `${w.page}:${w.text}`)).toEqual([
      '1:Hello', '1:世界', '1:report', '1:&', '1:<gen>', '1:indented', '1:line', '1:here', '2:second', '2:page',
    ]);
    const hello = pdfWords(pdfFile)[0]!.lines[0]!.words[0]!;
    expect(words[0]).toEqual({ page: 1, ...hello });
  });

  it('reads embedded subset fonts', () => {
    expect(pdfFonts(pdfFile)).toEqual([
      { name: expect.stringMatching(/^[A-Z]{6}\+NotoSerifSC-Regular$/) as unknown as string, type: 'CID TrueType', embedded: true, subset: true },
    ]);
  });

  it('parses pdffonts output whose names overflow their column', () => {
    const output = [
      'name                                 type              encoding         emb sub uni object ID',
      '------------------------------------ ----------------- ---------------- --- --- --- ---------',
      'ABCDEF+FangSong-GB2312-Regular-With-A-Very-Long-Name CID TrueType      Identity-H       yes yes yes     12  0',
      'Helvetica                            Type 1            WinAnsi          no  no  no       7  0',
      '[none]                               Type 3            Custom           yes no  no  [none]',
      '',
    ].join('\n');
    expect(parsePdffonts(output)).toEqual([
      { name: 'ABCDEF+FangSong-GB2312-Regular-With-A-Very-Long-Name', type: 'CID TrueType', embedded: true, subset: true },
      { name: 'Helvetica', type: 'Type 1', embedded: false, subset: false },
      { name: '[none]', type: 'Type 3', embedded: true, subset: false },
    ]);
  });

  it('renders the text of one page', () => {
    expect(pdfPageText(pdfFile, 1)).toMatch(/Hello\s+世界\s+report & <gen>/);
    expect(pdfPageText(pdfFile, 1)).not.toContain('second page');
    expect(pdfPageText(pdfFile, 2).trim()).toBe('second page');
  });
});

describe('office.ts', () => {
  it('finds commands on PATH', () => {
    expect(hasCommand('sh')).toBe(true);
    expect(hasCommand('/bin/sh')).toBe(true);
    expect(hasCommand('report-gen-no-such-command')).toBe(false);
  });

  it.skipIf(!hasCommand('soffice'))('converts the DOCX to a one-page PDF with LibreOffice', () => {
    const out = convertWithLibreOffice(docxFile, join(dir, 'lo'));
    expect(out).toBe(join(dir, 'lo', 'small.pdf'));
    const info = pdfInfo(out);
    expect(info.pages).toBe(1);
    expect(info.pageSize.width).toBeCloseTo(595.3, 0); // docx's default section is A4
    const words = pdfWordList(out).map((w) => w.text);
    for (const text of ['A', 'BC', 'D', 'R', 'b1', 'c2', 'd3', 'line1', 'line2']) expect(words).toContain(text);
  }, 180_000);

  it.skipIf(!hasCommand('soffice'))('throws with soffice output when nothing is written', () => {
    expect(() => convertWithLibreOffice(join(dir, 'missing.docx'), join(dir, 'lo-missing'))).toThrow(/soffice --convert-to pdf .*missing\.docx/);
  }, 180_000);
});
