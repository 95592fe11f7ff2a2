/** Shared templates, organisation profiles and batch builds of a whole county. */
import { beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pdfWordList } from './readers/pdf.js';
import { positionOf, ROOT, runCli, tempDir, type CliResult } from './helpers/cli.js';
import { STEP_TIMEOUT_MS, Watcher } from './helpers/watcher.js';
import { longestFirst } from '../src/batch/run-batch.js';
import { seededRandom } from '../src/bench/seeded-random.js';
import { requireTools } from './helpers/require-tool.js';

requireTools('pdftotext', 'pdffonts', 'pdfinfo');

const COUNTY = join(ROOT, 'data/example-county');

/** A copy of the example county in a project of its own (<tmp>/data/example-county): lookup stops at <tmp>. */
function countyCopy(): string {
  const dir = join(tempDir('county'), 'data', 'example-county');
  cpSync(COUNTY, dir, { recursive: true });
  return dir;
}

describe('the example county', () => {
  const out = tempDir('county-out');
  let result: CliResult;
  beforeAll(() => {
    result = runCli(['build', 'data/example-county/', '-o', out, '--explain']);
  });

  it('builds every report of the folder, mirroring the tree, with a summary', () => {
    expect(result.code, result.stderr).toBe(0);
    for (const town of ['dongshan', 'xishan', 'nanhu', 'county']) {
      expect(existsSync(join(out, 'example-county', town, '2021.pdf')), town).toBe(true);
      expect(existsSync(join(out, 'example-county', town, '2021.docx')), town).toBe(true);
    }
    const summary = /^共 (\d+) 个文件：生成 \d+ 个，失败 0 个；用时 ([\d.]+) 秒，每秒 ([\d.]+) 个文件$/m.exec(result.stdout);
    expect(summary, result.stdout).not.toBeNull();
    // The throughput is the files over the time shown (both rounded to one decimal).
    const [files, seconds, rate] = summary!.slice(1).map(Number) as [number, number, number];
    expect(files).toBe(4);
    expect(rate).toBeGreaterThanOrEqual(files / (seconds + 0.05) - 0.05);
    expect(rate).toBeLessThanOrEqual(files / Math.max(seconds - 0.05, 0.01) + 0.05);
  });

  it('takes the organisation from its profile', () => {
    const text = pdfWordList(join(out, 'example-county', 'dongshan', '2021.pdf')).map((w) => w.text).join('');
    expect(text).toContain('东山镇人民政府');
    expect(text).toContain('东山镇党政办公室');
  });

  it('lets the county partial win over the built-in one, and says so with --explain', () => {
    const text = pdfWordList(join(out, 'example-county', 'xishan', '2021.pdf')).map((w) => w.text).join('');
    expect(text).toContain('示例县政务服务便民热线12345');
    expect(result.stdout).toContain('contact ← data/example-county/templates/contact.hbs');
    expect(result.stdout).toContain('intro ← templates/shared/intro.hbs');
  });
});

describe('template lookup', () => {
  it('refuses a partial name that reaches outside the template folders', () => {
    const dir = countyCopy();
    writeFileSync(join(dir, 'templates', 'intro.hbs'), '<p>导语</p>\n{{> ../../templates/shared/contact}}\n');
    const result = runCli(['build', join(dir, 'dongshan', '2021.yaml'), '-o', tempDir('out')]);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n').at(-1)).toMatch(/templates\/intro\.hbs:2:1 错误 模板错误：模板片段名「\.\.\/\.\.\/templates\/shared\/contact」不能含路径（不能跳出模板目录）$/);
  });

  it('names the template and line that asks for a missing partial', () => {
    const dir = countyCopy();
    writeFileSync(join(dir, 'templates', 'intro.hbs'), '<p>导语</p>\n<p>x</p>{{> hotline}}\n');
    const result = runCli(['build', join(dir, 'dongshan', '2021.yaml'), '-o', tempDir('out')]);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n').at(-1)).toMatch(/templates\/intro\.hbs:2:9 错误 模板错误：找不到模板片段「hotline」$/);
  });

  it('prefers a format subfolder of a county templates folder', () => {
    const dir = countyCopy();
    mkdirSync(join(dir, 'templates', 'national-2021'));
    writeFileSync(join(dir, 'templates', 'national-2021', 'contact.hbs'), '仅限2021年版式的联系方式。');
    const result = runCli(['build', join(dir, 'nanhu', '2021.yaml'), '-o', tempDir('out'), '--explain']);
    expect(result.stdout).toMatch(/contact ← .*templates\/national-2021\/contact\.hbs$/m);
  });
});

