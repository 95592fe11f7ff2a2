import type { TextRole } from '../model/document.js';

/** Text roles plus the face used for Latin letters and digits inside any role. */
export type FontRole = TextRole | 'latin';

export const FONT_ROLES: readonly FontRole[] = ['title', 'heading', 'subheading', 'body', 'table', 'latin'];

/** Characters set in the Latin face: printable ASCII. */
export const isLatin = (ch: string): boolean => {
  // Printable ASCII, one character (a test per character of every paragraph, so no regular expression).
  const code = ch.charCodeAt(0);
  return ch.length === 1 && code >= 0x20 && code <= 0x7e;
};
