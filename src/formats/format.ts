/**
 * What makes an edition of the report: its years, statistic fields, schema, narrative keys, rules, cross-year rules,
 * carry-over for `init --from` and templates. Everything that depends on the list of editions (the registry, the
 * choice by year, cross-year checking, `init`) is derived from these objects; an edition lives in one folder.
 */
import { sep } from 'node:path';
import { installedFile } from '../load/install-root.js';
import type * as z from 'zod';
import type { CrossYearRule, Rule } from '../contracts/rule.js';
import type { SourceMap } from '../contracts/source-map.js';
import type { ComputedStatistics } from '../compute/statistics.js';
import type { FieldDef } from './shared/fields.js';
import type { NarrativeKey, ReportData } from './shared/report-schema.js';
import type { EditionYears } from './shared/years.js';

export interface ReportFormat<Id extends string = string, Schema extends z.ZodObject = z.ZodObject> extends EditionYears {
  id: Id;
  /** The document that defines it, for messages. */
  basis: string;
  fields: readonly FieldDef[];
  narrative: readonly NarrativeKey[];
  schema: Schema;
  /** Totals and display text of the statistics; typed totals are checked here. */
  compute(data: ReportData, source: SourceMap): ComputedStatistics;
  /** The edition's own rules; the rules every edition shares run after them. */
  rules: readonly Rule<ReportData>[];
  /** Rules against last year's report (R5, R6, R8). */
  crossYearRules: readonly CrossYearRule<ReportData>[];
  /**
   * What `init --from` carries over from last year's data, as values by dotted path. Absent when `init` does not
   * write this edition.
   */
  carryOver?: (previous: { data: ReportData }) => Map<string, unknown>;
  /** The folder holding the edition's report.hbs and partials; a templates/<id>/ folder beside the data overrides them. */
  templates: string;
}

/** Keeps an edition's id (and schema) as literal types, so that the list of editions can be typed from it. */
export const defineEdition = <const Id extends string, Schema extends z.ZodObject>(edition: ReportFormat<Id, Schema>): ReportFormat<Id, Schema> => edition;

/** The built-in templates of an edition, templates/<id>/ in the package. */
export const builtinTemplates = (id: string): string => installedFile('templates', id) + sep;
