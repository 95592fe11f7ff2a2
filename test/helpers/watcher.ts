/** A `report-gen build … --watch` process whose output a test waits for, event by event, never for a fixed time. */
import { spawn, type ChildProcess } from 'node:child_process';
import { BIN } from './cli.js';

export const STEP_TIMEOUT_MS = 60_000;

export class Watcher {
  readonly child: ChildProcess;
  stdout = '';
  stderr = '';
  private waiters: Array<() => void> = [];

  constructor(cwd: string, args: string[]) {
    this.child = spawn(process.execPath, [BIN, 'build', ...args, '--watch'], { cwd, env: { ...process.env, CI: '1' } });
    this.child.stdout!.setEncoding('utf8').on('data', (chunk: string) => this.append('stdout', chunk));
    this.child.stderr!.setEncoding('utf8').on('data', (chunk: string) => this.append('stderr', chunk));
  }

  private append(stream: 'stdout' | 'stderr', chunk: string): void {
    this[stream] += chunk;
    for (const wake of this.waiters) wake();
  }

  /** Where both streams are now: pass it to `until` to see only what comes after. */
  mark(): { out: number; err: number } {
    return { out: this.stdout.length, err: this.stderr.length };
  }

  /** Waits until the stdout written after `from` matches. */
  async until(pattern: RegExp, from = { out: 0, err: 0 }): Promise<{ out: string; err: string }> {
    const deadline = Date.now() + STEP_TIMEOUT_MS;
    for (;;) {
      const out = this.stdout.slice(from.out);
      if (pattern.test(out)) return { out, err: this.stderr.slice(from.err) };
      const left = deadline - Date.now();
      if (left <= 0 || this.child.exitCode !== null) throw new Error(`no ${pattern} on stdout:\n${out}\nstderr:\n${this.stderr.slice(from.err)}`);
      await new Promise<void>((wake) => {
        const timer = setTimeout(wake, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          wake();
        });
      });
      this.waiters = [];
    }
  }

  async stop(): Promise<number | null> {
    if (this.child.exitCode !== null) return this.child.exitCode;
    const exited = new Promise<number | null>((done) => this.child.once('exit', (code) => done(code)));
    this.child.kill('SIGINT');
    return exited;
  }
}
