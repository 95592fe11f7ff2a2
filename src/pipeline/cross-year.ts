/**
 * Cross-year checking: finds and reads last year's data file and runs the current edition's cross-year rules
 * against it (R5, R6, R8 in the national editions). All are warnings: corrections and amendments can break them
 * legitimately.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { errorFinding, ReportError, type Finding } from '../report-error/finding.js';
import type { CheckedReport } from './check-report.js';

export type PreviousLoader = (file: string) => CheckedReport;

/** Last year's file: `previous:` in the data, else `<year-1>.yaml` in the same folder. */
export function previousFileOf(report: CheckedReport): string {
  const dir = dirname(report.source.absolutePath);
  const named = report.data.previous;
  return named ? resolve(dir, named) : join(dir, `${report.data.year - 1}.yaml`);
}

export function checkCrossYear(report: CheckedReport, load: PreviousLoader): Finding[] {
  const file = previousFileOf(report);
  const info = (message: string): Finding[] => [{ severity: 'info', rule: 'X0', message, at: report.source.positionOf(report.data.previous ? ['previous'] : ['year']) }];
  if (!existsSync(file)) return info(`未找到上一年度数据文件 ${basename(file)}，跨年度核对（R5、R6、R8）未进行`);
  let previous: CheckedReport;
  try {
    previous = load(file);
  } catch (error) {
    // A `previous:` that names a folder, a device or a file of the wrong encoding is a mistake in this file.
    const unreadable = error instanceof ReportError && report.data.previous ? error.findings.find((f) => f.rule === 'FILE') : undefined;
    if (unreadable) return [errorFinding('FILE', `「previous」所指的${unreadable.message}`, report.source.positionOf(['previous']))];
    return info(`上一年度数据文件 ${basename(file)} 本身有误，跨年度核对未进行`);
  }
  if (previous.data.year !== report.data.year - 1) {
    return info(`上一年度数据文件 ${basename(file)} 的年度为 ${previous.data.year}，不是 ${report.data.year - 1}，跨年度核对未进行`);
  }
  const pair = { current: report, previous, previousName: basename(file) };
  return report.format.crossYearRules.flatMap((rule) => rule(pair));
}
