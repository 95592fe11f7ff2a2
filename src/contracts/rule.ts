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
