/**
 * `build <folder> --watch` reacts to everything the build read or looked for: a new override template, an edit of
 * the data, last year's file appearing and changing (X0, R5), the font configuration, and a new data file. A
 * rebuild prints only the findings that changed. Every step waits for the watcher's own output, never a fixed time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, tempDir } from './helpers/cli.js';

const STEP_TIMEOUT_MS = 60_000;

class Watcher {
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

describe('build --watch', () => {
  const dir = tempDir('watch');
  const town = join(dir, 'data', 'town');
  mkdirSync(town, { recursive: true });
  copyFileSync(join(ROOT, 'data/2021.yaml'), join(town, '2021.yaml'));
  const watcher = new Watcher(dir, ['data', '--to', 'html']);
  const html = () => readFileSync(join(dir, 'out', 'town', '2021.html'), 'utf8');
  afterAll(async () => {
    expect(await watcher.stop()).toBe(0);
  });

  it('builds first and reports X0 once', async () => {
    const { err } = await watcher.until(/正在监视/);
    expect(err.match(/X0/g)).toHaveLength(1);
  }, STEP_TIMEOUT_MS);

  it('rebuilds when an override template appears where none was, without repeating X0', async () => {
    const at = watcher.mark();
    mkdirSync(join(dir, 'data', 'templates'));
    writeFileSync(join(dir, 'data', 'templates', 'contact.hbs'), '请致电{{org.name}}。');
    const { err } = await watcher.until(/已重新生成 out\/town\/2021\.html/, at);
    expect(html()).toContain('请致电樟木乡人民政府。');
    expect(err).not.toMatch(/X0/);
  }, STEP_TIMEOUT_MS);

  it('rebuilds when the data file changes', async () => {
    const at = watcher.mark();
    const file = join(town, '2021.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/(  overview: \|[^\n]*\n)/, '$1    改过的第一段。\n\n'));
    const { err } = await watcher.until(/已重新生成 out\/town\/2021\.html/, at);
    expect(html()).toContain('改过的第一段。');
    expect(err).not.toMatch(/X0/);
  }, STEP_TIMEOUT_MS);

  it("rebuilds when last year's file appears and when it changes (X0 resolved, then R5)", async () => {
    let at = watcher.mark();
    copyFileSync(join(ROOT, 'data/2020.yaml'), join(town, '2020.yaml'));
    let seen = await watcher.until(/已重新生成 out\/town\/2021\.html/, at);
    expect(seen.err).toMatch(/已消除：.*X0/);
    at = watcher.mark();
    const last = join(town, '2020.yaml');
    writeFileSync(last, readFileSync(last, 'utf8').replace('carried_out: [0, 0, 0, 0, 0, 0]', 'carried_out: [1, 0, 0, 0, 0, 0]'));
    seen = await watcher.until(/已重新生成 out\/town\/2021\.html/, at);
    expect(seen.err).toMatch(/2021\.yaml:\d+:\d+ 警告 R5 /);
  }, STEP_TIMEOUT_MS);

  it('rebuilds when the font configuration appears and goes', async () => {
    let at = watcher.mark();
    const tinos = join(ROOT, 'node_modules/@expo-google-fonts/tinos/400Regular/Tinos_400Regular.ttf');
    writeFileSync(join(dir, 'report-gen.config.yaml'), `fonts:\n  heading: ${tinos}\n`);
    let seen = await watcher.until(/未能生成 data\/town\/2021\.yaml/, at);
    expect(seen.err).toMatch(/一级标题字体 Tinos-Regular 中没有字形/);
    at = watcher.mark();
    rmSync(join(dir, 'report-gen.config.yaml'));
    seen = await watcher.until(/已重新生成 out\/town\/2021\.html/, at);
  }, STEP_TIMEOUT_MS * 2);

  it('builds a new data file in the watched folder', async () => {
    const at = watcher.mark();
    mkdirSync(join(dir, 'data', 'other'));
    copyFileSync(join(ROOT, 'data/2021.yaml'), join(dir, 'data', 'other', '2021.yaml'));
    const { out } = await watcher.until(/已生成 out\/other\/2021\.html/, at);
    expect(out).toContain('发现新的数据文件 data/other/2021.yaml');
  }, STEP_TIMEOUT_MS);
});
