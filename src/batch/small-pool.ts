/**
 * A batch runs in a child process of its own, started with `--v8-pool-size=1`. V8 gives a process a pool of helper
 * threads (4 by default) for garbage collection and optimising compilation, shared by every isolate in it: with two
 * build workers on two cores, the workers and these helpers contend, and two workers did little better than one
 * (docs/architecture.md, "Speed"). With one helper thread a 50-report batch on 2 workers takes about a tenth less
 * time. The pool's size is fixed when the process starts, hence the child; a batch takes seconds, and the child
 * costs one start of Node. The command line's entry (bin/report-gen.js) decides before it loads anything else.
 *
 * The child also optimises less eagerly (`--interrupt-budget`, see INTERRUPT_BUDGET).
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { isFolder } from '../load/is-folder.js';

/** Options of `build` that take a value (src/cli/main.ts). */
const WITH_VALUE = new Set(['-o', '--out-dir', '--to', '--config', '-j', '--jobs']);

/**
 * Whether the arguments ask for a batch: `build` with several data files or a folder. A guess from the arguments
 * alone; a wrong guess costs time, never a result, as the child runs the same command.
 */
export function isBatchBuild(args: readonly string[]): boolean {
  if (args[0] !== 'build') return false;
  const paths: string[] = [];
  for (let i = 1; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      paths.push(...args.slice(i + 1));
      break;
    }
    if (WITH_VALUE.has(arg)) i++;
    else if (!arg.startsWith('-')) paths.push(arg);
  }
  return paths.length > 1 || paths.some(isFolder);
}

const FLAG = '--v8-pool-size';

/**
 * How much a function runs (in bytecode executed, roughly) before V8 considers optimising it: 16 times V8's default
 * of 67,584. Each worker is an isolate of its own and compiles its own optimised code, on the one helper thread, with
 * both cores busy: with the default, a worker optimised some 520 functions of pdfmake, pdfkit, fontkit and yaml in
 * its first 25 reports, at 4 s of compiler time, most of it for functions that would have run only a few more
 * times. With the higher budget only the hottest are optimised: a 50-report batch on 2 workers took 3.7–4.1 s
 * against 4.2–5.1 s, and a 200-report one 10.1 s against 11.5 s (docs/architecture.md, "Speed").
 */
export const INTERRUPT_BUDGET = 16 * 67_584;

/**
 * The child's V8 flags. The budget is given only to the V8 it was measured on (Node 20's V8 11): a flag that V8 does
 * not know stops Node before it starts, and later V8s tier up through another compiler (Maglev) first.
 */
export function childFlags(v8Version = process.versions.v8): string[] {
  const major = Number(v8Version.split('.')[0]);
  return [`${FLAG}=1`, ...(major === 11 ? [`--interrupt-budget=${INTERRUPT_BUDGET}`] : [])];
}

/** Whether this process already runs with a pool size of its own choosing (the child, or a user's flag). */
export function hasPoolSize(): boolean {
  return process.execArgv.some((arg) => arg === FLAG || arg.startsWith(`${FLAG}=`)) || /(^|\s)--v8-pool-size\b/.test(process.env.NODE_OPTIONS ?? '');
}

/** How long a signal that the terminal sends to the child as well waits before it is passed on (a watch stops in about 0.1 s). */
const GROUP_SIGNAL_GRACE_MS = 1000;

/** Set in the child's environment, so that it knows its parent is waiting on it. */
const CHILD = 'REPORT_GEN_BATCH_CHILD';

/**
 * Runs this very command again in a child process with one V8 helper thread; resolves to the child's exit code.
 * Standard input and output are the child's, so progress, messages and prompts reach the user as before. A signal
 * sent to this process (Ctrl-C, a service manager's stop) is passed on to the child, and this process waits for it
 * to end; should this process die, the child stops too (`stopWithParent`).
 */
export function rerunWithSmallPool(): Promise<number> {
  const child = spawn(process.execPath, [...childFlags(), ...process.execArgv, ...process.argv.slice(1)], {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, [CHILD]: '1' },
  });
  // Ctrl-C and a closed terminal reach the child too (it is in the terminal's process group): those are passed on
  // only if the child is still running a moment later, so that it is not interrupted twice while it stops.
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  const timers = new Set<NodeJS.Timeout>();
  const forward = (signal: NodeJS.Signals) => {
    if (signal === 'SIGTERM') child.kill(signal);
    else timers.add(setTimeout(() => child.kill(signal), GROUP_SIGNAL_GRACE_MS));
  };
  for (const signal of signals) process.on(signal, forward);
  return new Promise((resolve) => {
    const done = (code: number) => {
      for (const signal of signals) process.off(signal, forward);
      for (const timer of timers) clearTimeout(timer);
      resolve(code);
    };
    child.on('error', () => done(3));
    child.on('exit', (code, signal) => done(code ?? 128 + (signal ? (constants.signals[signal] ?? 1) : 1)));
  });
}

/** In the child: end when the parent is gone (its channel to us closes), as a long `--watch` would outlive it. */
export function stopWithParent(): void {
  if (process.env[CHILD] !== '1' || !process.channel) return;
  process.channel.unref();
  // The channel also closes as this process ends by itself; the timer keeps nothing alive, so then it never fires.
  process.on('disconnect', () => setTimeout(() => process.exit(130), 1000).unref());
}
