/**
 * The batch's shared queue (src/batch/batch-queue.ts, run-batch.ts): a worker thread that dies having taken files
 * from the queue fails those files, and only those; no file is lost and none is built twice.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { BuildTask } from '../src/batch/build-task.js';
import { runBatch } from '../src/batch/run-batch.js';
import { longParagraphReport } from '../src/bench/long-paragraph.js';
import { ROOT, moduleUrl, tempDir } from './helpers/cli.js';

describe('a batch whose worker thread dies', () => {
  it('fails the files the worker took, with an internal error, and builds every other file once', async () => {
    const dir = tempDir('dying-worker');
    const base = readFileSync(join(ROOT, 'data', '2021.yaml'), 'utf8');
    // The largest file is taken first: a long paragraph to PDF keeps its builder busy for a second or so, while the
    // other builder takes the rest of the queue.
    writeFileSync(join(dir, 'long.yaml'), longParagraphReport(base, 60_000));
    const tasks: BuildTask[] = [{ file: join(dir, 'long.yaml'), outDir: join(dir, 'out', 'long'), outputs: ['pdf'], config: 'none.yaml', strict: false }];
    for (let i = 1; i <= 6; i++) {
      writeFileSync(join(dir, `t${i}.yaml`), base);
      tasks.push({ file: join(dir, `t${i}.yaml`), outDir: join(dir, 'out', `t${i}`), outputs: ['docx'], config: 'none.yaml', strict: false });
    }
    // A worker that takes every file left in the queue and dies before building any.
    const worker = join(dir, 'dying-worker.mjs');
    writeFileSync(worker, `import { takeNext } from ${moduleUrl('dist/batch/batch-queue.js')};\nexport default ({ queue }) => { while (takeNext(queue) !== undefined); process.exit(7); };\n`);

    const outcomes = await runBatch(tasks, 2, { quiet: true, workerFile: pathToFileURL(worker).href });
    expect(outcomes.map((o) => o.file)).toEqual(tasks.map((t) => t.file));
    const died = outcomes.filter((o) => !o.ok);
    expect(died.length).toBeGreaterThan(0);
    for (const outcome of died) {
      expect(outcome.ok ? 0 : outcome.exitCode).toBe(3);
      expect(outcome.findings.map((f) => f.message)).toEqual(['内部错误：生成此文件的工作线程意外退出（report-gen 的缺陷，请报告）']);
    }
    // Built on the main thread: its files are written; the worker's are not.
    for (const [i, outcome] of outcomes.entries()) {
      const out = join(tasks[i]!.outDir, i === 0 ? 'long.pdf' : `t${i}.docx`);
      expect(existsSync(out), out).toBe(outcome.ok);
    }
  }, 60_000);
});
