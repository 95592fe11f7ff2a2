/**
 * Each library patch against the library as published: the same reports rendered with every patch, and with
 * every patch but one, in separate processes. Where a patch is meant to leave the output alone, pdftotext -bbox
 * finds the same words at the same positions (to 0.01 pt), or the DOCX bytes are the same; where it is meant to
 * change something, the change is exactly that. Inputs: every example in data/ and generated reports (seeds
 * printed on failure).
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LIBRARY_PATCHES, type PatchName } from '../src/patches/library-patches.js';
import { PAGE } from '../src/layout/page.js';
import { moduleUrl, ROOT, runScript, tempDir } from './helpers/cli.js';
import { corpusReport } from './helpers/layout-corpus.js';
import { pdfWordList, type PdfWord } from './readers/pdf.js';

const EXAMPLES = ['data/2020.yaml', 'data/2021.yaml', 'data/dongfeng/2011.yaml', 'data/xinfeng/2017.yaml', 'data/example-county/county/2021.yaml'];
const SEEDS = [Number(process.env.PATCH_SEED ?? 11), 24, 37];
const ALL = LIBRARY_PATCHES.map((p) => p.name);

interface Input {
  name: string;
  file: string;
}

function inputs(): Input[] {
  const dir = tempDir('patch-corpus');
  const generated = SEEDS.map((seed) => {
    const file = join(dir, `seed-${seed}.yaml`);
    writeFileSync(file, corpusReport(seed).yaml);
    return { name: `seed ${seed}`, file };
  });
  return [...EXAMPLES.map((file) => ({ name: file, file: join(ROOT, file) })), ...generated];
}

/** Renders every input as PDF and DOCX with only `patches` applied, in a new process; returns the folder. */
function render(patches: PatchName[], files: Input[]): string {
  const out = tempDir('patched');
  runScript(`
    import { writeFileSync } from 'node:fs';
    const { applyLibraryPatches } = await import(${moduleUrl('dist/patches/apply-library-patches.js')});
    applyLibraryPatches(${JSON.stringify(patches)});
    const { FontRegistry } = await import(${moduleUrl('dist/fonts/font-registry.js')});
    const { prepareReport } = await import(${moduleUrl('dist/pipeline/prepare-report.js')});
    const { writePdf } = await import(${moduleUrl('dist/writers/pdf/write-pdf.js')});
    const { writeDocx } = await import(${moduleUrl('dist/writers/docx/write-docx.js')});
    const fonts = FontRegistry.create();
    const files = ${JSON.stringify(files.map((f) => f.file))};
    for (const [i, file] of files.entries()) {
      const { document } = prepareReport(file);
      writeFileSync(${JSON.stringify(out)} + '/' + i + '.pdf', await writePdf(document, fonts));
      writeFileSync(${JSON.stringify(out)} + '/' + i + '.docx', await writeDocx(document));
    }`);
  return out;
}

const without = (name: PatchName) => ALL.filter((n) => n !== name);

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

describe('library patches against the libraries as published', () => {
  const files = inputs();
  let patched: string;
  let justifyOff: string;
  let facesOff: string;
  let glyfOff: string;
  let deferredOff: string;
  beforeAll(() => {
    patched = render(ALL, files);
    justifyOff = render(without('pdfmake-justify-lines'), files);
    facesOff = render(without('fontkit-shared-faces'), files);
    glyfOff = render(without('fontkit-glyf-on-demand'), files);
    deferredOff = render(
      ALL.filter((n) => n !== 'pdfkit-deferred-crypto' && n !== 'fontkit-deferred-brotli' && n !== 'pdfmake-deferred-svg-qr'),
      files,
    );
  }, 900_000);

  const each = () => files.map((input, i) => [input.name, i] as const);

  describe('pdfmake-justify-lines spreads justified lines to the full measure, and nothing else', () => {
    const right = PAGE.margin.left + PAGE.textWidth;
    it.each(each())('%s', (_name, i) => {
      const spread = lines(words(join(patched, `${i}.pdf`)));
      const plain = lines(words(join(justifyOff, `${i}.pdf`)));
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

  describe('fontkit-shared-faces parses each face once and keeps shaped runs', () => {
    it.each(each())('same PDF bytes: %s', (_name, i) => {
      expect(readFileSync(join(patched, `${i}.pdf`)).equals(readFileSync(join(facesOff, `${i}.pdf`)))).toBe(true);
    });
  });

  describe('fontkit-glyf-on-demand reads glyph outlines from the file as glyphs are made', () => {
    it.each(each())('same PDF bytes: %s', (_name, i) => {
      expect(readFileSync(join(patched, `${i}.pdf`)).equals(readFileSync(join(glyfOff, `${i}.pdf`)))).toBe(true);
    });
  });

  describe('pdfkit-deferred-crypto, fontkit-deferred-brotli and pdfmake-deferred-svg-qr load unused modules only when used', () => {
    it.each(each())('same PDF bytes: %s', (_name, i) => {
      expect(readFileSync(join(patched, `${i}.pdf`)).equals(readFileSync(join(deferredOff, `${i}.pdf`)))).toBe(true);
    });
  });

  it('rendered every input', () => {
    for (const dir of [patched, justifyOff, facesOff, glyfOff, deferredOff]) expect(readdirSync(dir).length).toBe(2 * files.length);
  });
});
