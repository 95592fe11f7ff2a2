/** Random edits of a valid data file, for the fuzz tests: each edit is one of a few kinds a careless hand makes. */
import { seededRandom } from '../../src/bench/seeded-random.js';

export const EXAMPLES = ['data/2021.yaml', 'data/2020.yaml', 'data/xinfeng/2017.yaml', 'data/dongfeng/2011.yaml'];

const ODD = ['，', '３', ', ,', '\u0000', '\uFEFF', '\u202E', '𠀀', '😀', '：', '\t', '"', "'", '{{', '}}', '{{requests.received', '&', '<', '*a', '&a', '!!binary', '---', '%', '~', '[', ']', '\r', '　'];

export function mutate(text: string, next: () => number): string {
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const lines = text.split('\n');
  const at = Math.floor(next() * lines.length);
  switch (Math.floor(next() * 7)) {
    case 0:
      lines.splice(at, 1);
      return lines.join('\n');
    case 1:
      return text.replace(/-?\d+(\.\d+)?/g, (n) => (next() < 0.05 ? pick(['-1', '1.5', '99999999999999999999', 'abc', '[]', '{}', '', '0x1F', '1e3']) : n));
    case 2:
      return text.slice(0, Math.floor(next() * text.length));
    case 3: {
      const offset = Math.floor(next() * text.length);
      return text.slice(0, offset) + pick(ODD) + text.slice(offset);
    }
    case 4:
      lines.splice(at, 0, lines[at] ?? '');
      return lines.join('\n');
    case 5:
      lines[at] = (lines[at] ?? '').replace(/^\s*/, (s) => (next() < 0.5 ? `${s}  ` : s.slice(1)));
      return lines.join('\n');
    default:
      lines[at] = (lines[at] ?? '').replace(/:\s.*$/, `: ${pick(['~', '[1, 2]', '{ a: 1 }', '"文字"', '-5', 'true', '2022-13-45'])}`);
      return lines.join('\n');
  }
}

/** One to three edits of a text, replayable from the seed alone. */
export function mutant(text: string, seed: number): string {
  const next = seededRandom(seed);
  let edited = text;
  for (let k = 1 + Math.floor(next() * 3); k > 0; k--) edited = mutate(edited, next);
  return edited;
}
