/** Finding table labels and the numbers beside them in pdftotext -bbox words. */
import type { PdfWord } from '../readers/pdf.js';

export interface FoundLabel {
  words: PdfWord[];
  page: number;
  xMin: number;
  yMin: number;
  yMax: number;
  xMax: number;
}

const centre = (w: PdfWord) => (w.xMin + w.xMax) / 2;

/** The words that spell a label in one table cell: a first word and the lines below it, aligned left or centred. */
export function findLabel(words: PdfWord[], label: string, page?: number, after?: { page: number; yMin: number }): FoundLabel | undefined {
  const candidates = words.filter((w) => (page === undefined || w.page === page) && (!after || w.page > after.page || (w.page === after.page && w.yMin > after.yMin + 1)));
  for (const first of candidates) {
    if (first.text.length < 2 || !label.startsWith(first.text)) continue;
    const parts = [first];
    let text = first.text;
    while (text.length < label.length) {
      const previous = parts[parts.length - 1]!;
      const next = candidates
        .filter((w) => w.page === first.page && (Math.abs(w.xMin - first.xMin) < 1.5 || Math.abs(centre(w) - centre(first)) < 1.5))
        .filter((w) => w.yMin > previous.yMin + 1 && w.yMin < previous.yMax + 6)
        .sort((a, b) => a.yMin - b.yMin)[0];
      if (!next || !label.startsWith(text + next.text)) break;
      parts.push(next);
      text += next.text;
    }
    if (text === label) {
      return { words: parts, page: first.page, xMin: first.xMin, yMin: first.yMin, yMax: parts[parts.length - 1]!.yMax, xMax: Math.max(...parts.map((p) => p.xMax)) };
    }
  }
  return undefined;
}

/** Words printed in the same table row as a label, right of it, left to right. */
export function wordsBeside(words: PdfWord[], label: FoundLabel): string[] {
  return words
    .filter((w) => w.page === label.page && w.xMin > label.xMax)
    .filter((w) => {
      const mid = (w.yMin + w.yMax) / 2;
      return mid > label.yMin - 1 && mid < label.yMax + 1;
    })
    .sort((a, b) => a.xMin - b.xMin)
    .map((w) => w.text);
}
