/**
 * E1 on the organisation: `init` and `aggregate` write the placeholder 「（请填写机关全称）」 as the name, which would
 * print in the title and the 落款. Any name still asking to be filled in is an error.
 */
import { errorFinding, type Finding } from '../../report-error/finding.js';
import type { RuleInput } from '../../contracts/rule.js';
import type { ReportData } from '../../formats/shared/report-schema.js';

const PLACEHOLDER = /请填写|請填寫|[XxＸｘ×]{2,}/;

export function checkOrgName({ data, source }: RuleInput<ReportData>): Finding[] {
  const org = data.org;
  const findings: Finding[] = [];
  for (const key of ['name', 'short'] as const) {
    const value = org?.[key];
    if (typeof value !== 'string' || !PLACEHOLDER.test(value)) continue;
    // A profile's name is reported at `org:` of the data file, which names the profile.
    const path = source.has(['org', key]) ? ['org', key] : ['org'];
    findings.push(errorFinding('E1', `机关${key === 'name' ? '全称' : '简称'}「${value}」是占位文字，请填写实际的机关名称`, source.positionOf(path)));
  }
  return findings;
}
