/**
 * Schema validation of a data file, with every issue turned into a Chinese finding at its YAML position.
 */
import type * as z from 'zod';
import { labelOfPath, APPLICANT_COLUMNS, type FieldDef } from '../formats/shared/fields.js';
import { TEXT_LIKE_PATHS } from '../formats/shared/schema-parts.js';
import type { ReportFormat } from '../formats/format.js';
import type { DataPath, SourceMap } from '../contracts/source-map.js';
import { errorFinding, EXIT, ReportError, sortByPosition, type Finding } from '../report-error/finding.js';

type Issue = z.core.$ZodIssue & { input?: unknown };

/** What a file is validated against: a schema and the statistic fields that name its cells. */
export interface ValidationTarget {
  schema: ReportFormat['schema'];
  fields: readonly FieldDef[];
}

/** Validates and returns the data; throws a ReportError naming every problem (up to a limit). */
export function validateReport(
  data: Record<string, unknown>,
  format: ValidationTarget,
  source: SourceMap,
  textLikePaths: ReadonlyArray<ReadonlyArray<string>> = TEXT_LIKE_PATHS,
): Record<string, unknown> {
  restoreTypedText(data, source, textLikePaths);
  const slips = inputMethodSlips(format, source);
  const numbers = unplainNumbers(format, source, textLikePaths);
  const result = format.schema.safeParse(data, { reportInput: true });
  const missingUnits = amountsWithoutUnit(result.success ? (result.data as Record<string, unknown>) : data, format, source);
  if (result.success && !missingUnits.length && !slips.length && !numbers.length) return result.data as Record<string, unknown>;
  // A slip explains every issue of its value and of the list that holds it (a row of one element, 「3，0，0」).
  const explained = (path: DataPath) =>
    slips.some((slip) => isPrefix(path, slip.path) || isPrefix(slip.path, path)) || numbers.some((n) => isPrefix(n.path, path));
  const issues = result.success ? [] : (result.error.issues as Issue[]).filter((issue) => !explained(issue.path as DataPath));
  const described = [
    ...slips.map((slip) => slip.finding),
    ...numbers.map((n) => n.finding),
    ...limitUnknownKeys(issues.flatMap((issue) => describeIssue(issue, format, source))),
    ...missingUnits,
  ];
  // One value can fail two checks with the same message (a date's pattern and its calendar check).
  const findings = [...new Map(described.map((f) => [`${f.at?.line}:${f.at?.col} ${f.message}`, f])).values()];
  sortByPosition(findings);
  // A negative count breaks a rule of the table (N1); any other problem makes the file unusable.
  const onlyRules = findings.every((f) => f.rule === 'N1');
  throw new ReportError(findings, onlyRules ? EXIT.findings : EXIT.unusableInput);
}

/** A unit may be left out only when its amount is zero. */
function amountsWithoutUnit(data: Record<string, unknown>, format: ValidationTarget, source: SourceMap): Finding[] {
  return format.fields
    .filter((field) => field.kind === 'unit')
    .flatMap((field) => {
      const parent = field.path.slice(0, -1).reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], data);
      if (!parent || typeof parent !== 'object') return [];
      const { unit, amount } = parent as { unit?: unknown; amount?: unknown };
      if (unit !== undefined || typeof amount !== 'number' || amount === 0) return [];
      return [errorFinding('SCHEMA', `${labelFor(format.fields, field.path)}应为 元 或 万元（金额不为 0 时必须填写），实际为 空`, source.positionOf(field.path))];
    });
}

/** Unknown keys are named shortened, and only a few: a wrong file (not a data file) must not be echoed. */
const MAX_UNKNOWN_KEYS = 3;
const MAX_KEY_LENGTH = 12;

function limitUnknownKeys(findings: Finding[]): Finding[] {
  const unknown = findings.filter((f) => f.rule === UNKNOWN_KEY);
  const named = (f: Finding): Finding => (f.rule === UNKNOWN_KEY ? { ...f, rule: 'SCHEMA' } : f);
  if (unknown.length <= MAX_UNKNOWN_KEYS) return findings.map(named);
  const kept = new Set(unknown.slice(0, MAX_UNKNOWN_KEYS));
  const last = unknown[MAX_UNKNOWN_KEYS - 1]!;
  return [
    ...findings.filter((f) => f.rule !== UNKNOWN_KEY || kept.has(f)).map(named),
    { ...last, rule: 'SCHEMA', message: `另有 ${unknown.length - MAX_UNKNOWN_KEYS} 个未知的键未列出；请检查是否选错了文件` },
  ];
}

