/**
 * The page rules of docs/layout.md, checked on real output by an independent reader (readers/pdf-layout.ts):
 * every example, and a seeded corpus of generated reports (LAYOUT_CORPUS sets its size; a failure names its seed).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FontRegistry } from '../src/fonts/font-registry.js';
import { YamlSource } from '../src/load/yaml-source.js';
import { prepareFromSource } from '../src/pipeline/prepare-report.js';
import { writePdf } from '../src/writers/pdf/write-pdf.js';
import { ROOT, tempDir } from './helpers/cli.js';
import { corpusReport } from './helpers/layout-corpus.js';
import { checkLayout, pdfSegments, type Breach } from './readers/pdf-layout.js';
import { pdfWordList } from './readers/pdf.js';

const EXAMPLES = ['data/2020.yaml', 'data/2021.yaml', 'data/xinfeng/2017.yaml', 'data/dongfeng/2011.yaml',
  'data/example-county/county/2021.yaml', 'data/example-county/dongshan/2021.yaml', 'data/example-county/nanhu/2021.yaml',
  'data/example-county/xishan/2021.yaml'];
const CORPUS_SIZE = Number(process.env.LAYOUT_CORPUS ?? 200);

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
    const { readFileSync } = await import('node:fs');
    const pdf = await pdfOf(readFileSync(path, 'utf8'), path, example.replaceAll('/', '_') + '.pdf');
    expect(describeBreaches(checkLayout(pdf))).toBe('');
  });
});

describe(`a generated corpus of ${CORPUS_SIZE} reports`, () => {
  const failures: string[] = [];
  const digitsSeen = new Set<number>();
  beforeAll(async () => {
    mkdirSync(join(dir, 'corpus'), { recursive: true });
    for (let seed = 1; seed <= CORPUS_SIZE; seed++) {
      const report = corpusReport(seed);
      digitsSeen.add(report.digits);
      const path = join(dir, 'corpus', `seed-${seed}.yaml`);
      writeFileSync(path, report.yaml);
      try {
        const pdf = await pdfOf(report.yaml, path, `corpus/seed-${seed}.pdf`);
        const breaches = checkLayout(pdf);
        if (breaches.length) failures.push(`seed ${seed} (${pdf}):\n${describeBreaches(breaches)}`);
      } catch (error) {
        failures.push(`seed ${seed}: ${(error as Error).message}`);
      }
    }
  }, 900_000);

  it('covers figures of 1 to 7 digits', () => {
    expect([...digitsSeen].sort()).toEqual(CORPUS_SIZE >= 7 ? [1, 2, 3, 4, 5, 6, 7] : [...digitsSeen].sort());
  });

  it('breaks no page rule in any report', () => {
    expect(failures.join('\n\n')).toBe('');
  });
});

describe('the checker itself', () => {
  it('sees a figure wrapped in a cell, a stranded heading and an open border', async () => {
    // A hand-made document that breaks the rules on purpose, drawn by pdfmake without the writer's layout.
    const pdfmake = (await import('pdfmake')).default;
    const { pdfFaces } = await import('../src/writers/pdf/pdf-fonts.js');
    const faces = pdfFaces(fonts);
    const filler = Array.from({ length: 21 }, () => ({ text: '本乡坚持以公开为常态、不公开为例外，及时准确发布政府信息。', font: faces.family('body'), fontSize: 15.79, lineHeight: 1.25 }));
    const definition = {
      pageSize: 'A4',
      pageMargins: [79.37, 104.88, 73.7, 99.21],
      content: [
        ...filler.slice(0, 20),
        { text: '三、收到和处理政府信息公开申请情况', font: faces.family('heading'), fontSize: 15.79 },
        { text: '正文', font: faces.family('body'), fontSize: 15.79 },
        { table: { widths: [20, 200], body: [[{ text: '1234567', font: faces.family('table'), fontSize: 10.5 }, { text: '标签', font: faces.family('table'), fontSize: 10.5 }]] } },
      ],
    };
    const file = join(dir, 'bad.pdf');
    writeFileSync(file, await pdfmake.createPdf(definition as never).getBuffer());
    const kinds = new Set(checkLayout(file).map((b) => b.kind));
    expect(kinds.has('figure-wrapped')).toBe(true);
    expect(pdfWordList(file).length).toBeGreaterThan(0);
    expect(pdfSegments(file).size).toBeGreaterThan(0);
  });
});
