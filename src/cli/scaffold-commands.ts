/** `init` and `aggregate`: new data files for a year, and a county's sum of its members. */
import { checkFile } from '../pipeline/check-report.js';
import { writeFileAtomic } from '../output/atomic-write.js';
import { displayPath, outputBase } from '../output/output-paths.js';
import { EXIT, errorFinding, formatFinding, ReportError } from '../report-error/finding.js';
import { aggregateMembers } from '../scaffold/aggregate-members.js';
import { initDataFile } from '../scaffold/init-data-file.js';
import { aggregateWorkbook } from '../xlsx/aggregate-workbook.js';
import { reportWorkbook } from '../xlsx/report-workbook.js';
import { reportFailure } from './report-failure.js';

/** `--xlsx` alone: the workbook goes where `sheet` would put it (out/…/2022.xlsx). */
const workbookPath = (dataFile: string, xlsx: string | true) => (xlsx === true ? `${outputBase(dataFile, 'out')}.xlsx` : xlsx);

export async function runInit(file: string, options: { year?: string; org?: string; from?: string; xlsx?: string | true }): Promise<number> {
  try {
    const year = options.year === undefined ? undefined : Number(options.year);
    if (year !== undefined && !Number.isInteger(year)) throw new ReportError([errorFinding('OPTION', `--year 应为四位年份，实际为 ${options.year}`)], EXIT.unusableInput);
    const result = initDataFile({ file, ...(year !== undefined ? { year } : {}), ...(options.org ? { org: options.org } : {}), ...(options.from ? { from: options.from } : {}) });
    process.stdout.write(`已生成 ${displayPath(result.file)}；请填写正文和统计数字，再运行 report-gen check ${displayPath(result.file)}\n`);
    if (options.xlsx) {
      // A blank workbook to send out; its figures come back with `report-gen import`.
      const out = workbookPath(result.file, options.xlsx);
      writeFileAtomic(out, await reportWorkbook(checkFile(result.file, { crossYear: false }), { blank: true }));
      process.stdout.write(`已生成空白填报表 ${displayPath(out)}；填好后运行 report-gen import ${displayPath(out)} ${displayPath(result.file)}\n`);
    }
    return EXIT.ok;
  } catch (error) {
    return reportFailure(error);
  }
}

export interface AggregateCommandOptions {
  out: string;
  org?: string;
  year?: string;
  update?: boolean;
  xlsx?: string | true;
}

export async function runAggregate(members: string[], options: AggregateCommandOptions): Promise<number> {
  try {
    const year = options.year === undefined ? undefined : Number(options.year);
    if (year !== undefined && !Number.isInteger(year)) throw new ReportError([errorFinding('OPTION', `--year 应为四位年份，实际为 ${options.year}`)], EXIT.unusableInput);
    const result = aggregateMembers({
      members,
      out: options.out,
      ...(options.org ? { org: options.org } : {}),
      ...(year !== undefined ? { year } : {}),
      ...(options.update ? { update: true } : {}),
    });
    for (const finding of result.findings) process.stderr.write(`${formatFinding(finding)}\n`);
    if (result.changed === undefined) process.stdout.write(`已汇总 ${result.members.length} 个单位到 ${displayPath(result.file)}\n`);
    else process.stdout.write(`已按 ${result.members.length} 个单位更新 ${displayPath(result.file)}：${result.changed} 个数字有变化\n`);
    if (options.xlsx) {
      const county = checkFile(result.file, { crossYear: false });
      const out = workbookPath(result.file, options.xlsx);
      const org = county.data.org.name;
      writeFileAtomic(out, await aggregateWorkbook({ org, year: county.data.year, issued: county.data.issued, file: result.file }, result.reports));
      process.stdout.write(`已生成汇总工作簿 ${displayPath(out)}（汇总表为各单位表的公式合计）\n`);
    }
    return EXIT.ok;
  } catch (error) {
    return reportFailure(error);
  }
}
