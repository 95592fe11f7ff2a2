/**
 * Lines and rules as pdfmake's renderer draws them (its `Renderer` reads these shapes), and the setting of runs on
 * a line: each run measured as pdfkit will set it, placed after the one before, and the line aligned,
 * indented or spread to its full measure.
 */
import type { Align } from '../../model/document.js';
import type { PdfFont } from '../../patches/load-pdfmake.js';
import type { PdfFaces } from './pdf-fonts.js';
import type { TextRun } from './text-runs.js';

/** A run as pdfmake's renderer sets it: its face, size, place on the line (`x`) and width. */
export interface DrawnInline {
  text: string;
  font: PdfFont;
  fontSize: number;
  x: number;
  width: number;
  height: number;
  /** Spacing after every glyph, which spreads a justified line. */
  characterSpacing: number;
}

/** A line as pdfmake's renderer reads it: its runs' baseline is the line's top plus its highest ascender. */
export class DrawnLine {
  constructor(
    readonly x: number,
    readonly y: number,
    readonly inlines: DrawnInline[],
  ) {}

  getHeight(): number {
    return this.inlines.reduce((height, inline) => Math.max(height, inline.height), 0);
  }

  getAscenderHeight(): number {
    return this.inlines.reduce((ascender, inline) => Math.max(ascender, (inline.font.ascender / 1000) * inline.fontSize), 0);
  }
}

export interface Rule {
  type: 'line';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  lineWidth: number;
  lineColor: 'black';
}

export type DrawnItem = { type: 'line'; item: DrawnLine } | { type: 'vector'; item: Rule };

export interface DrawnPage {
  pageSize: { width: number; height: number };
  items: DrawnItem[];
}

export const rule = (x1: number, y1: number, x2: number, y2: number, lineWidth: number): DrawnItem => ({
  type: 'vector',
  item: { type: 'line', x1, y1, x2, y2, lineWidth, lineColor: 'black' },
});

/** Sets runs on lines: faces resolved in the document, each run as wide as pdfkit will set it. */
export class LineSetter {
  constructor(
    private readonly faces: PdfFaces,
    private readonly font: (family: string) => PdfFont,
  ) {}

  /**
   * One line of `runs`, `height` high, at `y`, in a measure of `width` points from `left`: aligned, indented by
   * `indent` and, when `justify`, spread to the full measure over the runs' gaps. `last` says that the line ends
   * its text, so that its trailing spaces are not counted when it is aligned.
   */
  line(runs: readonly TextRun[], at: { left: number; y: number; width: number; height: number }, options: { align: Align; indent?: number; justify?: boolean; last?: boolean }): DrawnLine {
    const inlines: DrawnInline[] = [];
    const trailing: number[] = [];
    let x = 0;
    runs.forEach((run, i) => {
      const font = this.font(this.faces.family(run.role));
      // As pdfkit will set the run, shaping included: a line's runs follow one another as they are drawn.
      const width = font.widthOfString(run.text, run.size);
      // Spaces at the start of the line are not set; the first line's indent is set instead.
      if (i === 0) x = (options.indent ?? 0) - spaceWidth(font, run, /^\s+/);
      inlines.push({ text: run.text, font, fontSize: run.size, x, width, height: at.height, characterSpacing: 0 });
      trailing.push(spaceWidth(font, run, /\s+$/));
      x += width;
    });
    if (options.justify) justify(inlines, runs, trailing, at.width);
    const lineWidth = x - (options.last ? (trailing.at(-1) ?? 0) : 0);
    const offset = options.align === 'right' ? at.width - lineWidth : options.align === 'center' ? (at.width - lineWidth) / 2 : 0;
    return new DrawnLine(at.left + offset, at.y, inlines);
  }
}

/** Width of the spaces that `spaces` finds at one end of a run, in the run's font. */
function spaceWidth(font: PdfFont, run: TextRun, spaces: RegExp): number {
  const match = spaces.exec(run.text);
  return match ? font.widthOfString(match[0], run.size) : 0;
}

/**
 * Spreads what a line falls short of its measure evenly over its gaps: each run moves right by the gaps before it,
 * and a run with more than one gap (a stretch of Chinese, where every character is a unit of line breaking) gets the
 * step as character spacing, which pdfkit sets after every glyph.
 */
function justify(inlines: DrawnInline[], runs: readonly TextRun[], trailing: readonly number[], width: number): void {
  const gapsOf = (i: number) => runs[i]!.gaps ?? 0;
  let lastMarked = -1;
  let gaps = -1; // the last unit of the line has no gap after it
  runs.forEach((_, i) => {
    if (gapsOf(i) > 0) {
      lastMarked = i;
      gaps += gapsOf(i);
    }
  });
  if (lastMarked < 0 || gaps < 1) return;
  const last = inlines[lastMarked]!;
  const extra = width - (last.x + last.width - trailing[lastMarked]!);
  if (extra <= 0.01) return;
  const step = extra / gaps;
  let before = 0;
  inlines.forEach((inline, i) => {
    inline.x += before * step;
    if (gapsOf(i) > 1) inline.characterSpacing = step;
    before += gapsOf(i);
  });
}
