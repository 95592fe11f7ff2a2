/**
 * Fonts read without their outlines (src/patches/fontkit-glyf-on-demand.ts): every byte outside `glyf` is the file's at
 * once, the outline bytes of each glyph made are the file's, outlines decode as from the whole file, and the
 * outlines of glyphs never made are not read. Glyphs are drawn at random from each default face's character map
 * (REPORT_GEN_GLYF_SEED replays a printed seed).
 */
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { readFileSync, statSync } from 'node:fs';
import type * as Fontkit from 'fontkit';
import { defaultFaces } from '../src/fonts/faces.js';
import { readFaceData } from '../src/patches/fontkit-glyf-on-demand.js';
import { seededRandom } from '../src/bench/seeded-random.js';

const fontkit = createRequire(import.meta.url)('fontkit') as typeof Fontkit;
const files = [...new Set(Object.values(defaultFaces()).map((face) => face.file))];
const seed = Number(process.env.REPORT_GEN_GLYF_SEED ?? Date.now() % 1_000_000);

interface Parsed {
  loca: { offsets: number[] };
  directory: { tables: Record<string, { offset: number; length: number }> };
}

describe('outlines read on demand', () => {
  it.each(files)('%s', (file) => {
    const whole = readFileSync(file);
    const lazy = readFaceData(file, statSync(file).size);
    const font = fontkit.create(lazy.data) as Fontkit.Font;
    lazy.attach(font);
    const reference = fontkit.create(whole) as Fontkit.Font;
    const table = (reference as unknown as Parsed).directory.tables.glyf!;
    const offsets = (reference as unknown as Parsed).loca.offsets;
    const glyf = [table.offset, table.offset + table.length] as const;
    // Everything but the outlines is there at once.
    expect(lazy.data.subarray(0, glyf[0]).equals(whole.subarray(0, glyf[0]))).toBe(true);
    expect(lazy.data.subarray(glyf[1]).equals(whole.subarray(glyf[1]))).toBe(true);
    const read = () => lazy.data.subarray(...glyf).reduce((n, byte) => n + (byte ? 1 : 0), 0);
    const before = read();

    const next = seededRandom(seed);
    const codePoints = reference.characterSet;
    const picked = Array.from({ length: 200 }, () => codePoints[Math.floor(next() * codePoints.length)]!);
    for (const codePoint of picked) {
      const glyph = font.glyphForCodePoint(codePoint);
      const expected = reference.glyphForCodePoint(codePoint);
      expect(glyph.id, `seed ${seed}`).toBe(expected.id);
      const [from, to] = [glyf[0] + offsets[glyph.id]!, glyf[0] + offsets[glyph.id + 1]!];
      expect(lazy.data.subarray(from, to).equals(whole.subarray(from, to)), `seed ${seed}, U+${codePoint.toString(16)}`).toBe(true);
      expect(glyph.path.toSVG(), `seed ${seed}, U+${codePoint.toString(16)}`).toBe(expected.path.toSVG());
      expect(glyph.advanceWidth).toBe(expected.advanceWidth);
    }
    // A large face's outlines were not all read: far fewer non-zero bytes than the file has.
    if (table.length > 4_000_000) {
      const inFile = whole.subarray(...glyf).reduce((n, byte) => n + (byte ? 1 : 0), 0);
      expect(before).toBeLessThan(inFile / 100);
      expect(read()).toBeLessThan(inFile / 4);
    }
  });
});

describe('a face rewritten while in use', () => {
  it('is refused with a Chinese message rather than mixing old tables and new outlines', async () => {
    const { copyFileSync, utimesSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tempDir } = await import('./helpers/cli.js');
    const file = join(tempDir('glyf'), 'face.ttf');
    copyFileSync(files.find((f) => f.includes('NotoSerifSC_400'))!, file);
    const lazy = readFaceData(file, statSync(file).size);
    const font = fontkit.create(lazy.data) as Fontkit.Font;
    lazy.attach(font);
    utimesSync(file, new Date(), new Date(Date.now() + 60_000));
    expect(() => font.glyphForCodePoint('国'.codePointAt(0)!)).toThrow(/在生成过程中被改动/);
  });
});
