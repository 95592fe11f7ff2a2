/**
 * Page geometry of GB/T 9704-2012 (formats.md §5.1), in points, shared by every writer.
 * A4; 版心 156 × 225 mm; 22 lines × 28 characters of 3号 (16 pt) text.
 */
export const mm = (value: number): number => (value * 72) / 25.4;

export const PAGE = {
  width: mm(210),
  height: mm(297),
  margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) },
  textWidth: mm(156),
  textHeight: mm(225),
  linesPerPage: 22,
  charsPerLine: 28,
  /** 行距: 225 mm / 22 lines ≈ 28.95 pt. */
  linePitch: 28.95,
  /** 字距: 156 mm / 28 characters ≈ 15.79 pt, a little less than the 16 pt body size. */
  charPitch: mm(156) / 28,
  /** The page number's dash line sits 7 mm below the 版心. */
  pageNumberGap: mm(7),
} as const;

/** Twentieths of a point, for DOCX. */
export const twips = (points: number): number => Math.round(points * 20);
