/**
 * load → check → compute → templates → document model. Everything up to the writers, shared by every
 * command. Throws a ReportError with findings when the input cannot become a report.
 */
import { checkSource, type CheckedReport } from './check-report.js';
import { previousFileOf } from './cross-year.js';
import type { ReportFormat } from '../formats/format.js';
import { YamlSource } from '../load/yaml-source.js';
import { readMarkup } from '../markup/read-markup.js';
import type { ReportDocument } from '../model/document.js';
import { ReportError, type Finding } from '../report-error/finding.js';
import { documentTimestamp } from '../templating/dates.js';
import { narrativeToMarkup } from '../templating/narrative.js';
import { inScript, scriptOf } from '../templating/script.js';
import { templateSetFor } from '../templating/template-cache.js';

export interface PreparedReport {
  source: YamlSource;
  format: ReportFormat;
  document: ReportDocument;
  /** Warnings and information; errors are thrown. */
  findings: Finding[];
  /** The template markup, for debugging and for tests. */
  markup: string;
  /** Each template the report used and the file that served it, in first-use order. */
  templates: Array<{ name: string; file: string }>;
  /** Files the report was made from besides templates: the data file, its organisation profile, the seal. */
  inputs: string[];
  /** Files and folders the build looked for, existing or not: last year's file, every place a template could be. */
  lookedFor: string[];
  sealFile?: string;
  /** `document.signed_on`, the signing date the data asks for. */
  signedOn?: string;
  year: number;
}

export interface PrepareOptions {
  /** Warnings count as errors. */
  strict?: boolean;
}

/** Templates and markup → the document model of a checked report (`check` does this too, for glyph coverage). */
export function renderReport(checked: CheckedReport): Pick<PreparedReport, 'document' | 'markup' | 'templates'> & { templatePlaces: string[] } {
  const { format, data, statistics, context, source } = checked;
  const narratives = new Map([...checked.narratives].map(([path, text]) => [path, narrativeToMarkup(text)]));
  const script = scriptOf(data);
  const { set: templateSet, chain } = templateSetFor(format, source.absolutePath, script);
  const markup = templateSet.render(context, { cells: statistics.cells, narratives });
  const templates = [...templateSet.used].map((name) => ({ name, file: templateSet.files.get(name)! }));
  const org = data.org;
  const year = data.year;
  const document: ReportDocument = {
    meta: {
      title: `${org.name}${inScript(`${year}年政府信息公开工作年度报告`, script)}`,
      author: org.name,
      subject: inScript(`政府信息公开工作年度报告（${format.basis}）`, script),
      created: documentTimestamp(data.issued),
      language: 'zh-CN',
      ...(org.fonts ? { fonts: org.fonts } : {}),
    },
    blocks: readMarkup(markup, templateSet.originOf),
  };
  return { document, markup, templates, templatePlaces: [...chain.places] };
}

export function prepareReport(file: string, options: PrepareOptions = {}): PreparedReport {
  return prepareFromSource(YamlSource.read(file), options);
}

export function prepareFromSource(source: YamlSource, options: PrepareOptions = {}): PreparedReport {
  const checked = checkSource(source);
  const { format, data, findings } = checked;
  const blocking = findings.filter((f) => f.severity === 'error' || (options.strict && f.severity === 'warning'));
  if (blocking.length) throw new ReportError(blocking.map((f) => ({ ...f, severity: 'error' as const })));

  const { document, markup, templates, templatePlaces } = renderReport(checked);
  const year = data.year;
  const inputs = [source.absolutePath, ...(checked.profile ? [checked.profile] : []), ...(checked.sealFile ? [checked.sealFile] : [])];
  // Last year's file is read when it exists (R5, R6, R8) and looked for when it does not (X0).
  const lookedFor = [previousFileOf(checked), ...templatePlaces];
  const signedOn = data.document?.signed_on;
  return {
    source,
    format,
    document,
    findings,
    markup,
    templates,
    inputs,
    lookedFor,
    year,
    ...(checked.sealFile ? { sealFile: checked.sealFile } : {}),
    ...(signedOn ? { signedOn } : {}),
  };
}
