/** The legacy 统计表 rows as statistic fields below `statistics`, for the schema and messages. */
import type { FieldDef } from '../shared/fields.js';
import { STATISTICS_ROWS } from './statistics-rows.js';

export const LEGACY_FIELDS: FieldDef[] = STATISTICS_ROWS.filter((row) => row.path).map((row) => ({
  path: ['statistics', ...row.path!],
  table: '统计表',
  row: row.label,
  kind: row.money ? 'moneyOrBlank' : 'countOrBlank',
  ...(row.sumOf ? { computed: true } : {}),
}));
