/**
 * Positions in the YAML data file, in-process: every character of every string, in every scalar style, maps back
 * to the line and column where it was typed (checked against the file's own lines, from a printed seed; set
 * YAML_SEED to replay one); nodes, keys and typed text; syntax errors at their line.
 */
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/bench/seeded-random.js';
import { YamlSource } from '../../src/load/yaml-source.js';
import { ReportError } from '../../src/report-error/finding.js';
import { readProjectFile } from './helpers/report.js';

const STYLES = [
  'year: 2021',
  'text:',
  '  literal: |',
  '    第一段，全年公开信息12条。',
  '',
  '    　　第二段以全角空格开头；Latin words too.',
  '  folded: >',
  '    折叠的第一行',
  '    接着第二行，共计3件。',
  '  plain: 多行的普通标量',
  '    第二行也是它的一部分',
  '  double: "双引号里的文字，含「引号」"',
  '  single: \'单引号里的文字\'',
  'numbers:',
  '  row: [6, 1, 0.50, 01234]',
  '  amount: 0.00',
  '',
].join('\n');

const SEED = Number(process.env.YAML_SEED ?? Date.now() % 1_000_000);

/** The character typed at a line and column of `text`. */
const charAt = (text: string, at: { line: number; col: number }) => text.split('\n')[at.line - 1]?.[at.col - 1];

describe('positions in the YAML source', () => {
  it(`maps characters of every scalar style back to the file (seed ${SEED})`, () => {
    const random = seededRandom(SEED);
    const files: Array<[string, string]> = [
      ['styles.yaml', STYLES],
      ['data/2021.yaml', readProjectFile('data/2021.yaml')],
      ['data/2020.yaml', readProjectFile('data/2020.yaml')],
      ['data/xinfeng/2017.yaml', readProjectFile('data/xinfeng/2017.yaml')],
    ];
    let checked = 0;
    for (const [name, text] of files) {
      const source = YamlSource.parse(text, name);
      const texts = (source.toJS() as { text: Record<string, string> }).text;
      for (const [key, value] of Object.entries(texts)) {
        for (let k = 0; k < 25; k++) {
          const index = Math.floor(random() * value.length);
          // A character of its own (not a space or an escape) is found at its place in the file.
          if (/\s|"/.test(value[index]!)) continue;
          const at = source.positionOfIndex(['text', key], value, index);
          expect(at.file).toBe(name);
          expect(charAt(text, at), `seed ${SEED}: ${name} text.${key}[${index}] at ${at.line}:${at.col}`).toBe(value[index]);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  // Known limitation: in a double-quoted scalar, an escape (\" \n \u…) is one character of the value but several
  // of the file, so the columns after it are off by the difference.
  it('maps a character after an escape in a double-quoted scalar', () => {
    const text = 'year: 2021\ntext:\n  double: "含\\"引号\\"的文字"\n';
    const source = YamlSource.parse(text, 'escape.yaml');
    const value = (source.toJS() as { text: { double: string } }).text.double;
    const index = value.indexOf('的');
    expect(charAt(text, source.positionOfIndex(['text', 'double'], value, index))).toBe('的');
  });

  it.each([
    ['single quotes', "  single: '它''s 的文字'\n"],
    ['a \\u escape', '  double: "\\u4E2D文\\x41的文字"\n'],
    ['a character beyond the BMP', '  double: "\\U0001F600𠀀的文字"\n'],
  ])('maps a character after %s', (_name, line) => {
    const text = `year: 2021\ntext:\n${line}`;
    const source = YamlSource.parse(text, 'escape.yaml');
    const key = line.trim().split(':')[0]!;
    const value = (source.toJS() as { text: Record<string, string> }).text[key]!;
    expect(charAt(text, source.positionOfIndex(['text', key], value, value.indexOf('的')))).toBe('的');
  });

  it('places a node at its value, a key at its key, a list element at its element', () => {
    const source = YamlSource.parse(STYLES, 'styles.yaml');
    expect(source.positionOf(['numbers', 'row', 2])).toMatchObject({ line: 15, col: 15 });
    expect(source.positionOfKey(['numbers', 'amount'])).toMatchObject({ line: 16, col: 3 });
    expect(source.positionOf(['numbers', 'amount'])).toMatchObject({ line: 16, col: 11 });
    // A path that does not exist is placed at its nearest existing ancestor.
    expect(source.nodeAt(['numbers', 'missing']).exact).toBe(false);
    expect(source.positionOf(['numbers', 'missing'])).toMatchObject({ line: 15, col: 3 });
  });

  it('keeps the typed text of numbers', () => {
    const source = YamlSource.parse(STYLES, 'styles.yaml');
    expect(source.sourceTextOf(['numbers', 'amount'])).toBe('0.00');
    expect(source.sourceTextOf(['numbers', 'row', 2])).toBe('0.50');
    expect([...source.numbers()].map((n) => n.typed)).toEqual(['2021', '6', '1', '0.50', '01234', '0.00']);
  });

  it('counts columns after a byte-order mark as an editor does', () => {
    const source = YamlSource.parse(`\uFEFF${STYLES}`, 'styles.yaml');
    expect(source.positionOf(['year'])).toMatchObject({ line: 1, col: 7 });
  });

  it.each([
    ['a tab before a key', 'year: 2021\ntext:\n\toverview: x\n', 3],
    ['a missing closing bracket', 'year: 2021\nrow: [1, 2\nnext: 1\n', 2],
    ['a duplicate key', 'year: 2021\nyear: 2022\n', 2],
  ])('refuses %s with one YAML finding at its line', (_name, text, line) => {
    try {
      YamlSource.parse(text, 'bad.yaml');
      expect.unreachable('parsed');
    } catch (error) {
      expect(error).toBeInstanceOf(ReportError);
      const findings = (error as ReportError).findings;
      expect(findings.map((f) => [f.rule, f.at?.file, f.at?.line])).toEqual([['YAML', 'bad.yaml', line]]);
      expect(findings[0]!.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
