/**
 * The stages of one data file up to the templates, in order: load (the YAML and the organisation profile) →
 * choose the edition → validate → compute → rules (the edition's, then the shared ones in check/) → narrative
 * expansion → cross-year rules. Positions are handed down as one SourceMap, so no later stage reads the YAML
 * again. Unusable input throws (exit 2); rule findings are returned, so that `check` can list them all and `build`
 * can refuse on errors.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { ComputedStatistics } from '../compute/statistics.js';
import { chooseFormat } from '../formats/registry.js';
import type { SourceMap } from '../contracts/source-map.js';
import type { ReportFormat } from '../formats/format.js';
import type { ReportData } from '../formats/shared/report-schema.js';
import { resolveOrgProfile } from '../load/org-profile.js';
import { YamlSource } from '../load/yaml-source.js';
import { errorFinding, sortByPosition, type Finding } from '../report-error/finding.js';
import { expandTextFields } from '../templating/expand-text-fields.js';
import { checkCrossYear } from './cross-year.js';
import { runRules } from '../check/run-rules.js';
import { checkDocumentDates } from '../check/rules/document-dates.js';
import { lintNarrative } from '../check/rules/narrative-lint.js';
import { checkNarrativeFigures } from '../check/rules/t1-narrative-figures.js';
import { checkOrgName } from '../check/rules/placeholder-org-name.js';
import { checkTypedNumbering } from '../check/rules/typed-numbering.js';
import { checkRequiredContent } from '../check/rules/required-content.js';
import { validateEdition } from '../validate/validate-edition.js';
import { validateOrgProfile } from '../validate/validate-org-profile.js';
import { withinSizes } from './size-limits.js';

export interface CheckedReport {
  source: YamlSource;
  format: ReportFormat;
  data: ReportData;
  statistics: ComputedStatistics;
  /** The template context: data, computed statistics and defaults. */
  context: Record<string, unknown>;
  /** Narrative text with its {{…}} expressions expanded, by dotted path (text.overview …). */
  narratives: Map<string, string>;
  findings: Finding[];
  /** The organisation profile file, when `org:` names one. */
  profile?: string;
  /** The seal image of the organisation (absolute path), when it has one. */
  sealFile?: string;
}

export interface CheckOptions {
  /** Compare with last year's file (R5, R6, R8). */
  crossYear?: boolean;
}

export function checkFile(file: string, options: CheckOptions = {}): CheckedReport {
  return checkSource(YamlSource.read(file), options);
}

export function checkSource(source: YamlSource, options: CheckOptions = {}): CheckedReport {
  // load: a text value too long to be meant is refused before any work
  withinSizes(source);
  const raw = source.toJS() as Record<string, unknown>;
  const profile = resolveOrgProfile(raw, source);
  if (profile) validateOrgProfile(raw, profile);
  const positions: SourceMap = source;
  // validate
  const { format, warnings } = chooseFormat(raw, positions);
  const { data } = validateEdition(raw, format, positions);
  // compute
  const statistics = format.compute(data, positions);
  const dataContext: Record<string, unknown> = { document: {}, ...data, ...statistics.tree, format: format.id };
  // rules
  const input = { source: positions, data, statistics };
  const findings: Finding[] = [
    ...warnings,
    ...statistics.findings,
    ...runRules([...format.rules, checkDocumentDates, checkRequiredContent, lintNarrative, checkNarrativeFigures, checkOrgName, checkTypedNumbering], input),
  ];

  // narrative expansion
  const { context, narratives, findings: textFindings } = expandTextFields(format, data, dataContext, positions);
  findings.push(...textFindings);

  const seal = data.org.seal;
  const sealFile = seal ? resolve(dirname(source.absolutePath), seal) : undefined;
  if (sealFile && !existsSync(sealFile)) findings.push(errorFinding('SEAL', `找不到印章图片 ${seal}`, source.positionOf(['org', 'seal'])));
  const report: CheckedReport = {
    source,
    format,
    data,
    statistics,
    context,
    narratives,
    findings,
    ...(profile ? { profile: profile.file } : {}),
    ...(sealFile ? { sealFile } : {}),
  };
  if (options.crossYear !== false) findings.push(...checkCrossYear(report, (file) => checkFile(file, { crossYear: false })));
  sortByPosition(findings);
  return report;
}
