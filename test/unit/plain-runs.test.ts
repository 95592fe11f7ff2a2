/**
 * Runs laid out without shaping (src/patches/fontkit-plain-runs.ts) against fontkit's own shaping of the same
 * text, on every face report-gen ships, parsed afresh by an unpatched fontkit from the file: the same glyphs, code
 * points and positions, or no plain layout at all. Random strings are seeded; a failure prints its seed.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as Fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { FontRegistry } from '../../src/fonts/font-registry.js';
import { isPlainCharacter, plainLayout, shapedGlyphs } from '../../src/patches/fontkit-plain-runs.js';
import { seededRandom } from '../../src/bench/seeded-random.js';

const fontkit = createRequire(import.meta.url)('fontkit') as typeof Fontkit;
const registry = FontRegistry.create();
const faces = registry.distinctFaces().map((face) => {
  const parsed = fontkit.create(readFileSync(face.source.file), face.source.postscriptName);
  return { name: face.displayName, font: ('fonts' in parsed ? parsed.fonts[0] : parsed) as Fontkit.Font };
});

type Layout = { glyphs: Array<{ id: number; codePoints: number[] }>; positions: Array<{ xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }> };
const described = (run: Layout, withCodePoints = true) => ({
  glyphs: run.glyphs.map((g) => (withCodePoints ? [g.id, ...g.codePoints] : [g.id])),
  positions: run.positions.map((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset]),
});

/** Characters of the plain ranges that the face maps, in code point order. */
function plainCharacters(font: Fontkit.Font): string[] {
  const characters: string[] = [];
  for (let codePoint = 0x2000; codePoint <= 0xffff; codePoint++) {
    if (isPlainCharacter(codePoint) && font.hasGlyphForCodePoint(codePoint)) characters.push(String.fromCharCode(codePoint));
  }
  return characters;
}

describe('plain runs', () => {
  for (const { name, font } of faces) {
    it(`give fontkit's own layout, character by character in long runs (${name})`, () => {
      const plain = plainLayout(font);
      const characters = plainCharacters(font);
      let laidOutPlain = 0;
      // Runs of 64 neighbours, so that any lookup acting on a pair of them would show.
      for (let start = 0; start < characters.length; start += 64) {
        const text = characters.slice(start, start + 64).join('');
        const run = plain(text);
        if (!run) {
          // A run with a glyph that shaping acts on goes to fontkit whole; each of its other characters is tried alone.
          for (const character of text) {
            const one = plain(character);
            if (one) {
              laidOutPlain++;
              expect(described(one), `${name} U+${character.codePointAt(0)!.toString(16)}`).toEqual(described(font.layout(character) as Layout));
            }
          }
          continue;
        }
        laidOutPlain += text.length;
        expect(described(run), `${name} from U+${text.codePointAt(0)!.toString(16)}`).toEqual(described(font.layout(text) as Layout));
      }
      // Every shipped Chinese face is plain for nearly all of its characters: the fast path is taken, not skipped.
      if (characters.length > 1000) expect(laidOutPlain, name).toBeGreaterThan(characters.length * 0.95);
      else expect(laidOutPlain, name).toBeGreaterThan(0);
    });
  }

  it('leave to fontkit a run with a glyph that a lookup covers, and a face with a kern table', () => {
    const serif = faces.find((f) => f.name === registry.face('body').displayName)!.font;
    const covered = shapedGlyphs(serif)!;
    // The Noto faces have lookups that cover the em dash.
    expect(covered.has(serif.glyphForCodePoint(0x2014).id)).toBe(true);
    expect(plainLayout(serif)('报告——全文')).toBeUndefined();
    expect(plainLayout(serif)('报告全文')).toBeDefined();
    // Characters outside the plain ranges: Latin letters, digits, a variation selector.
    for (const text of ['年度2021', '政府a', '葛\u{E0100}']) expect(plainLayout(serif)(text)).toBeUndefined();
    const withKern = Object.create(serif, { directory: { value: { tables: { ...(serif as unknown as { directory: { tables: object } }).directory.tables, kern: {} } } } });
    expect(shapedGlyphs(withKern)).toBeUndefined();
  });

  it('leave the patched faces laying out seeded random text as fontkit does', () => {
    const seed = 20261201;
    const random = seededRandom(seed);
    const pool = [...'政府信息公开工作年度报告，。、；：？！（）《》“”——……０１２３％·ABCxyz 0123 ‘’【】〔〕'];
    for (const role of ['body', 'title', 'heading', 'subheading', 'latin'] as const) {
      const patched = registry.face(role).font;
      const fresh = faces.find((f) => f.name === registry.face(role).displayName)!.font;
      for (let i = 0; i < 300; i++) {
        const length = 1 + Math.floor(random() * 30);
        const text = Array.from({ length }, () => pool[Math.floor(random() * pool.length)]).join('');
        // fontkit makes one glyph object per glyph, named by the first character that asked for it (· and • share one
        // in the Noto faces): two faces with different histories differ there, so glyphs are compared by id.
        expect(described(patched.layout(text) as Layout, false), `seed ${seed}, ${role} #${i}: ${text}`).toEqual(described(fresh.layout(text) as Layout, false));
      }
    }
  });
});
