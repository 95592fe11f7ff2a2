/**
 * Placement of 发文机关署名 and 成文日期 without a seal (GB/T 9704 §7.3.5.1): the name right-indented two
 * characters; the date on the next line, its first character two characters right of the name's first;
 * if the date is longer than the name, the date is right-indented two characters and the name moves left.
 * Results are right indents in character widths.
 */
import { isLatin } from './typography.js';

export interface SignaturePlacement {
  orgRightIndent: number;
  dateRightIndent: number;
}

/** Width in character cells: Chinese characters count 1, Latin letters and digits ½. */
export function textCells(text: string): number {
  let cells = 0;
  for (const ch of text) cells += isLatin(ch) ? 0.5 : 1;
  return cells;
}

export function placeSignature(org: string, date: string): SignaturePlacement {
  const orgWidth = textCells(org);
  const dateWidth = textCells(date);
  let dateRightIndent = 2 + orgWidth - 2 - dateWidth;
  let orgRightIndent = 2;
  if (dateRightIndent < 2) {
    dateRightIndent = 2;
    orgRightIndent = 2 + dateWidth + 2 - orgWidth;
  }
  return { orgRightIndent, dateRightIndent };
}
