/**
 * How the PDF writer places the runs of a line (src/writers/pdf/line-setter.ts), with a font whose every character
 * is as wide as the size (a Latin one half as wide), so that each expected place is plain arithmetic: runs follow
 * one another; a line is aligned in its measure, its trailing spaces not counted when it ends its text; the first
 * line is indented and its leading spaces are not set; a justified line ends exactly at the measure, each run moved
 * by the gaps before it and a run of several gaps spread by character spacing.
 */
import { describe, expect, it } from 'vitest';
import { LineSetter } from '../../src/writers/pdf/line-setter.js';
import type { PdfFaces } from '../../src/writers/pdf/pdf-fonts.js';
import type { PdfFont } from '../../src/patches/load-pdfmake.js';
import type { TextRun } from '../../src/writers/pdf/text-runs.js';

const cjk: PdfFont = { ascender: 880, widthOfString: (text, size) => [...text].length * size };
const latin: PdfFont = { ascender: 700, widthOfString: (text, size) => [...text].length * size * 0.5 };
const faces = { family: (role: string) => (role === 'latin' ? 'latin' : 'cjk') } as unknown as PdfFaces;
const setter = new LineSetter(faces, (family) => (family === 'latin' ? latin : cjk));

const run = (text: string, role: TextRun['role'] = 'body', gaps?: number): TextRun => ({ text, role, size: 10, ...(gaps === undefined ? {} : { gaps }) });
const at = { left: 50, y: 100, width: 200, height: 20 };
const ends = (line: ReturnType<LineSetter['line']>) => line.inlines.map((i) => [i.text, i.x, i.width, i.characterSpacing]);

describe('LineSetter', () => {
  it('sets runs one after another from the left of the measure', () => {
    const line = setter.line([run('公开'), run('2020', 'latin'), run('年')], at, { align: 'left' });
    expect(line.x).toBe(50);
    expect(line.y).toBe(100);
    expect(ends(line)).toEqual([['公开', 0, 20, 0], ['2020', 20, 20, 0], ['年', 40, 10, 0]]);
    expect(line.getHeight()).toBe(20);
    expect(line.getAscenderHeight()).toBeCloseTo(8.8, 10);
  });

  it('aligns right and centre in the measure, leaving out the trailing spaces of a text’s last line only', () => {
    expect(setter.line([run('落款')], at, { align: 'right', last: true }).x).toBe(50 + 200 - 20);
    expect(setter.line([run('标题')], at, { align: 'center', last: true }).x).toBe(50 + (200 - 20) / 2);
    // "ab  ": 4 characters of 5 pt; the two trailing spaces count only on a line that does not end the text.
    expect(setter.line([run('ab  ', 'latin')], at, { align: 'right', last: true }).x).toBe(50 + 200 - 10);
    expect(setter.line([run('ab  ', 'latin')], at, { align: 'right' }).x).toBe(50 + 200 - 20);
  });

  it('indents the first line and does not set its leading spaces', () => {
    expect(ends(setter.line([run('正文')], at, { align: 'left', indent: 20 }))).toEqual([['正文', 20, 20, 0]]);
    expect(ends(setter.line([run('  x', 'latin'), run('文')], at, { align: 'left' }))).toEqual([['  x', -10, 15, 0], ['文', 5, 10, 0]]);
  });

  it('spreads a justified line to the full measure over its gaps, the last unit with none after it', () => {
    // 公开信息 (4 gaps) 2020 (1) 年 (1): 6 units, 5 gaps, 70 pt of text in 200 pt: 26 pt a gap.
    const line = setter.line([run('公开信息', 'body', 4), run('2020', 'latin', 1), run('年', 'body', 1)], at, { align: 'left', justify: true });
    const step = (200 - 70) / 5;
    expect(line.inlines.map((i) => i.x)).toEqual([0, 40 + 4 * step, 60 + 5 * step]);
    expect(line.inlines.map((i) => i.characterSpacing)).toEqual([step, 0, 0]);
    const last = line.inlines.at(-1)!;
    expect(last.x + last.width).toBeCloseTo(200, 10);
  });

  it('leaves a justified line that already fills its measure as it is', () => {
    const line = setter.line([run('一'.repeat(19), 'body', 19), run('二', 'body', 1)], at, { align: 'left', justify: true });
    expect(line.inlines.map((i) => [i.x, i.characterSpacing])).toEqual([[0, 0], [190, 0]]);
  });

  it('spreads to the measure less the last run’s trailing spaces', () => {
    const line = setter.line([run('公开', 'body', 2), run('ab ', 'latin', 1)], at, { align: 'left', justify: true });
    const last = line.inlines.at(-1)!;
    expect(last.x + last.width - 5).toBeCloseTo(200, 10);
  });
});
