/**
 * The official tables of an edition exactly as the report prints them: rendered from the report's own templates
 * (so labels and merged cells are the DOCX's), with every value cell tied to its statistic field. The layout
 * comes from a scaffold of zeros, so a data file that is not yet filled in still has its tables.
 */
import { checkSource } from '../pipeline/check-report.js';
import type { ReportFormat } from '../formats/format.js';
import { YamlSource } from '../load/yaml-source.js';
import { readMarkup } from '../markup/read-markup.js';
import type { TableBlock } from '../model/document.js';
import { dataFileText } from '../scaffold/data-file-text.js';
import { templateSetFor } from '../templating/template-cache.js';

export type SheetName = '表二' | '表三' | '表四' | '统计表';

export interface OfficialTable {
  /** The sheet the table gets in a workbook of one table per sheet. */
  name: SheetName;
  /** Its printed heading without the section number, e.g. 收到和处理政府信息公开申请情况. */
  title: string;
  table: TableBlock;
}

const SHEET_OF_GROUP: Record<string, SheetName> = { active: '表二', requests: '表三', appeals: '表四', statistics: '统计表' };

/** The tables of `format` as rendered through the template chain that serves `dataFile`. */
export function officialTables(format: ReportFormat, year: number, dataFile: string): OfficialTable[] {
  const text = dataFileText({
    format,
    year,
    org: { name: '机关' },
    issued: `${year + 1}-01-20`,
    values: new Map(),
    headings: new Map(),
    file: dataFile,
    header: [],
  });
  const checked = checkSource(YamlSource.parse(text, dataFile, dataFile), { crossYear: false });
  // The legacy 统计表 prints its 填报人 block from `statistics.filled_by`, which a scaffold leaves out.
  const statistics = { filled_by: {}, ...(checked.context.statistics as object | undefined) };
  const context = { ...checked.context, ...(format.id === 'legacy' ? { statistics } : {}) };
  const markup = templateSetFor(format, dataFile).set.render(context, { cells: checked.statistics.cells, narratives: new Map() });
  const blocks = readMarkup(markup);
  const tables: OfficialTable[] = [];
  blocks.forEach((block, index) => {
    if (block.kind !== 'table') return;
    const first = block.rows.flatMap((r) => r.cells).find((c) => c.dataPath)?.dataPath;
    const name = first ? SHEET_OF_GROUP[first.split('.')[0]!] : undefined;
    if (!name) return;
    // A table introduced by its own title line (the legacy 统计表) is named by it; others by their section heading.
    const titled = blocks.slice(Math.max(0, index - 3), index).reverse().find((b) => b.kind === 'paragraph' && b.role === 'title');
    const title = titled?.kind === 'paragraph' ? titled.text : block.caption.replace(/^[一二三四五六七八九十]+、/, '');
    tables.push({ name, title, table: block });
  });
  return tables;
}
