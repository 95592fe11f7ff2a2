import type { ReportFormat } from '../format.js';
import { computeLegacyStatistics } from './compute-statistics.js';
import { checkLegacyConsistency } from './consistency-rules.js';
import { LEGACY_FIELDS } from './fields.js';
import { NARRATIVE_LEGACY, schemaLegacy } from './schema.js';

export const legacy: ReportFormat = {
  id: 'legacy',
  basis: '《中华人民共和国政府信息公开条例》（国务院令第492号）第三十二条',
  firstYear: 2008,
  lastYear: 2018,
  fields: LEGACY_FIELDS,
  narrative: NARRATIVE_LEGACY,
  schema: schemaLegacy,
  compute: computeLegacyStatistics,
  rules: [checkLegacyConsistency],
  templateDir: 'legacy',
};
