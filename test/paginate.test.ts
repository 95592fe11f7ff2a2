/**
 * The PDF's page decisions (src/writers/pdf/paginate.ts) on made-up blocks of known size: a page holds 22 body
 * lines of 28.95 pt.
 */
import { describe, expect, it } from 'vitest';
import type { Block } from '../src/model/document.js';
import { paginate, type Item, type Placement, type TextItem } from '../src/writers/pdf/paginate.js';
import { breakLines, breakLinesMeasured } from '../src/writers/pdf/line-break.js';

const PITCH = 28.95;
const block: Block = { kind: 'paragraph', text: '', indent: true, align: 'justify', role: 'body' };
const set = { style: { role: 'body' as const, size: 15.79, pitch: PITCH }, align: 'justify' as const, indent: 0, pitch: PITCH, after: 0 };
const paragraph = (lines: number, name = 'p'): TextItem => ({
  kind: 'text', block, lines: Array.from({ length: lines }, (_, i) => `${name}${i}`), ...set, keepWithNext: false, splittable: true,
});
const heading = (name = 'h'): TextItem => ({ kind: 'text', block, lines: [name], ...set, keepWithNext: true, splittable: false });
const signature: Item = { kind: 'signature', block: { kind: 'signature', org: '某乡人民政府', date: '2022年1月20日' }, height: 3 * PITCH };

/** Each page as the line names and items on it. */
const show = (pages: Placement[][]) =>
  pages.map((page) => page.flatMap((p) => (p.kind === 'text' ? p.item.lines.slice(p.from, p.to) : [p.kind === 'whole' ? p.item.kind : 'table'])));

describe('paragraphs', () => {
  it('fill a page with 22 lines and split a long paragraph between lines', () => {
    const pages = show(paginate([paragraph(30)]));
    expect(pages.map((p) => p.length)).toEqual([22, 8]);
  });

  it('leave no first line alone at the foot of a page', () => {
    // 21 lines used: the next paragraph's first line would stand alone at the foot.
    const pages = show(paginate([paragraph(21, 'a'), paragraph(5, 'b')]));
    expect(pages[0]!.at(-1)).toBe('a20');
    expect(pages[1]![0]).toBe('b0');
  });

  it('leave no last line alone at the head of a page', () => {
    // 19 used, a paragraph of 4: 3 would fit, leaving one line over; two go over instead.
    const pages = show(paginate([paragraph(19, 'a'), paragraph(4, 'b')]));
    expect(pages[0]!.slice(-2)).toEqual(['b0', 'b1']);
    expect(pages[1]).toEqual(['b2', 'b3']);
  });
});

describe('headings', () => {
  it('never end a page: a heading goes over with the first two lines of its text', () => {
    const pages = show(paginate([paragraph(20, 'a'), heading('h'), paragraph(6, 'b')]));
    expect(pages[0]!.at(-1)).toBe('a19');
    expect(pages[1]!.slice(0, 3)).toEqual(['h', 'b0', 'b1']);
  });

  it('stay with a heading below them', () => {
    const pages = show(paginate([paragraph(19, 'a'), heading('h1'), heading('h2'), paragraph(6, 'b')]));
    expect(pages[1]!.slice(0, 3)).toEqual(['h1', 'h2', 'b0']);
  });
});

describe('the 落款', () => {
  it('takes the last two lines of the text over when it does not fit', () => {
    const pages = show(paginate([paragraph(20, 'a'), signature]));
    expect(pages[0]).toHaveLength(18);
    expect(pages[1]).toEqual(['a18', 'a19', 'signature']);
  });

  it('takes a short last paragraph and its heading over whole', () => {
    const pages = show(paginate([paragraph(18, 'a'), heading('h'), paragraph(1, 'b'), paragraph(1, 'c'), signature]));
    expect(pages[1]).toEqual(['h', 'b0', 'c0', 'signature']);
  });

  it('takes lines from above a heading when the text under it is a single line', () => {
    const pages = show(paginate([paragraph(20, 'a'), heading('h'), paragraph(1, 'b'), signature]));
    expect(pages[1]).toEqual(['a18', 'a19', 'h', 'b0', 'signature']);
  });

  it('pulls a line back when only one line of text stands above it', () => {
    const pages = show(paginate([paragraph(22, 'a'), paragraph(1, 'b'), signature]));
    expect(pages[1]).toEqual(['a20', 'a21', 'b0', 'signature']);
  });
});

describe('page breaks', () => {
  it('add no empty page at the top of a page', () => {
    const pages = show(paginate([paragraph(22), { kind: 'break' }, paragraph(3, 'b')]));
    expect(pages.map((p) => p.length)).toEqual([22, 3]);
  });
});

describe('line breaking', () => {
  const measure = (text: string) => [...text].length * 10;
  it('moves a closing mark to the next line with the character before it', () => {
    expect(breakLines('一二三四五。六七', measure, 50)).toEqual(['一二三四', '五。六七']);
  });

  it('keeps an opening mark with what follows it', () => {
    expect(breakLines('一二三四（五六', measure, 50)).toEqual(['一二三四', '（五六']);
  });

  it('breaks a Latin word only at a space, and a long one anywhere', () => {
    expect(breakLines('一二 abc def', measure, 60)).toEqual(['一二 abc', 'def']);
    expect(breakLines('x'.repeat(25), measure, 100)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
  });

  it('says what each line falls short of its measure, and 0 for a line before a forced break or at the end', () => {
    // 50 wide, first line indented by 20: 一二三 (30, full), then 四五。 moved over whole (the next line starts at 四).
    const { lines, shortfalls } = breakLinesMeasured('一二三四五。六七八九十\n甲乙', measure, 50, 20);
    expect(lines).toEqual(['一二三', '四五。六七', '八九十', '甲乙']);
    expect(shortfalls).toEqual([0, 0, 0, 0]);
    // A word that does not fit leaves its line short: "abc " is 40 wide, "defgh " 60, "ij" 20; the measure is 70.
    const words = breakLinesMeasured('abc defgh ij', measure, 70);
    expect(words.lines).toEqual(['abc', 'defgh', 'ij']);
    expect(words.shortfalls).toEqual([70 - 30, 70 - 50, 0]);
  });
});
