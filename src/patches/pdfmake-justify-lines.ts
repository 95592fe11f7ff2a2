/**
 * Patch `pdfmake-justify-lines` (pdfmake 0.3.11, its Renderer's `renderLine`). The PDF writer breaks lines
 * itself and hands pdfmake each line as a few runs that end in a forced break, so pdfmake never justifies one. A
 * line whose runs carry `JUSTIFY_GAPS` gets what it falls short of its measure spread evenly over its gaps before
 * it is drawn: each run moves right by the gaps before it, and a run with more than one gap (a stretch of Chinese,
 * where every character is a unit of line breaking) gets the step as character spacing, which pdfmake draws as `Tc`
 * after every glyph.
 */

/** What the patch reads and writes of pdfmake's line and its inlines (pdfmake 0.3.11 `Line`). */
export interface Line {
  inlines: Array<{ x: number; width: number; trailingCut?: unknown; characterSpacing?: unknown; [property: string]: unknown }>;
  maxWidth: number;
}

export type RenderLine = (this: unknown, line: Line, x: number, y: number) => void;

/** Property the writer sets on the runs of a line that is to fill the full measure: the run's number of gaps. */
export const JUSTIFY_GAPS = 'justifyGaps';

const gapsOf = (inline: Line['inlines'][number]) => {
  const gaps = inline[JUSTIFY_GAPS];
  return typeof gaps === 'number' && gaps > 0 ? gaps : 0;
};

function justify(line: Line): void {
  const inlines = line.inlines;
  const marked = inlines.filter((inline) => gapsOf(inline) > 0);
  if (marked.length === 0) return;
  // The last unit of the line has no gap after it.
  const gaps = marked.reduce((sum, inline) => sum + gapsOf(inline), 0) - 1;
  const last = marked.at(-1)!;
  const extra = line.maxWidth - (last.x + last.width - (Number(last.trailingCut) || 0));
  if (extra <= 0.01 || gaps < 1) return;
  const step = extra / gaps;
  let before = 0;
  for (const inline of inlines) {
    inline.x += before * step;
    const own = gapsOf(inline);
    if (own > 1) inline.characterSpacing = step;
    before += own;
  }
}

/** `renderLine` spreading marked lines before `draw` draws them. */
export function renderJustifiedLine(draw: RenderLine): RenderLine {
  return function (line, x, y) {
    justify(line);
    draw.call(this, line, x, y);
  };
}
