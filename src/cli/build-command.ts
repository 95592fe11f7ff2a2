/** `report-gen build <files…>`: builds each file; a failure in one file does not stop the others. */
import { readFontConfig } from '../fonts/font-config.js';
import { FontRegistry } from '../fonts/font-registry.js';
import { displayPath } from '../output/output-paths.js';
import { buildReport, OUTPUT_KINDS, type OutputKind } from '../pipeline/build-report.js';
import { EXIT, errorFinding, formatFinding, ReportError } from '../report-error/finding.js';
import { reportFailure } from './report-failure.js';
import { DocxThread } from '../writers/docx/docx-thread.js';
import type { ReportDocument } from '../model/document.js';

export interface BuildCommandOptions {
  outDir: string;
  to: string;
  config: string;
  strict?: boolean;
  explain?: boolean;
}

export async function runBuild(files: string[], options: BuildCommandOptions): Promise<number> {
  let outputs: OutputKind[];
  try {
    outputs = parseOutputs(options.to);
  } catch (error) {
    return reportFailure(error);
  }
  const docxThread = outputs.includes('docx') && outputs.includes('pdf') ? new DocxThread() : undefined;
  let fonts: FontRegistry;
  try {
    fonts = FontRegistry.create(readFontConfig(options.config));
  } catch (error) {
    await docxThread?.close();
    return reportFailure(error);
  }
  const renderDocx = docxThread ? (document: ReportDocument) => docxThread.render(document) : undefined;
  let exitCode: number = EXIT.ok;
  for (const file of files) {
    try {
      const result = await buildReport(file, { outDir: options.outDir, outputs, fonts, strict: options.strict ?? false, ...(renderDocx ? { renderDocx } : {}) });
      for (const finding of result.findings) process.stderr.write(`${formatFinding(finding)}\n`);
      for (const out of result.files) process.stdout.write(`已生成 ${displayPath(out)}\n`);
      if (options.explain) {
        process.stdout.write(`${displayPath(file)} 使用的模板：\n`);
        for (const { name, file: served } of result.prepared.templates) process.stdout.write(`  ${name} ← ${displayPath(served)}\n`);
      }
    } catch (error) {
      exitCode = Math.max(exitCode, reportFailure(error));
    }
  }
  await docxThread?.close();
  return exitCode;
}

function parseOutputs(list: string): OutputKind[] {
  const kinds = list.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const unknown = kinds.filter((k) => !OUTPUT_KINDS.includes(k as OutputKind));
  if (unknown.length || kinds.length === 0) {
    throw new ReportError([errorFinding('OPTION', `--to 只能是 ${OUTPUT_KINDS.join('、')}，实际为 ${list}`)], EXIT.unusableInput);
  }
  return kinds as OutputKind[];
}
