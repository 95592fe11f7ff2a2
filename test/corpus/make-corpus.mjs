/**
 * Writes the corpus of bad data files in test/corpus/bad/ (run `node test/corpus/make-corpus.mjs`; the files it
 * writes are committed, and test/corpus.test.ts reads only those).
 *
 * Each case is one of the four examples with one small edit. The edit puts a marker ⟦RULE⟧ immediately before
 * the character where the finding must point (the rule of each position is written out in corpus.test.ts).
 * The markers are removed and turned into the header:
 *
 *   # case: what was changed
 *   # base: the example it came from
 *   # expect: RULE LINE:COL      one line per expected error or warning (X0 only in the X0 cases)
 *   # exit: N
 *   # known-bug: …               only when report-gen is known to disagree (the test skips these)
 *
 * Positions are counted in the written file, header included: 1-based lines, and 1-based columns in
 * characters (all text here is in the Basic Multilingual Plane, so a character is one UTF-16 unit).
 * Nothing here runs report-gen.
 *
 * Cross-year cases are folders: the earlier year's file has no header and is not checked itself; the later
 * year's file carries the header.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = join(root, 'test', 'corpus', 'bad');
const read = (path) => readFileSync(join(root, path), 'utf8');

/** Replaces the single occurrence of `from`; fails when it occurs zero or several times. */
function sub(text, from, to) {
  const first = text.indexOf(from);
  if (first < 0) throw new Error(`not found: ${from}`);
  if (text.indexOf(from, first + 1) >= 0) throw new Error(`not unique: ${from}`);
  return text.slice(0, first) + to + text.slice(first + from.length);
}

/** Applies [from, to] edits in order. */
const edits = (text, pairs) => pairs.reduce((t, [from, to]) => sub(t, from, to), text);

const XINFENG_NOTE = 'data/xinfeng/2017.yaml with no application: 收到申请数 3 → 0 (网络 3 → 0), 办结 and 答复 3 → 0, and 收到…3件 → 0件 in the text (T1)';
const BASES = {
  n21: { file: 'data/2021.yaml', text: read('data/2021.yaml') },
  n19: { file: 'data/2020.yaml', text: read('data/2020.yaml') },
  // The 信丰县 example with its typed totals, and no application at all.
  xf: {
    file: XINFENG_NOTE,
    text: edits(read('data/xinfeng/2017.yaml'), [
      ['received: { total: 3, in_person: 0, fax: 0, online: 3, ', 'received: { total: 0, in_person: 0, fax: 0, online: 0, '],
      ['completed: { total: 3, on_time: 3, ', 'completed: { total: 0, on_time: 0, '],
      ['      total: 3\n      already_public: 0', '      total: 0\n      already_public: 0'],
      ['      agreed: 3 ', '      agreed: 0 '],
      ['公开事项3件。', '公开事项0件。'],
    ]),
  },
  df: { file: 'data/dongfeng/2011.yaml', text: read('data/dongfeng/2011.yaml') },
};


const MARKER = /⟦([A-Z][A-Z0-9]*)⟧/g;

/** Removes the markers; returns the clean text and the markers' rules and positions (in that text). */
function takeMarkers(text) {
  const found = [];
  let clean = '';
  let last = 0;
  for (const m of text.matchAll(MARKER)) {
    clean += text.slice(last, m.index);
    last = m.index + m[0].length;
    const lines = clean.split('\n');
    found.push({ rule: m[1], line: lines.length, col: lines.at(-1).length + 1 });
  }
  clean += text.slice(last);
  return { clean, found };
}

/** The examples' `$schema=` comment, pointed at schema/ from the corpus file (the editor's hover help). */
const schemaFrom = (text, depth) => text.replace(/\$schema=\S+/, `$schema=${'../'.repeat(depth)}schema/report.schema.json`);

function withHeader({ description, base, exit, knownBug }, text) {
  const { clean, found } = takeMarkers(text);
  if (found.length === 0) throw new Error(`no marker in ${description}`);
  const header = [`# case: ${description}`, `# base: ${base}`];
  const shift = header.length + found.length + 1 + (knownBug ? 1 : 0);
  for (const f of found) header.push(`# expect: ${f.rule} ${f.line + shift}:${f.col}`);
  header.push(`# exit: ${exit}`);
  if (knownBug) header.push(`# known-bug: ${knownBug}`);
  if (header.length !== shift) throw new Error('header length');
  return `${header.join('\n')}\n${clean}`;
}

function noMarkers(text) {
  if (MARKER.test(text)) throw new Error('marker in an unchecked file');
  MARKER.lastIndex = 0;
  return text;
}

const FIRST_PARAGRAPH_2021 = '    2021年，樟木乡认真贯彻落实';

