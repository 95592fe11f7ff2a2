/**
 * Splits text into runs set in the role's face and runs of Latin letters and digits set in the Latin face,
 * each with the line height that makes every run exactly the requested line pitch.
 */
import type { Content } from 'pdfmake/interfaces.js';
import { isLatin, type FontRole } from '../../fonts/font-role.js';
import { JUSTIFY_GAPS } from '../../patches/pdfmake-justify-lines.js';
import type { PdfFaces } from './pdf-fonts.js';
import { LONG_WORD } from './line-break.js';

export interface RunStyle {
  role: FontRole;
  size: number;
  /** Distance between baselines, in points. */
  pitch: number;
}

/** pdfmake's line height factor for a face, so that one line is exactly `pitch` points. */
export function lineHeightFactor(faces: PdfFaces, role: FontRole, size: number, pitch: number): number {
  const face = faces.face(role);
  return pitch / ((size * (face.ascent - face.descent)) / 1000);
}

export function textRuns(text: string, faces: PdfFaces, style: RunStyle): Content[] {
  const runs: Content[] = [];
  let current = '';
  let currentLatin: boolean | undefined;
  const flush = () => {
    if (!current) return;
    const role = currentLatin ? 'latin' : style.role;
    runs.push({
      text: current,
      font: faces.family(role),
      fontSize: style.size,
      lineHeight: lineHeightFactor(faces, role, style.size, style.pitch),
      // A long web address may wrap anywhere rather than stretch the justified line before it.
      ...(currentLatin && current.length > 20 ? { wordBreak: 'break-all' as const } : {}),
    });
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

/** A run of a broken line: pdfmake sets it as it is (`noWrap`), and keeps it on the line of the run before it. */
export interface LineRun {
  text: string;
  [property: string]: unknown;
}

/**
 * The runs of one line that line-break.ts made, for pdfmake to set without breaking or measuring it again per
 * character: one run per stretch of the role's face, and one per Latin word (with its trailing spaces). When
 * `justify` is set each run carries its number of justification gaps (`JUSTIFY_GAPS`): the line-breaking units it
 * holds, one per character of a Chinese run or of an over-long word, one for a word; the patch
 * pdfmake-justify-lines spreads the line over them.
 */
export function lineRuns(line: string, faces: PdfFaces, style: RunStyle, justify: boolean): LineRun[] {
  const runs: LineRun[] = [];
  for (const run of textRuns(line, faces, style) as unknown as LineRun[]) {
    delete run.wordBreak;
    const latin = run.font === faces.family('latin') && faces.family('latin') !== faces.family(style.role);
    const parts = latin ? run.text.split(/(?<=\s)(?=\S)/) : [run.text];
    for (const text of parts) {
      const part: LineRun = { ...run, text, noWrap: true };
      if (justify) {
        const characters = [...text].length;
        part[JUSTIFY_GAPS] = !latin || characters > LONG_WORD ? characters : 1;
      }
      runs.push(part);
    }
  }
  // Character spacing would follow the line's last glyph too: that glyph goes in a run of its own.
  const last = runs.at(-1);
  if (last && typeof last[JUSTIFY_GAPS] === 'number' && last[JUSTIFY_GAPS] > 1) {
    const characters = [...(last.text as string)];
    runs.splice(-1, 1, { ...last, text: characters.slice(0, -1).join(''), [JUSTIFY_GAPS]: characters.length - 1 }, { ...last, text: characters.at(-1)!, [JUSTIFY_GAPS]: 1 });
  }
  return runs;
}

/**
 * The runs of consecutive lines as one pdfmake text: each run is kept on its predecessor's line (`noNewLine`), and a
 * forced break set in the style of the line's last run ends every line but the last, so that no line is ever
 * broken or joined by pdfmake (libraries.md §4).
 */
export function joinLines(lines: LineRun[][]): LineRun[] {
  const out: LineRun[] = [];
  lines.forEach((runs, i) => {
    out.push(...runs);
    if (i < lines.length - 1) {
      const last = runs.at(-1);
      out.push({ text: '\n', ...(last ? { font: last.font, fontSize: last.fontSize, lineHeight: last.lineHeight } : {}) });
    }
  });
  out.forEach((run, i) => {
    if (i < out.length - 1 && run.text !== '\n') run.noNewLine = true;
  });
  return out;
}
