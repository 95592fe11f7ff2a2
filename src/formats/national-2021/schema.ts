import type * as z from 'zod';
import { builtOnFirstUse, nationalReportSchema, type NarrativeKey } from '../shared/report-schema.js';
import { FIELDS_2021 } from './fields.js';

export const NARRATIVE_2021: NarrativeKey[] = [
  { key: 'overview', label: '一、总体情况', required: true },
  { key: 'problems', label: '五、存在的主要问题及改进情况', required: true },
  { key: 'other', label: '六、其他需要报告的事项', required: true },
  { key: 'fee', label: '六、其他需要报告的事项：收取信息处理费情况（2021年起必填），如“本年度未收取信息处理费。”', required: true },
];

/** The edition's name and years, shared by its schema and its definition. */
export const YEARS_2021 = { id: 'national-2021', firstYear: 2021 } as const;

/** The edition's schema, built when first used (`builtOnFirstUse`). */
export const schema2021 = builtOnFirstUse(() => nationalReportSchema(YEARS_2021, FIELDS_2021, NARRATIVE_2021));
export type Report2021 = z.infer<ReturnType<typeof schema2021>>;
