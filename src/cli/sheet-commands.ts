/** `sheet` and `import`: the official tables as a workbook for collecting figures, and the figures read back. */
import { checkFile, checkSource } from '../pipeline/check-report.js';
import { YamlSource } from '../load/yaml-source.js';
import { outputBase, displayPath } from '../output/output-paths.js';
import { writeFileAtomic } from '../output/atomic-write.js';
import { EXIT, formatFinding, ReportError, type Finding } from '../report-error/finding.js';
import { planImport } from '../xlsx/import-workbook.js';
import { reportWorkbook } from '../xlsx/report-workbook.js';
import { reportFailure } from './report-failure.js';

/**
 * Rules about the figures (R arithmetic, L legacy, N negative counts): a workbook carries only figures, so
 * unfinished text, a missing seal and the like do not stop it.
 */
const FIGURE_RULE = /^[RLN]\d+$/;

export async function runSheet(files: string[], options: { outDir: string; blank?: boolean }): Promise<number> {
  let exit: number = EXIT.ok;
  for (const file of files) {
    try {
      const report = checkFile(file, { crossYear: false });
      const blocking = report.findings.filter((f) => f.severity === 'error' && FIGURE_RULE.test(f.rule));
      if (blocking.length) throw new ReportError(blocking);
      const bytes = await reportWorkbook(report, { blank: options.blank ?? false });
      const out = `${outputBase(file, options.outDir)}.xlsx`;
      writeFileAtomic(out, bytes);
      process.stdout.write(`已生成 ${displayPath(out)}\n`);
    } catch (error) {
      exit = Math.max(exit, reportFailure(error));
    }
  }
  return exit;
}

function printFindings(findings: readonly Finding[]): void {
  for (const finding of findings) process.stderr.write(`${formatFinding(finding)}\n`);
}

/**
 * Reads the figures of a filled-in workbook into the data file, then runs the normal checks on the result. The
 * file is written only when every cell is a figure and the figures break no rule.
 */
export async function runImport(workbook: string, file: string, options: { dryRun?: boolean }): Promise<number> {
  try {
    const source = YamlSource.read(file);
    const plan = await planImport(workbook, source);
    printFindings(plan.notices);
    for (const change of plan.changes) process.stdout.write(`${change.label} ${change.before} → ${change.after}\n`);
    const checked = checkSource(YamlSource.parse(plan.text, source.displayPath, source.absolutePath));
    printFindings(checked.findings);
    const errors = checked.findings.filter((f) => f.severity === 'error');
    if (errors.some((f) => FIGURE_RULE.test(f.rule))) {
      process.stderr.write(`数字有错误，${displayPath(file)} 未修改\n`);
      return EXIT.findings;
    }
    if (plan.changes.length === 0) process.stdout.write(`工作簿中的数字与 ${displayPath(file)} 相同，未作修改\n`);
    else if (options.dryRun) process.stdout.write(`共 ${plan.changes.length} 处修改（--dry-run，未写入）\n`);
    else {
      writeFileAtomic(file, plan.text);
      process.stdout.write(`已把 ${plan.changes.length} 处修改写入 ${displayPath(file)}\n`);
    }
    return errors.length ? EXIT.findings : EXIT.ok;
  } catch (error) {
    return reportFailure(error);
  }
}
