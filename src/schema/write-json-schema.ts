/**
 * Writes schema/report.schema.json from the same zod schemas that validate data files, so the editor's
 * completion and hover help can never disagree with the tool.
 */
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { FORMATS } from '../formats/registry.js';
import { orgSchema } from '../formats/shared/schema-parts.js';

const schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: '政府信息公开工作年度报告数据文件（report-gen）',
  anyOf: FORMATS.map((format) => z.toJSONSchema(format.schema, { target: 'draft-2020-12' })),
};
const write = (name: string, content: object) =>
  writeFileSync(new URL(`../../schema/${name}`, import.meta.url), `${JSON.stringify(content, null, 2)}\n`);

write('report.schema.json', schema);
write('org.schema.json', { $schema: schema.$schema, title: '机关信息文件（report-gen）', ...z.toJSONSchema(orgSchema(), { target: 'draft-2020-12' }) });
