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
import { pdfWordList } from './readers/pdf.js';
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

describe('the checker itself', () => {
  it('sees a stranded heading, a wrapped figure and a table cut inside a row group, in a PDF made by pdfmake alone', async () => {
    const pdfmake = (await import('pdfmake')).default;
    const { pdfFaces } = await import('../src/writers/pdf/pdf-fonts.js');
    const { lineHeightFactor } = await import('../src/writers/pdf/text-runs.js');
    const faces = pdfFaces(fonts);
    const line = (text: string, role: 'body' | 'heading' = 'body') => ({
      text, font: faces.family(role), fontSize: 15.79, lineHeight: lineHeightFactor(faces, role, 15.79, 28.95),
    });
    const cell = (text: string, extra: object = {}) => ({ text, font: faces.family('table'), fontSize: 10.5, ...extra });
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
    writeFileSync(file, await pdfmake.createPdf(definition as never).getBuffer());
    const kinds = new Set(checkLayout(file).map((b) => b.kind));
    expect([...kinds].sort()).toEqual(expect.arrayContaining(['figure-wrapped', 'heading-last', 'open-border']));
    expect(pdfWordList(file).length).toBeGreaterThan(0);
    expect(pdfSegments(file).size).toBeGreaterThan(0);
  });
});
