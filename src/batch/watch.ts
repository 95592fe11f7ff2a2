/**
 * --watch: after the first build, rebuild a data file whenever it, its organisation profile or any template it
 * used changes. Runs until interrupted.
 */
import { existsSync, watch, type FSWatcher } from 'node:fs';
import { resolve } from 'node:path';
import { clearTemplateCache } from '../templating/template-cache.js';
import { runBuildTask, type BuildOutcome, type BuildTask } from './build-task.js';

const SETTLE_MS = 150;

export async function watchAndRebuild(tasks: BuildTask[], first: BuildOutcome[], report: (outcome: BuildOutcome) => void): Promise<void> {
  const watchers = new Map<string, FSWatcher>();
  const dependents = new Map<string, Set<BuildTask>>();
  const timers = new Map<BuildTask, NodeJS.Timeout>();

  const track = (task: BuildTask, outcome: BuildOutcome) => {
    const files = [task.file, ...(outcome.ok ? [...outcome.inputs, ...outcome.templates.map((t) => t.file)] : [])].map((f) => resolve(f));
    for (const file of files) {
      if (!dependents.has(file)) dependents.set(file, new Set());
      dependents.get(file)!.add(task);
      if (!watchers.has(file)) watchFile(file);
    }
  };

  // Editors often save by replacing the file; a watcher on the old file then goes quiet, so watch the new one.
  const watchFile = (file: string) => {
    const watcher = watch(file, (event) => {
      changed(file);
      if (event === 'rename') {
        watcher.close();
        watchers.delete(file);
        setTimeout(() => existsSync(file) && !watchers.has(file) && watchFile(file), SETTLE_MS);
      }
    });
    watchers.set(file, watcher);
  };

  const changed = (file: string) => {
    for (const task of dependents.get(file) ?? []) {
      clearTimeout(timers.get(task));
      timers.set(
        task,
        setTimeout(async () => {
          timers.delete(task);
          if (!file.endsWith('.yaml') && !file.endsWith('.yml')) clearTemplateCache();
          const outcome = await runBuildTask(task);
          report(outcome);
          track(task, outcome);
        }, SETTLE_MS),
      );
    }
  };

  tasks.forEach((task, i) => track(task, first[i]!));
  process.stdout.write('正在监视数据文件和模板的改动（Ctrl+C 结束）\n');
  await new Promise<void>((resolveStop) => process.once('SIGINT', () => resolveStop()));
  for (const watcher of watchers.values()) watcher.close();
}
