/**
 * Writes schema/report.schema.json from the same zod schemas that validate data files, so the editor's
 * completion and hover help can never disagree with the tool. The edition is chosen as the tool chooses it:
 * by `format` when the file names one, else by `year`, each edition's schema under an if/then, so that an editor
 * reports a wrong key once, against the one edition that applies. What zod checks in code (a real calendar date,
 * a unit for a non-zero amount, text that YAML reads as a number) is written out here as JSON Schema.
 */
import { writeFileSync } from 'node:fs';
import { orgJsonSchema, reportJsonSchema } from './report-json-schema.js';

const write = (name: string, content: object) =>
  writeFileSync(new URL(`../../schema/${name}`, import.meta.url), `${JSON.stringify(content, null, 2)}\n`);

write('report.schema.json', reportJsonSchema());
write('org.schema.json', orgJsonSchema());
