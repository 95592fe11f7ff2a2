/**
 * What each value cell of an official table holds: the statistic field behind its data path, where the figure
 * lives in the data file, its official label, and for a total the cells it sums. Shared by the workbook writer
 * (formulas, validation) and the importer (reading, checking typed totals).
 */
import type { ReportFormat } from '../formats/format.js';
import { STATISTICS_ROWS } from '../formats/legacy/statistics-rows.js';
import { APPEAL_RESULTS, APPLICANT_COLUMNS, labelOfPath, type FieldDef } from '../formats/shared/fields.js';

export interface ValueCell {
  /** Dotted data path of the printed cell, e.g. requests.received.natural_person. */
  dataPath: string;
  field: FieldDef;
  /** Where the figure is in the data file, e.g. ['requests', 'received', 0]. */
  yamlPath: Array<string | number>;
  /** 表三「（一）予以公开」「自然人」. */
  label: string;
  /** The row and column as named in an input message: 「（一）予以公开」「自然人」. */
  place: string;
  /** A decimal amount rather than a count. */
  money: boolean;
  /** May be negative (本年增/减). */
  signed: boolean;
  /** May be left blank (the legacy 统计表). */
  blankAllowed: boolean;
  /** Data paths of the cells a total adds up; absent on input cells. */
  sumOf?: string[];
}

const APPLICANT_KEYS: readonly string[] = APPLICANT_COLUMNS.map((c) => c.key);
const APPEAL_KEYS: readonly string[] = APPEAL_RESULTS.map((r) => r.key);

/** The value cell behind a data path, or undefined when no statistic field covers it. */
export function describeCell(format: ReportFormat, dataPath: string): ValueCell | undefined {
  const parts = dataPath.split('.');
  let field: FieldDef | undefined;
  for (const f of format.fields) {
    if (f.path.length <= parts.length && f.path.every((p, i) => p === parts[i]) && (!field || f.path.length > field.path.length)) field = f;
  }
  if (!field) return undefined;
  const column = parts[field.path.length];
  let yamlPath: Array<string | number> = parts;
  let sumOf: string[] | undefined;
  if (field.kind === 'applicantRow') {
    const index = column === 'total' ? APPLICANT_KEYS.length : APPLICANT_KEYS.indexOf(column!);
    yamlPath = [...field.path, index];
    if (column === 'total') sumOf = APPLICANT_KEYS.map((k) => [...field!.path, k].join('.'));
    else if (field.computed) {
      // （七）总计: the column of every result row of the same group (requests.results.*).
      const group = field.path.slice(0, -1).join('.');
      sumOf = format.fields
        .filter((f) => f.kind === 'applicantRow' && !f.computed && f.path.join('.').startsWith(`${group}.`))
        .map((f) => [...f.path, column].join('.'));
    }
  } else if (field.kind === 'appealBlock') {
    if (column === 'total') sumOf = APPEAL_KEYS.map((k) => [...field!.path, k].join('.'));
  } else if (field.computed) {
    const row = STATISTICS_ROWS.find((r) => r.path && ['statistics', ...r.path].join('.') === dataPath);
    sumOf = row?.sumOf?.map((p) => ['statistics', ...p].join('.'));
  }
  const label = labelOfPath(format.fields, yamlPath) ?? dataPath;
  return {
    dataPath,
    field,
    yamlPath,
    label,
    place: label.slice(field.table.length),
    money: field.kind === 'money' || field.kind === 'moneyOrBlank',
    signed: field.kind === 'signed',
    blankAllowed: field.kind === 'countOrBlank' || field.kind === 'moneyOrBlank',
    ...(sumOf ? { sumOf } : {}),
  };
}
