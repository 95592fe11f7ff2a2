/**
 * --watch: after the first build, rebuild a data file whenever anything its build read or looked for changes:
 * the data file, its organisation profile, last year's file (R5, R6, R8 and X0 depend on it), every template it
 * used, every place on the lookup chain where an override template could appear, and the font configuration. A
 * new data file below a folder given on the command line is built too. Folders are watched rather than files, so
 * a file that does not exist yet, or that an editor saves by replacing it, is seen. A rebuild prints only what
 * changed in its findings. Runs until interrupted.
 */
import { existsSync, watch, type FSWatcher } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { displayPath } from '../output/output-paths.js';
import { formatFinding, type Finding } from '../report-error/finding.js';
import { clearTemplateCache } from '../templating/template-cache.js';
import { clearFontCache, runBuildTask, type BuildOutcome, type BuildTask } from './build-task.js';
import { isFolder } from '../load/is-folder.js';

const SETTLE_MS = 150;

export interface WatchSetup {
  /** Folders given on the command line: a new data file below them is built. */
  folders: string[];
  /** The tasks for every data file below `folders` and the files given, as the command line would find them now. */
  discover: () => BuildTask[];
}

export async function watchAndRebuild(tasks: BuildTask[], first: BuildOutcome[], setup: WatchSetup): Promise<void> {
  const watchers = new Map<string, FSWatcher>();
  const dependencies = new Map<BuildTask, Set<string>>();
  const lastFindings = new Map<BuildTask, Finding[]>();
  const timers = new Map<BuildTask | 'discover', NodeJS.Timeout>();
  const known = new Set(tasks.map((t) => resolve(t.file)));
  const folders = setup.folders.map((f) => resolve(f));

  const track = (task: BuildTask, outcome: BuildOutcome) => {
    const paths = dependencies.get(task) ?? new Set<string>();
    const found = [task.file, task.config, ...(outcome.ok ? [...outcome.inputs, ...outcome.lookedFor, ...outcome.templates.map((t) => t.file)] : [])];
    for (const path of found) paths.add(resolve(path));
    dependencies.set(task, paths);
    lastFindings.set(task, outcome.findings);
    for (const path of paths) watchPlace(path);
  };

  /** Watches a folder dependency itself, and the nearest existing folder above any dependency. */
  const watchPlace = (path: string) => {
    if (isFolder(path)) watchFolder(path, false);
    let folder = dirname(path);
    while (!isFolder(folder) && dirname(folder) !== folder) folder = dirname(folder);
    watchFolder(folder, false);
  };

  const watchFolder = (folder: string, recursive: boolean) => {
    if (watchers.has(folder)) return;
    try {
      const watcher = watch(folder, { recursive }, (_event, name) => changed(name ? resolve(folder, name.toString()) : folder));
      watcher.on('error', () => forget(folder));
      watchers.set(folder, watcher);
    } catch {
      // The folder went away between the check and the watch; its parent's watcher reports it coming back.
    }
  };

  const forget = (folder: string) => {
    watchers.get(folder)?.close();
    watchers.delete(folder);
  };

  const changed = (path: string) => {
    // A folder that disappeared is watched again through its parent when it comes back.
    for (const folder of [...watchers.keys()]) if (!existsSync(folder)) forget(folder);
    for (const [task, paths] of dependencies) {
      if ([...paths].some((d) => d === path || d.startsWith(path + sep) || path.startsWith(d + sep))) schedule(task, () => rebuild(task));
    }
    if (/\.ya?ml$/i.test(path) && !known.has(path) && folders.some((f) => path.startsWith(f + sep))) schedule('discover', discover);
  };

  const schedule = (key: BuildTask | 'discover', work: () => Promise<void>) => {
    clearTimeout(timers.get(key));
    timers.set(
      key,
      setTimeout(() => {
        timers.delete(key);
        void work();
      }, SETTLE_MS),
    );
  };

  const rebuild = async (task: BuildTask) => {
    // Templates and fonts are cached per process; a rebuild reads them again.
    clearTemplateCache();
    clearFontCache();
    const outcome = await runBuildTask(task);
    printChanges(outcome, lastFindings.get(task) ?? []);
    track(task, outcome);
  };

  const discover = async () => {
    let found: BuildTask[];
    try {
      found = setup.discover();
    } catch (error) {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      return;
    }
    for (const task of found) {
      const file = resolve(task.file);
      if (known.has(file)) continue;
      known.add(file);
      process.stdout.write(`发现新的数据文件 ${displayPath(task.file)}\n`);
      const outcome = await runBuildTask(task);
      printChanges(outcome, []);
      track(task, outcome);
    }
  };

  tasks.forEach((task, i) => track(task, first[i]!));
  for (const folder of folders) {
    forget(folder);
    watchFolder(folder, true);
  }
  // Listening before saying so: a Ctrl-C as soon as the message shows ends the watch, not the process.
  const stopped = new Promise<void>((resolveStop) => process.once('SIGINT', () => resolveStop()));
  process.stdout.write('正在监视数据文件、上一年度文件、模板、机关信息文件和字体配置的改动（Ctrl+C 结束）\n');
  await stopped;
  for (const timer of timers.values()) clearTimeout(timer);
  for (const watcher of watchers.values()) watcher.close();
}

/** A rebuild's findings that are new, those that went away, and the files written. */
function printChanges(outcome: BuildOutcome, before: readonly Finding[]): void {
  const earlier = new Set(before.map(formatFinding));
  const now = outcome.findings.map(formatFinding);
  const current = new Set(now);
  for (const line of now) if (!earlier.has(line)) process.stderr.write(`${line}\n`);
  for (const line of earlier) if (!current.has(line)) process.stderr.write(`已消除：${line}\n`);
  const unchanged = now.filter((line) => earlier.has(line)).length;
  if (unchanged) process.stderr.write(`（另有 ${unchanged} 条与上次相同，不再重复）\n`);
  if (outcome.ok) for (const file of outcome.files) process.stdout.write(`已生成 ${displayPath(file)}\n`);
  else process.stdout.write(`未能生成 ${displayPath(outcome.file)}\n`);
}
