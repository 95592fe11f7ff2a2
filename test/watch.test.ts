/**
 * `build <folder> --watch` reacts to everything the build read or looked for: a new override template, an edit of
 * the data, last year's file appearing and changing (X0, R5), the font configuration, and a new data file. A
 * rebuild prints only the findings that changed. Every step waits for the watcher's own output, never a fixed time.
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from './helpers/cli.js';
import { STEP_TIMEOUT_MS, Watcher } from './helpers/watcher.js';

describe('build --watch', () => {
  const dir = tempDir('watch');
  const town = join(dir, 'data', 'town');
  let watcher: Watcher;
  const html = () => readFileSync(join(dir, 'out', 'town', '2021.html'), 'utf8');
  beforeAll(() => {
    mkdirSync(town, { recursive: true });
    copyFileSync(join(ROOT, 'data/2021.yaml'), join(town, '2021.yaml'));
    // A PDF too, so that the faces are used and a change of the font configuration shows.
    watcher = new Watcher(dir, ['data', '--to', 'html,pdf']);
  });
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
    const { err } = await watcher.until(/已生成 out\/town\/2021\.html/, at);
    expect(html()).toContain('请致电樟木乡人民政府。');
    expect(err).not.toMatch(/X0/);
  }, STEP_TIMEOUT_MS);

  it('rebuilds when the data file changes', async () => {
    const at = watcher.mark();
    const file = join(town, '2021.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/(  overview: \|[^\n]*\n)/, '$1    改过的第一段。\n\n'));
    const { err } = await watcher.until(/已生成 out\/town\/2021\.html/, at);
    expect(html()).toContain('改过的第一段。');
    expect(err).not.toMatch(/X0/);
  }, STEP_TIMEOUT_MS);

  it("rebuilds when last year's file appears and when it changes (X0 resolved, then R5)", async () => {
    let at = watcher.mark();
    copyFileSync(join(ROOT, 'data/2020.yaml'), join(town, '2020.yaml'));
    let seen = await watcher.until(/已生成 out\/town\/2021\.html/, at);
    expect(seen.err).toMatch(/已消除：.*X0/);
    at = watcher.mark();
    const last = join(town, '2020.yaml');
    writeFileSync(last, readFileSync(last, 'utf8').replace('carried_out: [0, 0, 0, 0, 0, 0]', 'carried_out: [1, 0, 0, 0, 0, 0]'));
    seen = await watcher.until(/已生成 out\/town\/2021\.html/, at);
    expect(seen.err).toMatch(/2021\.yaml:\d+:\d+ 警告 R5 /);
  }, STEP_TIMEOUT_MS);

  it('rebuilds when the font configuration appears and goes', async () => {
    let at = watcher.mark();
    const tinos = join(ROOT, 'node_modules/@expo-google-fonts/tinos/400Regular/Tinos_400Regular.ttf');
    writeFileSync(join(dir, 'report-gen.config.yaml'), `fonts:\n  heading: ${tinos}\n`);
    let seen = await watcher.until(/未能生成 data\/town\/2021\.yaml/, at);
    expect(seen.err).toMatch(/一级标题字体 Tinos-Regular 不含中文字形/);
    at = watcher.mark();
    rmSync(join(dir, 'report-gen.config.yaml'));
    seen = await watcher.until(/已生成 out\/town\/2021\.html/, at);
  }, STEP_TIMEOUT_MS * 2);

  it('builds a new data file in the watched folder', async () => {
    const at = watcher.mark();
    mkdirSync(join(dir, 'data', 'other'));
    copyFileSync(join(ROOT, 'data/2021.yaml'), join(dir, 'data', 'other', '2021.yaml'));
    const { out } = await watcher.until(/已生成 out\/other\/2021\.html/, at);
    expect(out).toContain('发现新的数据文件 data/other/2021.yaml');
  }, STEP_TIMEOUT_MS);
});
