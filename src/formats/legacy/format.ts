import { builtinTemplates, defineEdition } from '../format.js';
import { computeLegacyStatistics } from './compute-statistics.js';
import { checkLegacyConsistency } from './consistency-rules.js';
import { LEGACY_FIELDS } from './fields.js';
import { NARRATIVE_LEGACY, schemaLegacy, YEARS_LEGACY } from './schema.js';

/** `init` does not write legacy files: it has no carry-over. */
export const legacy = defineEdition({
  ...YEARS_LEGACY,
  basis: '《中华人民共和国政府信息公开条例》（国务院令第492号）第三十二条',
  fields: LEGACY_FIELDS,
  narrative: NARRATIVE_LEGACY,
  get schema() {
    return schemaLegacy();
  },
  compute: computeLegacyStatistics,
  rules: [checkLegacyConsistency],
  crossYearRules: [],
  templates: builtinTemplates(YEARS_LEGACY.id),
});
