/** Worker thread of the batch pool: builds the files it is given, one at a time. */
import { applyLibraryPatches } from '../patches/apply-library-patches.js';
import { runBuildTask, type BuildTask } from './build-task.js';

applyLibraryPatches();

export default function build(task: BuildTask) {
  return runBuildTask(task);
}
