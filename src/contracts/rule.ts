/** The shape of an arithmetic or text rule run before every build. */
import type { ComputedStatistics } from '../compute/statistics.js';
import type { SourceMap } from './source-map.js';
import type { Finding } from '../report-error/finding.js';

/** `Data` is the validated data file; editions and rules name its type (formats/shared/report-schema.ts ReportData). */
export interface RuleInput<Data extends object = Record<string, unknown>> {
  source: SourceMap;
  /** The validated data file. */
  data: Data;
  statistics: ComputedStatistics;
}

export type Rule<Data extends object = Record<string, unknown>> = (input: RuleInput<Data>) => Finding[];

/** A report and last year's, for rules across years. */
export interface YearPair<Data extends object = Record<string, unknown>> {
  current: RuleInput<Data>;
  previous: RuleInput<Data>;
  /** Last year's file name, for messages. */
  previousName: string;
}

/** A rule comparing a report with last year's (R5, R6, R8); silent when last year's data has another shape. */
export type CrossYearRule<Data extends object = Record<string, unknown>> = (pair: YearPair<Data>) => Finding[];
