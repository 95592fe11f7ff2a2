/**
 * Validates a data file against its edition. The result is keyed on the edition: for a built-in edition, `data` has
 * the type its zod schema infers, so code that asks `edition === 'national-2021'` reads that edition's tables typed.
 */
import type * as z from 'zod';
import type { SourceMap } from '../contracts/source-map.js';
import type { ReportFormat } from '../formats/format.js';
import type { BuiltInEdition } from '../formats/registry.js';
import type { ReportData } from '../formats/shared/report-schema.js';
import { validateReport } from './validate-report.js';

type Validated<E> = E extends ReportFormat<infer Id, infer Schema> ? { edition: Id; data: ReportData & z.output<Schema> } : never;

/** Validated data by edition. An edition registered at run time is checked the same way; its type is ReportData. */
export type ValidatedReport = Validated<BuiltInEdition>;

export function validateEdition(raw: Record<string, unknown>, format: ReportFormat, source: SourceMap): ValidatedReport {
  // Every edition's schema extends commonShape, and the organisation profile is in place of its path by now.
  const data = validateReport(raw, format, source) as ReportData;
  return { edition: format.id, data } as ValidatedReport;
}
