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
import { charsOver, MAX_TEXT_CHARS, withinSizes } from '../src/pipeline/size-limits.js';
import { seededRandom } from '../src/bench/seeded-random.js';
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

  it('counts characters as the string iterator does, over generated texts with surrogate pairs, lone halves and line ends', () => {
    // Each text is over its limit in UTF-16 units, so that it is counted; the count must equal [...text] without
    // the line ends at its end, and the text is refused exactly when that count is over the limit.
    const pieces = ['政', 'a', '\n', '\u{20B9F}', '\uD842', '\uDFB7', '。', '\r'];
    const seed = Number(process.env.REPORT_GEN_SIZE_SEED ?? 20261201);
    const random = seededRandom(seed);
    for (let n = 0; n < 2000; n++) {
      let text = '';
      const length = 1 + Math.floor(random() * 40);
      for (let i = 0; i < length; i++) text += pieces[Math.floor(random() * pieces.length)]!;
      const expected = [...text.replace(/\n+$/, '')].length;
      const limit = Math.floor(random() * text.length);
      expect(charsOver(text, limit), `seed ${seed}, text ${JSON.stringify(text)}, limit ${limit}`).toBe(expected > limit ? expected : undefined);
    }
  });
});
