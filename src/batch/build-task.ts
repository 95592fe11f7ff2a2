/**
 * One file's build as a task that can cross a thread boundary: plain data in, plain data out. Fonts are loaded
 * once per thread and reused for every file the thread builds.
 */
import { readFontConfig } from '../fonts/font-config.js';
import { FontRegistry } from '../fonts/font-registry.js';
import { buildReport } from '../pipeline/build-report.js';
import type { OutputKind } from '../pipeline/output-kind.js';
import type { ReportDocument } from '../model/document.js';
import { EXIT, ReportError, type Finding } from '../report-error/finding.js';

export interface BuildTask {
  file: string;
  outDir: string;
  outputs: OutputKind[];
  config: string;
  strict: boolean;
  archival?: boolean;
  mirrorFrom?: string;
}

export type BuildOutcome = { file: string; findings: Finding[]; /** Time this file took, in ms. */ ms: number } & (
  | { ok: true; files: string[]; templates: Array<{ name: string; file: string }>; inputs: string[]; lookedFor: string[] }
  | { ok: false; exitCode: number }
);

const registries = new Map<string, FontRegistry>();

function fontsFor(config: string): FontRegistry {
  let fonts = registries.get(config);
  if (!fonts) {
    fonts = FontRegistry.create(readFontConfig(config));
    registries.set(config, fonts);
  }
  return fonts;
}

/** Forget loaded fonts (after the font configuration changed, for --watch). */
export function clearFontCache(): void {
  registries.clear();
}

export async function runBuildTask(task: BuildTask, renderDocx?: (document: ReportDocument) => Promise<Buffer>): Promise<BuildOutcome> {
  const start = performance.now();
  const ms = () => performance.now() - start;
  try {
    const result = await buildReport(task.file, {
      outDir: task.outDir,
      outputs: task.outputs,
      fonts: fontsFor(task.config),
      strict: task.strict,
      archival: task.archival ?? false,
      ...(task.mirrorFrom ? { mirrorFrom: task.mirrorFrom } : {}),
      ...(renderDocx ? { renderDocx } : {}),
    });
    const { files, findings, prepared } = result;
    const { templates, inputs, lookedFor } = prepared;
    return { file: task.file, ok: true, files, findings, templates, inputs, lookedFor, ms: ms() };
  } catch (error) {
    if (error instanceof ReportError) return { file: task.file, ok: false, findings: error.findings, exitCode: error.exitCode, ms: ms() };
    const message = error instanceof Error ? error.message : String(error);
    const finding: Finding = { severity: 'error', rule: 'INTERNAL', message: `内部错误：${message}` };
    return { file: task.file, ok: false, findings: [finding], exitCode: EXIT.internal, ms: ms() };
  }
}
