/**
 * Text checks on the narrative as typed (formats.md §6): placeholders and blank numbers (E1), template text
 * left in (E2), years far from the report year (E9), vague quantities (E10) and punctuation (E15). Each finding
 * points at the character inside the YAML block scalar.
 */
import { errorFinding, type Finding, type Severity } from '../../report-error/finding.js';
import type { RuleInput } from '../rule.js';

const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff';
const MEASURE = '条件项次个人篇份%％万元';

interface Pattern {
  rule: string;
  severity: Severity;
  regex: RegExp;
  message: (match: RegExpExecArray, year: number) => string | undefined;
}

/** Strings from the official templates that must never reach a published report. */
const TEMPLATE_TEXT = ['政府信息公开工作年度报告格式模板', '收取信息处理费情况在此处报告', '县本级受理依申请公开的数量、受理方式、涉及内容'];

const PATTERNS: Pattern[] = [
  {
    rule: 'E1',
    severity: 'error',
    regex: new RegExp(`(?<=[${CJK}])[ \\t\\u3000]{2,}(?=[余多]?[${MEASURE}])|(?<=[${CJK}])[ \\t\\u3000]+(?=[${MEASURE}][，。；、）])`, 'g'),
    message: () => '此处缺少数字（空白代替了数字）',
  },
  { rule: 'E1', severity: 'error', regex: /（文字描述[^）]*）/g, message: (m) => `模板占位文字「${m[0]}」未替换` },
  { rule: 'E1', severity: 'error', regex: /[XxＸｘ×]{2,}/g, message: (m) => `占位符「${m[0]}」未替换为实际内容` },
  {
    rule: 'E2',
    severity: 'error',
    regex: new RegExp(TEMPLATE_TEXT.map((t) => t.replace(/[()（）]/g, '\\$&')).join('|'), 'g'),
    message: (m) => `遗留了模板说明文字「${m[0]}」`,
  },
  {
    rule: 'E9',
    severity: 'warning',
    regex: /(?<![0-9])((?:19|20)[0-9]{2})(?=年)/g,
    message: (m, year) => {
      const found = Number(m[1]);
      return Math.abs(found - year) > 1 ? `提到${found}年，与报告年度${year}年相差较远，请核对是否为沿用旧稿` : undefined;
    },
  },
  { rule: 'E10', severity: 'warning', regex: /[0-9０-９][余多]/g, message: (m) => `「${m[0]}」是约数，年度报告应写确切数字` },
  { rule: 'E15', severity: 'warning', regex: /([、，。；：！？])\1/g, message: (m) => `标点重复「${m[0]}」` },
  {
    rule: 'E15',
    severity: 'warning',
    regex: new RegExp(`(?<=[${CJK}])[,:;()](?=[${CJK}])|(?<=[${CJK}])\\((?=[0-9${CJK}])|(?<=[0-9${CJK}])\\)(?=[${CJK}])`, 'g'),
    message: (m) => `中文之间使用了半角标点「${m[0]}」，应为全角`,
  },
];

export function lintNarrative({ data, source }: RuleInput): Finding[] {
  const text = (data.text ?? {}) as Record<string, string>;
  const year = data.year as number;
  const findings: Finding[] = [];
  for (const [key, value] of Object.entries(text)) {
    if (typeof value !== 'string') continue;
    for (const pattern of PATTERNS) {
      for (const match of value.matchAll(pattern.regex)) {
        const message = pattern.message(match as RegExpExecArray, year);
        if (!message) continue;
        const at = source.positionOfIndex(['text', key], value, match.index!);
        findings.push(pattern.severity === 'error' ? errorFinding(pattern.rule, message, at) : { severity: pattern.severity, rule: pattern.rule, message, at });
      }
    }
  }
  return findings;
}
