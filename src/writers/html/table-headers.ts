/**
 * Header associations of an official table for HTML: which header cells name each data cell. Row headers are
 * the label cells of its row (spans included); column headers are the header cells above it in the nearest
 * run of header rows (表二 repeats its header rows per block).
 */
import type { TableBlock, TableCell } from '../../model/document.js';
import { placeCells } from '../../model/table-grid.js';

export interface CellPlacement {
  cell: TableCell;
  row: number;
  col: number;
}

export interface HeaderMap {
  /** Every cell once, in row order, with its position. */
  cells: CellPlacement[];
  /** Header cells (row and column) of each data cell, outermost first. */
  headersOf: Map<TableCell, TableCell[]>;
  /** Whether a cell is a header (a `<th>`): header rows and label cells. */
  isHeader(cell: TableCell): boolean;
}

export function tableHeaders(table: TableBlock): HeaderMap {
  const grid = placeCells(table);
  const isHeader = (cell: TableCell) => cell.header || (!cell.dataPath && cell.lines.join('') !== '');
  const rowIsHeader = table.rows.map((row) => row.cells.length > 0 && row.cells.every((c) => c.header));
  const cells: CellPlacement[] = [];
  grid.forEach((row, r) => {
    for (const placed of new Set(row)) if (placed && placed.row === r) cells.push(placed);
  });

  const headersOf = new Map<TableCell, TableCell[]>();
  for (const { cell, row, col } of cells) {
    if (isHeader(cell)) continue;
    const rowHeaders = [...new Set(grid[row]!)].filter((p) => p && p.col < col && isHeader(p.cell)).map((p) => p!.cell);
    const columnHeaders: TableCell[] = [];
    let r = row - 1;
    while (r >= 0 && !rowIsHeader[r]) r--;
    for (; r >= 0 && rowIsHeader[r]; r--) {
      for (let c = col; c < col + cell.colSpan; c++) {
        const above = grid[r]![c];
        if (above && isHeader(above.cell) && !columnHeaders.includes(above.cell)) columnHeaders.unshift(above.cell);
      }
    }
    headersOf.set(cell, [...rowHeaders, ...columnHeaders]);
  }
  return { cells, headersOf, isHeader };
}
