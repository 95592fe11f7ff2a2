import { builtinTemplates, defineEdition } from '../format.js';
import { checkBalance } from '../shared/r1-balance.js';
import { computeStatistics } from '../shared/national-statistics.js';
import { checkCarriedIn } from '../shared/r5-carried-in.js';
import { carryOver2021 } from './carry-over.js';
import { FIELDS_2021 } from './fields.js';
import { checkDocumentsInForce } from './r8-documents-in-force.js';
import { NARRATIVE_2021, schema2021, YEARS_2021 } from './schema.js';

export const national2021 = defineEdition({
  ...YEARS_2021,
  basis: '国办公开办函〔2021〕30号',
  fields: FIELDS_2021,
  narrative: NARRATIVE_2021,
  get schema() {
    return schema2021();
  },
  compute: (data, source) => computeStatistics(data, FIELDS_2021, source),
  rules: [checkBalance],
  crossYearRules: [checkCarriedIn, checkDocumentsInForce],
  carryOver: carryOver2021,
  templates: builtinTemplates(YEARS_2021.id),
});
