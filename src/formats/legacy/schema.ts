/** The legacy data file (reports for 2008–2018): the six items of the 2007 条例 and an optional 统计表. */
import * as z from 'zod';
import { builtOnFirstUse, commonShape, type NarrativeKey } from '../shared/report-schema.js';
import { yearsText } from '../shared/years.js';
import { isoDate, objectFromFields, textLike } from '../shared/schema-parts.js';
import { LEGACY_FIELDS } from './fields.js';

/** The edition's name and years, shared by its schema and its definition. */
export const YEARS_LEGACY = { id: 'legacy', firstYear: 2008, lastYear: 2018 } as const;

export const NARRATIVE_LEGACY: NarrativeKey[] = [
  { key: 'overview', label: '一、概述', required: true },
  { key: 'active', label: '二、主动公开政府信息情况', required: true },
  { key: 'requests', label: '三、依申请公开政府信息和不予公开政府信息情况', required: true },
  { key: 'fees', label: '四、政府信息公开的收费及减免情况', required: true },
  { key: 'appeals', label: '五、因政府信息公开申请行政复议、提起行政诉讼的情况', required: true },
  { key: 'problems', label: '六、政府信息公开工作存在的主要问题及改进措施', required: true },
  { key: 'other', label: '七、其他需要报告的事项（有内容时才印出）', required: false },
];

/** The edition's schema, built when first used (`builtOnFirstUse`). */
export const schemaLegacy = builtOnFirstUse(() => {
  const filledBy = z
    .strictObject({
      head: z.string().min(1).optional().describe('单位负责人'),
      reviewer: z.string().min(1).optional().describe('审核人'),
      filler: z.string().min(1).optional().describe('填报人'),
      phone: textLike().optional().describe('联系电话'),
      date: isoDate().optional().describe('填报日期'),
    })
    .describe('统计表表尾');

  const statisticsShape = (objectFromFields(LEGACY_FIELDS).shape as { statistics: z.ZodObject }).statistics.shape;

  return z
    .strictObject({
      ...commonShape(YEARS_LEGACY, NARRATIVE_LEGACY),
      statistics: z
        .strictObject({ ...statisticsShape, filled_by: filledBy.optional() })
        .optional()
        .describe('附件：政府信息公开情况统计表（国办发〔2014〕32号）；数值空白填 ~'),
    })
    .describe(`政府信息公开工作年度报告数据（legacy，${yearsText(YEARS_LEGACY)}）`);
});
