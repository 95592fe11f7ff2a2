/** report-gen init (a new year's data file) and aggregate (a county's sum of its members). */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { narrativeToMarkup } from '../src/templating/narrative.js';
import { checkFile } from '../src/pipeline/check-report.js';
import { FIELDS_2021 } from '../src/formats/national-2021/fields.js';
import { ROOT, runCli, tempDir, variantOf } from './helpers/cli.js';

const read = (file: string) => parse(readFileSync(file, 'utf8'));

describe('init', () => {
  it('scaffolds every official row with its label, a schema line, and placeholders that check refuses', () => {
    // The profile lies inside the new file's project (the temporary folder), where a profile must be.
    const dir = tempDir('init');
    const file = join(dir, '2022.yaml');
    cpSync(join(ROOT, 'data/example-county/orgs/dongshan.yaml'), join(dir, 'dongshan.yaml'));
    const result = runCli(['init', file, '--org', join(dir, 'dongshan.yaml')], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=.*schema\/report\.schema\.json$/);
    for (const field of FIELDS_2021.filter((f) => !f.computed)) {
      const label = field.row.split(' ').at(-1)!;
      expect(text, label).toContain(label);
    }
    const checked = checkFile(file);
    expect(checked.format.id).toBe('national-2022'.replace('2022', '2021'));
    expect(new Set(checked.findings.filter((f) => f.severity === 'error').map((f) => f.rule))).toEqual(new Set(['E1']));
    expect(read(file).requests.received).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('never overwrites a file', () => {
    const file = join(tempDir('init'), '2022.yaml');
    writeFileSync(file, 'keep me\n');
    const result = runCli(['init', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('已存在');
    expect(readFileSync(file, 'utf8')).toBe('keep me\n');
  });

  it('--from carries over 上年结转, 现行有效件数 and the sub-headings, not last year\'s text', () => {
    const dir = tempDir('init');
    cpSync(join(ROOT, 'data/2021.yaml'), join(dir, '2021.yaml'));
    const file = join(dir, '2022.yaml');
    expect(runCli(['init', file, '--from', join(dir, '2021.yaml')]).code).toBe(0);
    const last = read(join(dir, '2021.yaml'));
    const next = read(file);
    expect(next.year).toBe(2022);
    expect(next.requests.carried_in).toEqual(last.requests.carried_out.slice(0, 6));
    expect(next.active.normative_documents.in_force).toBe(last.active.normative_documents.in_force);
    expect(next.active.regulations.in_force).toBe(last.active.regulations.in_force);
    expect(next.org).toEqual(last.org);
    expect(next.previous).toBeUndefined(); // 2021.yaml beside it is found anyway
    expect(next.text.overview).toContain('## 依申请公开');
    expect(next.text.overview).not.toContain('612');
    // The carried-over figures satisfy the cross-year rules.
    expect(checkFile(file).findings.filter((f) => f.rule === 'R5' || f.rule === 'R8')).toEqual([]);
  });

  it('--from carries over sub-headings typed without a space or with their number, as build reads them', () => {
    const dir = tempDir('init');
    const last = readFileSync(join(ROOT, 'data/2021.yaml'), 'utf8').replace('    ## 主动公开', '    ##（一）主动公开').replace('    ## 依申请公开', '    ##依申请公开');
    expect(last).toContain('##（一）主动公开');
    expect(last).toContain('##依申请公开');
    writeFileSync(join(dir, '2021.yaml'), last);
    const file = join(dir, '2022.yaml');
    expect(runCli(['init', file, '--from', join(dir, '2021.yaml')]).code).toBe(0);
    const headings = (text: string) => [...text.matchAll(/^\s*## (.+)$/gm)].map((m) => m[1]);
    // The headings the build prints for last year's overview: the <h3> of its markup.
    const printed = [...narrativeToMarkup(read(join(dir, '2021.yaml')).text.overview).matchAll(/<h3>(.+?)<\/h3>/g)].map((m) => m[1]);
    expect(printed.slice(0, 2)).toEqual(['主动公开', '依申请公开']);
    expect(headings(read(file).text.overview)).toEqual(printed);
  });

  it('--from a 2020 file starts 2021\'s 现行有效件数 at 2020\'s 对外公开总数量', () => {
    const file = join(tempDir('init'), 'zhangmu-2021.yaml');
    expect(runCli(['init', file, '--from', 'data/2020.yaml']).code).toBe(0);
    const last = read(join(ROOT, 'data/2020.yaml'));
    const next = read(file);
    expect(next.active.normative_documents.in_force).toBe(last.active.normative_documents.total);
    expect(next.previous).toMatch(/data\/2020\.yaml$/);
  });

  it('--from a 2019 file carries 上一年项目数量 + 本年增/减 into 2020', () => {
    const from = variantOf('data/2020.yaml', (t) => t.replace(/^year: 2020$/m, 'year: 2019').replace(/^issued: .*$/m, 'issued: 2020-01-20'), '2019.yaml');
    const file = join(tempDir('init'), '2020.yaml');
    expect(runCli(['init', file, '--from', from]).code).toBe(0);
    const last = read(from);
    const next = read(file);
    for (const key of ['licensing', 'other_services', 'punishment', 'coercion', 'fees']) {
      expect(next.active[key].previous, key).toBe(last.active[key].previous + last.active[key].change);
    }
  });
});

const TOWNS = ['dongshan', 'xishan', 'nanhu'];

/** The cell-by-cell sum of the townships' 表三, computed here from their YAML. */
function summedTownships(dir: string) {
  const towns = TOWNS.map((t) => read(join(dir, t, '2021.yaml')));
  const add = (rows: number[][]) => rows[0]!.map((_, i) => rows.reduce((s, r) => s + r[i]!, 0));
  const rows = (get: (d: any) => number[]) => add(towns.map(get));
  return {
    received: rows((d) => d.requests.received),
    carried_out: rows((d) => d.requests.carried_out),
    not_held: rows((d) => d.requests.results.unavailable.not_held),
    disclosed: rows((d) => d.requests.results.disclosed),
    licensing: towns.reduce((s, d) => s + d.active.licensing, 0),
    review: towns.reduce((s, d) => s + d.appeals.review.upheld, 0),
  };
}

describe('aggregate', () => {
  it('the example county\'s data is the sum of its townships', () => {
    const county = read(join(ROOT, 'data/example-county/county/2021.yaml'));
    const sum = summedTownships(join(ROOT, 'data/example-county'));
    expect(county.requests.received).toEqual(sum.received);
    expect(county.requests.carried_out).toEqual(sum.carried_out);
    expect(county.requests.results.unavailable.not_held).toEqual(sum.not_held);
    expect(county.requests.results.disclosed).toEqual(sum.disclosed);
    expect(county.active.licensing).toBe(sum.licensing);
    expect(county.appeals.review.upheld).toBe(sum.review);
  });

  it('sums the members cell by cell into a valid data file, and reports members missing from the profile\'s list', () => {
    const dir = join(tempDir('agg'), 'data', 'county');
    cpSync(join(ROOT, 'data/example-county'), dir, { recursive: true });
    const profile = join(dir, 'orgs', 'county.yaml');
    writeFileSync(profile, readFileSync(profile, 'utf8').replace('members: [dongshan, xishan, nanhu]', 'members: [dongshan, xishan, nanhu, beiling]'));
    const out = join(dir, 'county', '2021-new.yaml');
    const result = runCli(['aggregate', ...TOWNS.map((t) => join(dir, t)), '-o', out, '--org', profile]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr.trim()).toMatch(/A1 机关信息文件列出的下属单位「beiling」没有数据文件，未计入汇总$/);
    const sum = summedTownships(dir);
    const made = read(out);
    expect(made.requests.received).toEqual(sum.received);
    expect(made.requests.results.unavailable.not_held).toEqual(sum.not_held);
    expect(made.appeals.review.upheld).toBe(sum.review);
    expect(made.active.fees).toBe(0);
    expect(checkFile(out).findings.filter((f) => f.severity === 'error').map((f) => f.rule)).toEqual(expect.arrayContaining(['E1']));
    expect(checkFile(out).findings.filter((f) => f.rule === 'R1')).toEqual([]);
  });

  it('refuses to mix years or editions, members with errors, and existing files', () => {
    const dir = tempDir('agg');
    const out = join(dir, 'county.yaml');
    const mixed = runCli(['aggregate', 'data/2020.yaml', 'data/2021.yaml', '-o', out]);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain('不能混合不同年度或版式汇总');
    const broken = variantOf('data/2021.yaml', (t) => t.replace(/^(\s*)carried_out:\s*\[\s*(\d+)/m, (_m, i: string, n: string) => `${i}carried_out: [${Number(n) + 1}`));
    const withError = runCli(['aggregate', 'data/2021.yaml', broken, '-o', out]);
    expect(withError.code).toBe(1);
    expect(withError.stderr).toMatch(/R1 表三「自然人」列/);
    expect(existsSync(out)).toBe(false);
    writeFileSync(out, 'keep\n');
    expect(runCli(['aggregate', 'data/2021.yaml', '-o', out]).code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('keep\n');
  });

  it('adds money exactly', () => {
    const a = variantOf('data/2021.yaml', (t) => t.replace(/^(\s*fees:\s*)[\d.]+/m, '$10.1'), 'a.yaml');
    const b = variantOf('data/2021.yaml', (t) => t.replace(/^(\s*fees:\s*)[\d.]+/m, '$10.2'), 'b.yaml');
    const out = join(tempDir('agg'), 'sum.yaml');
    expect(runCli(['aggregate', a, b, '-o', out]).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^\s*fees: 0\.30\b/m);
  });
});
