/** Prints a failure as Chinese findings (no stack trace) and returns the exit code. */
import { EXIT, formatFinding } from '../report-error/finding.js';
import { toReportError } from '../report-error/translate-error.js';

export function reportFailure(error: unknown): number {
  const translated = toReportError(error);
  if (translated) {
    for (const finding of translated.findings) process.stderr.write(`${formatFinding(finding)}\n`);
    return translated.exitCode;
  }
  process.stderr.write(`错误 内部错误（report-gen 的缺陷，请报告）；设置环境变量 REPORT_GEN_DEBUG=1 可看到详情\n`);
  if (process.env.REPORT_GEN_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  return EXIT.internal;
}
