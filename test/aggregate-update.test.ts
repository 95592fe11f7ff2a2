/**
 * The in-place YAML editor, and what aggregate does with it: --update refreshes a county file keeping every other
 * byte, --year picks one year from folders, a year is never written into a file named for another.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseDocument } from 'yaml';
import { seededRandom } from '../src/bench/seeded-random.js';
import { checkFile } from '../src/pipeline/check-report.js';
import { ReportError } from '../src/report-error/finding.js';
import { aggregateMembers } from '../src/scaffold/aggregate-members.js';
import { editInPlace } from '../src/scaffold/edit-in-place.js';
import { ROOT, runCli, tempDir } from './helpers/cli.js';

describe('editInPlace', () => {
  const example = readFileSync(join(ROOT, 'data/2021.yaml'), 'utf8');

  it('changes only the values, in flow sequences, flow maps and plain scalars, keeping comment columns', () => {
    const text = editInPlace(example, [
      { path: ['requests', 'received', 0], text: '16' },
      { path: ['appeals', 'review', 'upheld'], text: '10' },
      { path: ['active', 'licensing'], text: '7' },
      { path: ['active', 'fees'], text: '12.50' },
    ]);
    const changed = text.split('\n').map((line, i) => [line, example.split('\n')[i]!] as const).filter(([a, b]) => a !== b);
    expect(changed.map(([a]) => a)).toEqual([
      '  licensing:   7                 # 第二十条第（五）项 行政许可 本年处理决定数量',
      '  fees:        12.50             # 第二十条第（八）项 行政事业性收费 本年收费金额（单位：万元）',
      '  received:    [16, 1, 0, 0, 0, 0]                   # 一、本年新收政府信息公开申请数量',
      '  review:                  { upheld: 10, corrected: 0, other: 0, pending: 0 }  # 行政复议：结果维持 / 结果纠正 / 其他结果 / 尚未审结',
    ]);
    for (const [after, before] of changed) expect(after.indexOf('#')).toBe(before.indexOf('#'));
    const data = parse(text);
    expect(data.requests.received[0]).toBe(16);
    expect(data.appeals.review.upheld).toBe(10);
  });

  it('leaves the text byte-identical when nothing changes, and random edits change nothing but the values', () => {
    expect(editInPlace(example, [])).toBe(example);
    const random = seededRandom(7);
    const paths = [['requests', 'carried_out'], ['requests', 'results', 'disclosed'], ['requests', 'results', 'other', 'fee_unpaid']];
    for (let round = 0; round < 20; round++) {
      const edits = paths.map((p) => ({ path: [...p, Math.floor(random() * 6)], text: String(Math.floor(random() * 1000)) }));
      const text = editInPlace(example, edits);
      const data = parse(text);
      for (const edit of edits) expect(edit.path.reduce((n: any, k) => n[k], data), `seed 7 round ${round}`).toBe(Number(edit.text));
      const strip = (t: string) => t.replace(/\d+|\s+/g, '');
      expect(strip(text)).toBe(strip(example));
    }
  });

  it('keeps a byte-order mark and CRLF line ends, and quoted or empty values', () => {
    const text = '\uFEFFyear: 2021\r\nactive:\r\n  licensing: "3"   # 许可\r\n  punishment:\r\n  coercion: ~\r\n';
    const out = editInPlace(text, [
      { path: ['active', 'licensing'], text: '4' },
      { path: ['active', 'punishment'], text: '5' },
      { path: ['active', 'coercion'], text: '6' },
    ]);
    expect(out).toBe('\uFEFFyear: 2021\r\nactive:\r\n  licensing: 4     # 许可\r\n  punishment: 5\r\n  coercion: 6\r\n');
  });

  it('adds keys the file lacks: below their siblings, inside braces, or with their parents', () => {
    const text = 'year: 2021  # 年度\nappeals:\n  review: { upheld: 1, corrected: 0 }\nactive:\n  licensing: 3\n# 文末注释\n';
    const out = editInPlace(text, [
      { path: ['appeals', 'review', 'total'], text: '1' },
      { path: ['active', 'coercion'], text: '2' },
      { path: ['statistics', 'fees'], text: '0.5' },
    ]);
    expect(parseDocument(out).errors).toEqual([]);
    expect(parse(out)).toEqual({ year: 2021, appeals: { review: { upheld: 1, corrected: 0, total: 1 } }, active: { licensing: 3, coercion: 2 }, statistics: { fees: 0.5 } });
    expect(out).toContain('year: 2021  # 年度\n');
    expect(out).toContain('  review: { upheld: 1, corrected: 0, total: 1 }\n');
    expect(out).toContain('# 文末注释');
  });
});

describe('aggregate --update, --year', () => {
  const county = () => {
    const dir = join(tempDir('agg-update'), 'data', 'county');
    cpSync(join(ROOT, 'data/example-county'), dir, { recursive: true });
    return dir;
  };
  const members = (dir: string) => ['dongshan', 'nanhu', 'xishan'].map((m) => join(dir, m));

  it('leaves a county file that is up to date byte-identical', () => {
    const dir = county();
    const file = join(dir, 'county', '2021.yaml');
    const before = readFileSync(file, 'utf8');
    const result = aggregateMembers({ members: members(dir), out: file, org: join(dir, 'orgs/county.yaml'), update: true });
    expect(result.changed).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('after a township corrects its figures, changes exactly those cells of the county file and nothing else', () => {
    const dir = county();
    const nanhu = join(dir, 'nanhu', '2021.yaml');
    const text = readFileSync(nanhu, 'utf8');
    const data = parse(text);
    const bump = (line: RegExp, index: number, by: number) => (t: string) =>
      t.replace(line, (all: string) => all.replace(/\[([^\]]*)\]/, (_m, inner: string) => `[${inner.split(',').map((n, i) => (i === index ? ` ${Number(n) + by}` : n)).join(',').replace(/^ /, '')}]`));
    let changed = bump(/^\s*received:.*$/m, 1, 2)(text);
    changed = bump(/^\s*disclosed:.*$/m, 1, 2)(changed);
    writeFileSync(nanhu, changed);
    expect(checkFile(nanhu, { crossYear: false }).findings.filter((f) => f.severity === 'error')).toEqual([]);

    const file = join(dir, 'county', '2021.yaml');
    const before = readFileSync(file, 'utf8');
    const cli = runCli(['aggregate', ...members(dir), '-o', file, '--org', join(dir, 'orgs/county.yaml'), '--update']);
    expect(cli.code, cli.stderr).toBe(0);
    expect(cli.stdout).toContain('2 个数字有变化');
    const after = readFileSync(file, 'utf8');
    const diff = after.split('\n').map((line, i) => [before.split('\n')[i]!, line]).filter(([a, b]) => a !== b);
    expect(diff).toHaveLength(2);
    const old = parse(before);
    const now = parse(after);
    expect(now.requests.received[1]).toBe(old.requests.received[1] + 2);
    expect(now.requests.results.disclosed[1]).toBe(old.requests.results.disclosed[1] + 2);
    for (const [a, b] of diff) expect(b!.indexOf('#')).toBe(a!.indexOf('#'));
    expect(data.requests.received[1] + 2).toBe(parse(changed).requests.received[1]);
  });

  it('picks one year from folders with --year, and refuses a year written into a file named for another', () => {
    const dir = county();
    // A 2020 file for one township beside its 2021 file.
    cpSync(join(ROOT, 'data/2020.yaml'), join(dir, 'dongshan', '2020.yaml'));
    const mixed = () => aggregateMembers({ members: members(dir), out: join(dir, 'sum', '2021.yaml') });
    expect(mixed).toThrow(/不能混合不同年度或版式汇总.*--year/);
    const result = aggregateMembers({ members: members(dir), out: join(dir, 'sum', '2021.yaml'), year: 2021 });
    expect(result.members).toHaveLength(3);
    // The whole county folder: the county's own 2021 file is not one of its members.
    const other = county();
    const whole = aggregateMembers({ members: [other], out: join(other, 'sum', '2021.yaml'), year: 2021, org: join(other, 'orgs/county.yaml') });
    expect(whole.members.map((f) => f.slice(other.length + 1)).sort()).toEqual(['dongshan/2021.yaml', 'nanhu/2021.yaml', 'xishan/2021.yaml']);
    expect(parse(readFileSync(result.file, 'utf8')).year).toBe(2021);

    let refused: unknown;
    try {
      aggregateMembers({ members: members(dir), out: join(dir, 'sum', '2022.yaml'), year: 2021 });
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(ReportError);
    expect((refused as ReportError).exitCode).toBe(2);
    expect((refused as ReportError).findings[0]!.message).toContain('下属单位的数据是 2021 年的，不能写入以 2022 年命名的');
    const existing = join(dir, 'county', '2021.yaml');
    writeFileSync(join(dir, 'county', '2020.yaml'), readFileSync(existing, 'utf8'));
    expect(() => aggregateMembers({ members: members(dir), out: join(dir, 'county', '2020.yaml'), year: 2021, update: true })).toThrow(/以 2020 年命名/);
    expect(() => aggregateMembers({ members: members(dir), out: join(dir, 'county', 'other.yaml'), year: 2021, update: true })).toThrow(/不存在，--update/);
  });
});
