/**
 * Writes a data file for a format from its field definitions: every official row with its Chinese label as a
 * comment, the figures given (0 otherwise), and narrative placeholders that `check` refuses (E1) until written.
 * Used by `init` (a new year) and `aggregate` (a county's sum of its members).
 */
import { dirname, relative } from 'node:path';
import { installedFile } from '../load/install-root.js';
import type { ReportFormat } from '../formats/format.js';
import { APPEAL_RESULTS, APPLICANT_COLUMNS, type FieldDef } from '../formats/shared/fields.js';

const SCHEMA = installedFile('schema', 'report.schema.json');
export const PLACEHOLDER = '（文字描述）';

export interface DataFileSpec {
  format: ReportFormat;
  year: number;
  /** A profile path (relative to the new file) or an inline organisation. */
  org: string | Record<string, unknown>;
  /** 成文日期 as YYYY-MM-DD. */
  issued: string;
  previous?: string;
  /** Figures by dotted field path; applicant rows and appeal blocks as arrays/objects. */
  values: Map<string, unknown>;
  /** Sub-heading lines (without `## `) per narrative key. */
  headings: Map<string, string[]>;
  /** Absolute path of the file to be written (for the schema link). */
  file: string;
  header: string[];
}

/** Comments of the group keys of the national editions, also their descriptions in the JSON Schema. */
export const GROUP_LABELS: Record<string, string> = {
  active: '表二 主动公开政府信息情况',
  requests: '表三 收到和处理政府信息公开申请情况；列：[自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他]，总计自动计算',
  results: '三、本年度办理结果',
  appeals: '表四 政府信息公开行政复议、行政诉讼情况；总计自动计算',
};

const quote = (text: string) => (/^[\w\u4e00-\u9fff（）、：，。.\-/ ]+$/.test(text) && !/^[\d.\-]/.test(text) ? text : JSON.stringify(text));

function yamlValue(field: FieldDef, value: unknown): string {
  switch (field.kind) {
    case 'applicantRow':
      return `[${(Array.isArray(value) ? value : APPLICANT_COLUMNS.map(() => 0)).slice(0, APPLICANT_COLUMNS.length).join(', ')}]`;
    case 'appealBlock': {
      const block = (value as Record<string, number> | undefined) ?? {};
      return `{ ${APPEAL_RESULTS.map((r) => `${r.key}: ${block[r.key] ?? 0}`).join(', ')} }`;
    }
    case 'money':
      return typeof value === 'string' ? value : value === undefined ? '0.00' : String(value);
    case 'unit':
      return String(value ?? '万元');
    default:
      return String(value ?? 0);
  }
}

function fieldComment(field: FieldDef): string {
  const row = field.path.length >= 4 && field.table === '表三' ? field.row.split(' ').slice(1).join(' ') : field.row;
  return field.column ? `${row}：${field.column}` : row;
}

export function dataFileText(spec: DataFileSpec): string {
  const schema = relative(dirname(spec.file), SCHEMA).replaceAll('\\', '/');
  const lines: string[] = [`# yaml-language-server: $schema=${schema}`, ...spec.header.map((h) => `# ${h}`), ''];
  lines.push(`year: ${spec.year}`);
  if (typeof spec.org === 'string') lines.push(`org: ${spec.org}                # 机关信息文件`);
  else {
    lines.push('org:');
    for (const [key, value] of Object.entries(spec.org)) lines.push(`  ${key}: ${typeof value === 'string' ? quote(value) : JSON.stringify(value)}`);
  }
  lines.push(`issued: ${spec.issued}               # 成文日期`);
  if (spec.previous) lines.push(`previous: ${spec.previous}      # 上一年度的数据文件`);
  lines.push('', 'text:');
  for (const { key, label, required } of spec.format.narrative) {
    if (!required && !spec.headings.has(key)) continue;
    lines.push(`  ${key}: |                    # ${label}`);
    for (const heading of spec.headings.get(key) ?? []) lines.push(`    ## ${heading}`, `    ${PLACEHOLDER}`, '');
    if (!(spec.headings.get(key) ?? []).length) lines.push(`    ${PLACEHOLDER}`);
    if (lines.at(-1) === '') lines.pop();
  }

  const fields = spec.format.fields.filter((f) => !f.computed);
  const opened: string[] = [];
  for (const field of fields) {
    const parents = field.path.slice(0, -1);
    let depth = 0;
    while (depth < opened.length && opened[depth] === parents[depth]) depth++;
    opened.length = depth;
    for (; depth < parents.length; depth++) {
      const key = parents[depth]!;
      const group = GROUP_LABELS[key] ?? (field.table === '表三' && depth === 2 ? field.row.split(' ')[0] : undefined);
      if (depth === 0) lines.push('');
      lines.push(`${'  '.repeat(depth)}${key}:${group ? `                       # ${group}` : ''}`);
      opened.push(key);
    }
    const key = field.path[field.path.length - 1]!;
    lines.push(`${'  '.repeat(field.path.length - 1)}${key}: ${yamlValue(field, spec.values.get(field.path.join('.')))}      # ${fieldComment(field)}`);
  }
  return `${lines.join('\n')}\n`;
}
