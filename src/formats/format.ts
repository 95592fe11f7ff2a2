/** What makes a format: its statistic fields, schema, narrative keys, rules and templates. */
import type { z } from 'zod';
import type { Rule } from '../contracts/rule.js';
import type { ComputedStatistics } from '../compute/statistics.js';
import type { SourceMap } from '../contracts/source-map.js';
import type { FieldDef } from './shared/fields.js';
import type { NarrativeKey } from './shared/report-schema.js';

export type FormatId = 'legacy' | 'national-2019' | 'national-2021';

export interface ReportFormat {
  id: FormatId;
  /** The document that defines it, for messages. */
  basis: string;
  firstYear: number;
  lastYear: number;
  fields: readonly FieldDef[];
  narrative: readonly NarrativeKey[];
  schema: z.ZodObject;
  /** Totals and display text of the statistics; typed totals are checked here. */
  compute(data: Record<string, unknown>, source: SourceMap): ComputedStatistics;
  rules: readonly Rule[];
  /** Folder under templates/ holding report.hbs and the edition's partials. */
  templateDir: string;
}
