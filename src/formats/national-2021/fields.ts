/** 国办公开办函〔2021〕30号: the statistic fields of 表二, 表三 and 表四. */
import { activeCell, APPEAL_FIELDS, requestFields, type FieldDef, type ResultGroup } from '../shared/fields.js';

export const OTHER_PROCESSING_2021: ResultGroup = {
  key: 'other',
  label: '（六）其他处理',
  items: [
    { key: 'no_correction', label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请' },
    { key: 'fee_unpaid', label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请' },
    { key: 'other', label: '3.其他' },
  ],
};

const cell = activeCell;

export const ACTIVE_FIELDS_2021: FieldDef[] = [
  cell(['regulations', 'issued'], '规章', '本年制发件数'),
  cell(['regulations', 'repealed'], '规章', '本年废止件数'),
  cell(['regulations', 'in_force'], '规章', '现行有效件数'),
  cell(['normative_documents', 'issued'], '行政规范性文件', '本年制发件数'),
  cell(['normative_documents', 'repealed'], '行政规范性文件', '本年废止件数'),
  cell(['normative_documents', 'in_force'], '行政规范性文件', '现行有效件数'),
  cell(['licensing'], '行政许可', '本年处理决定数量'),
  cell(['punishment'], '行政处罚', '本年处理决定数量'),
  cell(['coercion'], '行政强制', '本年处理决定数量'),
  cell(['fees'], '行政事业性收费', '本年收费金额（单位：万元）', 'money'),
];

export const FIELDS_2021: FieldDef[] = [...ACTIVE_FIELDS_2021, ...requestFields(OTHER_PROCESSING_2021), ...APPEAL_FIELDS];
