/**
 * Text checks on the narrative as typed (formats.md §6): placeholders and blank numbers (E1), template text
 * left in (E2), years far from the report year (E9), vague quantities (E10) and punctuation (E15). Each finding
 * points at the character inside the YAML block scalar.
 */
import { errorFinding, type Finding, type Severity } from '../../report-error/finding.js';
import type { RuleInput } from '../../contracts/rule.js';
import type { ReportData } from '../../formats/shared/report-schema.js';
import type { RuleId } from '../../report-error/rule-id.js';

const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff';
const MEASURE = '条件项次个人篇份%％万元';
/** Measure words after 余/多 that make a vague quantity (330余条, 758多件, 20余万元). */
const VAGUE_UNITS = '条件項项次个人篇份万千百元家户戶场場期名位批所家套天';
const SENTENCE_END = /[。！？；\n]/;

/**
 * Years that belong in a report whatever its year: a plan period (2021—2025年), a 十四五-style plan or 2035年远景
 * 目标, the year of a law or its revision (2019年修订的《条例》, 2008年5月1日起施行), a year inside a document title.
 */
function yearBelongsInText(text: string, index: number, found: number, year: number): boolean {
  const after = text.slice(index + 4, index + 24);
  const before = text.slice(Math.max(0, index - 12), index);
  if (/^年?\s*[—–\-~～至到]+\s*(?:19|20)[0-9]{2}/.test(after) || /(?:19|20)[0-9]{2}年?\s*[—–\-~～至到]+\s*$/.test(before)) return true;
  // 「2019年修订」「2008年施行」「2008年5月1日起实施」; not 「2019年实施了…」 or 「2019年通过网站…」, which may be stale.
  const date = '(?:[0-9]{1,2}月(?:[0-9]{1,2}日)?)?';
  if (new RegExp(`^年${date}(?:修订|修訂|修正|颁布|頒布|施行)|^年${date}起(?:施行|实施|實施)`).test(after)) return true;
  if (/^年(?:远景|遠景)/.test(after)) return true;
  const open = text.lastIndexOf('《', index);
  if (open >= 0 && text.indexOf('》', open) > index && !text.slice(open, index).includes('》')) return true;
  if (found > year) {
    let start = index;
    while (start > 0 && !SENTENCE_END.test(text[start - 1]!)) start--;
    let end = index;
    while (end < text.length && !SENTENCE_END.test(text[end]!)) end++;
    if (/十[一二三四五六七八九]五|规划|規劃|远景|遠景|纲要|綱要|目标|目標/.test(text.slice(start, end))) return true;
  }
  return false;
}

interface Pattern {
  rule: RuleId;
  severity: Severity;
  regex: RegExp;
  message: (match: RegExpExecArray, year: number, text: string) => string | undefined;
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
  {
    rule: 'E1',
    severity: 'error',
    // Never inside a URL, an e-mail address, a file name or a Latin word (…/xxgk/…, xxx@…, xx.doc, Xxxx).
    regex: /(?<![A-Za-z0-9._%+\-/:@~#=&?])[XxＸｘ×]{2,}(?![A-Za-z0-9._%+\-/:@~#=&?])/g,
    message: (m) => `占位符「${m[0]}」未替换为实际内容`,
  },
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
    message: (m, year, text) => {
      const found = Number(m[1]);
      if (Math.abs(found - year) <= 1 || yearBelongsInText(text, m.index!, found, year)) return undefined;
      return `提到${found}年，与报告年度${year}年相差较远，请核对是否为沿用旧稿`;
    },
  },
  {
    rule: 'E10',
    severity: 'warning',
    // The whole figure with its unit (「330余条」); a hotline (12345多渠道), a phone number or a code is no quantity.
    regex: new RegExp(`(?<![0-9０-９.\\-－—])[0-9０-９]+(?:[.．][0-9０-９]+)?[余多][${VAGUE_UNITS}]`, 'g'),
    message: (m) => `「${m[0]}」是约数，年度报告应写确切数字`,
  },
  { rule: 'E15', severity: 'warning', regex: /([、，。；：！？])\1/g, message: (m) => `标点重复「${m[0]}」` },
  {
    rule: 'E15',
    severity: 'warning',
    regex: new RegExp(`(?<=[${CJK}])[,:;()](?=[${CJK}])|(?<=[${CJK}])\\((?=[0-9${CJK}])|(?<=[0-9${CJK}])\\)(?=[${CJK}])`, 'g'),
    message: (m) => `中文之间使用了半角标点「${m[0]}」，应为全角`,
  },
];

export function lintNarrative({ data, source }: RuleInput<ReportData>): Finding[] {
  const text = data.text;
  const year = data.year;
  const findings: Finding[] = [];
  for (const [key, value] of Object.entries(text)) {
    if (typeof value !== 'string') continue;
    for (const pattern of PATTERNS) {
      for (const match of value.matchAll(pattern.regex)) {
        const message = pattern.message(match as RegExpExecArray, year, value);
        if (!message) continue;
        const at = source.positionOfIndex(['text', key], value, match.index!);
        findings.push(pattern.severity === 'error' ? errorFinding(pattern.rule, message, at) : { severity: pattern.severity, rule: pattern.rule, message, at });
      }
    }
  }
  return findings;
}
