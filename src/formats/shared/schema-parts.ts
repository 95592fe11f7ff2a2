/**
 * Zod building blocks shared by every edition's schema. Descriptions become hover help in VS Code through
 * the generated JSON Schema.
 */
import * as z from 'zod';
import { APPEAL_RESULTS, APPLICANT_COLUMNS, type FieldDef } from './fields.js';

export const count = () => z.number().int().min(0);
export const signed = () => z.number().int();
export const money = () => z.number().min(0);

const APPLICANT_ORDER = APPLICANT_COLUMNS.map((c) => c.label).join(', ');

export const applicantRow = () =>
  z
    .array(count())
    .min(APPLICANT_COLUMNS.length)
    .max(APPLICANT_COLUMNS.length + 1)
    .describe(`[${APPLICANT_ORDER}]；总计自动计算，如填写第七个数则作为总计核对`);

export const appealBlock = (label: string) =>
  z
    .strictObject({
      ...Object.fromEntries(APPEAL_RESULTS.map((r) => [r.key, count().describe(r.label)])),
      total: count().optional().describe('总计（自动计算；如填写则核对）'),
    })
    .describe(label);

/** Text that YAML may read as a number (postcodes, phone numbers); the loader restores the typed text. */
export const textLike = () => z.string().min(1);

export const isoDate = () =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date' })
    .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
      message: 'date',
    });

export const orgSchema = () =>
  z
    .strictObject({
      name: z.string().min(1).describe('机关全称，用于标题和落款，如“樟木乡人民政府”'),
      short: z.string().min(1).optional().describe('简称，如“樟木乡”'),
      office: z.string().min(1).optional().describe('负责解答疑问的机构，如“樟木乡人民政府办公室”'),
      address: z.string().min(1).optional().describe('地址'),
      postcode: textLike().optional().describe('邮编'),
      phone: textLike().optional().describe('电话'),
      fax: textLike().optional().describe('传真'),
      email: z.string().min(1).optional().describe('电子邮箱'),
      website: z
        .strictObject({ name: z.string().min(1).describe('网站名称'), url: z.string().min(1).describe('网址') })
        .optional()
        .describe('发布本报告的网站'),
      seal: z.string().min(1).optional().describe('电子印章图片（PNG）的路径，用于签章的 PDF'),
      members: z.array(z.string().min(1)).optional().describe('下属单位（乡镇、部门）的名称，汇总时核对是否齐全'),
      fonts: z
        .enum(['official', 'windows'])
        .optional()
        .describe('DOCX 中使用的字体名称：official 为公文字体（仿宋_GB2312、楷体_GB2312、方正小标宋简体），windows 为 Windows 自带字体（仿宋、楷体、黑体、宋体）'),
    })
    .describe('机关信息');

/** A validated organisation: the data file's own `org:`, or the profile it names. */
export type OrgData = z.output<ReturnType<typeof orgSchema>>;

/** Fields whose YAML value may be read as a number but must keep its typed text. */
export const TEXT_LIKE_PATHS: ReadonlyArray<ReadonlyArray<string>> = [
  ['org', 'postcode'],
  ['org', 'phone'],
  ['org', 'fax'],
  ['statistics', 'filled_by', 'phone'],
];

function fieldSchema(field: FieldDef): z.ZodType {
  const label = field.column ? `${field.table} ${field.row} · ${field.column}` : `${field.table} ${field.row}`;
  switch (field.kind) {
    case 'count':
      return count().describe(label);
    case 'signed':
      return signed().describe(`${label}（可为负数，减少用负值表示）`);
    case 'money':
      return money().describe(label);
    case 'applicantRow':
      return applicantRow().describe(`${label}：[${APPLICANT_ORDER}]${field.computed ? '（自动计算；如填写则逐列核对）' : ''}`);
    case 'appealBlock':
      return appealBlock(label);
    case 'unit':
      // A zero amount needs no unit; a non-zero amount without one is refused in validateReport.
      return z.enum(['元', '万元']).optional().describe(`${label}（金额为 0 时可不填）`);
    case 'countOrBlank':
      return count().nullable().describe(`${label}（空白填 ~）`);
    case 'moneyOrBlank':
      return money().nullable().describe(`${label}（空白填 ~）`);
  }
}

/** Nested strict objects built from a field list: every field is required unless it is a computed total. */
export function objectFromFields(fields: readonly FieldDef[], depth = 0): z.ZodObject {
  const shape: Record<string, z.ZodType> = {};
  const keys = [...new Set(fields.map((f) => f.path[depth]!))];
  for (const key of keys) {
    const here = fields.filter((f) => f.path[depth] === key);
    const leaf = here.find((f) => f.path.length === depth + 1);
    if (leaf) shape[key] = leaf.computed ? fieldSchema(leaf).optional() : fieldSchema(leaf);
    else shape[key] = objectFromFields(here, depth + 1);
  }
  return z.strictObject(shape);
}
