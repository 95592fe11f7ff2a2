/**
 * Part of patch `fontkit-shared-faces` (fontkit 2.0.4): a run that shaping cannot change is laid out without
 * shaping. fontkit's `layout` maps the text to glyphs through the cmap, gives each glyph its advance, and then runs
 * the face's OpenType lookups of the features it applies by default. An OpenType lookup acts at a position only
 * when the glyph there is in one of its coverage tables, so a run made only of glyphs that no such lookup covers
 * (and that are no marks) comes out of shaping as it went in. For a Chinese face that is every ideograph and most
 * Chinese punctuation: shaping them is a fifth of a cold build, and it gives the plain cmap glyphs and advances.
 *
 * The glyphs that a face's lookups do cover are gathered once per face, from the same tables fontkit decodes for
 * its first layout. A face this cannot judge (a variable face, a `kern` or AAT table, a lookup of an unknown shape)
 * is always shaped. Only the character ranges below, where fontkit chooses its default shaper and hides no
 * character, are laid out plain; any other character in a run sends the whole run through fontkit.
 */
import type * as Fontkit from 'fontkit';
import type { Position } from './fontkit-shared-faces.js';

export interface PlainRun {
  glyphs: Fontkit.Glyph[];
  positions: Position[];
}

/**
 * The features fontkit's default shaper applies to horizontal text without being asked (its DefaultShaper:
 * variation, directional, fractional, common and horizontal features). fontkit applies features by tag and does not
 * apply a language system's required feature.
 */
const DEFAULT_FEATURES = new Set(['rvrn', 'ltra', 'ltrm', 'frac', 'numr', 'dnom', 'ccmp', 'locl', 'rlig', 'mark', 'mkmk', 'calt', 'clig', 'liga', 'rclt', 'curs', 'kern']);

/**
 * Characters laid out plain when their glyphs are inert: CJK symbols and punctuation (without the combining tone
 * marks U+302A–302F), CJK ideographs (extension A, the unified block, compatibility ideographs), full-width forms,
 * and the general punctuation Chinese text uses (dashes, quotes, ellipsis, ‰, ※). None is a default-ignorable
 * character, which fontkit would hide, and none makes fontkit choose another shaper than its default one.
 */
const PLAIN_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x2010, 0x2027],
  [0x2030, 0x203b],
  [0x3000, 0x3029],
  [0x3030, 0x303f],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
  [0xff01, 0xff60],
  [0xffe0, 0xffe6],
];

export function isPlainCharacter(codePoint: number): boolean {
  for (const [from, to] of PLAIN_RANGES) if (codePoint >= from && codePoint <= to) return true;
  return false;
}

interface Coverage {
  glyphs?: Iterable<number>;
  rangeRecords?: Iterable<{ start: number; end: number }>;
}

interface ClassDefinition {
  startGlyph?: number;
  classValueArray?: ArrayLike<number>;
  classRangeRecord?: Iterable<{ start: number; end: number; class: number }>;
}

type Subtable = Record<string, unknown> & { extension?: Subtable };

interface LayoutTable {
  featureList: Iterable<{ tag: string; feature: { lookupListIndexes: Iterable<number> } }>;
  lookupList: { get(index: number): { subTables: Iterable<Subtable> } };
}

interface InspectedFont {
  directory?: { tables?: Record<string, unknown> };
  GSUB?: LayoutTable;
  GPOS?: LayoutTable;
  GDEF?: { glyphClassDef?: ClassDefinition };
  _cmapProcessor: { lookup(codePoint: number): number };
  getGlyph(id: number, codePoints?: number[]): Fontkit.Glyph;
}

const ONE_COVERAGE = ['coverage', 'markCoverage', 'baseCoverage', 'ligatureCoverage', 'mark1Coverage', 'mark2Coverage'];
const COVERAGE_LISTS = ['coverages', 'backtrackCoverage', 'inputCoverage', 'lookaheadCoverage'];
const MARK_CLASS = 3;

/** Thrown inside the survey when a table has a shape it does not know; the face is then always shaped. */
class UnknownShape extends Error {}

