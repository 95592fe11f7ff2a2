/**
 * `report-gen import`: the figures of a filled-in workbook written into the data file in place. Only the
 * statistics change; a workbook made from the file itself changes nothing. Any cell that is not a figure stops
 * the import before anything is written.
 */
import ExcelJS from 'exceljs';
import { getAt } from '../compute/statistics.js';
import type { ReportFormat } from '../formats/format.js';
import { chooseFormat } from '../formats/registry.js';
import type { YamlSource } from '../load/yaml-source.js';
import { displayPath } from '../output/output-paths.js';
import { errorFinding, EXIT, ReportError, type Finding } from '../report-error/finding.js';
import { editInPlace, type ValueEdit } from '../scaffold/edit-in-place.js';
import { locateTables } from './locate-tables.js';
import { officialTables } from './official-tables.js';
import { readFigures } from './read-figures.js';

export interface FigureChange {
  /** 表三「（一）予以公开」「自然人」. */
  label: string;
  before: string;
  after: string;
}

export interface ImportPlan {
  format: ReportFormat;
  changes: FigureChange[];
  /** The data file's text with the figures changed. */
  text: string;
  notices: Finding[];
}

export async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(file);
  } catch {
    throw new ReportError([errorFinding('SHEET', `无法读取工作簿 ${displayPath(file)}：应为 .xlsx 文件（Excel、WPS 或 LibreOffice 保存的）`)], EXIT.unusableInput);
  }
  return workbook;
}

export async function planImport(workbookFile: string, source: YamlSource): Promise<ImportPlan> {
  const raw = source.toJS() as Record<string, unknown>;
  const { format, year } = chooseFormat(raw, source);
  const shown = displayPath(workbookFile);
  const workbook = await readWorkbook(workbookFile);
  // A workbook report-gen wrote names its year in its title; another year's figures are refused.
  const titled = /(\d{4})年/.exec(workbook.title ?? '')?.[1];
  if (titled && Number(titled) !== year) {
    throw new ReportError([errorFinding('SHEET', `${shown} 是 ${titled} 年的工作簿，数据文件 ${source.displayPath} 是 ${year} 年的`)], EXIT.unusableInput);
  }
  const located = locateTables(workbook, officialTables(format, year, source.absolutePath), shown);
  const read = readFigures(format, located, shown);
  const errors = read.findings.filter((f) => f.severity === 'error');
  if (errors.length) throw new ReportError(errors, read.exitCode);

  const edits: ValueEdit[] = [];
  const changes: FigureChange[] = [];
  for (const [dataPath, figure] of read.figures) {
    const cell = read.cells.get(dataPath)!;
    const typed = getAt(raw, cell.yamlPath);
    // A total is written back only where the file types it; otherwise it stays computed.
    if (cell.sumOf && (typed === undefined || typed === null)) continue;
    if (figure === (typed ?? null) || (typeof typed === 'string' && typed.trim() !== '' && Number(typed) === figure)) continue;
    const before = source.sourceTextOf(cell.yamlPath) ?? (typed === undefined ? '（无）' : String(typed));
    const after = figure === null ? '~' : figureText(figure, cell.money ? before : undefined);
    edits.push({ path: cell.yamlPath, text: after });
    changes.push({ label: cell.label, before: typed === null || typed === undefined ? '空' : before, after: figure === null ? '空' : after });
  }
  return { format, changes, text: editInPlace(source.text, edits), notices: read.findings.filter((f) => f.severity !== 'error') };
}

/** A figure as YAML source; an amount keeps at least as many decimals as it was typed with (0.00). */
export function figureText(value: number, typed?: string): string {
  const exact = String(Number(value.toPrecision(12)));
  const places = typed ? (/\.(\d+)$/.exec(typed)?.[1]?.length ?? 0) : 0;
  const own = /\.(\d+)$/.exec(exact)?.[1]?.length ?? 0;
  return places > own ? value.toFixed(places) : exact;
}
