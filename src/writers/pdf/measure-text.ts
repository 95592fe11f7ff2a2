/**
 * Widths of text for line breaking and table columns: Latin letters and digits in the Latin face (text-runs.ts) unless the role
 * sets all its text in one face (tables), the rest in the role's face, each measured with the face's own layout
 * (kerning included), as pdfkit measures words.
 */
import type { FontRole } from '../../fonts/font-role.js';
import { isLatin } from '../../fonts/font-role.js';
import type { LoadedFace } from '../../fonts/font-registry.js';
import type { PdfFaces } from './pdf-fonts.js';

/** Widths per 1 pt, by face and text. */
const widthsByFace = new Map<string, Map<string, number>>();

/** `text`'s width in points at `size` in `face`, through the face's cache of widths per 1 pt (`widths`). */
function widthIn(face: LoadedFace, text: string, size: number, widths = faceWidths(face)): number {
  let perPoint = widths.get(text);
  if (perPoint === undefined) {
    perPoint = face.font.layout(text).advanceWidth / face.font.unitsPerEm;
    // Bounded: a long document measures many different Latin words.
    if (widths.size > 50_000) widths.clear();
    widths.set(text, perPoint);
  }
  return perPoint * size;
}

function faceWidths(face: LoadedFace): Map<string, number> {
  let widths = widthsByFace.get(face.key);
  if (!widths) widthsByFace.set(face.key, (widths = new Map()));
  return widths;
}

/** Width of text set in one face. */
export function measureText(faces: PdfFaces, role: FontRole, text: string, size: number): number {
  const face = faces.face(role);
  const widths = faceWidths(face);
  let width = 0;
  for (const ch of text) width += widthIn(face, ch, size, widths);
  return isLatinOnly(text) ? widthIn(face, text, size, widths) : width;
}

const isLatinOnly = (text: string) => text.length > 0 && [...text].every(isLatin);

/** Widths of line-breaking units, per faces and size, kept across documents. */
const unitWidths = new Map<string, Map<string, number>>();

/**
 * `measureRuns` for one role and size, remembered per text: line breaking measures every unit of a paragraph
 * (one Chinese character, one Latin word) and most units recur, in a paragraph and in every report a process builds,
 * so a paragraph costs one look-up a unit.
 */
export function runsMeasure(faces: PdfFaces, role: FontRole, size: number): (text: string) => number {
  const key = `${faces.face(role).key}\u0000${faces.face('latin').key}\u0000${size}`;
  let widths = unitWidths.get(key);
  if (!widths) unitWidths.set(key, (widths = new Map()));
  const known = widths;
  return (text) => {
    let width = known.get(text);
    if (width === undefined) {
      width = measureRuns(faces, role, text, size);
      // Bounded: a long document measures many different Latin words.
      if (known.size > 50_000) known.clear();
      known.set(text, width);
    }
    return width;
  };
}

/** Width of running text: Latin runs in the Latin face, everything else in the role's face. */
export function measureRuns(faces: PdfFaces, role: FontRole, text: string, size: number): number {
  const face = faces.face(role);
  const widths = faceWidths(face);
  const latin = faces.face('latin');
  let width = 0;
  let run = '';
  const flush = () => {
    if (run) width += widthIn(latin, run, size);
    run = '';
  };
  for (const ch of text) {
    if (isLatin(ch)) run += ch;
    else {
      flush();
      width += widthIn(face, ch, size, widths);
    }
  }
  flush();
  return width;
}