/** [name, base, description, exit, edit pairs, known bug?] */
const CASES = [
  // ── national-2021 (data/2021.yaml) ──────────────────────────────────────────────────────────────
  ['n1-table3-withheld-cell', 'n21', '表三 （三）4.保护第三方合法权益 商业企业 typed -1', 1, [
    ['third_party:         [0, 0, 0', 'third_party:         [0, ⟦N1⟧-1, 0'],
  ]],
  ['n1-table2-licensing', 'n21', '表二 行政许可 本年处理决定数量 typed -14', 1, [['licensing:   14', 'licensing:   ⟦N1⟧-14']]],
  ['n1-table4-review-upheld', 'n21', '表四 行政复议 结果维持 typed -1', 1, [
    ['review:                  { upheld: 1,', 'review:                  { upheld: ⟦N1⟧-1,'],
  ]],
  ['r1-carried-out-natural-person', 'n21', '表三 四、结转下年度 自然人 2 instead of 1', 1, [['carried_out: [1, 0,', 'carried_out: [⟦R1⟧2, 0,']]],
  ['r1-disclosed-commercial', 'n21', '表三 （一）予以公开 商业企业 2 instead of 1 (column 商业企业 off)', 1, [
    ['disclosed:         [2, 1, 0', 'disclosed:         [2, 2, 0'],
    ['carried_out: [1, 0, 0', 'carried_out: [1, ⟦R1⟧0, 0'],
  ]],
  ['r1-received-legal-services', 'n21', '表三 一、本年新收 法律服务机构 3 with no result (column 法律服务机构 off)', 1, [
    ['received:    [6, 1, 0, 0, 0, 0]', 'received:    [6, 1, 0, 0, 3, 0]'],
    ['carried_out: [1, 0, 0, 0, 0, 0]', 'carried_out: [1, 0, 0, 0, ⟦R1⟧0, 0]'],
  ]],
  ['r1-partly-disclosed-two-columns', 'n21', '表三 （二）部分公开 typed in 商业企业 instead of 自然人 (two columns off)', 1, [
    ['partly_disclosed:  [1, 0, 0', 'partly_disclosed:  [0, 1, 0'],
    ['carried_out: [1, 0, 0', 'carried_out: [⟦R1⟧1, ⟦R1⟧0, 0'],
  ]],
  ['r1-unavailable-group-row', 'n21', '表三 （四）2.没有现成信息需要另行制作 科研机构 1 with nothing received', 1, [
    ['needs_creation:      [0, 0, 0', 'needs_creation:      [0, 0, 1'],
    ['carried_out: [1, 0, 0, 0', 'carried_out: [1, 0, ⟦R1⟧0, 0'],
  ]],
  ['r2-received-typed-total', 'n21', '表三 一、本年新收 with a typed 总计 8 (parts sum to 7)', 1, [
    ['received:    [6, 1, 0, 0, 0, 0]', 'received:    [6, 1, 0, 0, 0, 0, ⟦R2⟧8]'],
  ]],
  ['r3-results-total-typed-sum', 'n21', '表三 （七）总计 typed with 总计 9 (rows sum to 6)', 1, [
    ['  carried_out: [1,', '    total: [5, 1, 0, 0, 0, 0, ⟦R3⟧9]\n  carried_out: [1,'],
  ]],
  ['r3-results-total-column', 'n21', '表三 （七）总计 typed with 自然人 4 (rows sum to 5)', 1, [
    ['  carried_out: [1,', '    total: [⟦R3⟧4, 1, 0, 0, 0, 0]\n  carried_out: [1,'],
  ]],
  ['r4-review-typed-total', 'n21', '表四 行政复议 typed 总计 2 (parts sum to 1)', 1, [
    ['{ upheld: 1, corrected: 0, other: 0, pending: 0 }', '{ upheld: 1, corrected: 0, other: 0, pending: 0, total: ⟦R4⟧2 }'],
  ]],
  ['e1-blank-before-measure', 'n21', 'overview: 主动公开条数 deleted, three spaces left before 条', 1, [
    ['全年主动公开政府信息612条。', '全年主动公开政府信息⟦E1⟧   条。'],
  ]],
  ['e1-single-space-before-punctuation', 'n21', 'overview (监督保障, 11 lines into the block): 培训 次，with the number deleted', 1, [
    ['组织政府信息公开业务培训，', '组织政府信息公开业务培训⟦E1⟧ 次，'],
  ]],
  ['e1-placeholder-in-problems', 'n21', 'problems: template placeholder （文字描述） left in the second paragraph', 1, [
    ['当前仍存在以下问题：', '当前仍存在以下问题：⟦E1⟧（文字描述）'],
  ]],
  ['e1-xx-in-other', 'n21', 'other: XX placeholder for a name', 1, [['    无其他需要报告的事项。', '    ⟦E1⟧XX乡无其他需要报告的事项。']]],
  ['e2-template-title-in-other', 'n21', 'other: the template title 政府信息公开工作年度报告格式模板 left in', 1, [
    ['    无其他需要报告的事项。', '    ⟦E2⟧政府信息公开工作年度报告格式模板：无其他需要报告的事项。'],
  ]],
  ['e2-fee-instruction', 'n21', 'fee: the template instruction left instead of the statement (plain scalar)', 1, [
    ['fee: 本年度未收取信息处理费。', 'fee: ⟦E2⟧收取信息处理费情况在此处报告。'],
  ]],
  ['e8-printed-before-issued', 'n21', 'document.printed_on 2022-01-10 before issued 2022-01-18', 1, [
    ['issued: 2022-01-18               # 成文日期，印为“2022年1月18日”', 'issued: 2022-01-18               # 成文日期，印为“2022年1月18日”\ndocument:\n  printed_by: 樟木乡人民政府办公室\n  printed_on: ⟦E8⟧2022-01-10'],
  ]],
  ['e8-issued-two-years-late', 'n21', 'issued 2024-01-18 for the 2021 report', 0, [['issued: 2022-01-18', 'issued: ⟦E8⟧2024-01-18']]],
  ['e9-old-year-in-overview', 'n21', 'overview: 2015年 in the first paragraph', 0, [['坚持“公开为常态', '延续⟦E9⟧2015年以来的做法，坚持“公开为常态']]],
  ['e9-stale-year-in-problems', 'n21', 'problems: 针对2019年报告 (a copied old draft)', 0, [['针对2020年报告', '针对⟦E9⟧2019年报告']]],
  ['e10-vague-quantity', 'n21', 'overview: 600余条 instead of 612条', 0, [['全年主动公开政府信息612条', '全年主动公开政府信息⟦E10⟧600余条']]],
  ['e13-fee-without-xinxichulifei', 'n21', 'fee statement without 信息处理费', 0, [['fee: 本年度未收取信息处理费。', 'fee: ⟦E13⟧本年度未收取任何费用。']]],
  ['e15-doubled-dunhao', 'n21', 'overview: 、、 between two channels', 0, [['以各村宣传栏、樟木乡微信公众号', '以各村宣传栏⟦E15⟧、、樟木乡微信公众号']]],
  ['e15-halfwidth-comma', 'n21', 'problems: half-width comma between Chinese characters', 0, [['质量不高，政策解读', '质量不高⟦E15⟧,政策解读']]],
  ['e15-halfwidth-parentheses', 'n21', 'overview: half-width ( ) around 党政办', 0, [
    ['由乡政府办公室具体承担', '由乡政府办公室⟦E15⟧(党政办⟦E15⟧)具体承担'],
  ]],
  ['c1-problems-heading-only', 'n21', 'problems: only a sub-heading, no text', 1, [
    [`  problems: |                    # 五、存在的主要问题及改进情况\n${BASES.n21.text.split('  problems: |                    # 五、存在的主要问题及改进情况\n')[1].split('\n  other: |')[0]}\n`,
      '  problems: ⟦C1⟧|                    # 五、存在的主要问题及改进情况\n    ## 存在的问题\n\n'],
  ]],
  ['template-unknown-name', 'n21', 'overview: {{requests.received.person}} (natural_person mistyped)', 1, [
    ['{{requests.received.natural_person}}', '{{⟦TEMPLATE⟧requests.received.person}}'],
  ]],
  ['template-unclosed', 'n21', 'overview: {{active.licensing 件 without the closing braces', 1, [
    ['行政许可处理决定{{active.licensing}}件', '行政许可处理决定⟦TEMPLATE⟧{{active.licensing件'],
  ]],
  ['schema-word-for-number', 'n21', '表二 行政处罚 typed as 两', 2, [['punishment:  2', 'punishment:  ⟦SCHEMA⟧两']]],
  ['schema-decimal-count', 'n21', '表二 行政强制 typed as 0.5', 2, [['coercion:    0', 'coercion:    ⟦SCHEMA⟧0.5']]],
  ['schema-row-as-number', 'n21', '表三 一、本年新收 typed as one number instead of six', 2, [
    ['received:    [6, 1, 0, 0, 0, 0]', 'received:    ⟦SCHEMA⟧7'],
  ]],
  ['schema-short-row', 'n21', '表三 （五）2.重复申请 with five numbers', 2, [
    ['duplicate:           [0, 0, 0, 0, 0, 0]', 'duplicate:           ⟦SCHEMA⟧[0, 0, 0, 0, 0]'],
  ]],
  ['schema-bad-date', 'n21', 'issued written 2022年1月18日', 2, [['issued: 2022-01-18', 'issued: ⟦SCHEMA⟧2022年1月18日']]],
  ['schema-missing-fee', 'n21', 'text.fee missing (required from 2021): points at the text mapping', 2, [
    ['  overview: |                    # 一、总体情况', '  ⟦SCHEMA⟧overview: |                    # 一、总体情况'],
    ['\n  fee: 本年度未收取信息处理费。     # 信息处理费收取情况（2021年起必填）\n', '\n'],
  ]],
  ['schema-missing-table4-cell', 'n21', '表四 行政复议 without pending: points at the flow mapping', 2, [
    ['review:                  { upheld: 1, corrected: 0, other: 0, pending: 0 }', 'review:                  ⟦SCHEMA⟧{ upheld: 1, corrected: 0, other: 0 }'],
  ]],
  ['schema-missing-issued', 'n21', 'issued (成文日期) missing: points at the first key of the file', 2, [
    ['\nyear: 2021\n', '\n⟦SCHEMA⟧year: 2021\n'],
    ['issued: 2022-01-18               # 成文日期，印为“2022年1月18日”\n', ''],
  ]],
  ['schema-unknown-key-table2', 'n21', '表二 key licences (not a key of active)', 2, [['  licensing:   14', '  ⟦SCHEMA⟧licences: 3\n  licensing:   14']]],
  ['schema-unknown-top-level-key', 'n21', 'top-level key remarks', 2, [
    ['issued: 2022-01-18               # 成文日期，印为“2022年1月18日”', 'issued: 2022-01-18               # 成文日期，印为“2022年1月18日”\n⟦SCHEMA⟧remarks: 无'],
  ]],
  ['yaml-tab-indent', 'n21', 'a tab instead of two spaces before punishment', 2, [['\n  punishment:', '\n⟦YAML⟧\tpunishment:']]],
  ['yaml-duplicate-key', 'n21', 'licensing twice in 表二', 2, [['\n  punishment:  2', '\n  ⟦YAML⟧licensing: 5\n  punishment:  2']]],
  ['yaml-fullwidth-colon', 'n21', 'full-width colon after punishment', 2, [['  punishment:  2', '  punishment⟦YAML⟧：  2']]],
  ['yaml-unclosed-bracket', 'n21', 'the [ of （四）1.本机关不掌握相关政府信息 never closed', 2, [
    ['not_held:            [1, 0, 0, 0, 0, 0]', 'not_held:            ⟦YAML⟧[1, 0, 0'],
  ]],
  ['format-unknown', 'n21', 'format: national-2030', 2, [['\nyear: 2021\n', '\nyear: 2021\nformat: ⟦FORMAT⟧national-2030\n']]],
  ['x0-previous-missing', 'n21', 'previous: names a file that does not exist', 0, [['\nyear: 2021\n', '\nyear: 2021\nprevious: ⟦X0⟧zhangmu-2020.yaml\n']]],
  ['x0-no-previous-year', 'n21', 'the 2021 example alone: no 2020.yaml beside it', 0, [['\nyear: 2021\n', '\nyear: ⟦X0⟧2021\n']]],
  ['e1-after-fullwidth-indent', 'n21', 'overview paragraph indented with two full-width spaces (首行缩进), number deleted before 条', 1, [
    [FIRST_PARAGRAPH_2021, '    　　2021年，樟木乡认真贯彻落实'],
    ['全年主动公开政府信息612条。', '全年主动公开政府信息⟦E1⟧   条。'],
  ]],
  ['e1-in-folded-block', 'n21', 'other: written as a folded block (>), XX on its third line', 1, [
    ['  other: |                       # 六、其他需要报告的事项\n    无其他需要报告的事项。',
      '  other: >                       # 六、其他需要报告的事项\n    无其他需要报告的事项。\n    如有疑问，请联系\n    ⟦E1⟧XX办公室。'],
  ]],
  ['e1-in-multiline-plain-scalar', 'n21', 'fee: a plain scalar continued on a second line, XX on that line', 1, [
    ['  fee: 本年度未收取信息处理费。     # 信息处理费收取情况（2021年起必填）', '  fee: 本年度未收取信息处理费，\n    咨询电话为⟦E1⟧XX。     # 信息处理费收取情况（2021年起必填）'],
  ]],

  // ── national-2019 (data/2020.yaml) ──────────────────────────────────────────────────────────────
  ['n1-2019-procurement', 'n19', '表二 政府集中采购 采购项目数量 typed -1', 1, [['projects: 2,', 'projects: ⟦N1⟧-1,']]],
  ['r1-2019-carried-out-other', 'n19', '表三 四、结转下年度 其他 1 with nothing received', 1, [
    ['carried_out: [0, 0, 0, 0, 0, 0]', 'carried_out: [0, 0, 0, 0, 0, ⟦R1⟧1]'],
  ]],
  ['r2-2019-disclosed-typed-total', 'n19', '表三 （一）予以公开 with a typed 总计 1 (parts sum to 0)', 1, [
    ['disclosed:         [0, 0, 0, 0, 0, 0]', 'disclosed:         [0, 0, 0, 0, 0, 0, ⟦R2⟧1]'],
  ]],
  ['r4-2019-litigation-typed-total', 'n19', '表四 行政诉讼 未经复议直接起诉 typed 总计 1 (parts sum to 0)', 1, [
    ['litigation_direct:       { upheld: 0, corrected: 0, other: 0, pending: 0 }', 'litigation_direct:       { upheld: 0, corrected: 0, other: 0, pending: 0, total: ⟦R4⟧1 }'],
  ]],
  ['e1-2019-blank-number', 'n19', 'overview: 主动公开 580 deleted, two spaces left before 条', 1, [
    ['全年主动公开政府信息580条，以', '全年主动公开政府信息⟦E1⟧  条，以'],
  ]],
  ['e10-2019-vague-quantity', 'n19', 'overview: 580多条', 0, [['全年主动公开政府信息580条，以', '全年主动公开政府信息⟦E10⟧580多条，以']]],
  ['e15-2019-halfwidth-semicolon', 'n19', 'overview (平台建设, 22 lines into the block): half-width ; between Chinese characters', 0, [
    ['做到流程上墙、服务卡到手', '做到流程上墙⟦E15⟧;服务卡到手'],
  ]],
  ['template-2019-unknown-name', 'n19', 'overview: {{active.licensing.total}} (2019 表二 has decisions, no total)', 1, [
    ['{{active.licensing.decisions}}', '{{⟦TEMPLATE⟧active.licensing.total}}'],
  ]],
  ['c1-2019-overview-headings-only', 'n19', 'overview: only sub-headings, no text', 1, [
    [`  overview: |                    # 一、总体情况\n${BASES.n19.text.split('  overview: |                    # 一、总体情况\n')[1].split('\n  problems: |')[0]}\n`,
      '  overview: ⟦C1⟧|                    # 一、总体情况\n    ## 主动公开\n\n    ## 依申请公开\n\n'],
  ]],
  ['schema-2019-unit', 'n19', '表二 政府集中采购 unit 美元 (元 or 万元 only)', 2, [['unit: 万元', 'unit: ⟦SCHEMA⟧美元']]],
  ['format-2019-typo', 'n19', 'format: national-2020 (no such format)', 2, [['\nyear: 2020\n', '\nyear: 2020\nformat: ⟦FORMAT⟧national-2020\n']]],
  ['e5-2021-in-2019-format', 'n19', 'a 2021 report kept in the national-2019 format (year 2021, issued 2022-01-20)', 0, [
    ['\nyear: 2020\n', '\nyear: 2021\nformat: ⟦E5⟧national-2019\n'],
    ['issued: 2021-01-20', 'issued: 2022-01-20'],
  ]],

  // ── legacy with 统计表 (data/xinfeng/2017.yaml, received.total 0) ───────────────────────────────
  ['l1-received-channels', 'xf', '统计表 （一）收到申请数 typed 0 with 当面申请数 2', 0, [
    ['received: { total: 0, in_person: 0,', 'received: { total: ⟦L1⟧0, in_person: 2,'],
  ]],
  ['l2-completed', 'xf', '统计表 （二）申请办结数 typed 0 with 按时办结数 1', 0, [
    ['completed: { total: 0, on_time: 0,', 'completed: { total: ⟦L2⟧0, on_time: 1,'],
  ]],
  ['l3-answered', 'xf', '统计表 （三）申请答复数 typed 0 with 2.同意公开答复数 1', 0, [
    ['      total: 0\n      already_public: 0', '      total: ⟦L3⟧0\n      already_public: 0'],
    ['      agreed: 0 ', '      agreed: 1 '],
  ]],
  ['l4-refused', 'xf', '统计表 4.不同意公开答复数 typed 0 with 涉及个人隐私 1', 0, [
    ['refused: { total: 0, state_secret: 0, commercial_secret: 0, privacy: 0,', 'refused: { total: ⟦L4⟧0, state_secret: 0, commercial_secret: 0, privacy: 1,'],
  ]],
  ['l5-reviews', 'xf', '统计表 四、行政复议数量 typed 2 (parts 0)', 0, [['reviews: { upheld: 0,', 'reviews: { total: ⟦L5⟧2, upheld: 0,']]],
  ['l5-litigation', 'xf', '统计表 五、行政诉讼数量 typed 0 with （二）被依法纠错数 1', 0, [
    ['litigation: { upheld: 0, corrected: 0,', 'litigation: { total: ⟦L5⟧0, upheld: 0, corrected: 1,'],
  ]],
  ['l6-staff', 'xf', '统计表 （三）从事政府信息公开工作人员数 typed 91 (专职 2 + 兼职 91)', 0, [
    ['staff: { full_time: 2, part_time: 91 }', 'staff: { total: ⟦L6⟧91, full_time: 2, part_time: 91 }'],
  ]],
  ['l7-normative-above-issued', 'xf', '统计表 其中：主动公开规范性文件数 30 above 制发规范性文件总数 21', 0, [
    ['normative_published: 21', 'normative_published: ⟦L7⟧30'],
  ]],
  ['l7-leaders-above-interviews', 'xf', '统计表 其中：主要负责同志参加政府网站在线访谈次数 9 above 在线访谈次数 6', 0, [
    ['interviews_by_leaders: 1', 'interviews_by_leaders: ⟦L7⟧9'],
  ]],
  ['l7-channel-above-total', 'xf', '统计表 3.政务微博公开政府信息数 50000 above （一）主动公开政府信息数 41105', 0, [['weibo: 749,', 'weibo: ⟦L7⟧50000,']]],
  ['l8-completed-above-received', 'xf', '统计表 （二）申请办结数 2 (computed) with no application received', 0, [
    ['completed: { total: 0, on_time: 0, extended: 0 }', 'completed: ⟦L8⟧{ on_time: 2, extended: 0 }'],
  ]],
  ['l8-answered-above-received', 'xf', '统计表 （三）申请答复数 1 with no application received', 0, [
    ['      total: 0\n      already_public: 0', '      ⟦L8⟧total: 1\n      already_public: 0'],
    ['      agreed: 0 ', '      agreed: 1 '],
  ]],
  // The published 统计表 of 信丰县2017 (seed 001), which data/xinfeng/2017.yaml corrects: 收到申请数 3 with every
  // channel, 办结 and 答复 0, as the narrative's 3件 — one L1 and two L8, nothing else.
  ['l1-l8-xinfeng-as-published', 'xf', '统计表 三、依申请公开情况 as published: 收到申请数 3, every channel, 办结数 and 答复数 0', 0, [
    ['received: { total: 0, ', 'received: { total: ⟦L1⟧3, '],
    ['completed: { total: 0, on_time: 0, extended: 0 }', 'completed: ⟦L8⟧{ total: 0, on_time: 0, extended: 0 }'],
    ['      total: 0\n      already_public: 0', '      ⟦L8⟧total: 0\n      already_public: 0'],
    ['公开事项0件。', '公开事项3件。'],
  ]],
  ['n1-legacy-complaints', 'xf', '统计表 六、举报投诉数量 typed -1', 1, [['complaints: 0', 'complaints: ⟦N1⟧-1']]],
  ['schema-legacy-fees-word', 'xf', '统计表 七、依申请公开信息收取的费用 typed 免费', 2, [['  fees: 0   ', '  fees: ⟦SCHEMA⟧免费   ']]],
  ['schema-legacy-unknown-channel', 'xf', '统计表 （一）收到申请数 with an unknown channel email', 2, [['letter: 0 }', 'letter: 0, ⟦SCHEMA⟧email: 0 }']]],
  ['e8-legacy-printed-before-issued', 'xf', 'document.printed_on 2018-01-12 as in the original, before issued 2018-02-12', 1, [
    ['printed_on: 2018-02-12', 'printed_on: ⟦E8⟧2018-01-12'],
  ]],
  ['e2-legacy-leftover-instruction', 'xf', 'requests: the template instruction left in, as in the original', 1, [
    ['    自2017年1月1日起至2017年12月31日止，收到群众', '    ⟦E2⟧县本级受理依申请公开的数量、受理方式、涉及内容。自2017年1月1日起至2017年12月31日止，收到群众'],
  ]],
  ['e1-legacy-blank-number', 'xf', 'requests: 收到群众依申请公开事项   件', 1, [['公开事项0件。', '公开事项⟦E1⟧   件。']]],
  ['e15-legacy-halfwidth-colon', 'xf', 'active (5 lines into the block): half-width colon after 概况信息', 0, [['1.概况信息。包括', '1.概况信息⟦E15⟧:包括']]],
  ['template-legacy-unknown-statistic', 'xf', 'requests: {{statistics.requests.received.totl}} (total mistyped)', 1, [
    ['公开事项0件。', '公开事项{{⟦TEMPLATE⟧statistics.requests.received.totl}}件。'],
  ]],

  // ── legacy without 统计表, traditional characters (data/dongfeng/2011.yaml) ───────────────────────
  ['e15-traditional-doubled-comma', 'df', 'overview: ，， after 正確領導下', 0, [['正確領導下，我鎮', '正確領導下⟦E15⟧，，我鎮']]],
  ['e1-traditional-cross-placeholder', 'df', 'active: ×× instead of 759', 1, [['主動公開政府信息759條', '主動公開政府信息⟦E1⟧××條']]],
  ['e10-traditional-vague-quantity', 'df', 'requests: 758多件 as in the original', 0, [['接受公眾諮詢，其中', '接受公眾諮詢⟦E10⟧758多件，其中']]],
  ['e9-traditional-far-year', 'df', 'problems: 2013年 in the 2011 report', 0, [['為此，今年，我鎮', '為此，⟦E9⟧2013年，我鎮']]],
  ['e8-traditional-issued-same-year', 'df', 'issued 2011-12-30, in the report year itself', 0, [['issued: 2012-03-20', 'issued: ⟦E8⟧2011-12-30']]],
  ['c1-traditional-problems-dash', 'df', 'problems: only ——', 1, [
    [`  problems: |                        # 六、政府信息公开工作存在的主要问题及改进措施（原文“2012年的工作措施”）\n${BASES.df.text.split('（原文“2012年的工作措施”）\n')[1]}`,
      '  problems: ⟦C1⟧|                        # 六、政府信息公开工作存在的主要问题及改进措施（原文“2012年的工作措施”）\n    ——\n'],
  ]],
  ['template-traditional-no-statistics', 'df', 'requests: {{statistics.requests.received.total}} in a report without 统计表', 1, [
    ['本年度，我鎮未收到公眾關於政府信息公開的申請。', '本年度，我鎮收到公眾關於政府信息公開的申請{{⟦TEMPLATE⟧statistics.requests.received.total}}件。'],
  ]],
  ['schema-traditional-missing-appeals', 'df', 'text.appeals missing (as in the original): points at the text mapping', 2, [
    ['  overview: |                        # 一、概述', '  ⟦SCHEMA⟧overview: |                        # 一、概述'],
    ['  appeals: |                         # 五、因政府信息公开申请行政复议、提起行政诉讼的情况：原文缺此项（E6），补写，内容为假定\n    本年度未發生因政府信息公開申請行政復議、提起行政訴訟的情況。\n\n', ''],
  ]],

  // ── T1: figures and outcome words of the narrative against the tables ──────────────────────────────
  ['t1-disclosed-and-partly', 'n21', 'overview: 予以公开及部分公开5件 where 表三 （一）+（二） 总计 is 4 (a provincial 2019 report wrote 258 for 275)', 0, [
    ['其中予以公开{{requests.results.disclosed.total}}件，部分公开{{requests.results.partly_disclosed.total}}件', '其中予以公开及部分公开⟦T1⟧5件'],
  ]],
  ['t1-unavailable-group', 'n21', 'overview: 因本机关不掌握等原因无法提供3件 where （四）无法提供 is 1 (the same report: 265 for 337)', 0, [
    ['无法提供{{requests.results.unavailable.sum.total}}件', '因本机关不掌握等原因无法提供⟦T1⟧3件'],
  ]],
  ['t1-all-upheld-pending', 'n21', 'overview: 行政复议…均获维持 while 表四 行政复议 has one case 尚未审结', 0, [
    ['其中结果维持{{appeals.review.upheld}}件', '⟦T1⟧均获维持'],
    ['review:                  { upheld: 1, corrected: 0, other: 0, pending: 0 }', 'review:                  { upheld: 1, corrected: 0, other: 0, pending: 1 }'],
  ]],
  ['t1-all-completed-carried-out', 'n21', 'overview: 申请全部办结 while 表三 结转下年度 is 1', 0, [
    ['已办结的申请均在法定期限内答复', '申请⟦T1⟧全部办结，均在法定期限内答复'],
  ]],
  ['t1-repealed', 'n21', 'overview: 废止3件 where 表二 行政规范性文件 本年废止件数 is 1 (subject carried from 制发行政规范性文件)', 0, [
    ['废止{{active.normative_documents.repealed}}件', '废止⟦T1⟧3件'],
  ]],
  ['t1-2019-received', 'n19', 'overview: 收到政府信息公开申请3件 where 表三 一、本年新收 is 0', 0, [
    ['全乡收到政府信息公开申请{{requests.received.total}}件', '全乡收到政府信息公开申请⟦T1⟧3件'],
  ]],
  ['t1-legacy-received', 'xf', 'requests: 收到群众依申请公开事项5件 where 统计表 （一）收到申请数 is 0', 0, [
    ['公开事项0件。', '公开事项⟦T1⟧5件。'],
  ]],
  ['t1-report-year-in-clause', 'n21', 'overview: 2021年共受理政府信息公开申请9件 (the report year is no other period) where 表三 一、本年新收 is 7', 0, [
    ['全年新收政府信息公开申请{{requests.received.total}}件', '2021年共受理政府信息公开申请⟦T1⟧9件'],
  ]],
  ['t1-2019-litigation', 'n19', 'overview: 行政诉讼2件 where both 表四 行政诉讼 columns are 0', 0, [
    ['未经复议直接起诉的行政诉讼{{appeals.litigation_direct.total}}件，复议后起诉的行政诉讼{{appeals.litigation_after_review.total}}件', '被提起行政诉讼⟦T1⟧2件'],
  ]],
  ['t1-2019-published-normative', 'n19', 'overview: 新公开规范性文件3件 where 表二 规范性文件 本年新公开数量 is 1', 0, [
    ['全年新公开规范性文件{{active.normative_documents.published}}件', '全年新公开规范性文件⟦T1⟧3件'],
  ]],
  // ── Lints that know the genre ────────────────────────────────────────────────────────────────────────
  ['e1-org-placeholder-name', 'n21', 'org.name left as （请填写机关全称）, the placeholder init writes', 1, [['  name: 樟木乡人民政府\n', '  name: ⟦E1⟧（请填写机关全称）\n']]],
  ['e10-whole-figure-with-unit', 'n19', 'overview: 330余条 as in the original 2020 report, quoted whole', 0, [
    ['全年主动公开政府信息580条，以', '全年主动公开政府信息580条，其中网站发布⟦E10⟧330余条，以'],
  ]],
  ['e9-stale-year-beside-plan', 'n21', 'problems: 针对2019年报告 in the same text as a 十四五 plan period (2021—2025年): only the stale year', 0, [
    ['针对2020年报告', '对照“十四五”规划（2021—2025年），针对⟦E9⟧2019年报告'],
  ]],
  ['e9-stale-year-before-verb', 'n21', 'overview: 2019年实施的做法 (copied text, not the year of a law: no 起, no 修订)', 0, [
    ['坚持“公开为常态', '延续⟦E9⟧2019年实施的做法，坚持“公开为常态'],
  ]],
  ['schema-2019-amount-without-unit', 'n19', '表二 采购总金额 18.6 without a unit (only zero needs none)', 2, [
    ['{ projects: 2, amount: 18.6, unit: 万元 }', '⟦SCHEMA⟧{ projects: 2, amount: 18.6 }'],
  ]],
  ['l9-blank-sums-computed', 'xf', '统计表 四、行政复议数量 typed ~: it and the other blank sums are computed, with a notice each', 0, [
    ['reviews: { upheld: 0,', 'reviews: { total: ⟦L9⟧~, upheld: 0,'],
    ['litigation: { upheld: 0,', 'litigation: ⟦L9⟧{ upheld: 0,'],
    ['staff: { full_time: 2,', 'staff: ⟦L9⟧{ full_time: 2,'],
  ]],
  // ── Typed numbering ──────────────────────────────────────────────────────────────────────────────────
  ['e6-typed-section-number', 'n21', 'other: a second 六、 typed as a paragraph (the original 2020 report printed two 六、)', 0, [
    ['    无其他需要报告的事项。', '    无其他需要报告的事项。\n\n    ⟦E6⟧六、2022年工作计划。继续做好政府信息公开工作。'],
  ]],
  ['e6-typed-subheading-number', 'n19', 'overview: a paragraph starting with a typed （一）', 0, [
    ['    全年主动公开政府信息580条，以', '    ⟦E6⟧（一）全年主动公开政府信息580条，以'],
  ]],
];

