/** The findings a piece of work fails with, one formatted line each; it must fail with a ReportError. */
import { formatFinding, ReportError } from '../../src/report-error/finding.js';

export function failureOf(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    if (error instanceof ReportError) return error.findings.map(formatFinding).join('\n');
    throw error;
  }
  throw new Error('expected a ReportError');
}
