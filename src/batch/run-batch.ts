/**
 * Builds many data files on a pool of worker threads. A failure in one file never stops the others; the run ends
 * with a summary of what was built, how fast, and the first finding of each failure. The largest data files (the
 * longest texts, the most layout) go first, so that the workers finish together rather than one waiting on the last
 * long report.
 */
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { displayPath } from '../output/output-paths.js';
import { EXIT, formatFinding, type Finding } from '../report-error/finding.js';
import type { BuildOutcome, BuildTask } from './build-task.js';
import { takeNext, type BatchQueue, type BuiltFile } from './batch-queue.js';
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

export interface BatchOptions {
  /** No progress lines or bar. */
  quiet?: boolean;
  /** The worker threads' module (URL), instead of build-worker.js: for tests of what a batch does when one dies. */
  workerFile?: string;
}

/**
 * Outcomes in the order of `tasks`, whatever order they were built in. `jobs` files are built at a time: one on this
 * thread and the others on worker threads (docs/architecture.md, "Speed"):
 * - This thread has loaded the command line already, while a worker thread is an isolate of its own that loads,
 *   compiles and warms up everything again: building here saves one worker's start-up.
 * - Every builder takes the next file from one shared queue itself (`BatchQueue`), so that a worker never waits for
 *   this thread, busy with a report of its own, to hand it the next one. The workers tell this thread what they
 *   built as they go (for the progress), and all of it when they end.
 */
export async function runBatch(tasks: BatchQueue['tasks'], jobs: number | undefined, options: BatchOptions = {}): Promise<BuildOutcome[]> {
  const builders = Math.max(1, Math.min(jobs ?? availableParallelism(), tasks.length));
  const queue: BatchQueue = { tasks: longestFirst(tasks), next: new Int32Array(new SharedArrayBuffer(4)) };
  const outcomes: Array<BuildOutcome | undefined> = [];
  const progress = options.quiet ? { done: () => undefined, stop: () => undefined } : createProgress(tasks.length);
  const record = (index: number, outcome: BuildOutcome) => {
    if (outcomes[index]) return;
    outcomes[index] = outcome;
    progress.done(displayPath(outcome.file), outcome.ok);
  };
  // Started first, so that the workers load their modules while this thread loads its own.
  const filename = options.workerFile ?? new URL('./build-worker.js', import.meta.url).href;
  const pool = builders > 1 ? new Piscina({ filename, minThreads: builders - 1, maxThreads: builders - 1 }) : undefined;
  const channels: MessageChannel[] = [];
  try {
    // A worker that dies (a crash of Node, not a failed report) fails the files it had taken and not reported, below.
    const workers = Array.from({ length: builders - 1 }, () => {
      const channel = new MessageChannel();
      channels.push(channel);
      channel.port1.on('message', (done: BuiltFile) => record(done.index, done.outcome));
      const run = pool!.run({ queue, progress: channel.port2 }, { transferList: [channel.port2] }) as Promise<BuiltFile[]>;
      return run.then((built) => built.forEach((done) => record(done.index, done.outcome))).catch(() => undefined);
    });
    const { runBuildTask } = await import('./build-task.js');
    for (let index = takeNext(queue); index !== undefined; index = takeNext(queue)) {
      record(index, await runBuildTask(queue.tasks[index]!));
      // Lets what the workers built meanwhile be counted, and the progress drawn, between two builds here.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(workers);
    const indexOf = new Map(queue.tasks.map((task, index) => [task, index]));
    return tasks.map((task) => outcomes[indexOf.get(task)!] ?? { file: task.file, ok: false, exitCode: EXIT.internal, ms: 0, findings: [WORKER_DIED] });
  } finally {
    for (const channel of channels) channel.port1.close();
    progress.stop();
    await pool?.destroy();
  }
}

const WORKER_DIED: Finding = { severity: 'error', rule: 'INTERNAL', message: '内部错误：生成此文件的工作线程意外退出（report-gen 的缺陷，请报告）' };

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
