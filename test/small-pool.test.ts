/**
 * A batch runs in a child process with one V8 helper thread (src/batch/small-pool.ts). Which processes ran with
 * which flags is read from the processes themselves: a module preloaded through NODE_OPTIONS (which children
 * inherit) writes each process's own command-line flags to a file.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { childFlags, INTERRUPT_BUDGET, isBatchBuild } from '../src/batch/small-pool.js';
import { BIN, ROOT, runCli, tempDir } from './helpers/cli.js';

/** Runs the command line with every process writing its flags to a file of its own; returns them per process. */
function processesOf(args: string[], cwd: string) {
  const log = join(tempDir('pool-log'), 'flags');
  mkdirSync(log, { recursive: true });
  const probe = join(log, '..', 'probe.mjs');
  writeFileSync(probe, `import { writeFileSync } from 'node:fs';\nimport { isMainThread } from 'node:worker_threads';\nif (isMainThread) writeFileSync(${JSON.stringify(log)} + '/' + process.pid, JSON.stringify(process.execArgv));\n`);
  const result = runCli(args, { cwd, env: { NODE_OPTIONS: `--import=${probe}` } });
  const flags = readdirSync(log).map((pid) => JSON.parse(readFileSync(join(log, pid), 'utf8')) as string[]);
  return { result, flags };
}

function county(): string {
  const dir = tempDir('pool-county');
  for (const town of ['a', 'b', 'c']) {
    mkdirSync(join(dir, 'data', town), { recursive: true });
    copyFileSync(join(ROOT, 'data', '2021.yaml'), join(dir, 'data', town, '2021.yaml'));
  }
  return dir;
}

describe('a batch runs in a child process with one V8 helper thread', () => {
  it('builds a folder in a child started with --v8-pool-size=1, with the same outputs and exit code', () => {
    const dir = county();
    const { result, flags } = processesOf(['build', 'data', '-o', 'out', '-j', '2'], dir);
    expect(result.code, result.stderr).toBe(0);
    expect(flags).toHaveLength(2);
    expect(flags.filter((f) => f.includes('--v8-pool-size=1'))).toHaveLength(1);
    // The child's flags are those childFlags() gives for this Node's V8, the optimising budget included on Node 20.
    expect(flags.find((f) => f.includes('--v8-pool-size=1'))!.slice(0, childFlags().length)).toEqual(childFlags());
    for (const town of ['a', 'b', 'c']) expect(readdirSync(join(dir, 'out', town)).sort()).toEqual(['2021.docx', '2021.pdf']);
    expect(result.stdout).toMatch(/共 3 个文件：生成 3 个，失败 0 个/);
  });

  it('passes a failing batch’s exit code on', () => {
    const dir = county();
    writeFileSync(join(dir, 'data', 'b', '2021.yaml'), 'year: 2021\norg: [\n');
    const { result, flags } = processesOf(['build', 'data', '-o', 'out'], dir);
    expect(flags).toHaveLength(2);
    expect(result.code).toBe(2);
    expect(result.stdout + result.stderr).toMatch(/b\/2021\.yaml:2:6 错误 YAML/);
  });

  it('optimises less eagerly in the child only on the V8 the budget was measured on', () => {
    expect(childFlags('11.3.244.8-node.33')).toEqual(['--v8-pool-size=1', `--interrupt-budget=${INTERRUPT_BUDGET}`]);
    expect(childFlags('12.4.254.21-node.33')).toEqual(['--v8-pool-size=1']);
    expect(childFlags('13.6.233.10-node.1')).toEqual(['--v8-pool-size=1']);
  });

  it('builds a single file in one process', () => {
    const dir = county();
    const { result, flags } = processesOf(['build', 'data/a/2021.yaml', '-o', 'out'], dir);
    expect(result.code, result.stderr).toBe(0);
    expect(flags).toEqual([[]]);
  });
});

/** Whether a process of that id still runs. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * `build <folder> --watch` in a process group of its own, as a terminal runs it; `act` is called with the parent's
 * process id once the watch says it is watching. Resolves with the parent's exit code and the pids it wrote.
 */
function watchBatch(dir: string, act: (parent: number) => void): Promise<{ code: number | null; pids: number[] }> {
  const log = join(tempDir('pool-pids'), 'pids');
  mkdirSync(log, { recursive: true });
  const probe = join(log, '..', 'probe.mjs');
  writeFileSync(probe, `import { writeFileSync } from 'node:fs';\nimport { isMainThread } from 'node:worker_threads';\nif (isMainThread) writeFileSync(${JSON.stringify(log)} + '/' + process.pid, '');\n`);
  const child = spawn(process.execPath, [BIN, 'build', 'data', '-o', 'out', '--to', 'html', '--watch'], {
    cwd: dir,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_OPTIONS: `--import=${probe}` },
  });
  let acted = false;
  const look = (data: Buffer) => {
    if (!acted && String(data).includes('正在监视')) {
      acted = true;
      act(child.pid!);
    }
  };
  child.stdout.on('data', look);
  child.stderr.on('data', look);
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, pids: readdirSync(log).map(Number) })));
}

describe.skipIf(process.platform === 'win32')('signals and the child of a batch', () => {
  it('Ctrl-C (SIGINT to the whole process group) stops the watch once, with exit 0, and leaves no process', async () => {
    const { code, pids } = await watchBatch(county(), (parent) => process.kill(-parent, 'SIGINT'));
    expect(code).toBe(0);
    expect(pids).toHaveLength(2);
    await new Promise((r) => setTimeout(r, 300));
    expect(pids.filter(alive)).toEqual([]);
  }, 60_000);

  it('a child whose parent is killed stops by itself', async () => {
    const { pids } = await watchBatch(county(), (parent) => process.kill(parent, 'SIGKILL'));
    try {
      expect(pids).toHaveLength(2);
      const until = Date.now() + 10_000;
      while (pids.some(alive) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
      expect(pids.filter(alive)).toEqual([]);
    } finally {
      for (const pid of pids.filter(alive)) process.kill(pid, 'SIGKILL');
    }
  }, 60_000);
});

describe('isBatchBuild', () => {
  it('takes several data files or a folder for a batch, and skips option values', () => {
    expect(isBatchBuild(['build', 'data/2020.yaml'])).toBe(false);
    expect(isBatchBuild(['build', 'data/2020.yaml', 'data/2021.yaml'])).toBe(true);
    expect(isBatchBuild(['build', join(ROOT, 'data')])).toBe(true);
    expect(isBatchBuild(['build', '-o', join(ROOT, 'data'), 'data/2020.yaml'])).toBe(false);
    expect(isBatchBuild(['build', '--to', 'pdf', '--config', 'x.yaml', '-j', '2', 'data/2020.yaml'])).toBe(false);
    expect(isBatchBuild(['build', '--', 'a.yaml', 'b.yaml'])).toBe(true);
    expect(isBatchBuild(['check', 'a.yaml', 'b.yaml'])).toBe(false);
  });
});
