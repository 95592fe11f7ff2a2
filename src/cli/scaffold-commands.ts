/** `init` and `aggregate`: new data files for a year, and a county's sum of its members. */
import { displayPath } from '../output/output-paths.js';
import { EXIT, errorFinding, formatFinding, ReportError } from '../report-error/finding.js';
import { aggregateMembers } from '../scaffold/aggregate-members.js';
import { initDataFile } from '../scaffold/init-data-file.js';
import { reportFailure } from './report-failure.js';

export function runInit(file: string, options: { year?: string; org?: string; from?: string }): number {
  try {
    const year = options.year === undefined ? undefined : Number(options.year);
    if (year !== undefined && !Number.isInteger(year)) throw new ReportError([errorFinding('OPTION', `--year 应为四位年份，实际为 ${options.year}`)], EXIT.unusableInput);
    const result = initDataFile({ file, ...(year !== undefined ? { year } : {}), ...(options.org ? { org: options.org } : {}), ...(options.from ? { from: options.from } : {}) });
    process.stdout.write(`已生成 ${displayPath(result.file)}；请填写正文和统计数字，再运行 report-gen check ${displayPath(result.file)}\n`);
    return EXIT.ok;
  } catch (error) {
    return reportFailure(error);
  }
}

export function runAggregate(members: string[], options: { out: string; org?: string }): number {
  try {
    const result = aggregateMembers({ members, out: options.out, ...(options.org ? { org: options.org } : {}) });
    for (const finding of result.findings) process.stderr.write(`${formatFinding(finding)}\n`);
    process.stdout.write(`已汇总 ${result.members.length} 个单位到 ${displayPath(result.file)}\n`);
    return EXIT.ok;
  } catch (error) {
    return reportFailure(error);
  }
}
