/**
 * One fontkit for the font registry and for pdfkit. pdfkit loads fontkit's CommonJS build and parses every face
 * anew for every document (libraries.md §1.7). Before pdfkit loads, its fontkit is replaced in the module cache
 * by one whose `create` returns the face already parsed from the same buffer, so each face file is parsed once
 * per process and shared by the glyph checks and every PDF. Shaping results are kept across documents too:
 * pdfmake measures every Chinese character as a word of its own, and shaping dominates its layout time.
 * Import this module before pdfmake.
 */
import { createRequire } from 'node:module';
import type * as Fontkit from 'fontkit';

type Face = ReturnType<typeof Fontkit.create>;

const require = createRequire(import.meta.url);
const fontkit = require('fontkit') as typeof Fontkit;
const parse = fontkit.create;
const parsed = new WeakMap<Uint8Array, Map<string, Face>>();

export function createFace(buffer: Uint8Array, postscriptName?: string): Face {
  let faces = parsed.get(buffer);
  if (!faces) parsed.set(buffer, (faces = new Map()));
  const key = postscriptName ?? '';
  let face = faces.get(key);
  if (!face) faces.set(key, (face = withLayoutCache(withDecodedGlyphsKept(parse(buffer as Buffer, postscriptName)))));
  return face;
}

interface TrueTypeGlyph {
  _decode(): unknown;
  _font: { _variationProcessor?: unknown };
  _decodedOutline?: unknown;
}

const keepsDecodedGlyphs = new WeakSet<object>();

/**
 * pdfkit's TrueType subsetter decodes the outline of every glyph it embeds, in every document, only to learn
 * whether the glyph is composite. On a face shared by every document an outline never changes, so a glyph keeps
 * its first decoding. Variable faces decode per instance and are left alone.
 */
function withDecodedGlyphsKept(face: Face): Face {
  const tables = (face as { directory?: { tables?: Record<string, unknown> } }).directory?.tables;
  if (!('getGlyph' in face) || !tables?.glyf) return face;
  const prototype = Object.getPrototypeOf((face as Fontkit.Font).getGlyph(0)) as TrueTypeGlyph;
  if (keepsDecodedGlyphs.has(prototype) || typeof prototype._decode !== 'function') return face;
  keepsDecodedGlyphs.add(prototype);
  const decode = prototype._decode;
  prototype._decode = function (this: TrueTypeGlyph) {
    if (this._font._variationProcessor) return decode.call(this);
    if (!('_decodedOutline' in this)) this._decodedOutline = decode.call(this);
    return this._decodedOutline;
  };
  return face;
}

interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}

/**
 * Caches `layout(text)` (default features) per face. pdfkit scales the positions of a run in place, so every
 * call gets its own copy of the positions; glyphs are shared (pdfkit only reads them).
 */
function withLayoutCache(face: Face): Face {
  if (!('layout' in face)) return face;
  const font = face as Fontkit.Font;
  const layout = font.layout.bind(font);
  const runs = new Map<string, { glyphs: Fontkit.Glyph[]; positions: Position[] }>();
  (font as { layout: unknown }).layout = (text: string, ...rest: unknown[]) => {
    if (rest.some((argument) => argument !== undefined)) return (layout as (...a: unknown[]) => unknown)(text, ...rest);
    let run = runs.get(text);
    if (!run) {
      const shaped = layout(text);
      run = { glyphs: shaped.glyphs, positions: shaped.positions.map((p) => ({ xAdvance: p.xAdvance, yAdvance: p.yAdvance, xOffset: p.xOffset, yOffset: p.yOffset })) };
      runs.set(text, run);
    }
    const positions = run.positions.map((p) => ({ ...p }));
    return {
      glyphs: run.glyphs,
      positions,
      get advanceWidth() {
        return positions.reduce((sum, p) => sum + p.xAdvance, 0);
      },
    };
  };
  return face;
}

const cached = require.cache[require.resolve('fontkit')];
if (cached) cached.exports = { ...fontkit, create: createFace };
