/**
 * The files of a batch, in the order they are to be built, and the index of the next one to take, shared by every
 * builder of the batch (this thread and the worker threads): each takes its next file itself, with one atomic add.
 */
import type { MessagePort } from 'node:worker_threads';
import type { BuildOutcome, BuildTask } from './build-task.js';

export interface BatchQueue {
  tasks: BuildTask[];
  /** One integer in shared memory: the index of the next file to take. */
  next: Int32Array;
}

/** A file a builder has built: its index in `BatchQueue.tasks`, and the outcome. */
export interface BuiltFile {
  index: number;
  outcome: BuildOutcome;
}

/** Index of the next file to build, or undefined when every file has been taken. */
export function takeNext(queue: BatchQueue): number | undefined {
  const index = Atomics.add(queue.next, 0, 1);
  return index < queue.tasks.length ? index : undefined;
}

/**
 * A worker's part of a batch: builds files taken from the queue until none is left, and tells `progress` of each
 * as it is built. Resolves to every file it built, in the order it built them.
 */
export async function buildFromQueue(queue: BatchQueue, progress: MessagePort, build: (task: BuildTask) => Promise<BuildOutcome>): Promise<BuiltFile[]> {
  const built: BuiltFile[] = [];
  try {
    for (let index = takeNext(queue); index !== undefined; index = takeNext(queue)) {
      const done = { index, outcome: await build(queue.tasks[index]!) };
      built.push(done);
      progress.postMessage(done);
    }
  } finally {
    progress.close();
  }
  return built;
}
