import type * as z from 'zod';
import { builtOnFirstUse, nationalReportSchema, type NarrativeKey } from '../shared/report-schema.js';
import { FIELDS_2019 } from './fields.js';

export const NARRATIVE_2019: NarrativeKey[] = [
  { key: 'overview', label: '一、总体情况', required: true },
  { key: 'problems', label: '五、存在的主要问题及改进情况', required: true },
  { key: 'other', label: '六、其他需要报告的事项', required: true },
  { key: 'fee', label: '六、其他需要报告的事项：收取信息处理费情况（可选）', required: false },
];

/** The edition's name and years, shared by its schema and its definition. */
export const YEARS_2019 = { id: 'national-2019', firstYear: 2019, lastYear: 2020 } as const;

/** The edition's schema, built when first used (`builtOnFirstUse`). */
export const schema2019 = builtOnFirstUse(() => nationalReportSchema(YEARS_2019, FIELDS_2019, NARRATIVE_2019));
export type Report2019 = z.infer<ReturnType<typeof schema2019>>;
