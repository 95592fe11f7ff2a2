/** Worker thread of a batch: builds files taken from the batch's shared queue until none is left (run-batch.ts). */
import type { MessagePort } from 'node:worker_threads';
import { applyLibraryPatches } from '../patches/apply-library-patches.js';
import { buildFromQueue, type BatchQueue } from './batch-queue.js';
import { runBuildTask } from './build-task.js';

applyLibraryPatches();

export default function build({ queue, progress }: { queue: BatchQueue; progress: MessagePort }) {
  return buildFromQueue(queue, progress, runBuildTask);
}