/** Cross-year folders: [name, description, exit, [earlier file, base, edits], [checked file, base, edits]]. */
const PAIRS = [
  ['r5-carry', 'R5: 2021 上年结转 自然人 1, but 2020 结转下年度 0 (2020.yaml beside it)', 0,
    ['2020.yaml', 'n19', []],
    ['2021.yaml', 'n21', [
      ['received:    [6,', 'received:    [5,'],
      ['carried_in:  [0,', 'carried_in:  [⟦R5⟧1,'],
    ]]],
  ['r5-named-previous', 'R5: last year named by previous:, its 结转下年度 商业企业 2 not carried in', 0,
    ['zhangmu-2020.yaml', 'n19', [
      ['received:    [0, 0,', 'received:    [0, 2,'],
      ['carried_out: [0, 0,', 'carried_out: [0, 2,'],
    ]],
    ['check-2021.yaml', 'n21', [
      ['\nyear: 2021\n', '\nyear: 2021\nprevious: zhangmu-2020.yaml\n'],
      ['carried_in:  [0, 0,', 'carried_in:  [0, ⟦R5⟧0,'],
    ]]],
  ['r6-baseline', 'R6: 2019 行政许可 上一年 3 + 增 2, but 2020 上一年项目数量 still 3', 0,
    ['2019.yaml', 'n19', [
      ['\nyear: 2020\n', '\nyear: 2019\n'],
      ['issued: 2021-01-20', 'issued: 2020-01-20'],
      ['licensing:            { previous: 3, change: 0,', 'licensing:            { previous: 3, change: 2,'],
      ['other_services:       { previous: 5, change: 1,', 'other_services:       { previous: 5, change: 0,'],
    ]],
    ['2020.yaml', 'n19', [['licensing:            { previous: 3,', 'licensing:            { previous: ⟦R6⟧3,']]]],
  ['r8-in-force', 'R8: 2022 行政规范性文件 现行有效 6, but 2021 现行有效 6 + 制发 2 − 废止 1 = 7', 0,
    ['2021.yaml', 'n21', []],
    ['2022.yaml', 'n21', [
      ['\nyear: 2021\n', '\nyear: 2022\n'],
      ['issued: 2022-01-18', 'issued: 2023-01-18'],
      ['针对2020年报告', '针对2021年报告'],
      ['received:    [6,', 'received:    [5,'],
      ['carried_in:  [0,', 'carried_in:  [1,'],
      ['normative_documents: { issued: 2, repealed: 1, in_force: 6 }', 'normative_documents: { issued: 2, repealed: 1, in_force: ⟦R8⟧6 }'],
    ]]],
];

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
let written = 0;
for (const [name, base, description, exit, pairs, knownBug] of CASES) {
  const text = withHeader({ description, base: BASES[base].file, exit, knownBug }, edits(BASES[base].text, pairs));
  writeFileSync(join(out, `${name}.yaml`), schemaFrom(text, 3));
  written++;
}
for (const [name, description, exit, [earlierName, earlierBase, earlierEdits], [laterName, laterBase, laterEdits]] of PAIRS) {
  mkdirSync(join(out, name));
  const earlier = noMarkers(edits(BASES[earlierBase].text, earlierEdits));
  writeFileSync(join(out, name, earlierName), schemaFrom(`# Last year's file for ${laterName}; not checked itself.\n${earlier}`, 4));
  const later = withHeader({ description, base: BASES[laterBase].file, exit }, edits(BASES[laterBase].text, laterEdits));
  writeFileSync(join(out, name, laterName), schemaFrom(later, 4));
  written++;
}
console.log(`${written} checked files written to ${out}`);

