/** The shape of an arithmetic or text rule run before every build. */
import type { ComputedStatistics } from '../compute/statistics.js';
import type { SourceMap } from './source-map.js';
import type { Finding } from '../report-error/finding.js';

export interface RuleInput {
  source: SourceMap;
  /** The validated data file. */
  data: Record<string, unknown>;
  statistics: ComputedStatistics;
}

export type Rule = (input: RuleInput) => Finding[];

/** A report and last year's, for rules across years. */
export interface YearPair {
  current: RuleInput;
  previous: RuleInput;
  /** Last year's file name, for messages. */
  previousName: string;
}

/** A rule comparing a report with last year's (R5, R6, R8); silent when last year's data has another shape. */
export type CrossYearRule = (pair: YearPair) => Finding[];
