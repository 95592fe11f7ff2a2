/**
 * One file's build as a task that can cross a thread boundary: plain data in, plain data out. Fonts are loaded
 * once per thread and reused for every file the thread builds.
 */
import { readFontConfig } from '../fonts/font-config.js';
import { FontRegistry } from '../fonts/font-registry.js';
import { buildReport, type OutputKind } from '../pipeline/build-report.js';
import type { ReportDocument } from '../model/document.js';
import { EXIT, ReportError, type Finding } from '../report-error/finding.js';

export interface BuildTask {
  file: string;
  outDir: string;
  outputs: OutputKind[];
  config: string;
  strict: boolean;
  mirrorFrom?: string;
}

export type BuildOutcome =
  | { file: string; ok: true; files: string[]; findings: Finding[]; templates: Array<{ name: string; file: string }>; inputs: string[] }
  | { file: string; ok: false; findings: Finding[]; exitCode: number };

const registries = new Map<string, FontRegistry>();

function fontsFor(config: string): FontRegistry {
  let fonts = registries.get(config);
  if (!fonts) {
    fonts = FontRegistry.create(readFontConfig(config));
    registries.set(config, fonts);
  }
  return fonts;
}

export async function runBuildTask(task: BuildTask, renderDocx?: (document: ReportDocument) => Promise<Buffer>): Promise<BuildOutcome> {
  try {
    const result = await buildReport(task.file, {
      outDir: task.outDir,
      outputs: task.outputs,
      fonts: fontsFor(task.config),
      strict: task.strict,
      ...(task.mirrorFrom ? { mirrorFrom: task.mirrorFrom } : {}),
      ...(renderDocx ? { renderDocx } : {}),
    });
    return { file: task.file, ok: true, files: result.files, findings: result.findings, templates: result.prepared.templates, inputs: result.prepared.inputs };
  } catch (error) {
    if (error instanceof ReportError) return { file: task.file, ok: false, findings: error.findings, exitCode: error.exitCode };
    const message = error instanceof Error ? error.message : String(error);
    return { file: task.file, ok: false, findings: [{ severity: 'error', rule: 'INTERNAL', message: `内部错误：${message}` }], exitCode: EXIT.internal };
  }
}
