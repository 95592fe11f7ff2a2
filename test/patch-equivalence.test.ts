/**
 * Each library patch against the library as published: the same reports rendered with every patch, and with
 * every patch but one, in separate processes. Each patch is meant to leave the output alone: the PDF bytes are the
 * same. Inputs: every example in data/ and generated reports (seeds
 * printed on failure).
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LIBRARY_PATCHES, type PatchName } from '../src/patches/library-patches.js';
import { moduleUrl, ROOT, runScript, tempDir } from './helpers/cli.js';
import { corpusReport } from './helpers/layout-corpus.js';

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

describe('library patches against the libraries as published', () => {
  const files = inputs();
  let patched: string;
  let facesOff: string;
  let glyfOff: string;
  let deferredOff: string;
  beforeAll(() => {
    patched = render(ALL, files);
    facesOff = render(without('fontkit-shared-faces'), files);
    glyfOff = render(without('fontkit-glyf-on-demand'), files);
    deferredOff = render(
      ALL.filter((n) => n !== 'pdfkit-deferred-crypto' && n !== 'fontkit-deferred-brotli' && n !== 'pdfmake-deferred-svg-qr'),
      files,
    );
  }, 900_000);

  const each = () => files.map((input, i) => [input.name, i] as const);

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
    for (const dir of [patched, facesOff, glyfOff, deferredOff]) expect(readdirSync(dir).length).toBe(2 * files.length);
  });
});
