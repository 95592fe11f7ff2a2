/**
 * One file's build as a task that can cross a thread boundary: plain data in, plain data out. Fonts are loaded
 * once per thread and reused for every file the thread builds.
 */
import { readFontConfig } from '../fonts/font-config.js';
import { FontRegistry } from '../fonts/font-registry.js';
import { buildReport } from '../pipeline/build-report.js';
import type { OutputKind } from '../pipeline/output-kind.js';
import { EXIT, type Finding } from '../report-error/finding.js';
import { toReportError } from '../report-error/translate-error.js';

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

/** The fonts of a config file, loaded once per thread. */
export function fontsFor(config: string): FontRegistry {
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

export async function runBuildTask(task: BuildTask): Promise<BuildOutcome> {
  const start = performance.now();
  const ms = () => performance.now() - start;
  try {
    const result = await buildReport(task.file, {
      outDir: task.outDir,
      outputs: task.outputs,
      fonts: () => fontsFor(task.config),
      strict: task.strict,
      archival: task.archival ?? false,
      ...(task.mirrorFrom ? { mirrorFrom: task.mirrorFrom } : {}),
    });
    const { files, findings, prepared } = result;
    const { templates, inputs, lookedFor } = prepared;
    return { file: task.file, ok: true, files, findings, templates, inputs, lookedFor, ms: ms() };
  } catch (error) {
    const translated = toReportError(error);
    if (translated) return { file: task.file, ok: false, findings: translated.findings, exitCode: translated.exitCode, ms: ms() };
    if (process.env.REPORT_GEN_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    const finding: Finding = { severity: 'error', rule: 'INTERNAL', message: '内部错误（report-gen 的缺陷，请报告）；设置环境变量 REPORT_GEN_DEBUG=1 可看到详情' };
    return { file: task.file, ok: false, findings: [finding], exitCode: EXIT.internal, ms: ms() };
  }
}
