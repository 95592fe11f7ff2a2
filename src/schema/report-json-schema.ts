/** The JSON Schema of data files, built from the registered editions' zod schemas (one branch per edition). */
import { z } from 'zod';
import { FORMATS } from '../formats/registry.js';

export function reportJsonSchema(): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: '政府信息公开工作年度报告数据文件（report-gen）',
    anyOf: FORMATS.map((format) => z.toJSONSchema(format.schema, { target: 'draft-2020-12' })),
  };
}