function addCoverage(coverage: Coverage | undefined, into: Set<number>): void {
  if (!coverage) return;
  if (coverage.glyphs) for (const glyph of coverage.glyphs) into.add(glyph);
  else if (coverage.rangeRecords) for (const { start, end } of coverage.rangeRecords) for (let glyph = start; glyph <= end; glyph++) into.add(glyph);
  else throw new UnknownShape();
}

function addLookupCoverage(table: LayoutTable | undefined, into: Set<number>): void {
  if (!table) return;
  const lookups = new Set<number>();
  for (const { tag, feature } of table.featureList) if (DEFAULT_FEATURES.has(tag)) for (const index of feature.lookupListIndexes) lookups.add(index);
  for (const index of lookups) {
    for (const wrapped of table.lookupList.get(index).subTables) {
      const subtable = wrapped.extension ?? wrapped;
      let found = false;
      for (const key of ONE_COVERAGE) {
        if (subtable[key] === undefined) continue;
        addCoverage(subtable[key] as Coverage, into);
        found = true;
      }
      for (const key of COVERAGE_LISTS) {
        if (subtable[key] === undefined) continue;
        for (const coverage of subtable[key] as Iterable<Coverage>) addCoverage(coverage, into);
        found = true;
      }
      if (!found) throw new UnknownShape();
    }
  }
}

function addMarks(classes: ClassDefinition | undefined, into: Set<number>): void {
  if (!classes) return;
  if (classes.classValueArray) {
    const start = classes.startGlyph ?? 0;
    for (let i = 0; i < classes.classValueArray.length; i++) if (classes.classValueArray[i] === MARK_CLASS) into.add(start + i);
  } else if (classes.classRangeRecord) {
    for (const range of classes.classRangeRecord) if (range.class === MARK_CLASS) for (let glyph = range.start; glyph <= range.end; glyph++) into.add(glyph);
  } else throw new UnknownShape();
}

/** The glyphs that shaping may change or move in this face, or undefined for a face that is always shaped. */
export function shapedGlyphs(face: Fontkit.Font): ReadonlySet<number> | undefined {
  const font = face as unknown as InspectedFont;
  const tables = font.directory?.tables ?? {};
  if (['fvar', 'kern', 'morx', 'mort'].some((tag) => tag in tables)) return undefined;
  try {
    const covered = new Set<number>();
    addLookupCoverage(font.GSUB, covered);
    addLookupCoverage(font.GPOS, covered);
    addMarks(font.GDEF?.glyphClassDef, covered);
    return covered;
  } catch {
    return undefined;
  }
}

/**
 * A layout function for one face: the unshaped glyphs and advances of a run made only of plain characters whose
 * glyphs shaping leaves alone, or undefined for any other run (which must be shaped). The face is surveyed on the
 * first run that starts with a plain character.
 */
export function plainLayout(face: Fontkit.Font): (text: string) => PlainRun | undefined {
  let shaped: ReadonlySet<number> | undefined | null = null;
  const font = face as unknown as InspectedFont;
  // Each character's plain glyph, or 0 when it is no plain character or shaping may act on its glyph: a long text
  // asks again for the same few thousand characters.
  const plainGlyph = new Map<number, number>();
  return (text) => {
    // A run that does not start with a plain character is shaped, and a face that only ever sees such runs (the
    // Latin face) is never surveyed.
    if (text.length === 0 || !isPlainCharacter(text.charCodeAt(0))) return undefined;
    if (shaped === null) shaped = shapedGlyphs(face);
    if (!shaped) return undefined;
    const ids: number[] = [];
    for (let i = 0; i < text.length; i++) {
      const codePoint = text.charCodeAt(i);
      let id = plainGlyph.get(codePoint);
      if (id === undefined) {
        id = isPlainCharacter(codePoint) ? font._cmapProcessor.lookup(codePoint) : 0;
        if (shaped.has(id)) id = 0;
        plainGlyph.set(codePoint, id);
      }
      if (id === 0) return undefined;
      ids.push(id);
    }
    const glyphs = ids.map((id, i) => font.getGlyph(id, [text.charCodeAt(i)]));
    return { glyphs, positions: glyphs.map((glyph) => ({ xAdvance: glyph.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 })) };
  };
}
