/**
 * load → check → compute → templates → document model. Everything up to the writers, shared by every
 * command. Throws a ReportError with findings when the input cannot become a report.
 */
import { runRules } from '../check/run-rules.js';
import { validateReport } from '../check/validate.js';
import { chooseFormat } from '../formats/registry.js';
import type { ReportFormat } from '../formats/format.js';
import { YamlSource } from '../load/yaml-source.js';
import { readMarkup } from '../markup/read-markup.js';
import type { ReportDocument } from '../model/document.js';
import { ReportError, type Finding } from '../report-error/finding.js';
import { documentTimestamp } from '../templating/dates.js';
import { expandNarrative, narrativeToMarkup } from '../templating/narrative.js';
import { templateSetFor } from '../templating/template-cache.js';

export interface PreparedReport {
  source: YamlSource;
  format: ReportFormat;
  document: ReportDocument;
  /** Warnings and information; errors are thrown. */
  findings: Finding[];
  /** The template markup, for debugging and for tests. */
  markup: string;
}

export function prepareReport(file: string): PreparedReport {
  const source = YamlSource.read(file);
  return prepareFromSource(source);
}

export function prepareFromSource(source: YamlSource): PreparedReport {
  const raw = source.toJS() as Record<string, unknown>;
  const { format, warnings } = chooseFormat(raw, source);
  const data = validateReport(raw, format, source);
  const statistics = format.compute(data, source);
  const findings = [...warnings, ...statistics.findings, ...runRules(format.rules, { source, data, statistics })];
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length) throw new ReportError(errors);

  const org = data.org as { name: string };
  const context = { document: {}, ...data, ...statistics.tree, format: format.id };
  const narratives = new Map<string, string>();
  const text = (data.text ?? {}) as Record<string, string | undefined>;
  for (const { key } of format.narrative) {
    const value = text[key];
    if (value !== undefined) narratives.set(`text.${key}`, narrativeToMarkup(expandNarrative(value, context, source, ['text', key])));
  }
  const markup = templateSetFor(format).render(context, { cells: statistics.cells, narratives });
  const year = data.year as number;
  const document: ReportDocument = {
    meta: {
      title: `${org.name}${year}年政府信息公开工作年度报告`,
      author: org.name,
      subject: `政府信息公开工作年度报告（${format.basis}）`,
      created: documentTimestamp(data.issued as string),
      language: 'zh-CN',
    },
    blocks: readMarkup(markup),
  };
  return { source, format, document, findings, markup };
}
