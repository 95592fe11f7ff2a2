/**
 * Generated reports for the layout checker: the national examples with narratives lengthened line by line (so that
 * every table starts at every position on a page), figures of 1 to 7 digits in 表三 and 1 to 6 in 表四 that still
 * balance, extra sub-headings, and a long or short 六. Each report is made from its seed alone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../../src/bench/seeded-random.js';
import { ROOT } from './cli.js';

const BASES = ['data/2021.yaml', 'data/2020.yaml'];
const RESULT_ROWS = [
  'disclosed', 'partly_disclosed', 'state_secret', 'prohibited_by_law', 'security_stability', 'third_party', 'internal_affairs',
  'process_info', 'enforcement_files', 'query_matters', 'not_held', 'needs_creation', 'still_unclear', 'complaint', 'duplicate',
  'publication', 'excessive', 'confirmation', 'no_correction', 'fee_unpaid',
];
const SENTENCE = '本乡坚持以公开为常态、不公开为例外，围绕群众关切的重点领域及时准确发布政府信息，回应社会关切。';

const indentText = (text: string) => text.split('\n').map((line) => (line ? `    ${line}` : '')).join('\n');

export interface CorpusReport {
  seed: number;
  yaml: string;
  digits: number;
}

export function corpusReport(seed: number): CorpusReport {
  const next = seededRandom(seed);
  const int = (max: number) => Math.floor(next() * (max + 1));
  const base = BASES[seed % BASES.length]!;
  let text = readFileSync(join(ROOT, base), 'utf8');
  const digits = 1 + (seed % 7);
  const scale = 10 ** digits;
  // 表三: one figure with all the digits, the rest small enough that every total keeps at most seven digits.
  const cell = () => (digits <= 2 ? int(scale - 1) : int(Math.floor(scale / 60)));
  // Every row of 三 that this edition has (2019's （六）其他处理 is a single row named `other`).
  const rows = [...RESULT_ROWS, 'other'].filter((key) => new RegExp(`^\\s{4,}${key}:\\s*\\[`, 'm').test(text));
  const results = new Map(rows.map((key) => [key, Array.from({ length: 6 }, cell)]));
  const column = int(5);
  results.get('disclosed')![column] = Math.floor(scale / 10) + int(Math.floor(scale / 3));
  const carriedIn = Array.from({ length: 6 }, () => int(Math.floor(scale / 100)));
  const carriedOut = Array.from({ length: 6 }, () => int(Math.floor(scale / 100)));
  const received = carriedOut.map((out, i) => [...results.values()].reduce((sum, r) => sum + r[i]!, 0) + out - carriedIn[i]!);
  const setRow = (key: string, values: number[]) => {
    text = text.replace(new RegExp(`^(\\s*${key}:\\s*)\\[[^\\]]*\\]`, 'm'), (_m, head: string) => `${head}[${values.join(', ')}]`);
  };
  for (const [key, values] of results) setRow(key, values);
  setRow('received', received);
  setRow('carried_in', carriedIn);
  setRow('carried_out', carriedOut);
  // 表四: parts of up to five digits, totals of up to six.
  const appealScale = 10 ** Math.min(5, digits);
  for (const block of ['review', 'litigation_direct', 'litigation_after_review']) {
    const values = Array.from({ length: 4 }, () => int(appealScale - 1));
    text = text.replace(new RegExp(`^(\\s*${block}:\\s*)\\{[^}]*\\}`, 'm'), (_m, head: string) =>
      `${head}{ upheld: ${values[0]}, corrected: ${values[1]}, other: ${values[2]}, pending: ${values[3]} }`);
  }
  // The narrative: 0–40 more lines in 一, sometimes extra sub-headings, a long or short 六.
  const extraLines = int(40);
  const paragraphs: string[] = [];
  let left = extraLines;
  while (left > 0) {
    const lines = Math.min(left, 1 + int(5));
    paragraphs.push(SENTENCE.repeat(Math.ceil((lines * 28) / SENTENCE.length)).slice(0, lines * 28 - 4));
    left -= lines;
  }
  const extra = paragraphs.map((p, i) => (next() < 0.3 ? `## 补充事项${i + 1}\n\n${p}` : p)).join('\n\n');
  if (extra) text = text.replace(/^( {2}overview: \|[^\n]*\n)/m, (_m, head: string) => `${head}${indentText(extra)}\n\n`);
  const other = next() < 0.5 ? '无。' : Array.from({ length: 1 + int(6) }, () => SENTENCE.repeat(1 + int(4))).join('\n\n');
  text = text.replace(/^( {2}other: \|[^\n]*\n)(?: {4}.*\n|\n)*/m, (_m, head: string) => `${head}${indentText(other)}\n\n`);
  return { seed, yaml: text, digits };
}
