/** 国办公开办函〔2019〕60号 (试行): the statistic fields of 表二, 表三 and 表四. */
import { activeCell, APPEAL_FIELDS, requestFields, type FieldDef, type ResultGroup } from '../shared/fields.js';

export const OTHER_PROCESSING_2019: ResultGroup = { key: 'other', label: '（六）其他处理' };

const cell = activeCell;

const publication = (key: string, row: string): FieldDef[] => [
  cell([key, 'made'], row, '本年新制作数量'),
  cell([key, 'published'], row, '本年新公开数量'),
  cell([key, 'total'], row, '对外公开总数量'),
];

const matters = (key: string, row: string): FieldDef[] => [
  cell([key, 'previous'], row, '上一年项目数量'),
  cell([key, 'change'], row, '本年增/减', 'signed'),
  cell([key, 'decisions'], row, '处理决定数量'),
];

export const ACTIVE_FIELDS_2019: FieldDef[] = [
  ...publication('regulations', '规章'),
  ...publication('normative_documents', '规范性文件'),
  ...matters('licensing', '行政许可'),
  ...matters('other_services', '其他对外管理服务事项'),
  ...matters('punishment', '行政处罚'),
  ...matters('coercion', '行政强制'),
  cell(['fees', 'previous'], '行政事业性收费', '上一年项目数量'),
  cell(['fees', 'change'], '行政事业性收费', '本年增/减', 'signed'),
  cell(['procurement', 'projects'], '政府集中采购', '采购项目数量'),
  cell(['procurement', 'amount'], '政府集中采购', '采购总金额', 'money'),
  cell(['procurement', 'unit'], '政府集中采购', '采购总金额的单位', 'unit'),
];

export const FIELDS_2019: FieldDef[] = [...ACTIVE_FIELDS_2019, ...requestFields(OTHER_PROCESSING_2019), ...APPEAL_FIELDS];
