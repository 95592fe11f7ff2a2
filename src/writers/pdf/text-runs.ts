/**
 * Splits text into runs set in the role's face and runs of Latin letters and digits set in the Latin face. The
 * renderer (draw-pages.ts) sets each run as it is, at the place the writer computed for it.
 */
import { isLatin, type FontRole } from '../../fonts/font-role.js';
import type { PdfFaces } from './pdf-fonts.js';
import { LONG_WORD } from './line-break.js';

export interface RunStyle {
  role: FontRole;
  size: number;
  /** Distance between baselines, in points. */
  pitch: number;
}

/** A stretch of text set in one face. */
export interface TextRun {
  text: string;
  /** The role whose face sets the run: the style's, or `latin`. */
  role: FontRole;
  size: number;
  /**
   * On a line that is to fill its measure: the run's units of line breaking, each followed by a gap that the line's
   * shortfall is spread over (one per character of a Chinese run or of an over-long word, one for a word).
   */
  gaps?: number;
}

export function textRuns(text: string, style: RunStyle): TextRun[] {
  const runs: TextRun[] = [];
  let current = '';
  let currentLatin: boolean | undefined;
  const flush = () => {
    if (current) runs.push({ text: current, role: currentLatin ? 'latin' : style.role, size: style.size });
    current = '';
  };
  for (const ch of text) {
    const latin = ch === '\n' ? (currentLatin ?? false) : isLatin(ch);
    if (currentLatin !== undefined && latin !== currentLatin) flush();
    currentLatin = latin;
    current += ch;
  }
  flush();
  return runs;
}

/**
 * The runs of one line that line-break.ts made: one run per stretch of the role's face, and one per Latin word (with
 * its trailing spaces) when the Latin face is another face. When `justify` is set each run carries its number of
 * justification gaps, and the line's last character is a run of its own, so that the spacing that spreads a run
 * never follows the line's last glyph.
 */
export function lineRuns(line: string, faces: PdfFaces, style: RunStyle, justify: boolean): TextRun[] {
  const runs: TextRun[] = [];
  const ownLatinFace = faces.face('latin').key !== faces.face(style.role).key;
  for (const run of textRuns(line, style)) {
    const latin = run.role === 'latin' && ownLatinFace;
    const parts = latin ? run.text.split(/(?<=\s)(?=\S)/) : [run.text];
    for (const text of parts) {
      const part: TextRun = { ...run, text };
      if (justify) {
        const characters = [...text].length;
        part.gaps = !latin || characters > LONG_WORD ? characters : 1;
      }
      runs.push(part);
    }
  }
  const last = runs.at(-1);
  if (last?.gaps !== undefined && last.gaps > 1) {
    const characters = [...last.text];
    runs.splice(-1, 1, { ...last, text: characters.slice(0, -1).join(''), gaps: characters.length - 1 }, { ...last, text: characters.at(-1)!, gaps: 1 });
  }
  return runs;
}
