/**
 * Chinese characters and full-width punctuation. Where a line break meets one of them, the lines join without a
 * space (template markup, wrapped narrative lines); between Latin words the break becomes one space.
 */
export const CJK_OR_PUNCT = /[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/;