const UNKNOWN_KEY = 'SCHEMA-UNKNOWN-KEY';

function shortKey(key: string): string {
  const chars = [...key.replace(/[\u0000-\u001f\u007f]/g, '')];
  return chars.length > MAX_KEY_LENGTH ? `${chars.slice(0, MAX_KEY_LENGTH).join('')}…` : chars.join('');
}

function isPrefix(prefix: DataPath, path: DataPath): boolean {
  return prefix.length <= path.length && prefix.every((p, i) => p === path[i]);
}

/**
 * Numbers in the forms YAML reads but a clerk never means: 0x10 (16), 01234 (1234), 1e3, -0, +5, and integers
 * beyond 2^53 that cannot be kept exactly. Each is refused naming the value as typed.
 */
function unplainNumbers(
  format: ValidationTarget,
  source: SourceMap,
  textLikePaths: ReadonlyArray<ReadonlyArray<string>>,
): Array<{ path: DataPath; finding: Finding }> {
  const findings: Array<{ path: DataPath; finding: Finding }> = [];
  for (const { path, value, typed } of source.numbers()) {
    if (textLikePaths.some((p) => p.length === path.length && isPrefix(p, path))) continue;
    // The label and the position are looked up only for a number that is refused.
    const label = () => labelFor(format.fields, path);
    const at = () => source.positionOf(path);
    if (!/^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/.test(typed) || /^-0(\.0*)?$/.test(typed)) {
      const readAs = Number.isFinite(value) ? `，会被读成 ${value}` : '';
      const finding = errorFinding('SCHEMA', `${label()}写作“${typed}”，不是普通的十进制数${readAs}；请写成普通的半角数字（不用 0x 等前缀、前导 0、指数写法或 -0）`, at());
      findings.push({ path, finding });
    } else if (Math.abs(value) > Number.MAX_SAFE_INTEGER) {
      findings.push({ path, finding: errorFinding('SCHEMA', `${label()}为 ${typed}，超过能精确计算的上限 ${Number.MAX_SAFE_INTEGER}`, at()) });
    }
  }
  return findings;
}

const FULL_WIDTH_DIGITS = /^[－-]?[０-９0-9]*[０-９][０-９0-9]*([．.][０-９0-9]+)?$/;

/** What a Chinese input method types into a number: full-width commas between numbers, full-width digits. */
function inputMethodSlips(format: ValidationTarget, source: SourceMap): Array<{ path: DataPath; finding: Finding }> {
  const slips: Array<{ path: DataPath; finding: Finding }> = [];
  for (const { path, value } of source.strings()) {
    if (!labelOfPath(format.fields, path)) continue;
    const comma = /[0-9０-９][ \t　]*([，、；])[ \t　]*[0-9０-９]/.exec(value);
    const trimmed = value.trim();
    if (comma) {
      const at = source.positionOfIndex(path, value, comma.index + comma[0].indexOf(comma[1]!));
      const name = comma[1] === '，' ? '全角逗号' : comma[1] === '、' ? '顿号' : '全角分号';
      slips.push({ path, finding: errorFinding('SCHEMA', `${labelFor(format.fields, path)}：数字之间用了${name}「${comma[1]}」，请改为半角 ,`, at) });
    } else if (FULL_WIDTH_DIGITS.test(trimmed)) {
      const half = trimmed.replace(/[０-９．－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
      slips.push({ path, finding: errorFinding('SCHEMA', `${labelFor(format.fields, path)}“${trimmed}”用了全角数字，请改为半角数字 ${half}`, source.positionOf(path)) });
    }
  }
  return slips;
}

/** Postcodes and phone numbers typed without quotes are read as numbers by YAML; keep what was typed. */
function restoreTypedText(data: Record<string, unknown>, source: SourceMap, paths: ReadonlyArray<ReadonlyArray<string>>): void {
  for (const path of paths) {
    const parent = path.slice(0, -1).reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], data);
    const key = path[path.length - 1]!;
    if (parent && typeof parent === 'object' && typeof (parent as Record<string, unknown>)[key] === 'number') {
      (parent as Record<string, unknown>)[key] = source.sourceTextOf(path) ?? String((parent as Record<string, unknown>)[key]);
    }
  }
}

