/**
 * `report-gen init`: a data file for an organisation and year, in the edition the year selects. With last year's
 * file it carries over what the edition says carries over (上年结转, 表二 baselines: its carryOver) and the narrative
 * sub-headings, but not last year's text. It never overwrites a file.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { checkFile, checkSource, type CheckedReport } from '../pipeline/check-report.js';
import { formatForYear } from '../formats/registry.js';
import { YamlSource } from '../load/yaml-source.js';
import { writeNewFileAtomic } from '../output/atomic-write.js';
import { errorFinding, EXIT, ReportError } from '../report-error/finding.js';
import { subHeadingOf } from '../templating/narrative.js';
import { dataFileText } from './data-file-text.js';

export interface InitOptions {
  file: string;
  year?: number;
  /** Path of an organisation profile. */
  org?: string;
  /** Last year's data file. */
  from?: string;
}

export function initDataFile(options: InitOptions): { file: string; text: string } {
  const file = resolve(options.file);
  if (existsSync(file)) throw new ReportError([errorFinding('INIT', `${options.file} 已存在，init 不会覆盖已有文件`)], EXIT.unusableInput);
  const previous = options.from ? checkFile(options.from, { crossYear: false }) : undefined;
  const year = options.year ?? (previous ? previous.data.year + 1 : Number(/^(\d{4})\./.exec(basename(file))?.[1]));
  if (!Number.isInteger(year) || year < 2008) throw new ReportError([errorFinding('INIT', '请用 --year 指定报告年度（或把文件命名为 2022.yaml）')], EXIT.unusableInput);
  if (previous && previous.data.year !== year - 1) {
    throw new ReportError([errorFinding('INIT', `上一年度文件 ${options.from} 的年度为 ${previous.data.year}，不是 ${year - 1}`, previous.source.positionOf(['year']))], EXIT.unusableInput);
  }
  const format = formatForYear(year);
  // An edition without a carry-over is not written by init (legacy).
  if (!format?.carryOver) throw new ReportError([errorFinding('INIT', 'init 只生成 2019 年起的全国统一格式；2018 年及以前的报告请参照 data/xinfeng/2017.yaml')], EXIT.unusableInput);

  const values = previous ? format.carryOver(previous) : new Map<string, unknown>();
  const text = dataFileText({
    format,
    year,
    org: organisation(options, previous, file),
    issued: `${year + 1}-01-20`,
    // Last year's file is found without `previous:` when it is <year-1>.yaml beside the new one.
    ...(previous && previous.source.absolutePath !== resolve(dirname(file), `${year - 1}.yaml`)
      ? { previous: relative(dirname(file), previous.source.absolutePath).replaceAll('\\', '/') }
      : {}),
    values,
    headings: previous ? headingsOf(previous) : new Map(),
    file,
    header: [
      `${year}年政府信息公开工作年度报告数据（${format.basis}），由 report-gen init 生成。`,
      '请把（文字描述）换成正文、填写各项统计数字和成文日期；正文写完之前，report-gen check 会报告 E1。',
      ...(previous ? [`上年结转和表二的基数已从 ${relative(dirname(file), previous.source.absolutePath)} 结转。`] : []),
    ],
  });
  // The scaffold must be a valid data file: only the placeholders may be findings.
  checkSource(YamlSource.parse(text, options.file, file), { crossYear: false });
  if (!writeNewFileAtomic(file, text)) throw new ReportError([errorFinding('INIT', `${options.file} 已存在，init 不会覆盖已有文件`)], EXIT.unusableInput);
  return { file, text };
}

function organisation(options: InitOptions, previous: CheckedReport | undefined, file: string): string | Record<string, unknown> {
  if (options.org) return relative(dirname(file), resolve(options.org)).replaceAll('\\', '/');
  if (previous) {
    const typed = (previous.source.toJS() as { org: unknown }).org;
    if (typeof typed === 'string') return relative(dirname(file), resolve(dirname(previous.source.absolutePath), typed)).replaceAll('\\', '/');
    return typed as Record<string, unknown>;
  }
  return { name: '（请填写机关全称）' };
}

/** Last year's sub-headings, read as the build reads them (templating/narrative.ts). */
function headingsOf(previous: CheckedReport): Map<string, string[]> {
  const text = previous.data.text;
  return new Map(
    Object.entries(text).map(([key, value]) => [key, (value ?? '').split(/\r?\n/).map(subHeadingOf).filter((h): h is string => Boolean(h))]),
  );
}
