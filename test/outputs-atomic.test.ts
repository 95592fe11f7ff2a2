/**
 * A report's outputs are all written, or none: a folder in the way of the PDF, a full disk (a 1 MB tmpfs) and a
 * file in the way of a folder leave nothing of that report's run, and an earlier version is put back. Two inputs
 * that would write the same outputs are refused before anything is built.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commitOutputs } from '../src/output/commit-outputs.js';
import { ReportError } from '../src/report-error/finding.js';
import { ROOT, runCli, tempDir } from './helpers/cli.js';

const filesBelow = (dir: string) => (existsSync(dir) ? readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)) : []);

describe('all outputs of a report or none', () => {
  it('writes no DOCX or HTML when the PDF path is a folder', () => {
    const out = tempDir('atomic');
    mkdirSync(join(out, '2021.pdf'));
    const result = runCli(['build', 'data/2021.yaml', '--to', 'docx,pdf,html', '-o', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/写入 .*2021\.pdf 失败：这是一个文件夹，应为文件.*（EISDIR）/);
    expect(result.stderr).not.toMatch(/内部错误|Error/);
    expect(filesBelow(out)).toEqual([]);
    expect(existsSync(join(out, '2021.pdf'))).toBe(true);
  });

  it('puts back the earlier version of a file it had already replaced', () => {
    const out = tempDir('atomic');
    mkdirSync(join(out, 'sub'));
    writeFileSync(join(out, 'a.docx'), 'earlier');
    writeFileSync(join(out, 'blocked'), 'a file where a folder is needed');
    expect(() =>
      commitOutputs([
        { path: join(out, 'a.docx'), data: 'new' },
        { path: join(out, 'sub', 'a.html'), data: 'new' },
        { path: join(out, 'blocked', 'a.pdf'), data: 'new' },
      ]),
    ).toThrow(ReportError);
    expect(readFileSync(join(out, 'a.docx'), 'utf8')).toBe('earlier');
    expect(filesBelow(out).sort()).toEqual([join(out, 'a.docx'), join(out, 'blocked')]);
  });

  it('leaves no temporary files after a success', () => {
    const out = tempDir('atomic');
    commitOutputs([
      { path: join(out, 'x', 'a.docx'), data: '1' },
      { path: join(out, 'x', 'a.pdf'), data: '2' },
    ]);
    expect(readdirSync(join(out, 'x')).sort()).toEqual(['a.docx', 'a.pdf']);
  });
});

describe('a full disk', () => {
  const isRoot = process.getuid?.() === 0;
  const mountPoint = tempDir('tmpfs');
  let mounted = false;
  if (isRoot) {
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mountPoint], { stdio: 'ignore' });
      mounted = true;
    } catch {
      mounted = false;
    }
  }
  afterAll(() => {
    if (mounted) execFileSync('umount', [mountPoint]);
  });

  it('leaves every report of a batch whole or absent (1 MB tmpfs; skipped unless root may mount one)', (context) => {
    if (!mounted) context.skip(isRoot ? 'mount -t tmpfs failed: no permission to mount here' : 'not root: a tmpfs cannot be mounted');
    const result = runCli(['build', join(ROOT, 'data'), '--to', 'docx,pdf,html', '-o', mountPoint, '--jobs', '2']);
    expect(result.code).not.toBe(0);
    expect(result.code).not.toBe(3);
    expect(result.stdout).toMatch(/失败：磁盘已满.*（ENOSPC）/);
    const files = filesBelow(mountPoint).map((f) => f.slice(mountPoint.length + 1));
    expect(files.filter((f) => /\.(tmp|old)$/.test(f))).toEqual([]);
    const reports = new Map<string, string[]>();
    for (const f of files) {
      const base = f.replace(/\.(docx|pdf|html)$/, '');
      reports.set(base, [...(reports.get(base) ?? []), f.slice(base.length + 1)]);
    }
    expect(reports.size).toBeGreaterThan(0);
    for (const [base, kinds] of reports) expect([base, kinds.sort()]).toEqual([base, ['docx', 'html', 'pdf']]);
    const failed = [...result.stdout.matchAll(/^失败 (\S+?)\.yaml：/gm)].length;
    expect(failed).toBeGreaterThan(0);
  });
});

describe('two inputs, one output path', () => {
  it('are refused before anything is built, naming both', () => {
    const dir = tempDir('collide');
    for (const town of ['a/白沙镇', 'b/石门乡']) {
      mkdirSync(join(dir, town), { recursive: true });
      copyFileSync(join(ROOT, 'data/2021.yaml'), join(dir, town, '2021.yaml'));
    }
    const result = runCli(['build', 'a/白沙镇/2021.yaml', 'b/石门乡/2021.yaml', '--to', 'html'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('a/白沙镇/2021.yaml 和 b/石门乡/2021.yaml 的输出都会写到 out/2021.*');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('builds a file given twice once', () => {
    const dir = tempDir('collide');
    mkdirSync(join(dir, 'a'));
    copyFileSync(join(ROOT, 'data/2021.yaml'), join(dir, 'a', '2021.yaml'));
    const result = runCli(['build', 'a/2021.yaml', './a/../a/2021.yaml', '--to', 'html'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout.match(/已生成/g)).toHaveLength(1);
  });
});
