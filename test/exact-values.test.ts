/**
 * Figures are printed exactly as typed, whatever the file's byte-order mark and line ends; a count accepts only a
 * plain decimal integer that fits in 2^53, and any other form YAML would read as a number is refused, naming it.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkSource } from '../src/pipeline/check-report.js';
import { YamlSource } from '../src/load/yaml-source.js';
import { prepareFromSource } from '../src/pipeline/prepare-report.js';
import { EXIT, formatFinding, ReportError } from '../src/report-error/finding.js';
import { ROOT, runCli, tempDir } from './helpers/cli.js';
import { mkdirSync, writeFileSync } from 'node:fs';

/** One example of each edition, with its decimal amounts changed to values whose last digit a cut would lose. */
const EXAMPLES = [
  { file: 'data/2021.yaml', edit: ['fees:        0.00', 'fees:        12.30'], typed: ['12.30'] },
  { file: 'data/2020.yaml', edit: ['amount: 18.6,', 'amount: 18.65,'], typed: ['18.65'] },
  { file: 'data/xinfeng/2017.yaml', edit: ['  fees: 0 ', '  fees: 10 '], typed: ['10'] },
];

const VARIANTS: Record<string, (text: string) => string> = {
  BOM: (text) => `\uFEFF${text}`,
  CRLF: (text) => text.replace(/\n/g, '\r\n'),
  'BOM + CRLF': (text) => `\uFEFF${text.replace(/\n/g, '\r\n')}`,
};

function markupOf(text: string, file: string): string {
  return prepareFromSource(YamlSource.parse(text, file, join(ROOT, file))).markup;
}

describe.each(EXAMPLES)('the figures of $file', ({ file, edit, typed }) => {
  const original = readFileSync(join(ROOT, file), 'utf8');
  const plain = original.replace(edit[0]!, edit[1]!);
  if (plain === original) throw new Error(`the edit did not change ${file}`);
  const expected = markupOf(plain, file);

  it('print the typed amount in the plain file', () => {
    for (const amount of typed) expect(expected).toMatch(new RegExp(`>${amount.replace('.', '\\.')}(万元|元)?<`));
  });

  it.each(Object.keys(VARIANTS))('are the same with %s', (variant) => {
    expect(markupOf(VARIANTS[variant]!(plain), file)).toBe(expected);
  });
});

describe('positions after a byte-order mark', () => {
  it('count columns from the first character, not from the mark', () => {
    const text = readFileSync(join(ROOT, 'data/2021.yaml'), 'utf8').replace(/^year:.*$/m, 'year: 二〇二一');
    const source = YamlSource.parse(`\uFEFF${text}`, 'bom.yaml');
    expect(source.positionOf(['year'])).toEqual({ file: 'bom.yaml', line: text.split('\n').findIndex((l) => l.startsWith('year:')) + 1, col: 7 });
  });
});

function failure(text: string): ReportError {
  try {
    checkSource(YamlSource.parse(text, 'data/2021.yaml', join(ROOT, 'data/2021.yaml')), { crossYear: false });
  } catch (error) {
    if (error instanceof ReportError) return error;
    throw error;
  }
  throw new Error('expected the data to be refused');
}

describe('a count', () => {
  const base = readFileSync(join(ROOT, 'data/2021.yaml'), 'utf8');
  const withLicensing = (typed: string) => base.replace(/^(\s*licensing:\s*)14\b/m, `$1${typed}`);
  if (withLicensing('x') === base) throw new Error('licensing: 14 not found');

  it.each([
    ['0x10', 16],
    ['01234', 1234],
    ['1e3', 1000],
    ['-0', 0],
    ['+5', 5],
    ['0o17', 15],
  ])('typed as %s is refused naming it (YAML reads it as %d)', (typed, readAs) => {
    const error = failure(withLicensing(typed));
    expect(error.exitCode).toBe(EXIT.unusableInput);
    expect(error.findings).toHaveLength(1);
    const line = formatFinding(error.findings[0]!);
    expect(line).toContain(`错误 表二「行政许可」「本年处理决定数量」写作“${typed}”，不是普通的十进制数，会被读成 ${readAs}`);
    expect(line).toMatch(/^data\/2021\.yaml:\d+:\d+ /);
  });

  it('beyond 2^53 is refused, naming the digits as typed', () => {
    const error = failure(withLicensing('9007199254740993'));
    expect(error.findings.map((f) => f.message)).toEqual([
      '表二「行政许可」「本年处理决定数量」为 9007199254740993，超过能精确计算的上限 9007199254740991',
    ]);
  });

  it.each(['0', '7', '9007199254740991'])('typed as %s is accepted', (typed) => {
    const report = checkSource(YamlSource.parse(withLicensing(typed), 'data/2021.yaml', join(ROOT, 'data/2021.yaml')), { crossYear: false });
    expect(report.statistics.cells.get('active.licensing')).toBe(typed);
  });

  it('leaves a postcode typed without quotes as typed', () => {
    const text = base.replace(/^(\s*postcode:\s*)"342400"/m, '$1010000');
    const report = checkSource(YamlSource.parse(text, 'data/2021.yaml', join(ROOT, 'data/2021.yaml')), { crossYear: false });
    expect((report.data.org as { postcode: string }).postcode).toBe('010000');
  });
});

describe('aggregate', () => {
  it('sums the amounts as typed when one member file has a byte-order mark and Windows line ends', () => {
    const dir = tempDir('bom-aggregate');
    const example = readFileSync(join(ROOT, 'data/2021.yaml'), 'utf8');
    const members = [
      { name: 'dongshan', fees: '12.30', edit: (text: string) => text },
      { name: 'xishan', fees: '18.45', edit: (text: string) => `\uFEFF${text.replace(/\n/g, '\r\n')}` },
    ];
    for (const member of members) {
      mkdirSync(join(dir, member.name));
      writeFileSync(join(dir, member.name, '2021.yaml'), member.edit(example.replace('fees:        0.00', `fees:        ${member.fees}`)));
    }
    const out = join(dir, 'county.yaml');
    const result = runCli(['aggregate', ...members.map((m) => join(dir, m.name, '2021.yaml')), '-o', out]);
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^\s*fees:\s+30\.75\b/m);
  });
});
