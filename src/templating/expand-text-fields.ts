/**
 * Expands the `{{…}}` expressions of the data file's own text: the narrative (`text.*`) and the 公文 lines a
 * clerk may word with the organisation's name (`document.addressee`, `document.printed_by`, so
 * `printed_by: "{{org.name}}办公室"` prints the name). A mistake in any of them is an error at its line and
 * column inside the text. Every other data value is printed as written, and a `{{` in it is refused when printed.
 */
import type { ReportFormat } from '../formats/format.js';
import type { ReportData } from '../formats/shared/report-schema.js';
import type { SourceMap } from '../contracts/source-map.js';
import type { Finding } from '../report-error/finding.js';
import { expandNarrative } from './narrative.js';

/** The document fields whose expressions are expanded. */
export const EXPANDED_DOCUMENT_FIELDS = ['addressee', 'printed_by'] as const;

export interface ExpandedText {
  /** Narrative text with its expressions expanded, by dotted path (text.overview …). */
  narratives: Map<string, string>;
  /** The template context with the expanded document fields. */
  context: Record<string, unknown>;
  findings: Finding[];
}

export function expandTextFields(format: ReportFormat, data: ReportData, context: Record<string, unknown>, source: SourceMap): ExpandedText {
  const findings: Finding[] = [];
  const narratives = new Map<string, string>();
  const text = data.text;
  for (const { key } of format.narrative) {
    const value = text[key];
    if (value === undefined) continue;
    const expanded = expandNarrative(value, context, source, ['text', key]);
    if (typeof expanded === 'string') narratives.set(`text.${key}`, expanded);
    else findings.push(expanded);
  }
  const document = { ...((context.document ?? {}) as Record<string, unknown>) };
  for (const key of EXPANDED_DOCUMENT_FIELDS) {
    const value = document[key];
    if (typeof value !== 'string' || !value.includes('{{')) continue;
    const expanded = expandNarrative(value, context, source, ['document', key]);
    if (typeof expanded === 'string') document[key] = expanded;
    else findings.push(expanded);
  }
  return { narratives, context: { ...context, document }, findings };
}
