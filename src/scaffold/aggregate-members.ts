/**
 * `report-gen aggregate`: the county's statistics as the cell-by-cell sum of its members' (townships and
 * departments), for one year and edition, written as a new data file whose narrative the county writes. Members
 * the county profile lists (`members:`) but that have no data file are reported. With `update`, the figures of
 * an existing county file are refreshed in place and its text, comments and layout are kept.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { findDataFiles } from '../batch/find-data-files.js';
import { checkFile, type CheckedReport } from '../pipeline/check-report.js';
import { countAt, countsAt, getAt, rowAt } from '../compute/statistics.js';
import { APPEAL_RESULTS, APPLICANT_COLUMNS } from '../formats/shared/fields.js';
import { writeFileAtomic, writeNewFileAtomic } from '../output/atomic-write.js';
import { errorFinding, EXIT, ReportError, type Finding } from '../report-error/finding.js';
import { YamlSource } from '../load/yaml-source.js';
import { dataFileText } from './data-file-text.js';
import { editInPlace, type ValueEdit } from './edit-in-place.js';
import { displayPath } from '../report-error/display-path.js';

export interface AggregateOptions {
  /** Member data files, or folders holding them. */
  members: string[];
  /** The county's data file to write. */
  out: string;
  /** The county's organisation profile (its `members:` list names the members expected). */
  org?: string;
  /** Only the members' files of this year (folders may hold several years). */
  year?: number;
  /** Refresh the figures of the existing county file instead of writing a new one. */
  update?: boolean;
}

export interface AggregateResult {
  file: string;
  members: string[];
  missing: string[];
  findings: Finding[];
  /** The members' checked reports, in the order summed. */
  reports: CheckedReport[];
  /** With `update`: how many figures changed. */
  changed?: number;
}

export function aggregateMembers(options: AggregateOptions): AggregateResult {
  const out = resolve(options.out);
  const exists = existsSync(out);
  if (exists && !options.update) {
    throw new ReportError([errorFinding('AGGREGATE', `${options.out} 已存在，aggregate 不会覆盖已有文件；要按下属单位的最新数字更新它，请加 --update`)], EXIT.unusableInput);
  }
  if (!exists && options.update) throw new ReportError([errorFinding('AGGREGATE', `${options.out} 不存在，--update 只更新已有的本级数据文件`)], EXIT.unusableInput);
  const files = memberFiles(options, out);

  const reports = files.map((file) => checkFile(file, { crossYear: false }));
  const errors = reports.flatMap((r) => r.findings.filter((f) => f.severity === 'error'));
  if (errors.length) throw new ReportError([errorFinding('AGGREGATE', '下属单位的数据有错误，请先改正后再汇总：'), ...errors]);
  const first = reports[0]!;
  for (const report of reports) {
    if (report.data.year !== first.data.year || report.format.id !== first.format.id) {
      throw new ReportError(
        [errorFinding('AGGREGATE', `不能混合不同年度或版式汇总：${shown(first)} 为 ${first.data.year}年 ${first.format.id}，此文件为 ${report.data.year}年 ${report.format.id}；目录中有多个年度时，请用 --year 选择`, report.source.positionOf(['year']))],
        EXIT.unusableInput,
      );
    }
  }
  if (first.format.id === 'legacy') throw new ReportError([errorFinding('AGGREGATE', 'legacy 统计表的汇总暂不支持，只能汇总 2019 年起的全国统一格式')], EXIT.unusableInput);

  const year = first.data.year;
  const named = /^(\d{4})\.ya?ml$/i.exec(basename(out))?.[1];
  if (named && Number(named) !== year) {
    throw new ReportError([errorFinding('AGGREGATE', `下属单位的数据是 ${year} 年的，不能写入以 ${named} 年命名的 ${options.out}；请改用 ${year}.yaml，或用 --year ${named} 选择年度`)], EXIT.unusableInput);
  }
  const values = sumStatistics(reports);
  const expected = options.org ? membersListed(resolve(options.org)) : [];
  const names = new Set(files.flatMap((f) => [basename(dirname(f)), basename(f).replace(/\.ya?ml$/, '')]));
  const missing = expected.filter((name) => !names.has(name));
  const findings: Finding[] = missing.map((name) => ({ severity: 'warning', rule: 'A1', message: `机关信息文件列出的下属单位「${name}」没有数据文件，未计入汇总` }));
  if (options.update) return { file: out, members: files, missing, findings, reports, changed: updateFigures(out, options.out, year, first, values) };

  const text = dataFileText({
    format: first.format,
    year,
    org: options.org ? relative(dirname(out), resolve(options.org)).replaceAll('\\', '/') : { name: '（请填写机关全称）' },
    issued: `${year + 1}-01-31`,
    values,
    headings: new Map(),
    file: out,
    header: [
      `${year}年政府信息公开工作年度报告数据（${first.format.basis}），由 report-gen aggregate 汇总 ${files.length} 个下属单位：`,
      ...files.map((f) => `  ${relative(dirname(out), f).replaceAll('\\', '/')}`),
      '统计数字为各单位逐格之和；请把（文字描述）换成本级的正文。',
    ],
  });
  if (!writeNewFileAtomic(out, text)) throw new ReportError([errorFinding('AGGREGATE', `${options.out} 已存在，aggregate 不会覆盖已有文件`)], EXIT.unusableInput);
  return { file: out, members: files, missing, findings, reports };
}

