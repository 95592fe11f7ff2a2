/** Builds one data file into its outputs: every output is rendered before any is written, and all are written or none. */
import { assertPrintable } from '../fonts/glyph-coverage.js';
import type { FontRegistry } from '../fonts/font-registry.js';
import { commitOutputs } from '../output/commit-outputs.js';
import { outputBase } from '../output/output-paths.js';
import type { Finding } from '../report-error/finding.js';
import type { OutputKind } from './output-kind.js';
import { prepareReport, type PreparedReport } from './prepare-report.js';

export interface BuildOptions {
  outDir: string;
  outputs: readonly OutputKind[];
  /**
   * The faces that print the PDF, asked for only when a PDF is made: DOCX and HTML embed no font (Word and the
   * browser set them in the reader's own faces), so a build without a PDF neither loads fonts nor checks glyphs.
   */
  fonts: () => FontRegistry;
  /** Warnings block the build too. */
  strict?: boolean;
  /** The PDF as PDF/A-1b. */
  archival?: boolean;
  /** Mirror the data file's path below this folder in the output folder (batch builds of a folder). */
  mirrorFrom?: string;
}

export interface BuildResult {
  files: string[];
  findings: Finding[];
  prepared: PreparedReport;
}

export async function buildReport(dataFile: string, options: BuildOptions): Promise<BuildResult> {
  const prepared = prepareReport(dataFile, { strict: options.strict ?? false });
  if (options.outputs.includes('pdf')) assertPrintable(prepared, options.fonts());
  // A writer's modules load only when its output is asked for.
  const writers: Record<OutputKind, () => Promise<Buffer>> = {
    docx: async () => (await import('../writers/docx/write-docx.js')).writeDocx(prepared.document),
    pdf: async () => (await import('../writers/pdf/write-pdf.js')).writePdf(prepared.document, options.fonts(), { archival: options.archival ?? false }),
    html: async () => (await import('../writers/html/write-html.js')).writeHtml(prepared.document),
  };
  const rendered = await Promise.all(options.outputs.map(async (kind) => ({ kind, data: await writers[kind]() })));
  const base = outputBase(dataFile, options.outDir, options.mirrorFrom);
  const outputs = rendered.map(({ kind, data }) => ({ path: `${base}.${kind}`, data }));
  // All of the report's files, or none of them.
  commitOutputs(outputs);
  const files = outputs.map((o) => o.path);
  return { files, findings: prepared.findings, prepared };
}
