/**
 * Sizes and official face names per text role (formats.md §5.2, §5.3). The PDF writer maps roles to the
 * faces of the font registry; the DOCX writer names the official faces and lets Word supply them.
 */
import type { TextRole } from '../model/document.js';

export interface RoleStyle {
  /** Point size: 2号 = 22, 3号 = 16, 4号 = 14, 五号 = 10.5. */
  size: number;
  /** The face named in the DOCX (East Asian text). */
  officialFace: string;
}

export const ROLE_STYLES: Record<TextRole, RoleStyle> = {
  title: { size: 22, officialFace: '方正小标宋简体' },
  heading: { size: 16, officialFace: '黑体' },
  subheading: { size: 16, officialFace: '楷体_GB2312' },
  body: { size: 16, officialFace: '仿宋_GB2312' },
  table: { size: 10.5, officialFace: '宋体' },
};

/** Latin letters and digits (practice: Times New Roman). */
export const LATIN_FACE = 'Times New Roman';

/** Characters set in the Latin face, half a character cell wide: printable ASCII. */
export const isLatin = (ch: string): boolean => {
  // Printable ASCII, one character (a test per character of every paragraph, so no regular expression).
  const code = ch.charCodeAt(0);
  return ch.length === 1 && code >= 0x20 && code <= 0x7e;
};

/** Page numbers "— N —" in 4号. */
export const PAGE_NUMBER_SIZE = 14;

/** Table text: 小四 (12 pt) for narrow tables such as 表二, 五号 (10.5 pt) for 表三 and 表四. */
export const TABLE_FONT_SIZES = { narrow: 12, wide: 10.5 } as const;

export function tableFontSize(columnCount: number): number {
  return columnCount <= 4 ? TABLE_FONT_SIZES.narrow : TABLE_FONT_SIZES.wide;
}
