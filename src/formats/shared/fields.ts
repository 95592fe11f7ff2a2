/**
 * Statistic fields: the data path of each official cell or row, with its official labels. A format lists its
 * fields once; the schema, the error messages and the computed totals are all derived from that list.
 */

export type FieldKind =
  /** A non-negative integer. */
  | 'count'
  /** A signed integer (本年增/减). */
  | 'signed'
  /** A non-negative decimal amount; printed as typed. */
  | 'money'
  /** A 表三 row: six applicant columns, optionally a typed 总计 as seventh element. */
  | 'applicantRow'
  /** A 表四 block: four result counts, optionally a typed total. */
  | 'appealBlock'
  /** The unit of a money field whose unit the data declares (元 or 万元). */
  | 'unit'
  /** A non-negative integer, or empty (~) for a cell left blank (legacy 统计表). */
  | 'countOrBlank'
  /** A non-negative amount, or empty (~). */
  | 'moneyOrBlank';

export interface FieldDef {
  path: string[];
  table: '表二' | '表三' | '表四' | '统计表';
  /** Official row label; for grouped rows the group label and the item label, joined by a space. */
  row: string;
  /** Official column label, when the field is one cell. */
  column?: string;
  kind: FieldKind;
  /** A computed total row that the user may type (it is then checked). */
  computed?: boolean;
}

export const APPLICANT_COLUMNS = [
  { key: 'natural_person', label: '自然人' },
  { key: 'commercial', label: '商业企业' },
  { key: 'research', label: '科研机构' },
  { key: 'social_welfare', label: '社会公益组织' },
  { key: 'legal_services', label: '法律服务机构' },
  { key: 'other', label: '其他' },
] as const;

export type ApplicantColumnKey = (typeof APPLICANT_COLUMNS)[number]['key'] | 'total';

export const APPEAL_RESULTS = [
  { key: 'upheld', label: '结果维持' },
  { key: 'corrected', label: '结果纠正' },
  { key: 'other', label: '其他结果' },
  { key: 'pending', label: '尚未审结' },
] as const;

export const APPEAL_BLOCKS = [
  { key: 'review', label: '行政复议' },
  { key: 'litigation_direct', label: '行政诉讼 未经复议直接起诉' },
  { key: 'litigation_after_review', label: '行政诉讼 复议后起诉' },
] as const;

/** One group of 表三 result rows (（三）不予公开 …) or a single result row. */
export interface ResultGroup {
  key: string;
  label: string;
  /** Items of a group; absent for a single row such as （一）予以公开. */
  items?: ReadonlyArray<{ key: string; label: string }>;
}

export const RESULTS_BEFORE_OTHER: readonly ResultGroup[] = [
  { key: 'disclosed', label: '（一）予以公开' },
  { key: 'partly_disclosed', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）' },
  {
    key: 'withheld',
    label: '（三）不予公开',
    items: [
      { key: 'state_secret', label: '1.属于国家秘密' },
      { key: 'prohibited_by_law', label: '2.其他法律行政法规禁止公开' },
      { key: 'security_stability', label: '3.危及“三安全一稳定”' },
      { key: 'third_party', label: '4.保护第三方合法权益' },
      { key: 'internal_affairs', label: '5.属于三类内部事务信息' },
      { key: 'process_info', label: '6.属于四类过程性信息' },
      { key: 'enforcement_files', label: '7.属于行政执法案卷' },
      { key: 'query_matters', label: '8.属于行政查询事项' },
    ],
  },
  {
    key: 'unavailable',
    label: '（四）无法提供',
    items: [
      { key: 'not_held', label: '1.本机关不掌握相关政府信息' },
      { key: 'needs_creation', label: '2.没有现成信息需要另行制作' },
      { key: 'still_unclear', label: '3.补正后申请内容仍不明确' },
    ],
  },
  {
    key: 'not_processed',
    label: '（五）不予处理',
    items: [
      { key: 'complaint', label: '1.信访举报投诉类申请' },
      { key: 'duplicate', label: '2.重复申请' },
      { key: 'publication', label: '3.要求提供公开出版物' },
      { key: 'excessive', label: '4.无正当理由大量反复申请' },
      { key: 'confirmation', label: '5.要求行政机关确认或重新出具已获取信息' },
    ],
  },
];

export const RESULTS_TOTAL = { key: 'total', label: '（七）总计' } as const;

/** The 表三 field list for an edition, given its （六）其他处理 group. */
export function requestFields(otherProcessing: ResultGroup): FieldDef[] {
  const row = (path: string[], label: string, computed = false): FieldDef => ({
    path: ['requests', ...path],
    table: '表三',
    row: label,
    kind: 'applicantRow',
    ...(computed ? { computed } : {}),
  });
  const fields: FieldDef[] = [row(['received'], '一、本年新收政府信息公开申请数量'), row(['carried_in'], '二、上年结转政府信息公开申请数量')];
  for (const group of [...RESULTS_BEFORE_OTHER, otherProcessing]) {
    if (!group.items) fields.push(row(['results', group.key], group.label));
    else for (const item of group.items) fields.push(row(['results', group.key, item.key], `${group.label} ${item.label}`));
  }
  fields.push(row(['results', RESULTS_TOTAL.key], RESULTS_TOTAL.label, true));
  fields.push(row(['carried_out'], '四、结转下年度继续办理'));
  return fields;
}

/** One cell of 表二: its path below `active`, row and column labels. */
export const activeCell = (path: string[], row: string, column: string, kind: FieldKind = 'count'): FieldDef => ({
  path: ['active', ...path],
  table: '表二',
  row,
  column,
  kind,
});

export const APPEAL_FIELDS: FieldDef[] = APPEAL_BLOCKS.map((block) => ({
  path: ['appeals', block.key],
  table: '表四',
  row: block.label,
  kind: 'appealBlock',
}));

/** Human label of a data path, e.g. 表三「（四）无法提供 1.本机关不掌握相关政府信息」「自然人」. */
export function labelOfPath(fields: readonly FieldDef[], path: ReadonlyArray<string | number>): string | undefined {
  let best: FieldDef | undefined;
  for (const field of fields) {
    if (field.path.length <= path.length && field.path.every((p, i) => p === path[i])) {
      if (!best || field.path.length > best.path.length) best = field;
    }
  }
  if (!best) return undefined;
  const rest = path.slice(best.path.length);
  let column = best.column;
  if (best.kind === 'applicantRow' && typeof rest[0] === 'number') {
    column = rest[0] === APPLICANT_COLUMNS.length ? '总计' : APPLICANT_COLUMNS[rest[0]]?.label;
  }
  if (best.kind === 'appealBlock' && typeof rest[0] === 'string') {
    column = rest[0] === 'total' ? '总计' : APPEAL_RESULTS.find((r) => r.key === rest[0])?.label;
  }
  return `${best.table}「${best.row}」${column ? `「${column}」` : ''}`;
}
