/**
 * Every rule of src/check/rules, called directly on a report parsed in-process: silent on the consistent example,
 * and, after one edit of the data file, one finding of its id at the line and column of the edit (found here by
 * searching the edited text, not through the tool's source map).
 */
import { describe, expect, it } from 'vitest';
import { checkDocumentDates } from '../../src/check/rules/document-dates.js';
import { lintNarrative } from '../../src/check/rules/narrative-lint.js';
import { checkOrgName } from '../../src/check/rules/placeholder-org-name.js';
import { checkBalance } from '../../src/formats/shared/r1-balance.js';
import { checkRequiredContent } from '../../src/check/rules/required-content.js';
import { checkNarrativeFigures } from '../../src/check/rules/t1-narrative-figures.js';
import { checkTypedNumbering } from '../../src/check/rules/typed-numbering.js';
import { checkLegacyConsistency } from '../../src/formats/legacy/consistency-rules.js';
import type { Finding } from '../../src/report-error/finding.js';
import { checkedReport, positionOf, ruleInput } from './helpers/report.js';

type Rule = (input: ReturnType<typeof ruleInput>) => Finding[];

const EXAMPLE = 'data/2021.yaml';
const OTHER = '    无其他需要报告的事项。';

/** The findings of `rule` on the example after `edit`, with the edited text. */
function run(rule: Rule, edit: (text: string) => string) {
  const { text, report } = checkedReport(EXAMPLE, edit);
  return { text, findings: rule(ruleInput(report)) };
}

const at = (f: Finding) => ({ rule: f.rule, severity: f.severity, line: f.at?.line, col: f.at?.col });

const RULES: Record<string, Rule> = {
  checkBalance,
  checkDocumentDates,
  lintNarrative,
  checkOrgName,
  checkRequiredContent,
  checkNarrativeFigures,
  checkTypedNumbering,
};

