/**
 * E6: section numbers are generated, never typed. A paragraph that begins with 「六、」 or 「（一）」 prints a second
 * number sequence beside the generated one (two 六、); a sub-heading belongs on a `##` line, whose number is
 * generated too.
 */
import type { Finding } from '../../report-error/finding.js';
import type { RuleInput } from '../../contracts/rule.js';
import type { ReportData } from '../../formats/shared/report-schema.js';

const SECTION_NUMBER = /^[一二三四五六七八九十]{1,3}、/;
const SUBHEADING_NUMBER = /^[（(][一二三四五六七八九十]{1,3}[）)]/;

export function checkTypedNumbering({ data, source }: RuleInput<ReportData>): Finding[] {
  const text = data.text;
  const findings: Finding[] = [];
  for (const [key, value] of Object.entries(text)) {
    if (typeof value !== 'string') continue;
    let offset = 0;
    let previousBlank = true;
    for (const line of value.split('\n')) {
      const content = line.replace(/^[ \t\u3000]+/, '');
      const start = offset + line.length - content.length;
      offset += line.length + 1;
      const blank = content.trim() === '';
      const paragraphStart = previousBlank && !blank && !content.startsWith('##');
      previousBlank = blank || content.startsWith('##');
      if (!paragraphStart) continue;
      const section = SECTION_NUMBER.exec(content);
      const sub = section ? undefined : SUBHEADING_NUMBER.exec(content);
      if (!section && !sub) continue;
      const number = (section ?? sub)![0];
      const message = section
        ? `段落以章节编号「${number}」开头：章节编号由版式自动生成，手工输入会重复编号；请删去编号，或把这段移到相应章节`
        : `段落以小标题编号「${number}」开头：小标题请写在“## ”行上（编号自动生成），或删去编号`;
      findings.push({ severity: 'warning', rule: 'E6', message, at: source.positionOfIndex(['text', key], value, start) });
    }
  }
  return findings;
}
