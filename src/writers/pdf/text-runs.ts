/**
 * Splits text into runs set in the role's face and runs of Latin letters and digits set in the Latin face,
 * each with the line height that makes every run exactly the requested line pitch.
 */
import type { Content } from 'pdfmake/interfaces.js';
import { isLatin, type FontRole } from '../../fonts/font-role.js';
import type { PdfFaces } from './pdf-fonts.js';

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
