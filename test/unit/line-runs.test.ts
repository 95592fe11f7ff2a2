/**
 * How the PDF writer hands pdfmake a broken line (src/writers/pdf/text-runs.ts): a few runs set as they are, kept
 * on one line, with the justification gaps that the patch pdfmake-justify-lines spreads the line over: one per
 * unit of line breaking (a Chinese character, a Latin word with its spaces, a letter of an over-long word).
 */
import { describe, expect, it } from 'vitest';
import { joinLines, lineRuns, type LineRun } from '../../src/writers/pdf/text-runs.js';
import { JUSTIFY_GAPS } from '../../src/patches/pdfmake-justify-lines.js';
import type { PdfFaces } from '../../src/writers/pdf/pdf-fonts.js';
import type { LoadedFace } from '../../src/fonts/font-registry.js';

const face = { ascent: 880, descent: -120 } as unknown as LoadedFace;
const faces: PdfFaces = { family: (role) => (role === 'latin' ? 'latin-face' : 'cjk-face'), face: () => face };
const style = { role: 'body' as const, size: 15.79, pitch: 28.95 };

const summary = (runs: LineRun[]) => runs.map((run) => `${run.text}|${run.font === 'latin-face' ? 'L' : 'C'}|${run[JUSTIFY_GAPS] ?? '-'}`);
const gaps = (runs: LineRun[]) => runs.reduce((sum, run) => sum + Number(run[JUSTIFY_GAPS] ?? 0), 0);

describe('lineRuns', () => {
  it('gives one run per stretch of Chinese and one per Latin word, each set as it is', () => {
    const runs = lineRuns('期限自2020年1月1日起', faces, style, false);
    expect(summary(runs)).toEqual(['期限自|C|-', '2020|L|-', '年|C|-', '1|L|-', '月|C|-', '1|L|-', '日起|C|-']);
    expect(runs.every((run) => run.noWrap === true)).toBe(true);
  });

  it('counts a justified line’s units: every Chinese character, every Latin word with its spaces', () => {
    // Units: 电 话 ： 0797-5224110 (with its space) 或, the space after it, Tel: (with its space), 12345, 。 → 9.
    const runs = lineRuns('电话：0797-5224110 或 Tel: 12345。', faces, style, true);
    expect(summary(runs)).toEqual(['电话：|C|3', '0797-5224110 |L|1', '或|C|1', ' |L|1', 'Tel: |L|1', '12345|L|1', '。|C|1']);
    expect(gaps(runs)).toBe(9);
  });

  it('counts every letter of a word longer than 20 characters, which may break anywhere', () => {
    const address = 'http://www.xingguo.gov.cn/zmx/';
    const runs = lineRuns(`见${address}`, faces, style, true);
    expect(gaps(runs)).toBe(1 + address.length);
  });

  it('sets the line’s last character apart, so that character spacing never follows the line’s last glyph', () => {
    const runs = lineRuns('全年主动公开政府信息', faces, style, true);
    expect(summary(runs)).toEqual(['全年主动公开政府信|C|9', '息|C|1']);
  });
});

describe('joinLines', () => {
  it('keeps every run on its line and ends each line but the last with a break in the line’s style', () => {
    const joined = joinLines([lineRuns('第一行2020', faces, style, false), lineRuns('第二行', faces, style, false)]);
    expect(joined.map((run) => run.text)).toEqual(['第一行', '2020', '\n', '第二行']);
    expect(joined.map((run) => run.noNewLine === true)).toEqual([true, true, false, false]);
    const [, digits, newline] = joined;
    expect({ font: newline!.font, fontSize: newline!.fontSize, lineHeight: newline!.lineHeight }).toEqual({ font: digits!.font, fontSize: digits!.fontSize, lineHeight: digits!.lineHeight });
  });

  it('keeps an empty line as a break of its own', () => {
    expect(joinLines([[], lineRuns('正文', faces, style, false)]).map((run) => run.text)).toEqual(['\n', '正文']);
  });
});
