/**
 * Characters of a string read by index, as the string iterator (`[...text]`) reads them, without making a string or
 * an array per character: a surrogate pair is one character, and so is a lone half of one. For passes over long
 * texts (up to the 200,000 characters a text value may hold).
 */

const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLowSurrogate = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

/** UTF-16 units of the character that starts at `index`: 2 for a surrogate pair, otherwise 1. */
export function characterLength(text: string, index: number): 1 | 2 {
  return isHighSurrogate(text.charCodeAt(index)) && index + 1 < text.length && isLowSurrogate(text.charCodeAt(index + 1)) ? 2 : 1;
}

/** Characters of `text` from `start` to `end` (UTF-16 indexes), as `[...text.slice(start, end)].length` counts them. */
export function characterCount(text: string, start = 0, end = text.length): number {
  let count = 0;
  for (let i = start; i < end; count++) i += i + 1 < end ? characterLength(text, i) : 1;
  return count;
}