/**
 * Text that clerks really write and that once raised a false alarm: each file in test/corpus/quiet/ must check
 * with no error and no warning (test/quiet-corpus.test.ts). [name, base, description, edit pairs]
 */
const QUIET = [
  ['e1-government-url', 'n21', 'overview: a government URL with /xxgk/ (信息公开) in parentheses', [
    ['以樟木乡人民政府信息公开平台为主要渠道', '以樟木乡人民政府信息公开平台（http://www.xingguo.gov.cn/zmx/xxgk/index.html）为主要渠道'],
  ]],
  ['e1-email-file-latin', 'n21', 'other: an e-mail address, a file name and a Latin word with xx in them', [
    ['    无其他需要报告的事项。', '    意见建议可发送至 xxgk@xingguo.gov.cn，申请表见附件 xxgksqb.doc（Word 格式，Maxx 版式）。无其他需要报告的事项。'],
  ]],
  ['e10-hotline', 'n21', 'overview: 依托12345多渠道受理 (a hotline number before 多渠道)', [
    ['提供政府信息查阅和依申请公开受理服务', '依托12345多渠道受理群众诉求，提供政府信息查阅和依申请公开受理服务'],
  ]],
  ['e10-phone-and-code', 'n21', 'other: a phone number and a document number before 多', [
    ['    无其他需要报告的事项。', '    群众可拨打0797-5224110多方咨询，或依照兴府办字〔2021〕12号多措并举反映诉求。无其他需要报告的事项。'],
  ]],
  ['e9-plan-period', 'n21', 'problems: 「十四五」规划（2021—2025年）', [
    ['2022年，我乡将重点做好以下工作', '2022年，我乡将对照“十四五”规划（2021—2025年）重点做好以下工作'],
  ]],
  ['e9-vision-2035', 'n21', 'problems: 2035年远景目标 and a 十四五 target year', [
    ['2022年，我乡将重点做好以下工作', '2022年，我乡将围绕“十四五”规划和2035年远景目标，力争到2025年基本建成“阳光政府”，重点做好以下工作'],
  ]],
  ['e9-law-years', 'n21', 'overview: 2019年修订的《条例》 and 2008年5月1日起施行', [
    ['认真贯彻落实《中华人民共和国政府信息公开条例》', '认真贯彻落实2019年修订的《中华人民共和国政府信息公开条例》（2008年5月1日起施行）'],
  ]],
  ['e9-year-in-title', 'n21', 'overview: an old year inside a document title', [
    ['和上级关于政务公开工作的部署', '和《关于印发2016年政务公开工作要点的通知》等上级部署'],
  ]],
  ['zero-amount-without-unit', 'n19', '表二 采购总金额 0 typed without a unit', [
    ['{ projects: 2, amount: 18.6, unit: 万元 }', '{ projects: 0, amount: 0 }'],
  ]],
  ['t1-literal-figures-agree', 'n21', 'overview: every figure typed as digits, all agreeing with the tables', [
    ['全年新收政府信息公开申请{{requests.received.total}}件', '全年新收政府信息公开申请7件'],
    ['上年结转{{requests.carried_in.total}}件', '上年结转0件'],
    ['本年度办理完结{{requests.results.total.total}}件', '本年度办理完结6件'],
    ['其中予以公开{{requests.results.disclosed.total}}件，部分公开{{requests.results.partly_disclosed.total}}件', '其中予以公开及部分公开4件'],
    ['无法提供{{requests.results.unavailable.sum.total}}件', '因本机关不掌握相关政府信息无法提供1件'],
    ['结转下年度继续办理{{requests.carried_out.total}}件', '结转下年度继续办理1件'],
    ['被申请行政复议{{appeals.review.total}}件，其中结果维持{{appeals.review.upheld}}件', '被申请行政复议1件，均获维持，无一被纠正'],
    ['全年制发行政规范性文件{{active.normative_documents.issued}}件，废止{{active.normative_documents.repealed}}件', '全年制发行政规范性文件2件，废止1件'],
  ]],
  ['t1-ambiguous-subjects', 'n21', 'overview: figures whose subject is not certain (a column, a comparison, another year, a sub-reason) are not compared', [
    ['全年新收政府信息公开申请{{requests.received.total}}件', '全年新收政府信息公开申请{{requests.received.total}}件，较上年收到申请增加3件，2020年收到申请9件'],
    ['无法提供{{requests.results.unavailable.sum.total}}件', '无法提供{{requests.results.unavailable.sum.total}}件（其中因信息不存在无法提供5件）'],
  ]],
  ['numbering-typed-in-headings', 'n21', 'overview: ## with no space and a typed （一）; a numbered list inside a paragraph', [
    ['    ## 依申请公开\n', '    ##（二）依申请公开\n'],
    ['    ## 政府信息管理\n', '    ##政府信息管理\n'],
    ['对照上级发布的基层政务公开标准目录', '\n    1.对照上级发布的基层政务公开标准目录'],
  ]],
  ['t1-carried-in-completed', 'n21', 'overview: 上年结转的申请已全部办结 while 1 application is carried into next year (a claim about last year’s, not this year’s)', [
    ['已办结的申请均在法定期限内答复', '上年结转的申请已全部办结，已办结的申请均在法定期限内答复'],
  ]],
  ['t1-columns-and-parts', 'n19', 'overview: a column, a part of a group, a comparison with last year, a joint count of 复议 and 诉讼 and part of the organisation, none compared', [
    ['2020年，全乡收到政府信息公开申请{{requests.received.total}}件', '2020年，全乡收到政府信息公开申请{{requests.received.total}}件，因政府信息公开申请行政复议、行政诉讼共2件，其中自然人申请3件，因申请内容不明确无法提供2件，较上年收到申请减少4件，各村（居）和乡直各单位受理申请2件'],
  ]],
];

const quietOut = join(root, 'test', 'corpus', 'quiet');
rmSync(quietOut, { recursive: true, force: true });
mkdirSync(quietOut, { recursive: true });
for (const [name, base, description, pairs] of QUIET) {
  const text = noMarkers(edits(BASES[base].text, pairs));
  writeFileSync(join(quietOut, `${name}.yaml`), schemaFrom(`# case: ${description}\n# base: ${BASES[base].file}\n${text}`, 3));
}
console.log(`${QUIET.length} quiet files written to ${quietOut}`);
