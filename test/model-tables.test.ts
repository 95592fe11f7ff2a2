/** The document model's tables against the official grids, and templates against the field definitions. */
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { prepareReport } from '../src/pipeline/prepare-report.js';
import { labelOfPath, APPLICANT_COLUMNS, APPEAL_RESULTS } from '../src/formats/shared/fields.js';
import type { TableBlock } from '../src/model/document.js';
import { placeCells } from '../src/model/table-grid.js';
import { NATIONAL_SECTIONS, OFFICIAL_TABLES } from './spec/official-tables.js';
import { expectOfficialGrid } from './helpers/grid.js';
import { ROOT } from './helpers/cli.js';

const EXAMPLES = [
  { file: 'data/2020.yaml', format: 'national-2019' },
  { file: 'data/2021.yaml', format: 'national-2021' },
] as const;

const modelGrid = (table: TableBlock) => table.rows.map((row) => row.cells.map((c) => ({ text: c.lines.join(''), rowSpan: c.rowSpan, colSpan: c.colSpan })));

describe.each(EXAMPLES)('$format tables in the document model', ({ file, format }) => {
  let prepared: ReturnType<typeof prepareReport>;
  let tables: TableBlock[];
  beforeAll(() => {
    prepared = prepareReport(join(ROOT, file));
    tables = prepared.document.blocks.filter((b): b is TableBlock => b.kind === 'table');
  });

  it('chooses the format from the year', () => {
    expect(prepared.format.id).toBe(format);
  });

  it('has exactly the three official tables, each under its section heading', () => {
    expect(tables.map((t) => t.caption)).toEqual([
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
    ]);
  });

  it('matches 表二, 表三 and 表四 cell for cell', () => {
    const spec = OFFICIAL_TABLES[format];
    expectOfficialGrid(modelGrid(tables[0]!), spec.table2, '表二');
    expectOfficialGrid(modelGrid(tables[1]!), spec.table3, '表三');
    expectOfficialGrid(modelGrid(tables[2]!), spec.table4, '表四');
    expect(tables[1]!.rows).toHaveLength(format === 'national-2019' ? 26 : 28);
    expect(tables[2]!.columns).toHaveLength(15);
  });

  it('prints every statistic field exactly once, in the row its label names', () => {
    const printed = new Map<string, { row: string[]; table: TableBlock }>();
    for (const table of tables) {
      const grid = placeCells(table);
      grid.forEach((cells, r) => {
        const labels = [...new Set(cells)].filter((p) => p && !p.cell.dataPath && !p.cell.header).map((p) => p!.cell.lines.join(''));
        for (const placed of new Set(cells)) {
          if (placed?.cell.dataPath && placed.row === r) {
            expect(printed.has(placed.cell.dataPath), `${placed.cell.dataPath} printed twice`).toBe(false);
            printed.set(placed.cell.dataPath, { row: labels, table });
          }
        }
      });
    }
    for (const field of prepared.format.fields) {
      if (field.kind === 'unit') continue;
      const cells =
        field.kind === 'applicantRow'
          ? [...APPLICANT_COLUMNS.map((c) => c.key), 'total'].map((k) => [...field.path, k])
          : field.kind === 'appealBlock'
            ? [...APPEAL_RESULTS.map((c) => c.key), 'total'].map((k) => [...field.path, k])
            : [field.path];
      for (const path of cells) {
        const hit = printed.get(path.join('.'));
        expect(hit, `${path.join('.')} is printed`).toBeDefined();
        if (field.table === '表三') {
          // The row's label cells, read left to right, are the field's official row label.
          const label = labelOfPath(prepared.format.fields, field.path)!;
          expect(label).toBe(`表三「${field.row}」`);
          const rowLabel = hit!.row.filter((l) => l !== '三、本年度办理结果').join(' ');
          expect(rowLabel).toBe(field.row);
        }
        printed.delete(path.join('.'));
      }
    }
    expect([...printed.keys()], 'cells without a field').toEqual([]);
  });

  it('numbers the six sections 一 to 六 in the official wording', () => {
    const headings = prepared.document.blocks.filter((b) => b.kind === 'heading' && b.level === 1).map((b) => (b.kind === 'heading' ? b.number + b.text : ''));
    expect(headings).toEqual(NATIONAL_SECTIONS);
  });

  it('generates the opening paragraph from the section list', () => {
    const intro = prepared.document.blocks.find((b) => b.kind === 'paragraph');
    expect(intro && intro.kind === 'paragraph' && intro.text).toContain(
      '全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。',
    );
  });
});
