/**
 * Builds many data files on a pool of worker threads. A failure in one file never stops the others; the run ends
 * with a summary of what was built and the first finding of each failure.
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { displayPath } from '../output/output-paths.js';
import { formatFinding } from '../report-error/finding.js';
import type { BuildOutcome, BuildTask } from './build-task.js';
import { createProgress } from './progress.js';

export async function runBatch(tasks: BuildTask[], jobs: number | undefined): Promise<BuildOutcome[]> {
  const threads = Math.max(1, Math.min(jobs ?? availableParallelism(), tasks.length));
  const pool = new Piscina({
    filename: new URL('./build-worker.js', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 1000,
  });
  const progress = createProgress(tasks.length);
  try {
    return await Promise.all(
      tasks.map(async (task) => {
        const outcome = (await pool.run(task)) as BuildOutcome;
        progress.done(displayPath(task.file), outcome.ok);
        return outcome;
      }),
    );
  } finally {
    progress.stop();
    await pool.destroy();
  }
}

export function printSummary(outcomes: readonly BuildOutcome[]): void {
  const failed = outcomes.filter((o) => !o.ok);
  for (const outcome of outcomes) {
    if (!outcome.ok) continue;
    for (const finding of outcome.findings.filter((f) => f.severity === 'warning')) process.stderr.write(`${formatFinding(finding)}\n`);
  }
  process.stdout.write(`共 ${outcomes.length} 个文件：生成 ${outcomes.length - failed.length} 个，失败 ${failed.length} 个\n`);
  for (const outcome of failed) {
    const first = outcome.findings[0];
    const more = outcome.findings.length > 1 ? `（另有 ${outcome.findings.length - 1} 处）` : '';
    process.stdout.write(`失败 ${displayPath(outcome.file)}：${first ? formatFinding(first) : '未知错误'}${more}\n`);
  }
}
