/**
 * Writes schema/report.schema.json from the same zod schemas that validate data files, so the editor's
 * completion and hover help can never disagree with the tool.
 */
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { FORMATS } from '../formats/registry.js';

const schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: '政府信息公开工作年度报告数据文件（report-gen）',
  anyOf: FORMATS.map((format) => z.toJSONSchema(format.schema, { target: 'draft-2020-12' })),
};
const target = new URL('../../schema/report.schema.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(schema, null, 2)}\n`);
