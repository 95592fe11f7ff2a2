/**
 * Where a table may be cut between pages. A table is cut only between rows; each piece repeats the header rows;
 * a group of rows under a spanning label may be cut only where both parts are at least as tall as the label, so
 * that no row is ever stretched to hold it.
 */
import { RULE_WIDTH } from '../../layout/table-columns.js';
import { ownHeight, type TableMetrics } from './pdf-table.js';
import type { PlacedCell } from '../../model/table-grid.js';

/** Body rows `from` to `to` (exclusive) of one piece. */
export interface TablePiece {
  from: number;
  to: number;
  height: number;
}

function spanningCells(metrics: TableMetrics): PlacedCell[] {
  const cells = new Set<PlacedCell>();
  for (const row of metrics.grid) for (const placed of row) if (placed && placed.cell.rowSpan > 1) cells.add(placed);
  return [...cells];
}

const sum = (values: number[], from: number, to: number) => values.slice(from, to).reduce((a, b) => a + b, 0);

/** Height of a piece as drawn: header rows, body rows, what spanning labels add, and the bottom rule. */
export function pieceHeight(metrics: TableMetrics, from: number, to: number, spans = spanningCells(metrics)): number {
  let height = sum(metrics.rowHeights, 0, metrics.headerRows) + sum(metrics.rowHeights, from, to) + RULE_WIDTH;
  for (const placed of spans) {
    if (placed.row < metrics.headerRows) {
      // A header cell spans header rows only.
      height += Math.max(0, ownHeight(placed, metrics) - (sum(metrics.rowHeights, placed.row, placed.row + placed.cell.rowSpan) - RULE_WIDTH));
      continue;
    }
    const a = Math.max(placed.row, from);
    const b = Math.min(placed.row + placed.cell.rowSpan, to);
    if (a >= b) continue;
    height += Math.max(0, ownHeight(placed, metrics) - (sum(metrics.rowHeights, a, b) - RULE_WIDTH));
  }
  return height;
}

/** Whether a cut before body row `at` leaves every spanning label room on both sides. */
function cutAllowed(metrics: TableMetrics, from: number, at: number, spans: PlacedCell[]): boolean {
  return spans.every((placed) => {
    if (placed.row < metrics.headerRows) return true;
    const end = placed.row + placed.cell.rowSpan;
    if (placed.row >= at || end <= at) return true;
    const own = ownHeight(placed, metrics);
    const before = sum(metrics.rowHeights, Math.max(placed.row, from), at) - RULE_WIDTH;
    const after = sum(metrics.rowHeights, at, end) - RULE_WIDTH;
    return before >= own && after >= own;
  });
}

/**
 * Cuts the table into pieces: the first fits in `first` points, each later one in `full` (a page). A piece that
 * cannot hold even one row with the header takes one row anyway, on a page of its own.
 */
export function cutTable(metrics: TableMetrics, first: number, full: number): TablePiece[] {
  const spans = spanningCells(metrics);
  const rows = metrics.rowHeights.length;
  const pieces: TablePiece[] = [];
  let from = metrics.headerRows;
  let available = first;
  while (from < rows || pieces.length === 0) {
    let fitting = -1;
    let allowed = -1;
    for (let to = from + 1; to <= rows; to++) {
      if (pieceHeight(metrics, from, to, spans) > available) break;
      fitting = to;
      if (to === rows || cutAllowed(metrics, from, to, spans)) allowed = to;
    }
    let to = allowed > from ? allowed : -1;
    if (to < 0 && available >= full) to = fitting > from ? fitting : Math.min(from + 1, rows);
    if (to < 0) to = from; // nothing here: the table continues on the next page
    pieces.push({ from, to, height: to > from ? pieceHeight(metrics, from, to, spans) : 0 });
    if (from === rows) break;
    from = to;
    available = full;
  }
  return pieces;
}

/** Height of the header and the first `count` body rows: the least of a table that may start on a page. */
export function startHeight(metrics: TableMetrics, count = 2): number {
  const from = metrics.headerRows;
  return pieceHeight(metrics, from, Math.min(metrics.rowHeights.length, from + count));
}
