/**
 * The page rules of docs/layout.md, checked on real output by an independent reader (readers/pdf-layout.ts):
 * every example here; the seeded corpus of generated reports in pdf-layout-corpus-*.test.ts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FontRegistry } from '../src/fonts/font-registry.js';
import { YamlSource } from '../src/load/yaml-source.js';
import { prepareFromSource } from '../src/pipeline/prepare-report.js';
import { writePdf } from '../src/writers/pdf/write-pdf.js';
import { ROOT, tempDir } from './helpers/cli.js';
import { checkLayout, pdfSegments, type Breach } from './readers/pdf-layout.js';
import { pdfWordList, type PdfWord } from './readers/pdf.js';
import { PAGE } from '../src/layout/page.js';
import { requireTools } from './helpers/require-tool.js';

requireTools('pdftotext', 'pdffonts', 'pdfinfo', 'pdftocairo');

const EXAMPLES = ['data/2020.yaml', 'data/2021.yaml', 'data/xinfeng/2017.yaml', 'data/dongfeng/2011.yaml',
  'data/example-county/county/2021.yaml', 'data/example-county/dongshan/2021.yaml', 'data/example-county/nanhu/2021.yaml',
  'data/example-county/xishan/2021.yaml'];

const fonts = FontRegistry.create();
const dir = tempDir('layout');

async function pdfOf(yaml: string, absolutePath: string, out: string): Promise<string> {
  const prepared = prepareFromSource(YamlSource.parse(yaml, absolutePath, absolutePath));
  const file = join(dir, out);
  writeFileSync(file, await writePdf(prepared.document, fonts));
  return file;
}

const describeBreaches = (breaches: Breach[]) => breaches.map((b) => `p.${b.page} ${b.kind}: ${b.detail}`).join('\n');

describe('the examples', () => {
  it.each(EXAMPLES)('%s breaks no page rule', async (example) => {
    const path = join(ROOT, example);
    const pdf = await pdfOf(readFileSync(path, 'utf8'), path, example.replaceAll('/', '_') + '.pdf');
    expect(describeBreaches(checkLayout(pdf))).toBe('');
  });
});


/**
 * The words of a PDF by page, top and left. pdftotext lists words in the order the page draws them, which is what
 * drawing a line as one text object changes, so words are compared by place, not by list order.
 */
function words(pdf: string): PdfWord[] {
  const key = (w: PdfWord) => [w.page, Math.round(w.yMin * 10), Math.round(w.xMin * 10)] as const;
  return pdfWordList(pdf).sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    return ka[0] - kb[0] || ka[1] - kb[1] || ka[2] - kb[2] || a.text.localeCompare(b.text);
  });
}

/** Words that differ in text or by more than 0.01 pt in position, as readable lines. */
function wordDifferences(a: PdfWord[], b: PdfWord[]): string[] {
  const differences: string[] = [];
  if (a.length !== b.length) differences.push(`${a.length} words against ${b.length}`);
  const near = (x: number, y: number) => Math.abs(x - y) <= 0.01;
  a.forEach((word, i) => {
    const other = b[i];
    if (!other || word.page !== other.page || word.text !== other.text || !near(word.xMin, other.xMin) || !near(word.yMin, other.yMin) || !near(word.xMax, other.xMax) || !near(word.yMax, other.yMax)) {
      differences.push(`p.${word.page} ${word.text} ${word.xMin},${word.yMin} ≠ ${other ? `p.${other.page} ${other.text} ${other.xMin},${other.yMin}` : 'nothing'}`);
    }
  });
  return differences.slice(0, 10);
}

interface Line {
  key: string;
  text: string;
  words: PdfWord[];
  xMax: number;
}

/** Words grouped into printed lines (same page and top). */
function lines(words: PdfWord[]): Line[] {
  const byKey = new Map<string, Line>();
  for (const word of words) {
    const key = `p.${word.page} y${word.yMin.toFixed(1)}`;
    const line = byKey.get(key) ?? { key, text: '', words: [], xMax: 0 };
    line.text += word.text;
    line.words.push(word);
    line.xMax = Math.max(line.xMax, word.xMax);
    byKey.set(key, line);
  }
  return [...byKey.values()];
}

