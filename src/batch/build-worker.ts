/** Worker thread of the batch pool: builds the files it is given, one at a time. */
import { runBuildTask, type BuildTask } from './build-task.js';

export default function build(task: BuildTask) {
  return runBuildTask(task);
}
