/**
 * The computed totals of the official tables, in-process, against sums taken here from the data file as the
 * `yaml` package reads it; and the R2/R3/R4 findings for a typed total that disagrees, at the typed number.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkedReport, positionOf, readProjectFile } from './helpers/report.js';

const COLUMNS = ['natural_person', 'commercial', 'research', 'social_welfare', 'legal_services', 'other'];
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const rowOf = (cells: number[]) => ({ ...Object.fromEntries(COLUMNS.map((c, i) => [c, cells[i]])), total: sum(cells.slice(0, 6)) });

/** Every 表三 result row of the data, by group. */
function resultRows(results: Record<string, unknown>): { single: Record<string, number[]>; groups: Record<string, Record<string, number[]>> } {
  const single: Record<string, number[]> = {};
  const groups: Record<string, Record<string, number[]>> = {};
  for (const [key, value] of Object.entries(results)) {
    if (key === 'total') continue;
    if (Array.isArray(value)) single[key] = value as number[];
    else groups[key] = value as Record<string, number[]>;
  }
  return { single, groups };
}

const NATIONAL = ['data/2020.yaml', 'data/2021.yaml', 'data/example-county/county/2021.yaml', 'test/corpus/consistent/kecheng-2020.yaml', 'test/corpus/consistent/bianlukou-2019.yaml'];

describe('computed statistics', () => {
  it.each(NATIONAL)('%s: 表三 rows, group sums and （七）总计, 表四 totals', (file) => {
    const data = parse(readProjectFile(file));
    const { report } = checkedReport(file);
    const tree = report.statistics.tree as any;
    expect(report.statistics.findings).toEqual([]);
    for (const key of ['received', 'carried_in', 'carried_out']) expect(tree.requests[key], key).toEqual(rowOf(data.requests[key]));
    const { single, groups } = resultRows(data.requests.results);
    const all: number[][] = [];
    for (const [key, cells] of Object.entries(single)) {
      expect(tree.requests.results[key], key).toEqual(rowOf(cells));
      all.push(cells);
    }
    for (const [group, rows] of Object.entries(groups)) {
      const cells = Object.values(rows);
      all.push(...cells);
      for (const [key, row] of Object.entries(rows)) expect(tree.requests.results[group][key]).toEqual(rowOf(row));
      expect(tree.requests.results[group].sum, `${group}.sum`).toEqual(rowOf(COLUMNS.map((_, i) => sum(cells.map((c) => c[i]!)))));
    }
    expect(tree.requests.results.total).toEqual(rowOf(COLUMNS.map((_, i) => sum(all.map((c) => c[i]!)))));
    for (const [key, block] of Object.entries(data.appeals as Record<string, Record<string, number>>)) {
      expect(tree.appeals[key].total, key).toBe(block.upheld! + block.corrected! + block.other! + block.pending!);
    }
  });

  it('prints an amount as it was typed', () => {
    const { report } = checkedReport('data/2021.yaml');
    expect(report.statistics.cells.get('active.fees')).toBe('0.00');
  });

  it('R2: a typed 总计 of a 表三 row that is not the sum is an error at the typed number', () => {
    const { text, report } = checkedReport('data/2021.yaml', (t) => t.replace('received:    [6, 1, 0, 0, 0, 0]', 'received:    [6, 1, 0, 0, 0, 0, 8]'));
    const findings = report.statistics.findings;
    expect(findings.map((f) => [f.rule, f.at?.line, f.at?.col])).toEqual([['R2', ...Object.values(positionOf(text, '0, 8]', 3))]]);
    expect(findings[0]!.message).toContain('应为 7');
  });

  it('R3: a typed （七）总计 is checked column by column', () => {
    const edit = (t: string) => t.replace('    disclosed: ', '    total:             [6, 1, 0, 0, 0, 0, 7]\n    disclosed: ');
    const { text, report } = checkedReport('data/2021.yaml', edit);
    // The 自然人 column sums to 5 and the 总计 column to 6 over all result rows; 6 and 7 are typed.
    const expected = [positionOf(text, '[6, 1, 0, 0, 0, 0, 7]', 1), positionOf(text, '[6, 1, 0, 0, 0, 0, 7]', 19)];
    expect(report.statistics.findings.map((f) => [f.rule, f.at?.line, f.at?.col])).toEqual(expected.map((p) => ['R3', p.line, p.col]));
  });

  it('R4: a typed 表四 total that is not the sum is an error at the total', () => {
    const { text, report } = checkedReport('data/2021.yaml', (t) => t.replace('{ upheld: 1, corrected: 0, other: 0, pending: 0 }', '{ upheld: 1, corrected: 0, other: 0, pending: 0, total: 2 }'));
    expect(report.statistics.findings.map((f) => [f.rule, f.at?.line, f.at?.col])).toEqual([['R4', ...Object.values(positionOf(text, 'total: 2', 7))]]);
  });
});
