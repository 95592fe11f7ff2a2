/**
 * One fontkit for the font registry and for pdfkit. pdfkit loads fontkit's CommonJS build and parses every face
 * anew for every document (libraries.md §1.1). Before pdfkit loads, its fontkit is replaced in the module cache
 * by one whose `create` returns the face already parsed from the same buffer, so each face file is parsed once
 * per process and shared by the glyph checks and every PDF. Shaping results are kept across documents too:
 * pdfmake measures every Chinese character as a word of its own, and shaping dominates its layout time. What a
 * thread's first document would otherwise wait for, decoding glyph offsets, is done in one pass.
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
  if (!face) faces.set(key, (face = withLayoutCache(withDecodedGlyphsKept(withGlyphOffsetsRead(parse(buffer as Buffer, postscriptName))))));
  return face;
}

interface TrueTypeFont {
  directory?: { tables?: Record<string, unknown> };
  _tables?: Record<string, unknown>;
  head: { indexToLocFormat: number };
  maxp: { numGlyphs: number };
  stream: { pos: number };
  _getTableStream(tag: string): { pos: number; view: DataView } | null;
}

/**
 * fontkit decodes the glyph offsets (`loca`) one entry at a time, which for a CJK face of 65,000 glyphs is a good part
 * of each thread's first document. They are read here in one loop, as the numbers fontkit's decoding gives.
 */
function withGlyphOffsetsRead(face: Face): Face {
  const font = face as unknown as TrueTypeFont;
  if (!font.directory?.tables?.loca || !font._tables || 'loca' in font._tables) return face;
  const version = font.head.indexToLocFormat;
  const count = font.maxp.numGlyphs + 1;
  const position = font.stream.pos;
  const stream = font._getTableStream('loca');
  const start = stream?.pos ?? 0;
  font.stream.pos = position;
  const width = version === 0 ? 2 : 4;
  if (!stream || (version !== 0 && version !== 1) || start + count * width > stream.view.byteLength) return face;
  const offsets = new Uint32Array(count);
  for (let i = 0, at = start; i < count; i++, at += width) {
    offsets[i] = version === 0 ? stream.view.getUint16(at) * 2 : stream.view.getUint32(at);
  }
  font._tables.loca = { version, offsets, _processed: true };
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

/** A glyph's advance and offset, in font units, as fontkit's shaping gives them. */
export interface Position {
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
