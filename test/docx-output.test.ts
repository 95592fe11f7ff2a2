/** The DOCX as Word reads it: table XML against the official grids, styles, page set-up, page numbers. */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { docxTables, logicalGrid, readDocxPart } from './readers/docx.js';
import { OFFICIAL_TABLES } from './spec/official-tables.js';
import { expectOfficialGrid } from './helpers/grid.js';
import { builtExample, EXAMPLES, exampleData, expectedTable3 } from './helpers/examples.js';

const twips = (mm: number) => Math.round(((mm * 72) / 25.4) * 20);

describe.each(EXAMPLES)('$format DOCX', ({ file, format }) => {
  let docx: Buffer;
  let tables: ReturnType<typeof docxTables>;
  beforeAll(() => {
    docx = readFileSync(builtExample(file).docx);
    tables = docxTables(docx);
  });
  const spec = OFFICIAL_TABLES[format];

  it('holds the three official tables with the official merges (gridSpan, vMerge)', () => {
    expect(tables).toHaveLength(3);
    const grid = (i: number) => logicalGrid(tables[i]!).map((row) => row.map((c) => ({ ...c, text: c.text.replace(/\n/g, '') })));
    expectOfficialGrid(grid(0), spec.table2, '表二');
    expectOfficialGrid(grid(1), spec.table3, '表三');
    expectOfficialGrid(grid(2), spec.table4, '表四');
  });

  it('writes raw vMerge restart/continue cells for every row span of 表三', () => {
    const raw = tables[1]!;
    const restarts = raw.rows.flatMap((r) => r.cells).filter((c) => c.vMerge === 'restart').length;
    const continues = raw.rows.flatMap((r) => r.cells).filter((c) => c.vMerge === 'continue').length;
    const spans = spec.table3.flat().filter((c) => c.rowSpan > 1);
    expect(restarts).toBe(spans.length);
    expect(continues).toBe(spans.reduce((n, c) => n + c.rowSpan - 1, 0));
    for (const row of raw.rows) expect(row.cells.reduce((n, c) => n + c.gridSpan, 0)).toBe(10);
  });

  it('repeats header rows, never splits rows, and spans the text width', () => {
    expect(tables[1]!.rows.map((r) => r.isHeader)).toEqual(tables[1]!.rows.map((_, i) => i < 3));
    expect(tables[2]!.rows.map((r) => r.isHeader)).toEqual([true, true, true, false]);
    for (const table of tables) {
      expect(table.rows.every((r) => r.cantSplit)).toBe(true);
      expect(table.gridCols.reduce((a, b) => a + b, 0)).toBe(twips(156));
    }
    expect(tables[2]!.gridCols).toHaveLength(15);
  });

  it('prints the 表三 figures in their rows, with the 总计 column computed', () => {
    const expected = expectedTable3(exampleData(file));
    const valueRows = logicalGrid(tables[1]!)
      .slice(3)
      .map((row) => row.filter((c) => /^\d+$/.test(c.text)).map((c) => Number(c.text)));
    expect(valueRows).toEqual(expected.map((r) => r.values));
  });

  it('names the official faces and marks text as zh-CN', () => {
    const styles = readDocxPart(docx, 'word/styles.xml');
    const style = (id: string) => new RegExp(`<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`).exec(styles)?.[0] ?? '';
    expect(style('Title')).toMatch(/w:eastAsia="方正小标宋简体"/);
    expect(style('Title')).toMatch(/<w:sz w:val="44"\/>/);
    expect(style('Heading1')).toMatch(/w:eastAsia="黑体"/);
    expect(style('Heading2')).toMatch(/w:eastAsia="楷体_GB2312"/);
    expect(style('Normal')).toMatch(/w:eastAsia="仿宋_GB2312"/);
    expect(style('Normal')).toMatch(/w:ascii="Times New Roman"/);
    expect(style('Normal')).toMatch(/<w:sz w:val="32"\/>/);
    expect(style('Normal')).toMatch(/<w:spacing [^>]*w:line="579"[^>]*w:lineRule="exact"/);
    expect(style('Normal')).toMatch(/<w:lang [^>]*w:eastAsia="zh-CN"/);
  });

  it('sets up A4 with the GB/T 9704 margins and "— N —" page numbers, odd right and even left', () => {
    const document = readDocxPart(docx, 'word/document.xml');
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const margins = /<w:pgMar ([^>]*)\/>/.exec(document)![1]!;
    expect(margins).toContain(`w:top="${twips(37)}"`);
    expect(margins).toContain(`w:bottom="${twips(35)}"`);
    expect(margins).toContain(`w:left="${twips(28)}"`);
    expect(margins).toContain(`w:right="${twips(26)}"`);
    expect(readDocxPart(docx, 'word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
    const footers = Array.from(document.matchAll(/<w:footerReference w:type="(\w+)"/g), (m) => m[1]);
    expect(footers.sort()).toEqual(['default', 'even']);
    const footerXml = [1, 2].map((n) => readDocxPart(docx, `word/footer${n}.xml`));
    for (const xml of footerXml) {
      expect(xml).toContain('PAGE');
      expect(xml).toMatch(/— <\/w:t>[\s\S]*PAGE[\s\S]*> —<\/w:t>/);
    }
    expect(footerXml.map((xml) => /<w:jc w:val="(\w+)"/.exec(xml)?.[1]).sort()).toEqual(['left', 'right']);
  });
});
