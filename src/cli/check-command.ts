/**
 * `report-gen check <files…>`: every rule, no output files. Exit 0 clean (warnings allowed unless --strict),
 * 1 errors found, 2 unusable input.
 */
import { checkFile } from '../check/check-report.js';
import { displayPath } from '../output/output-paths.js';
import { EXIT, formatFinding, ReportError, type Finding } from '../report-error/finding.js';

export interface CheckCommandOptions {
  json?: boolean;
  strict?: boolean;
}

interface FileResult {
  file: string;
  format?: string;
  status: 'clean' | 'warnings' | 'errors' | 'unusable';
  findings: Finding[];
}

export function runCheck(files: string[], options: CheckCommandOptions): number {
  const results = files.map((file) => checkOne(file, options.strict ?? false));
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
    for (const result of results) for (const finding of result.findings) process.stdout.write(`${formatFinding(finding)}\n`);
    process.stdout.write(`检查完成：${summary.files} 个文件，错误 ${summary.errors} 处，警告 ${summary.warnings} 处\n`);
  }
  if (results.some((r) => r.status === 'unusable')) return EXIT.unusableInput;
  if (results.some((r) => r.status === 'errors')) return EXIT.findings;
  return EXIT.ok;
}

function checkOne(file: string, strict: boolean): FileResult {
  const shown = displayPath(file);
  try {
    const checked = checkFile(file);
    const findings = strict ? checked.findings.map((f) => (f.severity === 'warning' ? { ...f, severity: 'error' as const } : f)) : checked.findings;
    const status = findings.some((f) => f.severity === 'error') ? 'errors' : findings.some((f) => f.severity === 'warning') ? 'warnings' : 'clean';
    return { file: shown, format: checked.format.id, status, findings };
  } catch (error) {
    if (!(error instanceof ReportError)) throw error;
    return { file: shown, status: error.exitCode === EXIT.unusableInput ? 'unusable' : 'errors', findings: error.findings };
  }
}
