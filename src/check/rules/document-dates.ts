/**
 * E8: dates of the report. 印发日期 may not be before 成文日期 (an error), and the 成文日期 normally falls in
 * the year after the report year (a warning).
 */
import { formatChineseDate } from '../../templating/dates.js';
import { errorFinding, type Finding } from '../../report-error/finding.js';
import type { RuleInput } from '../../contracts/rule.js';
import type { ReportData } from '../../formats/shared/report-schema.js';

export function checkDocumentDates({ data, source }: RuleInput<ReportData>): Finding[] {
  const findings: Finding[] = [];
  const issued = data.issued;
  const year = data.year;
  const printedOn = data.document?.printed_on;
  if (printedOn && printedOn < issued) {
    findings.push(
      errorFinding(
        'E8',
        `印发日期 ${formatChineseDate(printedOn)} 早于成文日期 ${formatChineseDate(issued)}；印发日期不得早于成文日期`,
        source.positionOf(['document', 'printed_on']),
      ),
    );
  }
  const issuedYear = Number(issued.slice(0, 4));
  if (issuedYear !== year + 1) {
    findings.push({
      severity: 'warning',
      rule: 'E8',
      message: `成文日期 ${formatChineseDate(issued)} 不在报告年度的次年（${year + 1}年）`,
      at: source.positionOf(['issued']),
    });
  }
  return findings;
}
