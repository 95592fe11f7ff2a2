/**
 * `report-gen build <files or folders…>`: one file is built on this thread; several are built on this thread and on
 * worker threads (src/batch/run-batch.ts). A failure in one file never stops the others. The worker pool is loaded
 * only for a batch, and started before this thread loads the pipeline, so that the workers start at once.
 */
import { existsSync } from 'node:fs';
import { findDataFiles } from '../batch/find-data-files.js';
import type { BuildOutcome, BuildTask } from '../batch/build-task.js';
import { tryFolder } from '../output/make-folders.js';
import { refuseOutputCollisions } from '../output/output-collisions.js';
import { displayPath } from '../output/output-paths.js';
import { OUTPUT_KINDS, type OutputKind } from '../pipeline/output-kind.js';
import { EXIT, errorFinding, formatFinding, ReportError } from '../report-error/finding.js';
import { reportFailure } from './report-failure.js';
import { isFolder } from '../load/is-folder.js';

export interface BuildCommandOptions {
  outDir: string;
  to: string;
  config: string;
  strict?: boolean;
  explain?: boolean;
  jobs?: string;
  watch?: boolean;
  html?: boolean;
  archival?: boolean;
}

export async function runBuild(paths: string[], options: BuildCommandOptions): Promise<number> {
  let tasks: BuildTask[];
  let jobs: number | undefined;
  let discover: () => BuildTask[];
  try {
    const outputs = parseOutputs(options.to);
    if (options.html && !outputs.includes('html')) outputs.push('html');
    jobs = parseJobs(options.jobs);
    // A broken config is reported once, before any file.
    if (existsSync(options.config)) (await import('../fonts/font-config.js')).readFontConfig(options.config);
    discover = () =>
      refuseOutputCollisions(
        findDataFiles(paths).map(({ file, mirrorFrom }) => ({
          file,
          outDir: options.outDir,
          outputs,
          config: options.config,
          strict: options.strict ?? false,
          archival: options.archival ?? false,
          ...(mirrorFrom ? { mirrorFrom } : {}),
        })),
      );
    tasks = discover();
    if (tasks.length === 0) throw new ReportError([errorFinding('OPTION', `没有找到数据文件：${paths.join('、')}`)], EXIT.unusableInput);
    // An output folder that cannot be made fails once, before any report is rendered.
    tryFolder(options.outDir);
  } catch (error) {
    return reportFailure(error);
  }

  // The worker pool is loaded only for batches.
  const batch = tasks.length > 1 ? await import('../batch/run-batch.js') : undefined;
  const started = performance.now();
  const outcomes = batch ? await batch.runBatch(tasks, jobs) : [await buildHere(tasks[0]!)];
  if (!batch) printOutcome(outcomes[0]!, options.explain ?? false);
  else {
    batch.printSummary(outcomes, performance.now() - started);
    if (options.explain) for (const outcome of outcomes) printTemplates(outcome);
  }
  if (options.watch) {
    const { watchAndRebuild } = await import('../batch/watch.js');
    await watchAndRebuild(tasks, outcomes, { folders: paths.filter(isFolder), discover });
    return EXIT.ok;
  }
  return outcomes.reduce<number>((code, o) => Math.max(code, o.ok ? EXIT.ok : o.exitCode), EXIT.ok);
}

async function buildHere(task: BuildTask): Promise<BuildOutcome> {
  const { runBuildTask } = await import('../batch/build-task.js');
  return runBuildTask(task);
}

function printOutcome(outcome: BuildOutcome, explain: boolean): void {
  for (const finding of outcome.findings) process.stderr.write(`${formatFinding(finding)}\n`);
  if (!outcome.ok) return;
  for (const out of outcome.files) process.stdout.write(`已生成 ${displayPath(out)}\n`);
  if (explain) printTemplates(outcome);
}

function printTemplates(outcome: BuildOutcome): void {
  if (!outcome.ok) return;
  process.stdout.write(`${displayPath(outcome.file)} 使用的模板：\n`);
  for (const { name, file } of outcome.templates) process.stdout.write(`  ${name} ← ${displayPath(file)}\n`);
}

function parseOutputs(list: string): OutputKind[] {
  const kinds = list.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const unknown = kinds.filter((k) => !OUTPUT_KINDS.includes(k as OutputKind));
  if (unknown.length || kinds.length === 0) {
    throw new ReportError([errorFinding('OPTION', `--to 只能是 ${OUTPUT_KINDS.join('、')}，实际为 ${list}`)], EXIT.unusableInput);
  }
  return kinds as OutputKind[];
}

function parseJobs(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const jobs = Number(value);
  if (!Number.isInteger(jobs) || jobs < 1) throw new ReportError([errorFinding('OPTION', `--jobs 应为正整数，实际为 ${value}`)], EXIT.unusableInput);
  return jobs;
}
