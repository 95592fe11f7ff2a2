/**
 * Patch `fontkit-shared-faces` (fontkit 2.0.4): one fontkit for the font registry and for pdfkit. pdfkit loads
 * fontkit's CommonJS build and parses every face anew for every document. `shareFontkitWithPdfkit` replaces
 * pdfkit's fontkit in the module cache, before pdfkit loads, by one whose `create` returns the face already
 * parsed from the same buffer, so each face file is parsed once per process and shared by the glyph checks and
 * every PDF. Shaping results are kept across documents too, up to a bound: the line breaker measures every
 * character, and pdfkit every run, of every document a thread builds. What a thread's first document would
 * otherwise wait for, decoding glyph offsets, is done in one pass.
 */
import { createRequire } from 'node:module';
import type * as Fontkit from 'fontkit';
import { isPatchApplied } from './apply-library-patches.js';
import { LruMap } from './lru-map.js';
import { plainLayout } from './fontkit-plain-runs.js';
import { deferFontkitBrotli } from './deferred-modules.js';

type Face = ReturnType<typeof Fontkit.create>;

const require = createRequire(import.meta.url);
let fontkit: typeof Fontkit | undefined;
const parsed = new WeakMap<Uint8Array, Map<string, Face>>();

/** fontkit, loaded when first needed (commands that read no font never load it). */
function loadFontkit(): typeof Fontkit {
  if (!fontkit) {
    deferFontkitBrotli();
    fontkit = require('fontkit') as typeof Fontkit;
  }
  return fontkit;
}

/** Parses a face, or with the patch applied returns the face already parsed from the same buffer. */
export function createFace(buffer: Uint8Array, postscriptName?: string): Face {
  const parse = loadFontkit().create;
  if (!isPatchApplied('fontkit-shared-faces')) return parse(buffer as Buffer, postscriptName);
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
 * Shaped runs kept per face. A report has a few thousand distinct words (each Chinese character is one); the bound
 * keeps a long batch or watch session from growing without end.
 */
export const SHAPED_RUNS_PER_FACE = 20_000;

interface ShapedRun {
  glyphs: Fontkit.Glyph[];
  positions: Position[];
}

const shapedRuns = new WeakMap<object, LruMap<string, ShapedRun>>();

/** How many shaped runs a face keeps now (0 for a face without the cache). */
export function shapedRunCount(face: object): number {
  return shapedRuns.get(face)?.size ?? 0;
}

/**
 * Caches `layout(text)` (default features) per face; a run that shaping cannot change is laid out without it
 * (fontkit-plain-runs.ts). pdfkit scales the positions of a run in place, so every
 * call gets its own copy of the positions; glyphs are shared (pdfkit only reads them).
 */
function withLayoutCache(face: Face): Face {
  if (!('layout' in face)) return face;
  const font = face as Fontkit.Font;
  const layout = font.layout.bind(font);
  const plain = plainLayout(font);
  const runs = new LruMap<string, ShapedRun>(SHAPED_RUNS_PER_FACE);
  shapedRuns.set(face, runs);
  (font as { layout: unknown }).layout = (text: string, ...rest: unknown[]) => {
    if (rest.some((argument) => argument !== undefined)) return (layout as (...a: unknown[]) => unknown)(text, ...rest);
    // A plain run costs less to lay out again than to keep: only shaped runs are kept.
    const { glyphs, positions } = plain(text) ?? copyOfShaped(text);
    return {
      glyphs,
      positions,
      get advanceWidth() {
        return positions.reduce((sum, p) => sum + p.xAdvance, 0);
      },
    };
  };
  const copyOfShaped = (text: string): ShapedRun => {
    let run = runs.get(text);
    if (!run) {
      const shaped = layout(text);
      run = { glyphs: shaped.glyphs, positions: shaped.positions.map((p) => ({ xAdvance: p.xAdvance, yAdvance: p.yAdvance, xOffset: p.xOffset, yOffset: p.yOffset })) };
      runs.set(text, run);
    }
    return { glyphs: run.glyphs, positions: run.positions.map((p) => ({ ...p })) };
  };
  return face;
}

let shared = false;

/**
 * Serves pdfkit the shared faces: replaces fontkit in the module cache by one whose `create` is `createFace`.
 * pdfkit keeps the fontkit it found when it loaded, so this must come first; `loadPdfmake` calls it before it
 * loads pdfmake, and a pdfkit loaded earlier by some other way is a bug, not a slow path.
 */
export function shareFontkitWithPdfkit(): void {
  if (shared || !isPatchApplied('fontkit-shared-faces')) return;
  const pdfkitFile = createRequire(require.resolve('pdfmake')).resolve('pdfkit');
  if (require.cache[pdfkitFile]) throw new Error('pdfkit was loaded before the shared fontkit was in place');
  const fontkitFile = require.resolve('fontkit');
  if (createRequire(pdfkitFile).resolve('fontkit') !== fontkitFile) throw new Error('pdfkit loads another copy of fontkit');
  const original = loadFontkit();
  require.cache[fontkitFile]!.exports = { ...original, create: createFace };
  shared = true;
}
