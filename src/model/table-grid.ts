/** Where each cell of a table sits on the grid of rows and columns. */
import type { TableBlock, TableCell } from './document.js';

export interface PlacedCell {
  cell: TableCell;
  row: number;
  col: number;
}

/** The grid position each cell occupies, following HTML's table model. */
export function placeCells(table: TableBlock): Array<Array<PlacedCell | undefined>> {
  const grid: Array<Array<PlacedCell | undefined>> = table.rows.map(() => new Array(table.columns.length).fill(undefined));
  table.rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row.cells) {
      while (grid[r]![c]) c++;
      const placed = { cell, row: r, col: c };
      for (let dr = 0; dr < cell.rowSpan; dr++) for (let dc = 0; dc < cell.colSpan; dc++) grid[r + dr]![c + dc] = placed;
      c += cell.colSpan;
    }
  });
  return grid;
}
