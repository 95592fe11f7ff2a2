/**
 * A2: a county's figures against its members'. When the county's profile lists `members:`, every statistic of
 * the county's data file is compared with the sum of the members' files for the same year
 * (`../<member>/<year>.yaml` beside the county's folder), and each cell that differs is a warning. A member
 * without a file for the year, or with errors of its own, stops the comparison with a notice.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { countAt, countsAt, getAt, rowAt } from '../compute/statistics.js';
import { APPEAL_RESULTS, APPLICANT_COLUMNS, labelOfPath } from '../formats/shared/fields.js';
import { YamlSource } from '../load/yaml-source.js';
import { ReportError, type Finding } from '../report-error/finding.js';
import { checkFile, type CheckedReport } from './check-report.js';

export function checkCountyMembers(county: CheckedReport): Finding[] {
  if (!county.profile) return [];
  const members = (YamlSource.read(county.profile).toJS() as { members?: unknown }).members;
  if (!Array.isArray(members) || members.length === 0) return [];
  const year = county.data.year;
  const at = county.source.positionOf(['org']);
  const notice = (message: string): Finding[] => [{ severity: 'info', rule: 'A2', message, at }];
  const parent = dirname(dirname(county.source.absolutePath));
  const files = members.map((m) => join(parent, String(m), `${year}.yaml`));
  const missing = members.filter((_, i) => !existsSync(files[i]!));
  if (missing.length) return notice(`下属单位 ${missing.join('、')} 没有 ${year} 年的数据文件，本级数字未与下属单位之和核对`);

  const reports: CheckedReport[] = [];
  for (const file of files) {
    const unusable = notice(`下属单位的数据文件 ${basename(dirname(file))}/${basename(file)} 有错误或版式不同，本级数字未与下属单位之和核对`);
    let report: CheckedReport;
    try {
      report = checkFile(file, { crossYear: false });
    } catch (error) {
      if (error instanceof ReportError) return unusable;
      throw error;
    }
    if (report.findings.some((f) => f.severity === 'error') || report.format.id !== county.format.id) return unusable;
    reports.push(report);
  }
  const names = members.join('、');
  const findings: Finding[] = [];
  const compare = (path: Array<string | number>, own: number, sum: number) => {
    if (Math.abs(own - sum) < 1e-9) return;
    findings.push({
      severity: 'warning',
      rule: 'A2',
      message: `${labelOfPath(county.format.fields, path) ?? path.join('.')}为 ${own}，但下属单位（${names}）之和为 ${round(sum)}`,
      at: county.source.positionOf(path),
    });
  };
  for (const field of county.format.fields) {
    if (field.computed || field.kind === 'unit') continue;
    const own = getAt(county.data, field.path);
    if (field.kind === 'applicantRow') {
      const rows = reports.map((r) => rowAt(r.data, field.path));
      const ownRow = rowAt(county.data, field.path);
      APPLICANT_COLUMNS.forEach((_, i) => compare([...field.path, i], ownRow[i]!, rows.reduce((s, row) => s + row[i]!, 0)));
    } else if (field.kind === 'appealBlock') {
      const blocks = reports.map((r) => countsAt(r.data, field.path));
      const ownBlock = countsAt(county.data, field.path);
      for (const { key } of APPEAL_RESULTS) compare([...field.path, key], ownBlock[key]!, blocks.reduce((s, b) => s + b[key]!, 0));
    } else if (field.kind === 'money') {
      const inWan = (report: CheckedReport) =>
        countAt(report.data, field.path) / (getAt(report.data, [...field.path.slice(0, -1), 'unit']) === '元' ? 10000 : 1);
      compare(field.path, inWan(county), reports.reduce((s, r) => s + inWan(r), 0));
    } else if (typeof own === 'number') {
      compare(field.path, own, reports.reduce((s, r) => {
        const v = getAt(r.data, field.path);
        return s + (typeof v === 'number' ? v : 0);
      }, 0));
    }
  }
  return findings;
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;
