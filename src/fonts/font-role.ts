import type { TextRole } from '../model/document.js';

/** Text roles plus the face used for Latin letters and digits inside any role. */
export type FontRole = TextRole | 'latin';

export const FONT_ROLES: readonly FontRole[] = ['title', 'heading', 'subheading', 'body', 'table', 'latin'];

export { isLatin } from '../layout/typography.js';
