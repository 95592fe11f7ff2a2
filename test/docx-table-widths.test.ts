/** DOCX column widths: every figure fits its column at the table's size, stepping down to 9 and 8 pt, never wrapping. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { docxTableLayout } from '../dist/writers/docx/docx-table.js';
import { readDocxPart } from './readers/docx.js';
import { builtExample } from './helpers/examples.js';

const TEXT_WIDTH = Math.round(((156 * 72) / 25.4) * 20);
const cell = (text: string, extra: object = {}) => ({ lines: [text], rowSpan: 1, colSpan: 1, align: 'center' as const, header: false, indent: 0, ...extra });

/** A table shaped like 表三 (a wide label column and value columns) or 表四 (value columns only), seeded figures. */
function table(columns: number[], digits: number, labelled: boolean, seed: number) {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31);
  const figure = () => String(10 ** (digits - 1) + (next() % (9 * 10 ** (digits - 1))));
  const body = Array.from({ length: 6 }, () => ({
    header: false,
    cells: columns.map((_, c) => (labelled && c === 0 ? cell('（二）部分公开（区分处理的，只计这一情形）') : cell(figure(), { dataPath: 'x' }))),
  }));
  return { kind: 'table' as const, caption: '表', columns, rows: [{ header: true, cells: columns.map(() => cell('标题', { header: true })) }, ...body] };
}

describe('DOCX table column widths', () => {
  const cases = [
    { name: '表三, 7 digits', columns: [3, 1, 1, 1, 1, 1, 1, 1, 1, 1], digits: 7, labelled: true, size: 10.5 },
    { name: '表四, 4 digits', columns: Array(15).fill(1), digits: 4, labelled: false, size: 10.5 },
    { name: '表四, 5 digits', columns: Array(15).fill(1), digits: 5, labelled: false, size: 9 },
    { name: '表四, 6 digits', columns: Array(15).fill(1), digits: 6, labelled: false, size: 8 },
  ];
  it.each(cases)('$name: every figure column holds its widest figure, at $size pt', ({ columns, digits, labelled, size }) => {
    for (let seed = 1; seed <= 20; seed++) {
      const model = table(columns, digits, labelled, seed);
      const layout = docxTableLayout(model);
      expect(layout.size, `seed ${seed}`).toBe(size);
      expect(layout.widths.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
      // Times New Roman digits are half an em; the cell margins are at least 0.5 mm either side.
      const need = Math.ceil((digits * size) / 2) * 20 + 2 * 28;
      layout.widths.forEach((w, c) => {
        if (!(labelled && c === 0)) expect(w, `seed ${seed}, column ${c}`).toBeGreaterThanOrEqual(need);
      });
    }
  });

  it('marks every figure cell of the example tables w:noWrap', () => {
    const xml = readDocxPart(readFileSync(builtExample('data/2021.yaml').docx), 'word/document.xml');
    const cells = xml.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? [];
    const figures = cells.filter((c) => /<w:t(?: [^>]*)?>\d+(\.\d+)?<\/w:t>/.test(c) && !/<w:t(?: [^>]*)?>[^<\d]/.test(c));
    expect(figures.length).toBeGreaterThan(50);
    for (const c of figures) expect(c).toContain('<w:noWrap/>');
  });
});
