import { builtinTemplates, defineEdition } from '../format.js';
import { checkBalance } from '../shared/r1-balance.js';
import { computeStatistics } from '../shared/national-statistics.js';
import { checkCarriedIn } from '../shared/r5-carried-in.js';
import { carryOver2019 } from './carry-over.js';
import { FIELDS_2019 } from './fields.js';
import { checkMattersBaseline } from './r6-matters-baseline.js';
import { NARRATIVE_2019, schema2019, YEARS_2019 } from './schema.js';

export const national2019 = defineEdition({
  ...YEARS_2019,
  basis: '国办公开办函〔2019〕60号',
  fields: FIELDS_2019,
  narrative: NARRATIVE_2019,
  get schema() {
    return schema2019();
  },
  compute: (data, source) => computeStatistics(data, FIELDS_2019, source),
  rules: [checkBalance],
  crossYearRules: [checkCarriedIn, checkMattersBaseline],
  carryOver: carryOver2019,
  templates: builtinTemplates(YEARS_2019.id),
});