describe('organisation profiles', () => {
  it('are validated with their own positions', () => {
    const dir = countyCopy();
    const profile = join(dir, 'orgs', 'dongshan.yaml');
    writeFileSync(profile, readFileSync(profile, 'utf8').replace(/^name: .*$/m, 'name: [东山镇]'));
    const result = runCli(['check', join(dir, 'dongshan', '2021.yaml')]);
    expect(result.code).toBe(2);
    const at = positionOf(readFileSync(profile, 'utf8'), '[东山镇]');
    expect(result.stdout).toContain(`orgs/dongshan.yaml:${at.line}:${at.col} 错误 「name」`);
  });

  it('must exist', () => {
    const dir = countyCopy();
    const file = join(dir, 'xishan', '2021.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('../orgs/xishan.yaml', '../orgs/nowhere.yaml'));
    const result = runCli(['check', file]);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('找不到机关信息文件 ../orgs/nowhere.yaml');
  });
});

describe('batch builds', () => {
  it('hand the largest data files to the workers first, and report outcomes in the order given', () => {
    const seed = Number(process.env.BATCH_ORDER_SEED ?? Date.now() % 100_000);
    const next = seededRandom(seed);
    const dir = tempDir('order');
    const tasks = Array.from({ length: 12 }, (_, i) => {
      const file = join(dir, `${i}.yaml`);
      writeFileSync(file, 'x'.repeat(Math.floor(next() * 4) * 1000));
      return { file, outDir: dir, outputs: ['pdf' as const], config: 'none.yaml', strict: false };
    });
    const ordered = longestFirst(tasks);
    const sizes = ordered.map((t) => readFileSync(t.file).length);
    expect(sizes, `seed ${seed}`).toEqual([...sizes].sort((a, b) => b - a));
    // Equal sizes keep the order they were given in.
    for (let i = 1; i < ordered.length; i++) if (sizes[i] === sizes[i - 1]) expect(tasks.indexOf(ordered[i]!), `seed ${seed}`).toBeGreaterThan(tasks.indexOf(ordered[i - 1]!));
  });

  it('build the other files when one is broken, report it and exit non-zero', () => {
    const dir = countyCopy();
    const broken = join(dir, 'nanhu', '2021.yaml');
    writeFileSync(broken, readFileSync(broken, 'utf8').replace(/^(\s*)carried_out:\s*\[\s*(\d+)/m, (_m, i: string, n: string) => `${i}carried_out: [${Number(n) + 5}`));
    const out = tempDir('out');
    const result = runCli(['build', dir, '-o', out, '--jobs', '2']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^共 4 个文件：生成 3 个，失败 1 个；用时 [\d.]+ 秒，每秒 [\d.]+ 个文件$/m);
    expect(result.stdout).toMatch(/^失败 .*nanhu\/2021\.yaml：.*:\d+:\d+ 错误 R1 表三「自然人」列/m);
    expect(result.stdout.match(/^\[\d\/4\] /gm)).toHaveLength(4);
    // The README's layout: the path below the data folder, mirrored (out/example-county/dongshan/2021.pdf).
    expect(existsSync(join(out, 'example-county', 'dongshan', '2021.pdf'))).toBe(true);
    expect(existsSync(join(out, 'dongshan'))).toBe(false);
  });

  it('build every file once when three builders take files from one queue, each outcome with its own file', () => {
    const seed = Number(process.env.BATCH_QUEUE_SEED ?? Date.now() % 100_000);
    const next = seededRandom(seed);
    const dir = join(tempDir('queue'), 'data');
    const base = readFileSync(join(ROOT, 'data', '2021.yaml'), 'utf8');
    const towns = Array.from({ length: 9 }, (_, i) => `t${i + 1}`);
    const broken = new Set(['t3', 't7']);
    for (const town of towns) {
      mkdirSync(join(dir, town), { recursive: true });
      // Files of different sizes, so that the queue's order is not the folder's.
      let text = base + `\n${'# 备注\n'.repeat(Math.floor(next() * 400))}`;
      if (broken.has(town)) text = text.replace(/^(\s*)carried_out:\s*\[\s*(\d+)/m, (_m, i: string, n: string) => `${i}carried_out: [${Number(n) + 5}`);
      writeFileSync(join(dir, town, '2021.yaml'), text);
    }
    const out = tempDir('queue-out');
    const result = runCli(['build', dir, '-o', out, '--jobs', '3', '--to', 'pdf']);
    const context = `seed ${seed}\n${result.stdout}\n${result.stderr}`;
    expect(result.code, context).toBe(1);
    expect(result.stdout, context).toMatch(/^共 9 个文件：生成 7 个，失败 2 个；/m);
    // One progress line per file, each file once, 完成 or 失败 as the file is.
    const lines = [...result.stdout.matchAll(/^\[(\d)\/9\] (完成|失败) .*\/(t\d)\/2021\.yaml$/gm)];
    expect(lines.map((m) => Number(m[1])), context).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(lines.map((m) => m[3]).sort(), context).toEqual([...towns].sort());
    for (const m of lines) expect(m[2], `${m[3]}: ${context}`).toBe(broken.has(m[3]!) ? '失败' : '完成');
    const failures = [...result.stdout.matchAll(/^失败 .*\/(t\d)\/2021\.yaml：.*错误 R1/gm)].map((m) => m[1]);
    expect(failures.sort(), context).toEqual(['t3', 't7']);
    for (const town of towns) expect(existsSync(join(out, town, '2021.pdf')), `${town}: ${context}`).toBe(!broken.has(town));
  });

  it('rebuild once with --watch when the data file changes', async () => {
    const dir = countyCopy();
    const file = join(dir, 'dongshan', '2021.yaml');
    const watcher = new Watcher(ROOT, [file, '-o', tempDir('out')]);
    try {
      await watcher.until(/正在监视/);
      expect(watcher.stdout.match(/已生成 .*\.pdf/g)).toHaveLength(1);
      let at = watcher.mark();
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^(\s*punishment:\s*)\d+/m, '$1 77'));
      await watcher.until(/已生成 .*\.pdf/, at);
      // A second change, built once more: three builds in all, one per change and the first.
      at = watcher.mark();
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^(\s*punishment:\s*)\d+/m, '$1 78'));
      await watcher.until(/已生成 .*\.pdf/, at);
      expect(watcher.stdout.match(/已生成 .*\.pdf/g)).toHaveLength(3);
    } finally {
      await watcher.stop();
    }
  }, 3 * STEP_TIMEOUT_MS);

});
