/**
 * pdfkit must parse each face once per process, through the shared fontkit (the patch fontkit-shared-faces),
 * whichever module a command loads first. pdfkit loaded around the patches would make every PDF parse its faces
 * anew, so it is refused.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { moduleUrl, projectPath, runScript } from './helpers/cli.js';

/** In a new process: count fontkit's parses while `entry` loads first and two PDFs are written. */
function parsesForSecondPdf(entry: string, before = ''): string {
  const script = `
    import { createRequire } from 'node:module';
    const require = createRequire(${projectPath('package.json')});
    const fontkit = require('fontkit');
    let parses = 0;
    require.cache[require.resolve('fontkit')].exports = { ...fontkit, create: (...args) => (parses++, fontkit.create(...args)) };
    ${before}
    await import(${moduleUrl(entry)});
    const { applyLibraryPatches } = await import(${moduleUrl('dist/patches/apply-library-patches.js')});
    applyLibraryPatches();
    const { FontRegistry } = await import(${moduleUrl('dist/fonts/font-registry.js')});
    const { prepareReport } = await import(${moduleUrl('dist/pipeline/prepare-report.js')});
    const { writePdf } = await import(${moduleUrl('dist/writers/pdf/write-pdf.js')});
    const fonts = FontRegistry.create();
    const { document } = prepareReport('data/2020.yaml');
    await writePdf(document, fonts);
    const afterFirst = parses;
    await writePdf(document, fonts);
    console.log(parses - afterFirst);`;
  return runScript(script);
}

describe('the shared fontkit', () => {
  it.each(['dist/writers/pdf/write-pdf.js', 'dist/sign/sign-pdf.js', 'dist/batch/build-task.js', 'dist/cli/sign-commands.js'])(
    'serves pdfkit when %s loads first: a second PDF parses no face',
    (entry) => {
      expect(parsesForSecondPdf(entry)).toBe('0');
    },
  );

  it('refuses a pdfkit loaded before the patches could share fontkit with it', () => {
    expect(() => parsesForSecondPdf('dist/writers/pdf/write-pdf.js', "require('pdfmake');")).toThrow(/pdfkit was loaded before the shared fontkit/);
  });
});

describe('glyph offsets read at once', () => {
  const require = createRequire(import.meta.url);
  const fontkit = require('fontkit') as { create(buffer: Buffer): { loca: { version: number; offsets: ArrayLike<number> } } };
  const faces = [
    ['short offsets (Roboto, shipped with pdfmake)', require.resolve('pdfmake/fonts/Roboto/Roboto-Regular.ttf'), 0],
    ['long offsets (Noto Serif SC)', require.resolve('@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf'), 1],
  ] as const;

  it.each(faces)('match fontkit’s own decoding: %s', async (_name, file, version) => {
    (await import('../dist/patches/apply-library-patches.js')).applyLibraryPatches();
    const { createFace } = (await import('../dist/patches/fontkit-shared-faces.js')) as { createFace(buffer: Buffer): unknown };
    const decoded = fontkit.create(readFileSync(file)).loca;
    const read = (createFace(readFileSync(file)) as { loca: { version: number; offsets: ArrayLike<number> } }).loca;
    expect(decoded.version).toBe(version);
    expect(read.version).toBe(version);
    expect(read.offsets).toBeInstanceOf(Uint32Array); // read here, not decoded by fontkit
    expect(Array.from(read.offsets)).toEqual(Array.from(decoded.offsets));
  });
});
