/**
 * What the value cells of a sheet hold: a report's own figures with its totals as SUM formulas, or (for a
 * county's 汇总 sheet) every figure as the sum of the same cell on each member's sheet.
 */
import type { ReportFormat } from '../formats/format.js';
import { describeCell, type ValueCell } from './table-cells.js';
import { sumFormula, type CellContent } from './write-workbook.js';

/** The figure of an input cell; null or undefined leaves the cell blank. */
export type FigureOf = (cell: ValueCell) => number | null | undefined;

/**
 * Input cells hold the figures; totals are formulas over the cells they add up, with the current sum. A legacy
 * 统计表 total that the data types stays a typed figure: published 统计表 did not always add up.
 */
export function figureContents(format: ReportFormat, figureOf: FigureOf) {
  const formula = (cell: ValueCell) => cell.sumOf !== undefined && !(cell.blankAllowed && typeof figureOf(cell) === 'number');
  const total = (cell: ValueCell): number =>
    formula(cell) ? round(cell.sumOf!.reduce((sum, path) => sum + total(describeCell(format, path)!), 0)) : (figureOf(cell) ?? 0);
  return (cell: ValueCell, address: (dataPath: string) => string): CellContent =>
    formula(cell) ? { formula: sumFormula(cell.sumOf!.map(address)), result: total(cell) } : { value: figureOf(cell) ?? null };
}

/**
 * Every cell the sum of the same cell on the members' sheets (which share this sheet's layout). An amount a
 * member states in 元 is divided by 10 000, since the county states amounts in 万元.
 */
export function memberSumContents(
  members: ReadonlyArray<{ sheet: string; figureOf: FigureOf; unitOf?: (cell: ValueCell) => string | undefined }>,
  format: ReportFormat,
) {
  const totals = members.map((m) => figureContents(format, m.figureOf));
  return (cell: ValueCell, address: (dataPath: string) => string): CellContent => {
    const at = address(cell.dataPath);
    const inYuan = members.map((m) => cell.money && m.unitOf?.(cell) === '元');
    const result = round(
      totals.reduce((sum, contents, i) => {
        const content = contents(cell, address);
        const value = 'value' in content ? (content.value ?? 0) : content.result;
        return sum + (inYuan[i] ? value / 10000 : value);
      }, 0),
    );
    return { formula: members.map((m, i) => `${sheetReference(m.sheet)}!${at}${inYuan[i] ? '/10000' : ''}`).join('+'), result };
  };
}

/** A sheet name as a formula reference: always quoted, a quote doubled. */
export function sheetReference(name: string): string {
  return `'${name.replaceAll("'", "''")}'`;
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;
