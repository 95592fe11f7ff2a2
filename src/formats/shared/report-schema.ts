/** The whole data file schema of a national edition, assembled from its fields and narrative keys. */
import * as z from 'zod';
import type { FieldDef } from './fields.js';
import { isoDate, objectFromFields, orgSchema, type OrgData } from './schema-parts.js';
import { EARLIEST_YEAR, LATEST_YEAR, yearsText, type EditionYears } from './years.js';

export interface NarrativeKey {
  key: string;
  label: string;
  required: boolean;
}

/** 公文 elements, used when the report is sent as a document (formats.md §5.2). */
export const documentSchema = () =>
  z
    .strictObject({
      addressee: z.string().min(1).optional().describe('主送机关，如“市政府办公厅”（印在标题下，后加全角冒号）'),
      printed_by: z.string().min(1).optional().describe('印发机关（版记）'),
      printed_on: isoDate().optional().describe('印发日期（版记），不得早于成文日期'),
      signed_on: isoDate().optional().describe('签章日期（report-gen sign/archive 的签章时间；未设 SOURCE_DATE_EPOCH 时使用）'),
    })
    .describe('公文要素（以公文形式报送时使用）');

/** The keys every format shares: format, year, org, 成文日期, narrative text and 公文 elements. */
export function commonShape(edition: EditionYears, narrative: readonly NarrativeKey[]) {
  const text = z.strictObject(
    Object.fromEntries(
      narrative.map((n) => {
        const s = z.string().min(1).describe(n.label);
        return [n.key, n.required ? s : s.optional()];
      }),
    ),
  );
  return {
    format: z
      .literal(edition.id)
      .optional()
      .describe(`版式：${edition.id}（${yearsText(edition)}的报告）；省略时按报告年度选择`),
    year: z.number().int().min(EARLIEST_YEAR).max(LATEST_YEAR).describe('报告年度（统计期限为该年1月1日至12月31日）'),
    previous: z.string().min(1).optional().describe('上一年度数据文件的路径（用于跨年度核对）'),
    org: z.union([z.string().min(1).describe('机关信息文件（orgs/<名称>.yaml）的路径，相对于本文件'), orgSchema()]),
    issued: isoDate().describe('成文日期，如 2022-01-20，印为“2022年1月20日”'),
    text: text.describe('报告正文；段落之间空一行，以“## ”开头的行为小标题（自动编号）'),
    document: documentSchema().optional(),
    script: z
      .enum(['simplified', 'traditional'])
      .optional()
      .describe('生成文字（标题、开头段、章节标题、表格项目、落款日期）的字形：simplified 简体（默认）或 traditional 繁体；正文照原样印出'),
  };
}

/**
 * A validated data file as far as every edition agrees: the keys of commonShape, typed from the schema, with the
 * organisation in place of a profile path, and the edition's tables below other keys.
 */
export type ReportData = Omit<z.output<z.ZodObject<ReturnType<typeof commonShape>>>, 'org'> & { org: OrgData; [table: string]: unknown };

export function nationalReportSchema<const Id extends string>(edition: EditionYears & { id: Id }, fields: readonly FieldDef[], narrative: readonly NarrativeKey[]) {
  return z
    .strictObject({ ...commonShape(edition, narrative), ...objectFromFields(fields).shape })
    .describe(`政府信息公开工作年度报告数据（${edition.id}，${yearsText(edition)}）`);
}

/**
 * An edition's schema, built on first use and then kept: a build validates against one edition, and building a
 * schema costs a cold start some 15 ms. An edition's definition reads it through a getter (`get schema()`).
 */
export function builtOnFirstUse<T>(build: () => T): () => T {
  let built: T | undefined;
  return () => (built ??= build());
}
