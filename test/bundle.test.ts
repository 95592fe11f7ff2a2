/**
 * The command line runs from the bundle that `npm run build` makes in dist/app/ (src/bundle/write-bundle.ts). The
 * bundle must do exactly what the compiled modules do: the same files, byte for byte, from the same inputs, for a
 * single build (with its DOCX thread) and for a batch (with its workers), and the same messages for bad input.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from './helpers/cli.js';

const ENTRIES = { bundle: join(ROOT, 'dist', 'app', 'main.js'), modules: join(ROOT, 'dist', 'cli', 'main.js') };

function run(entry: string, args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [entry, ...args], { cwd, encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000' } });
  return { code: result.status, out: result.stdout + result.stderr };
}

/** Every file below `dir`, relative path → bytes. */
function files(dir: string, prefix = ''): Map<string, Buffer> {
  const found = new Map<string, Buffer>();
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const path = join(prefix, entry.name);
    if (entry.isDirectory()) for (const [p, b] of files(dir, path)) found.set(p, b);
    else found.set(path, readFileSync(join(dir, path)));
  }
  return found;
}

describe('the bundle in dist/app/', () => {
  it('is there after the build, with its two worker entries', () => {
    for (const name of ['main.js', 'build-worker.js']) expect(existsSync(join(ROOT, 'dist', 'app', name)), name).toBe(true);
  });

  it.each([
    ['a single build of every output', ['build', 'data/2020.yaml', '--to', 'docx,pdf,html', '-o', 'out']],
    ['a batch of a folder on two workers', ['build', 'data/example-county', '-o', 'out', '-j', '2']],
  ])('gives the same files as the compiled modules: %s', (_name, args) => {
    const outputs = Object.fromEntries(
      Object.entries(ENTRIES).map(([name, entry]) => {
        const dir = tempDir(`bundle-${name}`);
        mkdirSync(join(dir, 'data'), { recursive: true });
        spawnSync('cp', ['-r', join(ROOT, 'data', '2020.yaml'), join(ROOT, 'data', 'example-county'), join(dir, 'data')]);
        const result = run(entry, args, dir);
        expect(result.code, result.out).toBe(0);
        // A batch prints each report as it is done, in whatever order the workers finish: compared as a set of lines.
        const out = result.out.replace(/用时 [\d.]+ 秒，每秒 [\d.]+ 个文件/, '').replace(/^\[\d+\/\d+\] /gm, '');
        return [name, { files: files(join(dir, 'out')), out: out.split('\n').sort().join('\n') }];
      }),
    );
    const { bundle, modules } = outputs as Record<keyof typeof ENTRIES, { files: Map<string, Buffer>; out: string }>;
    expect([...bundle.files.keys()].sort()).toEqual([...modules.files.keys()].sort());
    expect(bundle.files.size).toBeGreaterThan(1);
    for (const [path, bytes] of modules.files) expect(bundle.files.get(path)!.equals(bytes), path).toBe(true);
    expect(bundle.out).toBe(modules.out);
  });

  it('reports bad input as the compiled modules do', () => {
    const dir = tempDir('bundle-bad');
    copyFileSync(join(ROOT, 'data', '2021.yaml'), join(dir, '2021.yaml'));
    writeFileSync(join(dir, '2021.yaml'), readFileSync(join(dir, '2021.yaml'), 'utf8').replace(/^year: 2021$/m, 'year: 二〇二一'));
    const [bundle, modules] = [ENTRIES.bundle, ENTRIES.modules].map((entry) => run(entry, ['build', '2021.yaml', '-o', 'out'], dir));
    expect(bundle!.code).toBe(2);
    expect(bundle).toEqual(modules);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});
