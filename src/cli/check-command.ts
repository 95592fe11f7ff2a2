/**
 * `report-gen check <files or folders…>`: every check that `build` runs, glyph coverage included, and no output
 * files. Folders are searched as `build` searches them; organisation profiles are never taken for reports. Exit 0
 * clean (warnings allowed unless --strict), 1 errors found, 2 unusable input. `--fix` writes the `{{…}}`
 * expression for each narrative figure that agrees with its table cell (T1).
 */
import { findDataFiles } from '../batch/find-data-files.js';
import { fontsFor } from '../batch/build-task.js';
import { checkFile, type CheckedReport } from '../pipeline/check-report.js';
import { checkGlyphs } from '../fonts/glyph-coverage.js';
import { checkCountyMembers } from '../pipeline/county-members.js';
import { fixNarrativeFigures } from '../pipeline/fix-figures.js';
import { displayPath } from '../output/output-paths.js';
import { renderReport } from '../pipeline/prepare-report.js';
import { EXIT, errorFinding, formatFinding, ReportError, type Finding } from '../report-error/finding.js';
import { reportFailure } from './report-failure.js';

export interface CheckCommandOptions {
  json?: boolean;
  strict?: boolean;
  config?: string;
  fix?: boolean;
}

interface FileResult {
  file: string;
  format?: string;
  status: 'clean' | 'warnings' | 'errors' | 'unusable';
  findings: Finding[];
  /** Lines about what --fix did. */
  fixed?: string[];
}

/** Findings printed per file; the rest are counted in the summary. */
const PRINTED_PER_FILE = 20;

export function runCheck(paths: string[], options: CheckCommandOptions): number {
  let files: string[];
  try {
    files = findDataFiles(paths).map((f) => f.file);
    if (files.length === 0) throw new ReportError([errorFinding('OPTION', `没有找到数据文件：${paths.join('、')}`)], EXIT.unusableInput);
    fontsFor(options.config ?? 'report-gen.config.yaml'); // a broken config is reported once, before any file
  } catch (error) {
    return reportFailure(error);
  }
  const results = files.map((file) => checkOne(file, options));
  const count = (severity: Finding['severity']) => results.reduce((n, r) => n + r.findings.filter((f) => f.severity === severity).length, 0);
  const summary = { files: results.length, errors: count('error'), warnings: count('warning'), info: count('info') };

  if (options.json) {
    const json = {
      version: 1,
      files: results.map((r) => ({
        file: r.file,
        format: r.format ?? null,
        status: r.status,
        findings: r.findings.map((f) => ({ severity: f.severity, rule: f.rule, message: f.message, file: f.at?.file ?? r.file, line: f.at?.line ?? null, col: f.at?.col ?? null })),
      })),
      summary,
    };
    process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    let unprinted = 0;
    for (const result of results) {
      for (const finding of result.findings.slice(0, PRINTED_PER_FILE)) process.stdout.write(`${formatFinding(finding)}\n`);
      if (result.findings.length > PRINTED_PER_FILE) {
        const rest = result.findings.length - PRINTED_PER_FILE;
        unprinted += rest;
        process.stdout.write(`${result.file}：另有 ${rest} 处未列出（用 --json 可列出全部）\n`);
      }
      for (const line of result.fixed ?? []) process.stdout.write(`${line}\n`);
    }
    const notPrinted = unprinted ? `，其中 ${unprinted} 处未列出` : '';
    process.stdout.write(`检查完成：${summary.files} 个文件，错误 ${summary.errors} 处，警告 ${summary.warnings} 处，提示 ${summary.info} 处${notPrinted}\n`);
  }
  if (results.some((r) => r.status === 'unusable')) return EXIT.unusableInput;
  if (results.some((r) => r.status === 'errors')) return EXIT.findings;
  return EXIT.ok;
}

function checkOne(file: string, options: CheckCommandOptions): FileResult {
  const shown = displayPath(file);
  try {
    const checked = checkFile(file);
    const all = [...checked.findings, ...checkCountyMembers(checked)];
    if (!all.some((f) => f.severity === 'error')) all.push(...printability(checked, options.config ?? 'report-gen.config.yaml'));
    const findings = options.strict ? all.map((f) => (f.severity === 'warning' ? { ...f, severity: 'error' as const } : f)) : all;
    const status = findings.some((f) => f.severity === 'error') ? 'errors' : findings.some((f) => f.severity === 'warning') ? 'warnings' : 'clean';
    const fix = options.fix ? fixLines(checked) : undefined;
    // A --fix that could not be done leaves with a non-zero exit.
    const failed = fix && !fix.ok && status !== 'errors' ? 'errors' : status;
    return { file: shown, format: checked.format.id, status: failed, findings, ...(fix ? { fixed: fix.lines } : {}) };
  } catch (error) {
    if (!(error instanceof ReportError)) throw error;
    return { file: shown, status: error.exitCode === EXIT.unusableInput ? 'unusable' : 'errors', findings: error.findings };
  }
}

/** What `build` checks after the data: the templates, the markup and a glyph for every character. */
function printability(checked: CheckedReport, config: string): Finding[] {
  try {
    const { document } = renderReport(checked);
    return checkGlyphs(document, fontsFor(config), checked.source);
  } catch (error) {
    if (error instanceof ReportError) return error.findings;
    throw error;
  }
}

function fixLines(checked: CheckedReport): { ok: boolean; lines: string[] } {
  const shown = checked.source.displayPath;
  const outcome = fixNarrativeFigures(checked);
  if (outcome.written) {
    const lines = outcome.replaced.map((r) => `${shown}:${r.line}:${r.col} 已把 ${r.figure} 改为 {{${r.expression}}}`);
    return { ok: true, lines: [...lines, `${shown}：已改写 ${outcome.replaced.length} 处数字`] };
  }
  const why = { nothing: '正文中没有可改写为表达式的数字', disagrees: '正文中有与表格不一致的数字（T1），未改写任何内容；请先改正', unsafe: '改写后正文会有变化，未改写任何内容' };
  return { ok: outcome.reason === 'nothing', lines: [`${shown}：${why[outcome.reason]}`] };
}
