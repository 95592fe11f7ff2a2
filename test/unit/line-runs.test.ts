/**
 * How the PDF writer cuts a broken line into runs (src/writers/pdf/text-runs.ts): a few runs set as they are, with
 * the justification gaps that the line setter (line-setter.ts) spreads the line over: one per unit of line
 * breaking (a Chinese character, a Latin word with its spaces, a letter of an over-long word).
 */
import { describe, expect, it } from 'vitest';
import { lineRuns, type TextRun } from '../../src/writers/pdf/text-runs.js';
import type { PdfFaces } from '../../src/writers/pdf/pdf-fonts.js';
import type { LoadedFace } from '../../src/fonts/font-registry.js';

const face = (key: string) => ({ key, ascent: 880, descent: -120 }) as unknown as LoadedFace;
const faces: PdfFaces = {
  family: (role) => (role === 'latin' ? 'latin-face' : 'cjk-face'),
  face: (role) => face(role === 'latin' ? 'latin' : 'cjk'),
  descriptors: () => ({}),
};
const style = { role: 'body' as const, size: 15.79, pitch: 28.95 };

const summary = (runs: TextRun[]) => runs.map((run) => `${run.text}|${run.role === 'latin' ? 'L' : 'C'}|${run.gaps ?? '-'}`);
const gaps = (runs: TextRun[]) => runs.reduce((sum, run) => sum + (run.gaps ?? 0), 0);

describe('lineRuns', () => {
  it('gives one run per stretch of Chinese and one per Latin word, each set as it is', () => {
    const runs = lineRuns('期限自2020年1月1日起', faces, style, false);
    expect(summary(runs)).toEqual(['期限自|C|-', '2020|L|-', '年|C|-', '1|L|-', '月|C|-', '1|L|-', '日起|C|-']);
    expect(runs.every((run) => run.size === style.size)).toBe(true);
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
