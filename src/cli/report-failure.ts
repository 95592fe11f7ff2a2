/** Prints a failure as Chinese findings (no stack trace) and returns the exit code. */
import { EXIT, formatFinding, ReportError } from '../report-error/finding.js';

export function reportFailure(error: unknown): number {
  if (error instanceof ReportError) {
    for (const finding of error.findings) process.stderr.write(`${formatFinding(finding)}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`内部错误：${message}\n`);
  if (process.env.REPORT_GEN_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  return EXIT.internal;
}
