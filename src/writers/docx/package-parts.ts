/**
 * The parts of the DOCX package that are the same for every report: content types, relationships, settings,
 * numbering, foot- and endnotes, the footers with their page number fields, and word/document.xml with an empty
 * body (the section). docx writes them for `packageDocument()` (package-document.ts); `npm run build` does that
 * once and keeps them in dist/docx-package.json (write-package-parts.ts), so that writing a DOCX neither loads docx
 * nor builds its object model (docs/architecture.md, "The DOCX writer"). It keeps them compressed too: zlib's set-up
 * costs more than compressing a small part, and these parts are the same in every DOCX.
 */
import { readFileSync } from 'node:fs';
import { deflatedPart } from './reproducible-zip.js';
import { installedFile } from '../../load/install-root.js';
import { errorFinding, EXIT, ReportError } from '../../report-error/finding.js';

export interface PackagePart {
  path: string;
  text: string;
}

/** A part as `npm run build` keeps it: its text, and that text compressed for the zip (reproducible-zip.ts). */
export interface KeptPart extends PackagePart {
  /** The deflated UTF-8 bytes, base64; empty for the parts report-gen writes itself. */
  deflated: string;
  /** CRC-32 of the UTF-8 bytes. */
  crc: number;
  /** Length of the UTF-8 bytes. */
  size: number;
}

/** The parts report-gen writes for each report itself; kept empty, in their places in the package's order. */
export const OWN_PARTS: ReadonlySet<string> = new Set(['docProps/core.xml', 'word/styles.xml', 'word/fontTable.xml']);

/** Where `npm run build` keeps the parts. */
export const PACKAGE_PARTS_FILE = installedFile('dist', 'docx-package.json');

let kept: KeptPart[] | undefined;

/** The parts `npm run build` kept, read once per thread. */
export function packageParts(): KeptPart[] {
  if (kept) return kept;
  try {
    kept = JSON.parse(readFileSync(PACKAGE_PARTS_FILE, 'utf8')) as KeptPart[];
  } catch {
    throw new ReportError(
      [errorFinding('INTERNAL', `内部错误：缺少 ${PACKAGE_PARTS_FILE}（DOCX 的固定部分）。请在 report-gen 的目录中运行「npm run build」`)],
      EXIT.internal,
    );
  }
  return kept;
}

const decoded = new WeakMap<KeptPart, Uint8Array<ArrayBuffer>>();

/** A kept part's compressed bytes, decoded from base64 once per thread rather than for every DOCX. */
export function deflatedBytes(part: KeptPart): Uint8Array<ArrayBuffer> {
  let bytes = decoded.get(part);
  if (!bytes) decoded.set(part, (bytes = Buffer.from(part.deflated, 'base64')));
  return bytes;
}

/** The parts docx wrote, as `npm run build` keeps them: compressed, except report-gen's own. */
export function keptParts(parts: readonly PackagePart[]): KeptPart[] {
  return parts.map((part) => {
    if (OWN_PARTS.has(part.path)) return { ...part, deflated: '', crc: 0, size: 0 };
    const { data, crc, size } = deflatedPart(Buffer.from(part.text, 'utf8'));
    return { ...part, deflated: Buffer.from(data).toString('base64'), crc, size };
  });
}
