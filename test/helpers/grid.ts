/** Comparing a table, however read, with the official grid of formats.md. */
import { expect } from 'vitest';
import type { SpecCell } from '../spec/official-tables.js';

export interface ActualCell {
  text: string;
  rowSpan: number;
  colSpan: number;
}

const normalise = (text: string) => text.replace(/\s+/g, '');

/** Same rows, same cells in order, same spans, same label text; value cells hold a number. */
export function expectOfficialGrid(actual: ActualCell[][], spec: SpecCell[][], name: string): void {
  expect(actual.length, `${name}: number of rows`).toBe(spec.length);
  spec.forEach((specRow, r) => {
    const row = actual[r]!;
    expect(row.length, `${name} row ${r + 1}: number of cells`).toBe(specRow.length);
    specRow.forEach((cell, c) => {
      const got = row[c]!;
      const where = `${name} row ${r + 1} cell ${c + 1}`;
      expect({ rowSpan: got.rowSpan, colSpan: got.colSpan }, `${where}: spans`).toEqual({ rowSpan: cell.rowSpan, colSpan: cell.colSpan });
      if (cell.value) expect(normalise(got.text), `${where}: a number`).toMatch(/^-?\d+(\.\d+)?(元|万元)?$/);
      else expect(normalise(got.text), `${where}: label`).toBe(cell.text);
    });
  });
}
