/** `sheet` and `import`: the official tables as a workbook for collecting figures, and the figures read back. */
import { checkFile } from '../check/check-report.js';
import { outputBase, displayPath } from '../output/output-paths.js';
import { writeFileAtomic } from '../output/atomic-write.js';
import { EXIT, formatFinding, ReportError, type Finding } from '../report-error/finding.js';
import { reportWorkbook } from '../xlsx/report-workbook.js';
import { reportFailure } from './report-failure.js';

/** Narrative lints: a workbook carries only figures, so unfinished text does not stop it. */
const NARRATIVE_RULE = /^E\d+$/;

export async function runSheet(files: string[], options: { outDir: string; blank?: boolean }): Promise<number> {
  let exit: number = EXIT.ok;
  for (const file of files) {
    try {
      const report = checkFile(file, { crossYear: false });
      const blocking = report.findings.filter((f) => f.severity === 'error' && !NARRATIVE_RULE.test(f.rule));
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

export function printFindings(findings: readonly Finding[]): void {
  for (const finding of findings) process.stderr.write(`${formatFinding(finding)}\n`);
}
