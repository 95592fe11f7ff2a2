import { checkBalance } from '../shared/r1-balance.js';
import { computeStatistics } from '../shared/national-statistics.js';
import type { ReportFormat } from '../format.js';
import { FIELDS_2021 } from './fields.js';
import { NARRATIVE_2021, schema2021 } from './schema.js';

export const national2021: ReportFormat = {
  id: 'national-2021',
  basis: '国办公开办函〔2021〕30号',
  firstYear: 2021,
  lastYear: 9999,
  fields: FIELDS_2021,
  narrative: NARRATIVE_2021,
  schema: schema2021,
  compute: (data, source) => computeStatistics(data, FIELDS_2021, source),
  rules: [checkBalance],
  templateDir: 'national-2021',
};
