import { checkBalance } from '../shared/r1-balance.js';
import { computeStatistics } from '../shared/national-statistics.js';
import type { ReportFormat } from '../format.js';
import { FIELDS_2019 } from './fields.js';
import { NARRATIVE_2019, schema2019 } from './schema.js';

export const national2019: ReportFormat = {
  id: 'national-2019',
  basis: '国办公开办函〔2019〕60号',
  firstYear: 2019,
  lastYear: 2020,
  fields: FIELDS_2019,
  narrative: NARRATIVE_2019,
  schema: schema2019,
  compute: (data, source) => computeStatistics(data, FIELDS_2019, source),
  rules: [checkBalance],
  templateDir: 'national-2019',
};
