/**
 * Builds many data files on a pool of worker threads. A failure in one file never stops the others; the run ends
 * with a summary of what was built, how fast, and the first finding of each failure. The largest data files (the
 * longest texts, the most layout) go first, so that the workers finish together rather than one waiting on the last
 * long report.
 */
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { displayPath } from '../output/output-paths.js';
import { formatFinding } from '../report-error/finding.js';
import type { BuildOutcome, BuildTask } from './build-task.js';
import { createProgress } from './progress.js';

/** Size of a data file, as the measure of its work (0 when it cannot be read: the build will say why). */
function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** Tasks in the order they are handed to the workers: largest data file first, ties in the given order. */
export function longestFirst(tasks: readonly BuildTask[]): BuildTask[] {
  const sizes = new Map(tasks.map((task) => [task, sizeOf(task.file)]));
  return [...tasks].sort((a, b) => sizes.get(b)! - sizes.get(a)!);
}

/** Outcomes in the order of `tasks`, whatever order they were built in. */
export async function runBatch(tasks: BuildTask[], jobs: number | undefined, options: { quiet?: boolean } = {}): Promise<BuildOutcome[]> {
  const threads = Math.max(1, Math.min(jobs ?? availableParallelism(), tasks.length));
  const pool = new Piscina({
    filename: new URL('./build-worker.js', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 1000,
  });
  const progress = options.quiet ? { done: () => undefined, stop: () => undefined } : createProgress(tasks.length);
  try {
    const outcomes = new Map<BuildTask, BuildOutcome>();
    await Promise.all(
      longestFirst(tasks).map(async (task) => {
        const outcome = (await pool.run(task)) as BuildOutcome;
        progress.done(displayPath(task.file), outcome.ok);
        outcomes.set(task, outcome);
      }),
    );
    return tasks.map((task) => outcomes.get(task)!);
  } finally {
    progress.stop();
    await pool.destroy();
  }
}

/** `elapsedMs`: the batch's time from start to the last file, for its throughput. */
export function printSummary(outcomes: readonly BuildOutcome[], elapsedMs?: number): void {
  const failed = outcomes.filter((o) => !o.ok);
  for (const outcome of outcomes) {
    if (!outcome.ok) continue;
    for (const finding of outcome.findings.filter((f) => f.severity === 'warning')) process.stderr.write(`${formatFinding(finding)}\n`);
  }
  const speed = elapsedMs && elapsedMs > 0 ? `；用时 ${(elapsedMs / 1000).toFixed(1)} 秒，每秒 ${((outcomes.length * 1000) / elapsedMs).toFixed(1)} 个文件` : '';
  process.stdout.write(`共 ${outcomes.length} 个文件：生成 ${outcomes.length - failed.length} 个，失败 ${failed.length} 个${speed}\n`);
  for (const outcome of failed) {
    const first = outcome.findings[0];
    const more = outcome.findings.length > 1 ? `（另有 ${outcome.findings.length - 1} 处）` : '';
    process.stdout.write(`失败 ${displayPath(outcome.file)}：${first ? formatFinding(first) : '未知错误'}${more}\n`);
  }
}