describe('justified text', () => {
  const right = PAGE.margin.left + PAGE.textWidth;
  it.each(EXAMPLES)('%s: spread to the full measure where a line falls short of it, and nothing else moves', async (example) => {
    const path = join(ROOT, example);
    const prepared = prepareFromSource(YamlSource.parse(readFileSync(path, 'utf8'), path, path));
    const spreadPdf = join(dir, `justified-${example.replaceAll('/', '_')}.pdf`);
    writeFileSync(spreadPdf, await writePdf(prepared.document, fonts));
    // The same document with no paragraph justified: the oracle for where each line's words stand unspread.
    const blocks = prepared.document.blocks.map((b) => (b.kind === 'paragraph' && b.align === 'justify' ? { ...b, align: 'left' as const } : b));
    const plainPdf = join(dir, `unjustified-${example.replaceAll('/', '_')}.pdf`);
    writeFileSync(plainPdf, await writePdf({ ...prepared.document, blocks }, fonts));
    const spread = lines(words(spreadPdf));
    const plain = lines(words(plainPdf));
    expect(spread.map((l) => `${l.key} ${l.text}`)).toEqual(plain.map((l) => `${l.key} ${l.text}`));
    let changed = 0;
    spread.forEach((line, n) => {
      const before = plain[n]!;
      if (Math.abs(line.xMax - before.xMax) <= 0.01) {
        expect(wordDifferences(line.words, before.words), line.key).toEqual([]);
        return;
      }
      changed++;
      // A spread line starts where it started and ends at the right edge of the type area.
      expect(Math.abs(line.words[0]!.xMin - before.words[0]!.xMin), line.key).toBeLessThanOrEqual(0.01);
      expect(Math.abs(line.xMax - right), `${line.key} ${line.text}`).toBeLessThanOrEqual(0.05);
      expect(before.xMax, line.key).toBeLessThan(line.xMax);
    });
    expect(changed).toBeGreaterThan(0);
  });
});

describe('the checker itself', () => {
  it('sees a stranded heading, a wrapped figure and a table cut inside a row group, in a PDF made by pdfmake alone', async () => {
    const pdfmake = (await import('pdfmake')).default as unknown as {
      virtualfs: { writeFileSync(path: string, data: Buffer): void };
      addFonts(fonts: object): void;
      createPdf(definition: object): { getBuffer(): Promise<Buffer> };
    };
    // The faces registered with pdfmake itself, which lays this document out with its own engine.
    const family = (role: 'body' | 'heading' | 'table') => {
      const face = fonts.face(role);
      const name = `checker-${role}`;
      pdfmake.virtualfs.writeFileSync(name, face.data);
      const file = face.source.postscriptName ? [name, face.source.postscriptName] : name;
      pdfmake.addFonts({ [name]: { normal: file, bold: file, italics: file, bolditalics: file } });
      return name;
    };
    const lineHeight = (role: 'body' | 'heading') => 28.95 / ((15.79 * (fonts.face(role).ascent - fonts.face(role).descent)) / 1000);
    const line = (text: string, role: 'body' | 'heading' = 'body') => ({ text, font: family(role), fontSize: 15.79, lineHeight: lineHeight(role) });
    const cell = (text: string, extra: object = {}) => ({ text, font: family('table'), fontSize: 10.5, ...extra });
    const definition = {
      pageSize: 'A4',
      pageMargins: [79.37, 104.88, 73.7, 99.21],
      content: [
        // 21 lines of text and a heading on the 22nd, the last line of page 1.
        ...Array.from({ length: 21 }, () => line('本乡坚持以公开为常态、不公开为例外。')),
        line('三、收到和处理政府信息公开申请情况', 'heading'),
        line('正文'),
        // A seven-digit figure in a column too narrow for it.
        { table: { widths: [20, 200], body: [[cell('1234567'), cell('标签')]] } },
        ...Array.from({ length: 14 }, () => line('本乡坚持以公开为常态、不公开为例外。')),
        // A group of rows under one label, cut by pdfmake's own page break.
        { table: { widths: [60, 200, 60], body: Array.from({ length: 12 }, (_, r) => [r === 0 ? cell('第一组', { rowSpan: 12 }) : {}, cell(`第${r + 1}行`), cell(String(r))]) } },
      ],
    };
    const file = join(dir, 'bad.pdf');
    writeFileSync(file, await pdfmake.createPdf(definition).getBuffer());
    const kinds = new Set(checkLayout(file).map((b) => b.kind));
    expect([...kinds].sort()).toEqual(expect.arrayContaining(['figure-wrapped', 'heading-last', 'open-border']));
    expect(pdfWordList(file).length).toBeGreaterThan(0);
    expect(pdfSegments(file).size).toBeGreaterThan(0);
  });
});
