/**
 * T1: the figures of the narrative agree with the tables. A figure typed in the text that names a table quantity
 * (「予以公开及部分公开258件」) and differs from the cell is a warning at the figure, naming the cell and its value
 * and the `{{…}}` expression that would keep them in step; so are outcome words the tables contradict (「均获维持」
 * with cases 尚未审结). The phrasings are in src/check/t1/narrative-figures.yaml.
 */
import type { Finding } from '../../report-error/finding.js';
import type { RuleInput } from '../../contracts/rule.js';
import type { ReportData } from '../../formats/shared/report-schema.js';
import { findFalseClaims, findNarrativeFigures } from '../t1/find-figures.js';

export function checkNarrativeFigures({ data, statistics, source }: RuleInput<ReportData>): Finding[] {
  const texts = data.text;
  const findings: Finding[] = [];
  for (const f of findNarrativeFigures(texts, statistics.tree, data.year)) {
    if (f.agrees) continue;
    const hint = f.expression
      ? `；可写作「{{${f.expression}}}${f.unit}」，数字即随表格一致`
      : f.parts
        ? `；这是 ${f.parts.length} 格之和，可分别写出 ${f.parts.map((p) => `{{${p}}}`).join('、')}`
        : '';
    findings.push({
      severity: 'warning',
      rule: 'T1',
      message: `正文「${f.span}」与表格不一致：${f.label}为 ${f.value}${f.unit === '元' || f.unit === '万元' ? '万元' : ''}${hint}`,
      at: source.positionOfIndex(['text', f.key], texts[f.key] as string, f.index),
    });
  }
  for (const c of findFalseClaims(texts, statistics.tree)) {
    findings.push({
      severity: 'warning',
      rule: 'T1',
      message: `正文「${c.words}」与表格不符：${c.tables}`,
      at: source.positionOfIndex(['text', c.key], texts[c.key] as string, c.index),
    });
  }
  return findings;
}