function describeIssue(issue: Issue, format: ValidationTarget, source: SourceMap): Finding[] {
  const path = issue.path as Array<string | number>;
  const label = labelFor(format.fields, path);
  const at = source.positionOf(path);
  const shown = showValue(issue.input);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) =>
        errorFinding(UNKNOWN_KEY, `未知的键「${[...path, key].map((k) => shortKey(String(k))).join('.')}」${knownKeysHint(format, path)}`, source.positionOfKey([...path, key])),
      );
    case 'invalid_type':
      if (issue.input === undefined) return [errorFinding('SCHEMA', `缺少必填项${label}`, at)];
      return [errorFinding('SCHEMA', `${label}${expectation(format.fields, path, issue.expected)}，实际为 ${shown}`, at)];
    case 'too_small':
    case 'too_big':
      if (issue.origin === 'array') {
        const n = Array.isArray(issue.input) ? issue.input.length : '?';
        const order = APPLICANT_COLUMNS.map((c) => c.label).join('、');
        return [errorFinding('SCHEMA', `${label}应有 ${APPLICANT_COLUMNS.length} 个数（依次为${order}），实际为 ${n} 个`, at)];
      }
      if (issue.origin === 'string') return [errorFinding('SCHEMA', `${label}不能为空`, at)];
      if (issue.code === 'too_small' && typeof issue.input === 'number' && issue.input < 0) {
        return [errorFinding('N1', `${label}${expectation(format.fields, path, 'number')}，实际为 ${shown}`, at)];
      }
      return [errorFinding('SCHEMA', `${label}${expectation(format.fields, path, 'number')}，实际为 ${shown}`, at)];
    case 'invalid_value':
      return [errorFinding('SCHEMA', `${label}应为 ${issue.values.map((v) => String(v)).join(' 或 ')}，实际为 ${shown}`, at)];
    case 'custom':
    case 'invalid_format':
      return [errorFinding('SCHEMA', `${label}应为日期，格式如 2022-01-20，实际为 ${shown}`, at)];
    case 'invalid_union':
      if (path.length === 1 && path[0] === 'org') return [errorFinding('SCHEMA', `${label}应为机关信息（名称、地址等“键: 值”），或机关信息文件的路径，实际为 ${shown}`, at)];
      return [errorFinding('SCHEMA', `${label}的写法不符合要求，实际为 ${shown}`, at)];
    default:
      // zod's own wording is English; the label and the value say what is wrong.
      return [errorFinding('SCHEMA', `${label}不符合要求，实际为 ${shown}`, at)];
  }
}

const PATH_LABELS: Record<string, string> = {
  year: '报告年度',
  issued: '成文日期',
  format: '版式',
  org: '机关信息',
  'org.name': '机关全称',
  text: '正文',
  'text.overview': '一、总体情况',
  'text.problems': '五、存在的主要问题及改进情况',
  'text.other': '六、其他需要报告的事项',
  'text.fee': '信息处理费情况',
};

function labelFor(fields: readonly FieldDef[], path: DataPath): string {
  const official = labelOfPath(fields, path);
  if (official) return official;
  const dotted = path.join('.');
  const name = PATH_LABELS[dotted];
  return name ? `「${dotted}」（${name}）` : `「${dotted}」`;
}

function expectation(fields: readonly FieldDef[], path: DataPath, expected: string): string {
  const field = fields.find((f) => f.path.every((p, i) => p === path[i]));
  if (field?.kind === 'signed') return '应为整数（减少用负数）';
  if (field?.kind === 'money') return '应为非负数';
  if (field) return '应为非负整数';
  if (expected === 'string') return '应为文字';
  if (expected === 'object') return '应为“键: 值”映射';
  if (expected === 'number' || expected === 'int') return '应为整数';
  return `应为 ${expected}`;
}

function showValue(value: unknown): string {
  if (typeof value === 'string') return `“${value}”`;
  if (value === null) return '空值';
  if (value === undefined) return '空';
  if (typeof value === 'boolean') return `“${value}”（是非值）`;
  if (typeof value === 'object') return Array.isArray(value) ? '列表' : '映射';
  return String(value);
}

function knownKeysHint(format: ValidationTarget, path: DataPath): string {
  let schema: unknown = format.schema;
  for (const key of path) schema = unwrap(schema)?.shape?.[key as string];
  const shape = unwrap(schema)?.shape;
  return shape ? `，可用的键：${Object.keys(shape).join('、')}` : '';
}

function unwrap(schema: unknown): { shape?: Record<string, unknown> } | undefined {
  let s = schema as { def?: { type?: string; innerType?: unknown }; shape?: Record<string, unknown> } | undefined;
  while (s?.def?.type === 'optional') s = s.def.innerType as typeof s;
  return s;
}
