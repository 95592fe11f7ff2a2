/**
 * Writes the corpus of bad data files in test/corpus/bad/: each an example with one small edit. Its header states
 * the expected findings (rule and line:col of the offending token, found here by a marker in the edited text,
 * not by running report-gen) and the exit code. Run with `node test/corpus/make-corpus.mjs` after changing it.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = join(root, 'test', 'corpus', 'bad');
const examples = {
  n2021: readFileSync(join(root, 'data/2021.yaml'), 'utf8'),
  n2019: readFileSync(join(root, 'data/2020.yaml'), 'utf8'),
  // The 信丰县 example without its own three published inconsistencies, so each case has one problem.
  legacy: readFileSync(join(root, 'data/xinfeng/2017.yaml'), 'utf8').replace(/received: \{ total: 3, /, 'received: { '),
};

/** 1-based position of the `nth` occurrence of `marker` (plus `shift` columns). */
function position(text, marker, nth = 1, shift = 0) {
  let index = -1;
  for (let i = 0; i < nth; i++) {
    index = text.indexOf(marker, index + 1);
    if (index < 0) throw new Error(`marker not found: ${marker}`);
  }
  const before = text.slice(0, index).split('\n');
  return `${before.length}:${before.at(-1).length + 1 + shift}`;
}

const line = (text, pattern, replacement) => {
  const changed = text.replace(pattern, replacement);
  if (changed === text) throw new Error(`edit did not apply: ${pattern}`);
  return changed;
};
const overviewLine = (text, sentence) => line(text, /^(\s*)## (.*)$/m, (m, indent) => `${m}\n${indent}${sentence}`);

/** name, base, edit, expectations [rule, marker, nth?, shift?], exit, optional companion files. */
const CASES = [
  ['n1-received', 'n2021', (t) => line(t, /received:\s*\[6/, 'received:    [-6'), [['N1', '[-6', 1, 1]], 1],
  ['n1-appeal', 'n2021', (t) => line(t, /review:(\s*)\{ upheld: 1/, 'review:$1{ upheld: -2'), [['N1', 'upheld: -2', 1, 8]], 1],
  ['n1-licensing', 'n2021', (t) => line(t, /licensing:   14/, 'licensing:   -3'), [['N1', '-3']], 1],
  ['n1-2019-procurement', 'n2019', (t) => line(t, /projects: 2/, 'projects: -1'), [['N1', '-1,']], 1],
  ['r1-natural-person', 'n2021', (t) => line(t, /carried_out: \[1,/, 'carried_out: [2,'), [['R1', 'carried_out: [2,', 1, 14]], 1],
  ['r1-commercial', 'n2021', (t) => line(t, /carried_out: \[1, 0,/, 'carried_out: [1, 3,'), [['R1', '[1, 3,', 1, 4]], 1],
  ['r1-received', 'n2021', (t) => line(t, /received:    \[6,/, 'received:    [7,'), [['R1', 'carried_out: [', 1, 14]], 1],
  ['r1-2019', 'n2019', (t) => line(t, /(carried_out:\s*)\[0,/, '$1[1,'), [['R1', 'carried_out:', 1, 0]], 1, { markerAfter: '[1,' }],
  ['r2-typed-total', 'n2021', (t) => line(t, /received:    \[6, 1, 0, 0, 0, 0\]/, 'received:    [6, 1, 0, 0, 0, 0, 8]'), [['R2', ', 8]', 1, 2]], 1],
  ['r3-typed-results-total', 'n2021', (t) => line(t, /(\n  carried_out:)/, '\n    total: [5, 1, 0, 0, 0, 0, 9]$1'), [['R3', ', 9]', 1, 2]], 1],
  ['r4-typed-appeal-total', 'n2021', (t) => line(t, /(review:\s*\{ upheld: 1, corrected: 0, other: 0, pending: 0) \}/, '$1, total: 4 }'), [['R4', 'total: 4', 1, 7]], 1],
  ['e1-blank-number', 'n2021', (t) => overviewLine(t, '全年收到申请   件。'), [['E1', '   件']], 1],
  ['e1-placeholder', 'n2021', (t) => overviewLine(t, '（文字描述）'), [['E1', '（文字描述）']], 1],
  ['e1-xx', 'n2021', (t) => overviewLine(t, '全年公开信息XX条。'), [['E1', 'XX']], 1],
  ['e1-in-problems', 'n2021', (t) => line(t, /^(\s*)(针对2020年报告)/m, '$1办结率  %。$2'), [['E1', '  %']], 1],
  ['e2-template-text', 'n2021', (t) => overviewLine(t, '政府信息公开工作年度报告格式模板'), [['E2', '政府信息公开工作年度报告格式模板']], 1],
  ['e9-old-year', 'n2021', (t) => overviewLine(t, '延续2015年以来的做法。'), [['E9', '2015年']], 0],
  ['e10-vague', 'n2021', (t) => overviewLine(t, '发布信息30余条。'), [['E10', '0余', 1]], 0],
  ['e10-2019', 'n2019', (t) => overviewLine(t, '发布信息330多条。'), [['E10', '0多']], 0],
  ['e15-doubled', 'n2021', (t) => overviewLine(t, '通过网站、、公告栏发布。'), [['E15', '、、']], 0],
  ['e15-halfwidth-comma', 'n2021', (t) => overviewLine(t, '公开信息,及时更新。'), [['E15', ',及']], 0],
  ['e15-halfwidth-parens', 'n2021', (t) => overviewLine(t, '乡党政办(政务公开)负责。'), [['E15', '(政'], ['E15', ')负']], 0],
  ['e13-no-fee-statement', 'n2021', (t) => line(t, /fee: 本年度未收取信息处理费。/, 'fee: 本年度无其他事项。'), [['E13', '本年度无其他事项']], 0],
  ['c1-empty-problems', 'n2021', (t) => line(t, /(  problems: \|[^\n]*\n)(?:    .*\n|\n)+?(  other:)/, '$1    ## 存在的问题\n$2'), [['C1', 'problems: |', 1, 10]], 1],
  ['template-unknown-statistic', 'n2021', (t) => overviewLine(t, '共{{requests.nothing.total}}件。'), [['TEMPLATE', 'requests.nothing']], 1],
  ['template-bad-syntax', 'n2021', (t) => overviewLine(t, '共{{requests.received.total件。'), [['TEMPLATE', '{{requests.received.total件']], 1],
  ['e5-format-mismatch', 'n2019', (t) => line(line(t, /^year: 2020$/m, 'year: 2021\nformat: national-2019'), /^issued: 2021-01-20/m, 'issued: 2022-01-20'), [['E5', 'format: national-2019', 1, 8]], 0],
  ['e8-printed-before-issued', 'n2021', (t) => line(t, /^(issued: .*)$/m, '$1\ndocument:\n  printed_by: 樟木乡人民政府办公室\n  printed_on: 2022-01-10'), [['E8', '2022-01-10']], 1],
  ['e8-issued-late', 'n2021', (t) => line(t, /^issued: 2022-01-18/m, 'issued: 2024-01-18'), [['E8', '2024-01-18']], 0],
  ['schema-word-for-number', 'n2021', (t) => line(t, /punishment:  2/, 'punishment:  两'), [['SCHEMA', '两']], 2],
  ['schema-decimal-count', 'n2021', (t) => line(t, /licensing:   14/, 'licensing:   1.5'), [['SCHEMA', '1.5']], 2],
  ['schema-missing-fee', 'n2021', (t) => line(t, /\n  fee: 本年度未收取信息处理费。[^\n]*/, ''), [['SCHEMA', 'overview:', 1, 0]], 2],
  ['schema-unknown-key', 'n2021', (t) => line(t, /(\n  licensing:)/, '\n  licences: 3$1'), [['SCHEMA', 'licences']], 2],
  ['schema-short-row', 'n2021', (t) => line(t, /duplicate:           \[0, 0, 0, 0, 0, 0\]/, 'duplicate:           [0, 0, 0, 0, 0]'), [['SCHEMA', '[0, 0, 0, 0, 0]']], 2],
  ['schema-2019-unit', 'n2019', (t) => line(t, /unit: 万元/, 'unit: 美元'), [['SCHEMA', '美元']], 2],
  ['schema-bad-date', 'n2021', (t) => line(t, /^issued: 2022-01-18/m, 'issued: 2022年1月18日'), [['SCHEMA', '2022年1月18日']], 2],
  ['schema-legacy-text-missing', 'legacy', (t) => line(t, /\n  fees: \|[^\n]*\n(?:    .*\n|\n)+?(?=  appeals:)/, '\n'), [['SCHEMA', 'overview:', 1, 0]], 2],
  ['format-unknown', 'n2021', (t) => line(t, /^year: 2021$/m, 'year: 2021\nformat: national-2030'), [['FORMAT', 'national-2030']], 2],
  ['yaml-unclosed-bracket', 'n2021', (t) => line(t, /not_held:            \[1, 0, 0, 0, 0, 0\]/, 'not_held:            [1, 0, 0'), [['YAML', null]], 2],
  ['yaml-tab-indent', 'n2021', (t) => line(t, /\n  punishment:/, '\n\tpunishment:'), [['YAML', null]], 2],
  ['yaml-duplicate-key', 'n2021', (t) => line(t, /(\n  punishment:  2)/, '\n  licensing: 5$1'), [['YAML', null]], 2],
  ['l1-received', 'legacy', (t) => line(t, /received: \{ /, 'received: { total: 5, '), [['L1', '5, in_person'], ['L8', 'completed: {', 1, 11], ['L8', 'answered:', 1, 0]], 0, { l8AnsweredFirstKey: true }],
  ['l2-completed', 'legacy', (t) => line(t, /completed: \{ total: 0,/, 'completed: { total: 4,'), [['L2', '4, on_time'], ['L8', 'completed: {', 1, 11]], 0],
  ['l5-reviews', 'legacy', (t) => line(t, /reviews: \{ upheld/, 'reviews: { total: 3, upheld'), [['L5', '3, upheld']], 0],
  ['l5-litigation', 'legacy', (t) => line(t, /litigation: \{ upheld/, 'litigation: { total: 2, upheld'), [['L5', '2, upheld']], 0],
  ['l6-staff', 'legacy', (t) => line(t, /staff: \{ full_time/, 'staff: { total: 90, full_time'), [['L6', '90, full_time']], 0],
  ['l7-normative', 'legacy', (t) => line(t, /normative_published: 21/, 'normative_published: 30'), [['L7', 'normative_published: 30', 1, 21]], 0],
  ['l7-leaders', 'legacy', (t) => line(t, /interviews_by_leaders: 1/, 'interviews_by_leaders: 9'), [['L7', 'interviews_by_leaders: 9', 1, 23]], 0],
  ['e8-legacy-printed', 'legacy', (t) => line(t, /printed_on: 2018-02-12/, 'printed_on: 2018-01-12'), [['E8', '2018-01-12']], 1],
  ['n1-legacy', 'legacy', (t) => line(t, /complaints: 0/, 'complaints: -1'), [['N1', 'complaints: -1', 1, 12]], 1],
];

/** Cross-year pairs: the later file is checked; the earlier one sits beside it. */
const PAIRS = [
  {
    name: 'r5-carry-over',
    earlier: ['2020.yaml', line(line(examples.n2019, /(carried_out:\s*)\[0,/, '$1[2,'), /(received:\s*)\[0,/, '$1[2,')],
    later: ['2021.yaml', examples.n2021],
    expect: (t) => [['R5', position(t, '[', t.indexOf('carried_in:') === -1 ? 1 : countBefore(t, '[', t.indexOf('carried_in:')) + 1, 1)]],
  },
  {
    name: 'r6-baseline',
    earlier: ['2019.yaml', line(line(line(examples.n2019, /^year: 2020$/m, 'year: 2019'), /^issued: 2021-01-20/m, 'issued: 2020-01-20'), /licensing:(\s*)\{ previous: (\d+), change: (-?\d+)/, (m, s, p) => `licensing:${s}{ previous: ${Number(p) + 5}, change: 0`)],
    later: ['2020.yaml', examples.n2019],
    expect: (t) => [['R6', position(t, 'previous:', countBefore(t, 'previous:', t.indexOf('licensing:')) + 1, 10)]],
    patchEarlier: (t, later) => keepOtherMatters(t, later),
  },
  {
    name: 'r8-in-force',
    earlier: ['2021.yaml', examples.n2021],
    later: ['2022.yaml', line(line(line(line(examples.n2021, /^year: 2021$/m, 'year: 2022'), /^issued: 2022-01-18/m, 'issued: 2023-01-18'), /carried_in:  \[0,/, 'carried_in:  [1,'), /received:    \[6,/, 'received:    [5,').replace('针对2020年报告', '针对2021年报告')],
    expect: (t) => [['R8', position(t, 'in_force: 6', 1, 10)]],
  },
];

function countBefore(text, marker, end) {
  let n = 0;
  for (let i = text.indexOf(marker); i >= 0 && i < end; i = text.indexOf(marker, i + 1)) n++;
  return n;
}

/** In the 2019 file of r6, every matter but 行政许可 continues exactly into 2020. */
function keepOtherMatters(earlier, later) {
  let text = earlier;
  for (const key of ['other_services', 'punishment', 'coercion', 'fees']) {
    const previous = new RegExp(`${key}:\\s*\\{ previous: (\\d+)`).exec(later)[1];
    text = text.replace(new RegExp(`(${key}:\\s*\\{ previous: )\\d+, change: -?\\d+`), `$1${previous}, change: 0`);
  }
  return text;
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const header = (expectations, exit) => [...expectations.map((e) => `# expect: ${e.join(' ')}`), `# exit: ${exit}`].join('\n');

for (const [name, base, edit, expectations, exit, options = {}] of CASES) {
  const body = edit(examples[base]);
  const lines = header(expectations.map(() => ['X', '0:0']), exit).split('\n').length;
  // Positions are computed in the final text, header included.
  const provisional = `${header(expectations.map(() => ['X', '0:0']), exit)}\n${body}`;
  const shifted = expectations.map(([rule, marker, nth = 1, shift = 0]) => {
    if (marker === null) return [rule, 'any'];
    if (options.markerValueOfKey) return [rule, position(provisional, marker, nth, marker.length + 1)];
    return [rule, position(provisional, marker, nth, shift)];
  });
  if (options.l8AnsweredFirstKey) shifted[2] = ['L8', position(provisional, 'total:', countBefore(provisional, 'total:', provisional.indexOf('answered:')) + 1, 0)];
  if (options.markerAfter) shifted[0] = [shifted[0][0], position(provisional, options.markerAfter, 1, 1)];
  if (options.markerLineOnly) shifted[0] = [shifted[0][0], `${shifted[0][1].split(':')[0]}:any`];
  if (header(shifted, exit).split('\n').length !== lines) throw new Error('header length changed');
  writeFileSync(join(out, `${name}.yaml`), `${header(shifted, exit)}\n${body}`);
}

for (const pair of PAIRS) {
  const dir = join(out, pair.name);
  mkdirSync(dir);
  const earlier = pair.patchEarlier ? pair.patchEarlier(pair.earlier[1], pair.later[1]) : pair.earlier[1];
  writeFileSync(join(dir, pair.earlier[0]), earlier);
  const provisional = `${header([['X', '0:0']], 0)}\n${pair.later[1]}`;
  writeFileSync(join(dir, pair.later[0]), `${header(pair.expect(provisional), 0)}\n${pair.later[1]}`);
}

// X0: a file with no last year beside it.
const alone = `${header([], 0)}\n${examples.n2021}`;
const x0 = position(`# expect-info: X0 0:0\n${alone}`, 'year: 2021', 1, 6);
writeFileSync(join(out, 'x0-no-previous-year.yaml'), `# expect-info: X0 ${x0}\n${alone}`);
console.log(`corpus written to ${out}`);
