/**
 * A text value over 200,000 characters is refused before any work starts: one Chinese message at the value's
 * file:line:col, exit 2, no output, from `build` and `check` alike. The limit itself passes the size check, and so
 * does every example. The paragraph is the benchmark's long paragraph (src/bench/long-paragraph.ts).
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runCli, tempDir } from './helpers/cli.js';
import { longParagraphReport } from '../src/bench/long-paragraph.js';
import { YamlSource } from '../src/load/yaml-source.js';
import { MAX_TEXT_CHARS, withinSizes } from '../src/pipeline/size-limits.js';
import { ReportError } from '../src/report-error/finding.js';

const EXAMPLE = readFileSync(join(ROOT, 'data/2020.yaml'), 'utf8');
const OTHER_LINE = EXAMPLE.split('\n').findIndex((line) => line.startsWith('  other: |')) + 1;

describe('text size limit', () => {
  it.each(['build', 'check'])('%s refuses a narrative of 200,001 characters at its position, with exit 2 and no output', (command) => {
    const dir = tempDir('size-limit');
    const file = join(dir, '2020.yaml');
    writeFileSync(file, longParagraphReport(EXAMPLE, MAX_TEXT_CHARS + 1));
    const out = join(dir, 'out');
    const result = runCli(command === 'build' ? ['build', file, '-o', out] : ['check', file]);
    expect(result.code).toBe(2);
    const errors = `${result.stdout}${result.stderr}`.split('\n').filter((line) => /:\d+:\d+ 错误 /.test(line));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp(`2020\\.yaml:${OTHER_LINE}:\\d+ 错误 text\\.other 有 200001 个字符，超过一段文字的上限 200000 个字符`));
    expect(result.stderr).not.toMatch(/at .+\.js:\d+/);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });

  it('passes a narrative of exactly 200,000 characters, and every example', () => {
    const atLimit = YamlSource.parse(longParagraphReport(EXAMPLE, MAX_TEXT_CHARS), 'limit.yaml');
    expect(() => withinSizes(atLimit)).not.toThrow();
    const over = YamlSource.parse(longParagraphReport(EXAMPLE, MAX_TEXT_CHARS + 1), 'over.yaml');
    expect(() => withinSizes(over)).toThrow(ReportError);
    for (const example of ['data/2020.yaml', 'data/2021.yaml', 'data/xinfeng/2017.yaml', 'data/dongfeng/2011.yaml']) {
      expect(() => withinSizes(YamlSource.read(join(ROOT, example)))).not.toThrow();
    }
  });
});
