/**
 * A batch optimises less eagerly than V8's default, on Node 20 (V8 11). Each builder of a batch is an isolate of
 * its own and compiles its own optimised code while both cores are busy building: with V8's default a worker
 * optimised some 520 functions of pdfkit, fontkit and yaml in its first 25 reports, seconds of compiler time, most of
 * it for functions that would have run only a few more times. With a budget 16 times larger only the hottest are
 * optimised (docs/architecture.md, "Speed"). The command line's entry (bin/report-gen.js) sets it before it loads
 * anything else, in the same process.
 */
import { setFlagsFromString } from 'node:v8';
import { isFolder } from '../load/is-folder.js';

/** Options of `build` that take a value (src/cli/main.ts). */
const WITH_VALUE = new Set(['-o', '--out-dir', '--to', '--config', '-j', '--jobs']);

/**
 * Whether the arguments ask for a batch: `build` with several data files or a folder. A guess from the arguments
 * alone; a wrong guess costs time, never a result.
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

/**
 * How much a function runs (in bytecode executed, roughly) before V8 considers optimising it: 16 times V8's default
 * of 67,584. A 50-report batch on 2 workers took 3.7–4.1 s with it against 4.2–5.1 s without, a 200-report one
 * 10.1 s against 11.5 s; with one of the two builders on the main thread, 3.2–3.4 s against 4.2–5.1 s.
 */
export const INTERRUPT_BUDGET = 16 * 67_584;

/**
 * The V8 flags a batch runs with. The budget is given only to the V8 it was measured on (Node 20's V8 11): later
 * V8s tier up through another compiler (Maglev) first, and a flag that V8 does not know is refused.
 */
export function batchV8Flags(v8Version = process.versions.v8): string[] {
  return Number(v8Version.split('.')[0]) === 11 ? [`--interrupt-budget=${INTERRUPT_BUDGET}`] : [];
}

/**
 * Sets the batch's V8 flags in this process, before the modules that do the work are loaded; they hold for the
 * worker threads it starts too. A budget the user gave on Node's command line is kept (Node refuses it in
 * `NODE_OPTIONS`). Returns the flags it set.
 */
export function tuneForBatch(execArgv: readonly string[] = process.execArgv): string[] {
  const own = execArgv.some((arg) => /^--interrupt[-_]budget(=|$)/.test(arg));
  const flags = own ? [] : batchV8Flags();
  for (const flag of flags) setFlagsFromString(flag);
  return flags;
}
