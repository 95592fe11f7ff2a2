/**
 * Writes schema/report.schema.json from the same zod schemas that validate data files, so the editor's
 * completion and hover help can never disagree with the tool.
 */
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { orgSchema } from '../formats/shared/schema-parts.js';
import { reportJsonSchema } from './report-json-schema.js';

const schema = reportJsonSchema();
const write = (name: string, content: object) =>
  writeFileSync(new URL(`../../schema/${name}`, import.meta.url), `${JSON.stringify(content, null, 2)}\n`);

write('report.schema.json', schema);
write('org.schema.json', { $schema: schema.$schema, title: '机关信息文件（report-gen）', ...z.toJSONSchema(orgSchema(), { target: 'draft-2020-12' }) });
