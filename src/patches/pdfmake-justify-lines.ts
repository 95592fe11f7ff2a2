/**
 * Patch `pdfmake-justify-lines` (pdfmake 0.3.11, its Renderer's `renderLine`). The PDF writer breaks lines
 * itself, so pdfmake sees each of them as ending in a forced break and never justifies one. A line whose words
 * the writer marked with `JUSTIFY_LINE` gets what it falls short of its measure spread evenly over the gaps
 * between its words, as pdfmake's own `justify` does, before it is drawn.
 */
import type { Line, RenderLine } from './pdfmake-line-runs.js';

/** Property the writer sets on the words of a line that is to fill the full measure. */
export const JUSTIFY_LINE = 'justifyLine';

function justify(line: Line): void {
  const inlines = line.inlines;
  if (inlines.length < 2 || !inlines.some((inline) => inline[JUSTIFY_LINE])) return;
  const last = inlines.at(-1)!;
  const extra = line.maxWidth - (last.x + last.width - (Number(last.trailingCut) || 0));
  if (extra <= 0.01) return;
  const step = extra / (inlines.length - 1);
  inlines.forEach((inline, i) => {
    inline.x += i * step;
  });
}

/** `renderLine` spreading marked lines before `draw` draws them. */
export function renderJustifiedLine(draw: RenderLine): RenderLine {
  return function (line, x, y) {
    justify(line);
    draw.call(this, line, x, y);
  };
}