/** The members' data files: those given, or found in folders; with a year, only that year's. */
function memberFiles(options: AggregateOptions, out: string): string[] {
  let files = findDataFiles(options.members)
    .map((f) => resolve(f.file))
    .filter((f) => f !== out);
  if (options.year !== undefined) files = files.filter((f) => yearOf(f) === options.year);
  // The county's own files (its profile as `org:`) are not members, when a folder holds them too.
  if (options.org) files = files.filter((f) => !isOrgOf(f, resolve(options.org!)));
  if (files.length === 0) {
    const which = options.year !== undefined ? ` ${options.year} 年的` : '';
    throw new ReportError([errorFinding('AGGREGATE', `没有找到下属单位${which}数据文件：${options.members.join('、')}`)], EXIT.unusableInput);
  }
  return files;
}

function yearOf(file: string): unknown {
  return (YamlSource.read(file).toJS() as { year?: unknown } | null)?.year;
}

function isOrgOf(file: string, profile: string): boolean {
  const org = (YamlSource.read(file).toJS() as { org?: unknown } | null)?.org;
  return typeof org === 'string' && resolve(dirname(file), org) === profile;
}

/** Writes the new sums into the existing county file in place; returns how many figures changed. */
function updateFigures(out: string, shownOut: string, year: number, first: CheckedReport, values: Map<string, unknown>): number {
  const source = YamlSource.read(out);
  const data = source.toJS() as Record<string, unknown>;
  if (data.year !== year) {
    throw new ReportError([errorFinding('AGGREGATE', `${shownOut} 是 ${String(data.year)} 年的数据文件，不能用 ${year} 年的下属单位数字更新`, source.positionOf(['year']))], EXIT.unusableInput);
  }
  const edits: ValueEdit[] = [];
  const set = (path: Array<string | number>, value: number | string) => {
    const typed = getAt(data, path);
    // Money compares by amount, so 0.3 typed as 0.30 is left as typed.
    const same = typed === value || (typeof typed === 'number' && typeof value === 'string' && Number(value) === typed);
    if (!same) edits.push({ path, text: String(value) });
  };
  for (const field of first.format.fields) {
    const value = values.get(field.path.join('.'));
    if (field.computed) continue;
    if (field.kind === 'applicantRow' && Array.isArray(value)) {
      const row = value.filter((n): n is number => typeof n === 'number');
      row.forEach((n, i) => set([...field.path, i], n));
      if (getAt(data, [...field.path, row.length]) !== undefined) set([...field.path, row.length], row.reduce((a, b) => a + b, 0));
    } else if (field.kind === 'appealBlock' && value && typeof value === 'object') {
      const block = value as Record<string, number>;
      for (const r of APPEAL_RESULTS) set([...field.path, r.key], block[r.key]!);
      if (getAt(data, [...field.path, 'total']) !== undefined) set([...field.path, 'total'], APPEAL_RESULTS.reduce((n, r) => n + block[r.key]!, 0));
    } else if (typeof value === 'number' || typeof value === 'string') set(field.path, value);
  }
  if (edits.length) writeFileAtomic(out, editInPlace(source.text, edits));
  return edits.length;
}

const shown = (report: CheckedReport) => displayPath(report.source.absolutePath);

function membersListed(profile: string): string[] {
  const data = YamlSource.read(profile).toJS() as { members?: unknown };
  return Array.isArray(data.members) ? data.members.map(String) : [];
}

/** Sums every statistic cell by cell; money is summed exactly in its smallest typed unit. */
function sumStatistics(reports: CheckedReport[]): Map<string, unknown> {
  const values = new Map<string, unknown>();
  for (const field of reports[0]!.format.fields) {
    if (field.computed) continue;
    const key = field.path.join('.');
    switch (field.kind) {
      case 'applicantRow': {
        const rows = reports.map((r) => rowAt(r.data, field.path));
        values.set(key, APPLICANT_COLUMNS.map((_, i) => rows.reduce((sum, row) => sum + row[i]!, 0)));
        break;
      }
      case 'appealBlock': {
        const blocks = reports.map((r) => countsAt(r.data, field.path));
        values.set(key, Object.fromEntries(APPEAL_RESULTS.map((r) => [r.key, blocks.reduce((sum, b) => sum + b[r.key]!, 0)])));
        break;
      }
      case 'money':
        values.set(key, sumMoney(reports, field.path));
        break;
      case 'unit':
        values.set(key, '万元');
        break;
      default:
        values.set(key, reports.reduce((sum, r) => sum + countAt(r.data, field.path), 0));
    }
  }
  return values;
}

/** Decimal sum without float error, converting 元 to 万元 where a member states 元; printed with the most decimals used. */
function sumMoney(reports: CheckedReport[], path: string[]): string {
  let decimals = 2;
  const amounts = reports.map((report) => {
    const typed = report.source.sourceTextOf(path) ?? String(getAt(report.data, path));
    const unit = getAt(report.data, [...path.slice(0, -1), 'unit']);
    const places = /\.(\d+)$/.exec(typed)?.[1]?.length ?? 0;
    const shift = unit === '元' ? 4 : 0;
    decimals = Math.max(decimals, places + shift);
    return { digits: typed.replace('.', ''), places: places + shift };
  });
  const total = amounts.reduce((sum, a) => sum + BigInt(a.digits) * 10n ** BigInt(decimals - a.places), 0n);
  const text = total.toString().padStart(decimals + 1, '0');
  return `${text.slice(0, -decimals)}.${text.slice(-decimals)}`;
}
