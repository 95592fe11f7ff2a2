/**
 * Computes the totals of the national tables (表三, 表四) from the typed cells, and checks any total the user typed
 * (R2, R3, R4). The result is the statistics part of the template context plus the display text of every cell.
 */
import { getAt, rowAt, setAt, type ComputedStatistics, type RowValues } from '../../compute/statistics.js';
import type { SourceMap } from '../../contracts/source-map.js';
import { errorFinding, type Finding } from '../../report-error/finding.js';
import { APPEAL_RESULTS, APPLICANT_COLUMNS, labelOfPath, type FieldDef } from './fields.js';

const APPLICANT_KEYS = [...APPLICANT_COLUMNS.map((c) => c.key), 'total'] as const;

export function computeStatistics(data: Record<string, unknown>, fields: readonly FieldDef[], source: SourceMap): ComputedStatistics {
  const tree: Record<string, unknown> = {};
  const cells = new Map<string, string>();
  const findings: Finding[] = [];
  const resultRows: RowValues[] = [];
  const groups = new Map<string, RowValues[]>();

  const setRow = (path: string[], row: RowValues) => {
    setAt(tree, path, row);
    for (const key of APPLICANT_KEYS) cells.set([...path, key].join('.'), String(row[key]));
  };

  for (const field of fields) {
    const value = getAt(data, field.path);
    switch (field.kind) {
      case 'applicantRow': {
        if (field.computed) break;
        const typed = rowAt(data, field.path);
        const row = applicantRow(typed);
        checkTypedTotal(typed, row.total!, field, fields, source, findings);
        setRow(field.path, row);
        if (field.path[1] === 'results') {
          resultRows.push(row);
          if (field.path.length === 4) {
            const group = field.path.slice(0, 3).join('.');
            groups.set(group, [...(groups.get(group) ?? []), row]);
          }
        }
        break;
      }
      case 'appealBlock': {
        const typed = value as Record<string, number>;
        const block: RowValues = Object.fromEntries(APPEAL_RESULTS.map((r) => [r.key, typed[r.key]!]));
        block.total = APPEAL_RESULTS.reduce((sum, r) => sum + typed[r.key]!, 0);
        if (typed.total !== undefined && typed.total !== block.total) {
          const parts = APPEAL_RESULTS.map((r) => `${r.label} ${typed[r.key]}`).join(' + ');
          findings.push(
            errorFinding(
              'R4',
              `${labelOfPath(fields, [...field.path, 'total'])}应为 ${block.total}（${parts}），实际填写 ${typed.total}`,
              source.positionOf([...field.path, 'total']),
            ),
          );
        }
        setAt(tree, field.path, block);
        for (const [key, n] of Object.entries(block)) cells.set([...field.path, key].join('.'), String(n));
        break;
      }
      case 'money': {
        setAt(tree, field.path, value);
        const unit = getAt(data, [...field.path.slice(0, -1), 'unit']);
        const text = moneyText(Number(value), source.sourceTextOf(field.path));
        cells.set(field.path.join('.'), typeof unit === 'string' ? `${text}${unit}` : text);
        break;
      }
      default:
        setAt(tree, field.path, value);
        cells.set(field.path.join('.'), String(value));
    }
  }

  for (const [group, rows] of groups) setRow([...group.split('.'), 'sum'], sumRows(rows));

  const totalField = fields.find((f) => f.kind === 'applicantRow' && f.computed);
  if (totalField) {
    const total = sumRows(resultRows);
    // The total row may be typed (then it is checked) or left out.
    if (getAt(data, totalField.path) !== undefined) checkTypedResultTotal(rowAt(data, totalField.path), total, totalField, fields, source, findings);
    setRow(totalField.path, total);
  }
  return { tree, cells, findings };
}

function applicantRow(values: number[]): RowValues {
  const row: RowValues = {};
  APPLICANT_COLUMNS.forEach((c, i) => (row[c.key] = values[i]!));
  row.total = APPLICANT_COLUMNS.reduce((sum, _c, i) => sum + values[i]!, 0);
  return row;
}

function sumRows(rows: RowValues[]): RowValues {
  const out: RowValues = {};
  for (const key of APPLICANT_KEYS) out[key] = rows.reduce((sum, r) => sum + r[key]!, 0);
  return out;
}

function checkTypedTotal(values: number[], total: number, field: FieldDef, fields: readonly FieldDef[], source: SourceMap, findings: Finding[]) {
  const typed = values[APPLICANT_COLUMNS.length];
  if (typed === undefined || typed === total) return;
  const parts = APPLICANT_COLUMNS.map((c, i) => `${c.label} ${values[i]}`).join(' + ');
  const path = [...field.path, APPLICANT_COLUMNS.length];
  findings.push(errorFinding('R2', `${labelOfPath(fields, path)}应为 ${total}（${parts}），实际填写 ${typed}`, source.positionOf(path)));
}

/** A typed （七）总计 row is checked column by column against the sum of all result rows. */
function checkTypedResultTotal(typed: number[], total: RowValues, field: FieldDef, fields: readonly FieldDef[], source: SourceMap, findings: Finding[]) {
  APPLICANT_KEYS.forEach((key, i) => {
    if (typed[i] === undefined || typed[i] === total[key]) return;
    const path = [...field.path, i];
    findings.push(
      errorFinding('R3', `${labelOfPath(fields, path)}应为 ${total[key]}（三、本年度办理结果各行之和），实际填写 ${typed[i]}`, source.positionOf(path)),
    );
  });
}

/** Money prints as typed ("0.00" stays "0.00"), with no thousands separators. */
function moneyText(value: number, typed: string | undefined): string {
  if (typed && /^[0-9]+(\.[0-9]+)?$/.test(typed)) return typed;
  return String(value);
}
