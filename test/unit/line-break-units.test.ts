/**
 * The units of line breaking (src/writers/pdf/line-break.ts) read a text by index. They must be those of the plain
 * definition, written here over the string iterator: every character is a unit, except that a run of printable
 * ASCII other than the space is one unit with the spaces after it, or one unit a letter when it is longer than
 * LONG_WORD; a space after a word joins that word. Texts are generated (seed printed on failure,
 * REPORT_GEN_UNITS_SEED=… replays one).
 */
import { describe, expect, it } from 'vitest';
import { LONG_WORD, units } from '../../src/writers/pdf/line-break.js';
import { seededRandom } from '../../src/bench/seeded-random.js';

const isAscii = (ch: string) => ch.length === 1 && ch >= ' ' && ch <= '~';

function reference(text: string): string[] {
  const out: string[] = [];
  const chars = [...text];
  for (let i = 0; i < chars.length; ) {
    const ch = chars[i]!;
    if (!isAscii(ch) || ch === ' ') {
      if (ch === ' ' && out.length > 0 && isAscii(out.at(-1)!.at(-1)!)) out[out.length - 1] += ch;
      else out.push(ch);
      i++;
      continue;
    }
    let j = i;
    while (j < chars.length && isAscii(chars[j]!) && chars[j] !== ' ') j++;
    while (j < chars.length && chars[j] === ' ') j++;
    const word = chars.slice(i, j);
    if (word.length > LONG_WORD) out.push(...word);
    else out.push(word.join(''));
    i = j;
  }
  return out;
}

describe('units of line breaking', () => {
  it('are those of the plain definition, over generated texts', () => {
    const pieces = ['政', '府', '。', '（', ' ', '  ', 'a', 'Web', '2021', 'https://www.gov.cn/zhengce/content/2021', '\u{20B9F}', '\uD842', '\uDFB7', '\t', '\n', '·', '—'];
    const seed = Number(process.env.REPORT_GEN_UNITS_SEED ?? 1201);
    const random = seededRandom(seed);
    for (let n = 0; n < 3000; n++) {
      let text = '';
      const length = Math.floor(random() * 30);
      for (let i = 0; i < length; i++) text += pieces[Math.floor(random() * pieces.length)]!;
      expect(units(text), `seed ${seed}, text ${JSON.stringify(text)}`).toEqual(reference(text));
    }
  });
});
