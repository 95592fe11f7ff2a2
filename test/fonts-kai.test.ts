/** The 楷体 face of level-2 headings: LXGW WenKai merged from its WOFF2 subsets into one TrueType face. */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as Fontkit from 'fontkit';
import { pdfFonts, pdfWordList } from './readers/pdf.js';
import { builtExample } from './helpers/examples.js';
import { moduleUrl, runScript } from './helpers/cli.js';
import { requireTools } from './helpers/require-tool.js';

requireTools('pdftotext', 'pdffonts', 'pdfinfo');

const require = createRequire(import.meta.url);
const fontkit = require('fontkit') as typeof Fontkit;
const dir = join(dirname(require.resolve('lxgw-wenkai-webfont/package.json')), 'files');
const subsets = readdirSync(dir).filter((f) => /^lxgwwenkai-regular-subset-\d+\.woff2$/.test(f));
/** Outlines equal to within half a font unit (glyf stores whole units; a contour may start at an implied half-unit point). */
const sameOutline = (a: Fontkit.Glyph, b: Fontkit.Glyph) => {
  const x = a.path.commands;
  const y = b.path.commands;
  return x.length === y.length && x.every((c, i) => c.command === y[i]!.command && c.args.every((v, j) => Math.abs(v - y[i]!.args[j]!) <= 0.5));
};

describe('LXGW WenKai merged from its subsets', () => {
  const merged = fontkit.openSync(join(process.cwd(), 'dist/fonts/LXGWWenKai-Regular.ttf')) as Fontkit.Font;

  it('maps every character of every subset to the same outline and advance as the subset', () => {
    let checked = 0;
    // Every seventh subset, every character: the merged face must draw exactly what the subset draws.
    for (const file of subsets.filter((_, i) => i % 7 === 0)) {
      const source = fontkit.create(readFileSync(join(dir, file))) as Fontkit.Font;
      for (const cp of source.characterSet) {
        const want = source.glyphForCodePoint(cp);
        if (want.id === 0) continue;
        const got = merged.glyphForCodePoint(cp);
        expect(got.id, `U+${cp.toString(16)}`).not.toBe(0);
        expect(got.advanceWidth).toBe(want.advanceWidth);
        expect(sameOutline(got, want), `U+${cp.toString(16)}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
    for (const ch of '（一）依申请公开政府信息管理平台建设监督保障') expect(merged.hasGlyphForCodePoint(ch.codePointAt(0)!), ch).toBe(true);
  }, 120_000);

  it('is merged the same, byte for byte, every time', () => {
    const hash = () =>
      runScript(
        `import { mergeSubsets } from ${moduleUrl('dist/fonts/merge-subsets.js')};\n` +
          `(await import(${moduleUrl('dist/patches/apply-library-patches.js')})).applyLibraryPatches();\n` +
          `import { readFileSync } from 'node:fs'; import { createHash } from 'node:crypto';\n` +
          `const files = ${JSON.stringify(subsets.slice(0, 4).map((f) => join(dir, f)))};\n` +
          `console.log(createHash('sha256').update(mergeSubsets(files.map((f) => readFileSync(f)))).digest('hex'));`,
      );
    expect(hash()).toBe(hash());
  });

  it('sets the level-2 headings of the PDF in it, and only those', () => {
    const { pdf } = builtExample('data/2021.yaml');
    expect(pdfFonts(pdf).map((f) => f.name.replace(/^[A-Z]{6}\+/, ''))).toContain('LXGWWenKai-Regular');
    const words = pdfWordList(pdf).map((w) => w.text);
    expect(words.some((w) => w.startsWith('（二）依申请公开'))).toBe(true);
  });
});
