/** The JSON Schema of data files (schema/report.schema.json), derived from the registered editions. */
import * as z from 'zod';
import type { ReportFormat } from '../formats/format.js';
import { FORMATS, yearRule } from '../formats/registry.js';
import type { FieldDef } from '../formats/shared/fields.js';
import { orgSchema, TEXT_LIKE_PATHS } from '../formats/shared/schema-parts.js';
import { GROUP_LABELS } from '../scaffold/data-file-text.js';

type Json = Record<string, any>;

const DRAFT = 'https://json-schema.org/draft/2020-12/schema';
/** The pattern zod writes for isoDate() (digits only); the calendar check lives in a refinement. */
const DIGITS_DATE = '^\\d{4}-\\d{2}-\\d{2}$';

const toJson = (schema: z.ZodType): Json => {
  const { $schema: _, ...json } = z.toJSONSchema(schema, { target: 'draft-2020-12' }) as Json;
  return json;
};

/** Every node of `schema` below `path`, through properties and the branches of anyOf. */
function nodesAt(schema: Json, path: readonly string[]): Json[] {
  if (!path.length) return [schema];
  const branches: Json[] = [schema, ...(schema.anyOf ?? [])];
  return branches.flatMap((b) => (b.properties?.[path[0]!] ? nodesAt(b.properties[path[0]!], path.slice(1)) : []));
}

/** A date in the calendar, as z.iso.date() checks it; the zod schema refuses 2022-13-45 with its refinement. */
function realDates(node: unknown): void {
  if (!node || typeof node !== 'object') return;
  const json = node as Json;
  if (json.type === 'string' && json.pattern === DIGITS_DATE) Object.assign(json, { format: 'date', pattern: z.regexes.date.source });
  for (const value of Object.values(json)) realDates(value);
}

/** The Chinese name of a group key (active, withheld …), from the rows of the fields below it. */
function groupDescription(path: readonly string[], fields: readonly FieldDef[]): string | undefined {
  const below = fields.filter((f) => f.path.length > path.length && path.every((p, i) => f.path[i] === p));
  if (!below.length) return undefined;
  const table = below[0]!.table;
  const known = GROUP_LABELS[path.at(-1)!];
  if (known && table !== '统计表') return known;
  const rows = [...new Set(below.map((f) => f.row.split(' ')[0]!))];
  return rows.length === 1 ? `${table}「${rows[0]}」` : `${table}「${rows[0]}」至「${rows.at(-1)}」各行`;
}

function describeGroups(node: Json, fields: readonly FieldDef[], path: string[] = []): void {
  for (const [key, child] of Object.entries((node.properties ?? {}) as Record<string, Json>)) {
    if (child.type !== 'object') continue;
    const description = groupDescription([...path, key], fields);
    if (!child.description && description) child.description = description;
    describeGroups(child, fields, [...path, key]);
  }
}

function editionSchema(format: ReportFormat): Json {
  const json = toJson(format.schema);
  realDates(json);
  describeGroups(json, format.fields);
  // YAML reads an unquoted postcode or telephone number as a number; the tool keeps the typed text.
  for (const path of TEXT_LIKE_PATHS) for (const node of nodesAt(json, path)) node.type = ['string', 'number'];
  // A unit may be left out only when its amount is zero.
  for (const field of format.fields.filter((f) => f.kind === 'unit')) {
    for (const node of nodesAt(json, field.path.slice(0, -1))) {
      node.if = { required: ['amount'], properties: { amount: { not: { const: 0 } } } };
      node.then = { required: [field.path.at(-1)!] };
    }
  }
  return json;
}

/** The edition applies when the file names it, or names none and its year is one of the edition's years. */
const applies = (format: ReportFormat): Json => ({
  anyOf: [
    { required: ['format'], properties: { format: { const: format.id } } },
    {
      not: { required: ['format'] },
      required: ['year'],
      properties: { year: { type: 'integer', minimum: format.firstYear, maximum: format.lastYear } },
    },
  ],
});

/**
 * The JSON Schema of data files, built from the registered editions' zod schemas: one `if`/`then` per edition, so
 * an editor checks a file against the one edition its `format` or `year` selects, not against all of them.
 */
export function reportJsonSchema(): Json {
  const common = toJson(FORMATS.at(-1)!.schema).properties as Json;
  return {
    $schema: DRAFT,
    title: '政府信息公开工作年度报告数据文件（report-gen）',
    type: 'object',
    required: ['year'],
    properties: {
      year: common.year,
      format: { enum: FORMATS.map((f) => f.id), description: `版式；省略时按报告年度选择：${yearRule()}` },
    },
    allOf: FORMATS.map((format) => ({ if: applies(format), then: editionSchema(format) })),
  };
}

/** The JSON Schema of organisation profiles (schema/org.schema.json). */
export function orgJsonSchema(): Json {
  const org = toJson(orgSchema());
  realDates(org);
  for (const path of TEXT_LIKE_PATHS.filter((p) => p[0] === 'org')) for (const node of nodesAt(org, path.slice(1))) node.type = ['string', 'number'];
  return { $schema: DRAFT, title: '机关信息文件（report-gen）', ...org };
}
