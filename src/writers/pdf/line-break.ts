/**
 * Line breaking for the PDF, done by the writer itself, so that it knows every paragraph's lines
 * before layout and can paginate by itself (docs/layout.md). Chinese text may break between any two characters,
 * except that closing punctuation never starts a line and opening punctuation never ends one (禁则, GB/T 15834
 * practice); a run of Latin letters and digits breaks only at spaces, or anywhere when it is longer than a word
 * can be (a web address).
 */
import { isLatin } from '../../fonts/font-role.js';
import { characterLength } from '../../markup/characters.js';

/** Characters that may not start a line. */
const NO_START = new Set([...'。，、；：？！）」』》〉】〕｝］”’…—～·%‰℃．,.;:?!)]}']);
/** Characters that may not end a line. */
const NO_END = new Set([...'（「『《〈【〔｛［“‘([{']);
/** A Latin run longer than this (a web address) may break anywhere. */
export const LONG_WORD = 20;

/** Width of a string in points, in the faces the line will be set in. */
export type Measure = (text: string) => number;

/** Printable ASCII other than the space: a character of a Latin word (`isLatin`, by its UTF-16 unit). */
const isWordUnit = (unit: number) => unit > 0x20 && unit <= 0x7e;

/**
 * Units that are never broken: one Chinese character, one Latin word with the spaces after it, or one letter of a
 * long word. The text is read by index: a long paragraph makes no array of its characters first.
 */
export function units(text: string): string[] {
  const out: string[] = [];
  const length = text.length;
  for (let i = 0; i < length; ) {
    const unit = text.charCodeAt(i);
    if (!isWordUnit(unit)) {
      const size = characterLength(text, i);
      const ch = size === 1 ? text[i]! : text.slice(i, i + 2);
      // A space ends the previous Latin word; keep it with that word so it is dropped at a line end.
      if (ch === ' ' && out.length > 0 && isLatin(out.at(-1)!.at(-1)!)) out[out.length - 1] += ch;
      else out.push(ch);
      i += size;
      continue;
    }
    let j = i;
    while (j < length && isWordUnit(text.charCodeAt(j))) j++;
    while (j < length && text.charCodeAt(j) === 0x20) j++;
    const word = text.slice(i, j);
    // Printable ASCII: one UTF-16 unit a character.
    if (word.length > LONG_WORD) out.push(...word.split(''));
    else out.push(word);
    i = j;
  }
  return out;
}

const first = (unit: string) => [...unit][0]!;
const last = (unit: string) => [...unit.trimEnd()].at(-1) ?? ' ';

/**
 * Breaks `text` into lines no wider than `width`, the first line `firstIndent` narrower. A forced line break
 * (`\n`) is kept. Trailing spaces of a line are dropped.
 */
export function breakLines(text: string, measure: Measure, width: number, firstIndent = 0): string[] {
  return breakLinesMeasured(text, measure, width, firstIndent).lines;
}

/**
 * `breakLines`, with what each line falls short of its measure (points): the space a justified line is to spread.
 * A line that ends at a forced break, or the text's last line, is never spread and falls short by 0.
 */
export function breakLinesMeasured(text: string, measure: Measure, width: number, firstIndent = 0): { lines: string[]; shortfalls: number[] } {
  const lines: string[] = [];
  const shortfalls: number[] = [];
  let indent = firstIndent;
  for (const hard of text.split('\n')) {
    const parts = units(hard);
    let start = 0;
    if (parts.length === 0) {
      lines.push('');
      shortfalls.push(0);
      indent = 0;
      continue;
    }
    while (start < parts.length) {
      const available = width - indent + 0.01;
      let end = start;
      let used = 0;
      while (end < parts.length) {
        const unit = parts[end]!;
        const trimmed = unit.trimEnd();
        const w = measure(trimmed);
        if (end > start && used + w > available) break;
        used += trimmed === unit ? w : measure(unit);
        end++;
      }
      if (end < parts.length) end = adjustBreak(parts, start, end);
      lines.push(parts.slice(start, end).join('').trimEnd());
      shortfalls.push(end < parts.length ? width - indent - lineWidth(parts, start, end, measure) : 0);
      start = end;
      indent = 0;
    }
  }
  return { lines, shortfalls };
}

/** Width of units `start` to `end` (exclusive) set as one line: the last without its trailing spaces. */
function lineWidth(parts: string[], start: number, end: number, measure: Measure): number {
  let width = 0;
  for (let i = start; i < end - 1; i++) width += measure(parts[i]!);
  return width + measure(parts[end - 1]!.trimEnd());
}

/** Moves a break back so that no closing mark starts the next line and no opening mark ends this one. */
function adjustBreak(parts: string[], start: number, end: number): number {
  let at = end;
  // At most a few characters move, so that a row of punctuation cannot empty a line.
  for (let guard = 0; guard < 3 && at - 1 > start; guard++) {
    if (NO_START.has(first(parts[at]!)) || NO_END.has(last(parts[at - 1]!))) at--;
    else break;
  }
  return NO_START.has(first(parts[at]!)) || NO_END.has(last(parts[at - 1]!)) ? end : at;
}
