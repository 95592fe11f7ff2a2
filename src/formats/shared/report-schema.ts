/** The whole data file schema of a national edition, assembled from its fields and narrative keys. */
import { z } from 'zod';
import type { FieldDef } from './fields.js';
import { isoDate, objectFromFields, orgSchema } from './schema-parts.js';

export interface NarrativeKey {
  key: string;
  label: string;
  required: boolean;
}

export function nationalReportSchema(formatId: string, fields: readonly FieldDef[], narrative: readonly NarrativeKey[]) {
  const statistics = objectFromFields(fields);
  const text = z.strictObject(
    Object.fromEntries(
      narrative.map((n) => {
        const s = z.string().min(1).describe(n.label);
        return [n.key, n.required ? s : s.optional()];
      }),
    ),
  );
  return z
    .strictObject({
      format: z.literal(formatId).optional().describe('版式；省略时按年度选择（2018年及以前 legacy，2019–2020年 national-2019，2021年起 national-2021）'),
      year: z.number().int().min(2008).max(2100).describe('报告年度（统计期限为该年1月1日至12月31日）'),
      previous: z.string().min(1).optional().describe('上一年度数据文件的路径（用于跨年度核对）'),
      org: orgSchema(),
      issued: isoDate().describe('成文日期，如 2022-01-20，印为“2022年1月20日”'),
      text: text.describe('报告正文；段落之间空一行，以“## ”开头的行为小标题（自动编号）'),
      ...statistics.shape,
    })
    .describe(`政府信息公开工作年度报告数据（${formatId}）`);
}
