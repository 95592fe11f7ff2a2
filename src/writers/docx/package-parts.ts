/**
 * The parts of the DOCX package that are the same for every report: content types, relationships, settings,
 * numbering, foot- and endnotes, the footers with their page number fields, and word/document.xml with an empty
 * body (the section). docx writes them for `packageDocument()` (package-document.ts); `npm run build` does that
 * once and keeps them in dist/docx-package.json (write-package-parts.ts), so that writing a DOCX neither loads docx
 * nor builds its object model (docs/architecture.md, "The DOCX writer").
 */
import { readFileSync } from 'node:fs';
import { installedFile } from '../../load/install-root.js';
import { errorFinding, EXIT, ReportError } from '../../report-error/finding.js';

export interface PackagePart {
  path: string;
  text: string;
}

/** The parts report-gen writes for each report itself; kept empty, in their places in the package's order. */
export const OWN_PARTS: ReadonlySet<string> = new Set(['docProps/core.xml', 'word/styles.xml', 'word/fontTable.xml']);

/** Where `npm run build` keeps the parts. */
export const PACKAGE_PARTS_FILE = installedFile('dist', 'docx-package.json');

let kept: PackagePart[] | undefined;

/** The parts `npm run build` kept, read once per thread. */
export function packageParts(): PackagePart[] {
  if (kept) return kept;
  try {
    kept = JSON.parse(readFileSync(PACKAGE_PARTS_FILE, 'utf8')) as PackagePart[];
  } catch {
    throw new ReportError(
      [errorFinding('INTERNAL', `内部错误：缺少 ${PACKAGE_PARTS_FILE}（DOCX 的固定部分）。请在 report-gen 的目录中运行「npm run build」`)],
      EXIT.internal,
    );
  }
  return kept;
}
