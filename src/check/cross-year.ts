/**
 * Cross-year rules against last year's data file: R5 (上年结转 = last year's 结转下年度), R6 (2019 表二
 * 上一年项目数量 = last year's 上一年项目数量 + 本年增/减) and R8 (2021 现行有效件数 = last year's + 本年制发 −
 * 本年废止). All are warnings: corrections and amendments can break them legitimately.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { APPLICANT_COLUMNS } from '../formats/shared/fields.js';
import { getAt, type RowValues } from '../compute/statistics.js';
import { errorFinding, ReportError, type Finding } from '../report-error/finding.js';
import type { CheckedReport } from './check-report.js';

export type PreviousLoader = (file: string) => CheckedReport;

/** Last year's file: `previous:` in the data, else `<year-1>.yaml` in the same folder. */
export function previousFileOf(report: CheckedReport): string {
  const dir = dirname(report.source.absolutePath);
  const named = report.data.previous as string | undefined;
  return named ? resolve(dir, named) : join(dir, `${(report.data.year as number) - 1}.yaml`);
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
  if ((previous.data.year as number) !== (report.data.year as number) - 1) {
    return info(`上一年度数据文件 ${basename(file)} 的年度为 ${previous.data.year}，不是 ${(report.data.year as number) - 1}，跨年度核对未进行`);
  }
  const name = basename(file);
  return [...carryOver(report, previous, name), ...mattersBaseline(report, previous, name), ...documentsInForce(report, previous, name)];
}

const row = (report: CheckedReport, path: string[]) => getAt(report.statistics.tree, path) as RowValues | undefined;

function carryOver(report: CheckedReport, previous: CheckedReport, name: string): Finding[] {
  const carriedIn = row(report, ['requests', 'carried_in']);
  const carriedOut = row(previous, ['requests', 'carried_out']);
  if (!carriedIn || !carriedOut) return [];
  return APPLICANT_COLUMNS.flatMap((column, i) =>
    carriedIn[column.key] === carriedOut[column.key]
      ? []
      : [
          {
            severity: 'warning' as const,
            rule: 'R5',
            message: `表三「二、上年结转政府信息公开申请数量」「${column.label}」为 ${carriedIn[column.key]}，但上一年度（${name}）「四、结转下年度继续办理」为 ${carriedOut[column.key]}`,
            at: report.source.positionOf(['requests', 'carried_in', i]),
          },
        ],
  );
}

const MATTERS: Array<[key: string, label: string]> = [
  ['licensing', '行政许可'],
  ['other_services', '其他对外管理服务事项'],
  ['punishment', '行政处罚'],
  ['coercion', '行政强制'],
  ['fees', '行政事业性收费'],
];

function mattersBaseline(report: CheckedReport, previous: CheckedReport, name: string): Finding[] {
  if (report.format.id !== 'national-2019' || previous.format.id !== 'national-2019') return [];
  return MATTERS.flatMap(([key, label]) => {
    const now = getAt(report.data, ['active', key]) as { previous: number } | undefined;
    const before = getAt(previous.data, ['active', key]) as { previous: number; change: number } | undefined;
    if (!now || !before) return [];
    const expected = before.previous + before.change;
    if (now.previous === expected) return [];
    return [
      {
        severity: 'warning' as const,
        rule: 'R6',
        message: `表二「${label}」「上一年项目数量」为 ${now.previous}，但上一年度（${name}）上一年项目数量 ${before.previous} + 本年增/减 ${before.change} = ${expected}`,
        at: report.source.positionOf(['active', key, 'previous']),
      },
    ];
  });
}

function documentsInForce(report: CheckedReport, previous: CheckedReport, name: string): Finding[] {
  if (report.format.id !== 'national-2021' || previous.format.id !== 'national-2021') return [];
  return ([['regulations', '规章'], ['normative_documents', '行政规范性文件']] as const).flatMap(([key, label]) => {
    const now = getAt(report.data, ['active', key]) as { issued: number; repealed: number; in_force: number };
    const before = getAt(previous.data, ['active', key]) as { in_force: number };
    const expected = before.in_force + now.issued - now.repealed;
    if (now.in_force === expected) return [];
    return [
      {
        severity: 'warning' as const,
        rule: 'R8',
        message: `表二「${label}」「现行有效件数」为 ${now.in_force}，但上一年度（${name}）现行有效 ${before.in_force} + 本年制发 ${now.issued} − 本年废止 ${now.repealed} = ${expected}（如有修改可忽略）`,
        at: report.source.positionOf(['active', key, 'in_force']),
      },
    ];
  });
}