describe('the rules, in-process', () => {
  it.each(Object.keys(RULES))('%s is silent on the consistent examples', (name) => {
    for (const file of ['data/2021.yaml', 'data/2020.yaml', 'test/corpus/consistent/kecheng-2020.yaml', 'test/corpus/consistent/bianlukou-2019.yaml']) {
      const { report } = checkedReport(file);
      expect(RULES[name]!(ruleInput(report)), file).toEqual([]);
    }
  });

  it('R1: one column out of balance is named at its 结转下年度 cell', () => {
    const { text, findings } = run(checkBalance, (t) => t.replace('carried_out: [1, 0,', 'carried_out: [2, 0,'));
    expect(findings.map(at)).toEqual([{ rule: 'R1', severity: 'error', ...positionOf(text, 'carried_out: [2', 14) }]);
    expect(findings[0]!.message).toContain('「自然人」列');
    expect(findings[0]!.message).toContain('相差 1');
  });

  it('R1: a column of its own is named at that column', () => {
    const { text, findings } = run(checkBalance, (t) => t.replace('carried_out: [1, 0, 0, 0, 0, 0]', 'carried_out: [1, 0, 0, 3, 0, 0]'));
    expect(findings.map(at)).toEqual([{ rule: 'R1', severity: 'error', ...positionOf(text, 'carried_out: [1, 0, 0, 3', 23) }]);
    expect(findings[0]!.message).toContain('「社会公益组织」列');
  });

  it('E8: a 印发日期 before the 成文日期 is an error at the 印发日期', () => {
    const { text, findings } = run(checkDocumentDates, (t) => `${t}\ndocument:\n  printed_on: 2022-01-10\n`);
    expect(findings.map(at)).toEqual([{ rule: 'E8', severity: 'error', ...positionOf(text, '2022-01-10') }]);
  });

  it('E8: a 成文日期 two years after the report year is a warning at the 成文日期', () => {
    const { text, findings } = run(checkDocumentDates, (t) => t.replace('issued: 2022-01-18', 'issued: 2023-01-18'));
    expect(findings.map(at)).toEqual([{ rule: 'E8', severity: 'warning', ...positionOf(text, '2023-01-18') }]);
  });

  it.each([
    ['E1', 'error', '全年公开信息  条。', '  条', 0],
    ['E1', 'error', '详见（文字描述）。', '（文字描述）', 0],
    ['E1', 'error', '联系人XX。', 'XX', 0],
    ['E2', 'error', '收取信息处理费情况在此处报告。', '收取信息处理费情况在此处报告', 0],
    ['E9', 'warning', '2015年以来坚持公开。', '2015', 0],
    ['E10', 'warning', '公开信息330余条。', '330余条', 0],
    ['E15', 'warning', '公开，，及时。', '，，', 0],
    ['E15', 'warning', '公开,及时。', ',', 0],
  ] as const)('%s (%s): 「%s」 is named at 「%s」', (rule, severity, sentence, needle, offset) => {
    const { text, findings } = run(lintNarrative, (t) => t.replace(OTHER, `    ${sentence}`));
    expect(findings.map(at)).toEqual([{ rule, severity, ...positionOf(text, `    ${sentence}`, 4 + sentence.indexOf(needle) + offset) }]);
  });

  it('E9 stays silent on a plan period and the year of the 条例', () => {
    const { findings } = run(lintNarrative, (t) => t.replace(OTHER, '    落实2021—2025年规划，执行2019年修订的《条例》。'));
    expect(findings).toEqual([]);
  });

  it('E1: an organisation name still asking to be filled in is an error at the name', () => {
    const { text, findings } = run(checkOrgName, (t) => t.replace('name: 樟木乡人民政府', 'name: （请填写机关全称）'));
    expect(findings.map(at)).toEqual([{ rule: 'E1', severity: 'error', ...positionOf(text, '（请填写机关全称）') }]);
  });

  it('C1: a section with nothing but a sub-heading is an error at its key', () => {
    const { text, findings } = run(checkRequiredContent, (t) => t.replace(/( {2}problems: \|[^\n]*\n)[\s\S]*?\n\n {2}other:/, '$1    ## 问题\n\n  other:'));
    expect(findings.map(at)).toEqual([{ rule: 'C1', severity: 'error', ...positionOf(text, '|', 0, text.slice(0, text.indexOf('problems:')).split('|').length) }]);
  });

  it('E13: from 2021 a fee statement without 信息处理费 is a warning at the statement', () => {
    const { text, findings } = run(checkRequiredContent, (t) => t.replace('fee: 本年度未收取信息处理费。', 'fee: 本年度未收取费用。'));
    expect(findings.map(at)).toEqual([{ rule: 'E13', severity: 'warning', ...positionOf(text, '本年度未收取费用') }]);
  });

  it('T1: a typed figure that differs from its cell is a warning at the figure, naming the cell', () => {
    const { text, findings } = run(checkNarrativeFigures, (t) => t.replace('全年新收政府信息公开申请{{requests.received.total}}件', '全年新收政府信息公开申请9件'));
    expect(findings.map(at)).toEqual([{ rule: 'T1', severity: 'warning', ...positionOf(text, '申请9件', 2) }]);
    expect(findings[0]!.message).toContain('为 7');
  });

  it('T1 stays silent when the typed figure agrees', () => {
    const { findings } = run(checkNarrativeFigures, (t) => t.replace('全年新收政府信息公开申请{{requests.received.total}}件', '全年新收政府信息公开申请7件'));
    expect(findings).toEqual([]);
  });

  it.each([
    ['六、其他事项说明。', '六、'],
    ['（一）关于收费。', '（一）'],
  ])('E6: a paragraph typed with 「%s」 is a warning at its number', (sentence, needle) => {
    const { text, findings } = run(checkTypedNumbering, (t) => t.replace(OTHER, `    ${sentence}`));
    expect(findings.map(at)).toEqual([{ rule: 'E6', severity: 'warning', ...positionOf(text, `    ${sentence}`, 4 + sentence.indexOf(needle)) }]);
  });

  it('L8: a legacy 统计表 whose 办结 and 答复 do not match 收到 is a warning at each (信丰县2017 as published)', () => {
    const { text, report } = checkedReport('test/corpus/bad/l1-l8-xinfeng-as-published.yaml');
    expect(checkLegacyConsistency(ruleInput(report)).map(at)).toEqual([
      { rule: 'L8', severity: 'warning', ...positionOf(text, '{ total: 0, on_time') },
      { rule: 'L8', severity: 'warning', ...positionOf(text, 'total: 0', 0, text.slice(0, text.indexOf('    answered:')).split('total: 0').length) },
    ]);
  });

  it('L7: a channel above 主动公开政府信息数 is a warning at the channel', () => {
    const { text, report } = checkedReport('data/xinfeng/2017.yaml', (t) => t.replace('website: 41105,', 'website: 41106,'));
    const l7 = checkLegacyConsistency(ruleInput(report)).filter((f) => f.rule === 'L7');
    expect(l7.map(at)).toEqual([{ rule: 'L7', severity: 'warning', ...positionOf(text, '41106') }]);
  });
});
