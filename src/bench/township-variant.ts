/**
 * Invented townships for the example county and the batch benchmark: a copy of the national-2021 example with
 * another name and other figures that still satisfy R1 in every column. The text keeps its comments.
 */
import { seededRandom } from './seeded-random.js';

const RESULT_ROWS = ['disclosed', 'partly_disclosed', 'not_held', 'needs_creation', 'duplicate', 'no_correction'];

const row = (values: number[]) => `[${values.join(', ')}]`;

export function townshipVariant(example: string, options: { name: string; short: string; seed: number; org?: string }): string {
  const next = seededRandom(options.seed);
  const small = (max: number) => Math.floor(next() * (max + 1));
  const results = new Map(RESULT_ROWS.map((key) => [key, [small(4), small(2), 0, small(1), 0, small(1)]]));
  const carriedOut = [small(1), 0, 0, 0, 0, 0];
  const carriedIn = [0, 0, 0, 0, 0, 0];
  const received = carriedOut.map((out, i) => [...results.values()].reduce((sum, r) => sum + r[i]!, 0) + out - carriedIn[i]!);

  let text = example.replaceAll('樟木乡人民政府', options.name).replaceAll('樟木乡', options.short);
  const setRow = (key: string, values: number[]) => {
    text = text.replace(new RegExp(`^(\\s*${key}:\\s*)\\[[^\\]]*\\]`, 'm'), (_m, head: string) => `${head}${row(values)}`);
  };
  for (const [key, values] of results) setRow(key, values);
  setRow('received', received);
  setRow('carried_in', carriedIn);
  setRow('carried_out', carriedOut);
  text = text
    .replace(/^(\s*licensing:\s*)\d+/m, (_m, head: string) => `${head}${small(40)}`)
    .replace(/^(\s*punishment:\s*)\d+/m, (_m, head: string) => `${head}${small(9)}`)
    .replace(/(review:\s*\{\s*upheld:\s*)\d+/, (_m, head: string) => `${head}${small(2)}`);
  if (options.org) text = text.replace(/^org:\n(?:\s+.*\n)+/m, `org: ${options.org}\n`);
  return text;
}
