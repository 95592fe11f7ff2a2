/**
 * Patch `pdfmake-line-runs` (pdfmake 0.3.11, its Renderer's `renderLine`). pdfmake draws every word of a line as
 * its own text object, each with its own graphics state, colour, font and position. A Chinese line is one word per
 * character, so a full page held some 550 text objects, and writing and compressing them was a quarter of the PDF
 * writer's time. Here the words of a line that share face, size,
 * colour and opacity are drawn as one text object, each glyph at the very position pdfmake gave it: the gap
 * pdfmake leaves between two words becomes a TJ adjustment after the first word's last glyph.
 *
 * Lines with anything else (links, decorations, backgrounds, raised or lowered text, font features, character
 * spacing, outline entries, page references, named destinations) are drawn by pdfmake itself.
 */
import type { Position as ShapedPosition } from './fontkit-shared-faces.js';

/** pdfkit's positions carry the glyph's own advance besides the shaped one. */
interface Position extends ShapedPosition {
  advanceWidth: number;
}

interface EmbeddedFont {
  id: string;
  encode(text: string, features?: unknown): [string[], Position[]];
  ref(): unknown;
}

export interface Inline {
  text: string;
  x: number;
  width: number;
  font: EmbeddedFont;
  fontSize: number;
  color?: unknown;
  opacity?: unknown;
  [property: string]: unknown;
}

export interface Line {
  inlines: Inline[];
  maxWidth: number;
  id?: unknown;
  _outline?: unknown;
  _pageNodeRef?: unknown;
  getAscenderHeight(): number;
}

interface PdfKitDocument {
  page: { height: number; fonts: Record<string, unknown> };
  _font: EmbeddedFont;
  opacity(value: number): void;
  fill(color: unknown): void;
  fontSize(size: number): void;
  resolveColor(color: unknown, fallback: string): unknown;
  save(): void;
  restore(): void;
  transform(...matrix: number[]): void;
  addContent(operator: string): void;
}

export type RenderLine = (this: { pdfDocument: PdfKitDocument }, line: Line, x: number, y: number) => void;

/** Word properties that only pdfmake's own drawing handles. */
const SPECIAL = ['link', 'linkToPage', 'linkToDestination', 'decoration', 'background', 'sup', 'sub', 'fontFeatures', 'characterSpacing', '_pageNodeRef'];

const isPlain = (inline: Inline) => SPECIAL.every((property) => !inline[property]);

/** pdfkit's number format in content streams. */
const number = (n: number) => Math.round(n * 1e6) / 1e6;

/** The renderer's `renderLine`, drawing plain lines by runs and handing the others to `renderLineByWord`. */
export function renderLineByRuns(renderLineByWord: RenderLine): RenderLine {
  return function (line, x = 0, y = 0) {
    if (line._outline || line._pageNodeRef || line.id || !line.inlines.every(isPlain)) {
      renderLineByWord.call(this, line, x, y);
      return;
    }
    const baseline = y + line.getAscenderHeight();
    const inlines = line.inlines;
    for (let start = 0; start < inlines.length; ) {
      let end = start + 1;
      while (end < inlines.length && sameLook(inlines[start]!, inlines[end]!)) end++;
      drawRun(this.pdfDocument, inlines.slice(start, end), x, baseline);
      start = end;
    }
  };
}

function sameLook(a: Inline, b: Inline): boolean {
  return a.font === b.font && a.fontSize === b.fontSize && a.color === b.color && a.opacity === b.opacity;
}

/** Draws words of one look as one text object on the line's baseline (points from the page's top). */
function drawRun(doc: PdfKitDocument, words: Inline[], x: number, baseline: number): void {
  const first = words[0]!;
  const font = first.font;
  const size = first.fontSize;
  doc.opacity(typeof first.opacity === 'number' && !Number.isNaN(first.opacity) ? first.opacity : 1);
  doc.fill(doc.resolveColor(first.color, 'black'));
  doc._font = font;
  doc.fontSize(size);

  // Each word starts where pdfmake placed it: the gap before it becomes extra advance on the glyph before it.
  const scale = size / 1000;
  const glyphs: string[] = [];
  const positions: Position[] = [];
  let startX: number | undefined;
  let pen = 0;
  for (const word of words) {
    const [encoded, placed] = font.encode(word.text.replace(/\n/g, ''));
    if (placed.length === 0) continue;
    const at = x + word.x;
    if (startX === undefined) startX = at;
    else {
      const last = positions[positions.length - 1]!;
      positions[positions.length - 1] = { ...last, xAdvance: last.xAdvance + (at - pen) / scale };
    }
    glyphs.push(...encoded);
    positions.push(...placed);
    pen = at + placed.reduce((sum, p) => sum + p.xAdvance, 0) * scale;
  }
  if (startX === undefined) return;

  // As pdfkit's text(): a y-up text space.
  doc.save();
  doc.transform(1, 0, 0, -1, 0, doc.page.height);
  const penY = doc.page.height - baseline;
  if (doc.page.fonts[font.id] == null) doc.page.fonts[font.id] = font.ref();
  doc.addContent('BT');
  doc.addContent(`1 0 0 1 ${number(startX)} ${number(penY)} Tm`);
  doc.addContent(`/${font.id} ${number(size)} Tf`);
  writeGlyphs(doc, glyphs, positions, startX, penY, scale);
  doc.addContent('ET');
  doc.restore();
}

/** pdfkit's TJ writing: kerning as adjustments, offset glyphs with their own text matrix. */
function writeGlyphs(doc: PdfKitDocument, glyphs: string[], positions: Position[], x: number, y: number, scale: number): void {
  const commands: string[] = [];
  let last = 0;
  let hadOffset = false;
  const addSegment = (cur: number) => {
    if (last < cur) {
      const adjustment = positions[cur - 1]!.xAdvance - positions[cur - 1]!.advanceWidth;
      commands.push(`<${glyphs.slice(last, cur).join('')}> ${number(-adjustment)}`);
    }
    last = cur;
  };
  const flush = (i: number) => {
    addSegment(i);
    if (commands.length > 0) {
      doc.addContent(`[${commands.join(' ')}] TJ`);
      commands.length = 0;
    }
  };
  let i = 0;
  for (; i < positions.length; i++) {
    const pos = positions[i]!;
    if (pos.xOffset || pos.yOffset) {
      flush(i);
      doc.addContent(`1 0 0 1 ${number(x + pos.xOffset * scale)} ${number(y + pos.yOffset * scale)} Tm`);
      flush(i + 1);
      hadOffset = true;
    } else {
      if (hadOffset) {
        doc.addContent(`1 0 0 1 ${number(x)} ${number(y)} Tm`);
        hadOffset = false;
      }
      if (pos.xAdvance - pos.advanceWidth !== 0) addSegment(i + 1);
    }
    x += pos.xAdvance * scale;
  }
  flush(i);
}
