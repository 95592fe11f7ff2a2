/**
 * `report-gen archive`: check, render as PDF/A-1b, sign, and store as a new version in an append-only archive:
 * archive/<org>/<year>/v<N>/ with report.pdf, manifest.json and the manifest's own signature. A version is
 * written in a staging folder and renamed into place, so it appears whole or not at all; two runs at once get
 * two versions.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join, relative } from 'node:path';
import { assertPrintable } from '../check/glyphs.js';
import type { FontRegistry } from '../fonts/font-registry.js';
import type { PreparedReport } from '../pipeline/prepare-report.js';
import { errorFinding, ReportError } from '../report-error/finding.js';
import { createPadesSignature } from '../sign/cms.js';
import type { SigningIdentity } from '../sign/p12.js';
import { renderSignedPdf } from '../sign/sign-pdf.js';
import { toolVersion } from '../tool-version.js';
import { MANIFEST, MANIFEST_SIGNATURE, manifestBytes, REPORT_PDF, sha256Hex, type Manifest } from './manifest.js';

export interface ArchiveOptions {
  archiveDir: string;
  identity: SigningIdentity;
  signingTime: Date;
  fonts: FontRegistry;
}

export interface ArchiveResult {
  dir: string;
  version: number;
  manifest: Manifest;
}

/** A folder name for the organisation that is safe on Windows and Linux. */
const folderName = (name: string) => name.replace(/[\\/:*?"<>|\s]+/g, '_');

export function versionsIn(reportDir: string): number[] {
  if (!existsSync(reportDir)) return [];
  return readdirSync(reportDir)
    .map((name) => /^v(\d+)$/.exec(name)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

export async function archiveReport(prepared: PreparedReport, options: ArchiveOptions): Promise<ArchiveResult> {
  assertPrintable(prepared, options.fonts);
  const { document, format, findings } = prepared;
  const org = document.meta.author;
  const { year } = prepared;
  const pdf = await renderSignedPdf(document, options.fonts, options.identity, {
    signingTime: options.signingTime,
    reason: '政府信息公开工作年度报告归档',
    location: org,
    ...(prepared.sealFile ? { sealFile: prepared.sealFile } : {}),
  });

  const reportDir = join(options.archiveDir, folderName(org), String(year));
  mkdirSync(reportDir, { recursive: true });
  const staging = join(reportDir, `.staging-${process.pid}-${randomBytes(4).toString('hex')}`);
  mkdirSync(staging);
  try {
    writeFileSync(join(staging, REPORT_PDF), pdf);
    const inputs: Manifest['inputs'] = [
      ...prepared.inputs.map((path, i) => ({
        role: i === 0 ? ('data' as const) : path === prepared.sealFile ? ('seal' as const) : ('profile' as const),
        path: shown(path),
        sha256: sha256Hex(readFileSync(path)),
      })),
      ...prepared.templates.map((t) => ({ role: 'template' as const, name: t.name, path: shown(t.file), sha256: sha256Hex(readFileSync(t.file)) })),
    ];
    for (let attempt = 0; attempt < 100; attempt++) {
      const existing = versionsIn(reportDir);
      const last = existing.at(-1);
      const version = (last ?? 0) + 1;
      const manifest: Manifest = {
        manifestVersion: 1,
        version,
        report: { title: document.meta.title, org, year, edition: format.id, basis: format.basis },
        archivedAt: options.signingTime.toISOString(),
        tool: { name: 'report-gen', version: toolVersion() },
        files: [{ name: REPORT_PDF, sha256: sha256Hex(pdf), bytes: pdf.length }],
        inputs,
        check: {
          errors: 0,
          warnings: findings.filter((f) => f.severity === 'warning').length,
          findings: findings.map((f) => ({ severity: f.severity, rule: f.rule, message: f.message, ...(f.at ? { line: f.at.line, col: f.at.col } : {}) })),
        },
        signature: {
          format: 'PAdES B-B (ETSI.CAdES.detached, SHA-256, signing-certificate-v2)',
          signingTime: options.signingTime.toISOString(),
          signer: {
            subject: options.identity.subject,
            serialNumber: options.identity.serialNumber,
            fingerprintSha256: options.identity.fingerprint,
            notBefore: options.identity.notBefore.toISOString(),
            notAfter: options.identity.notAfter.toISOString(),
          },
        },
        previous: last === undefined ? null : { version: last, manifestSha256: sha256Hex(readFileSync(join(reportDir, `v${last}`, MANIFEST))) },
      };
      const bytes = manifestBytes(manifest);
      writeFileSync(join(staging, MANIFEST), bytes);
      writeFileSync(join(staging, MANIFEST_SIGNATURE), createPadesSignature(bytes, options.identity));
      try {
        renameSync(staging, join(reportDir, `v${version}`));
        return { dir: join(reportDir, `v${version}`), version, manifest };
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'EEXIST' && code !== 'ENOTEMPTY' && code !== 'EPERM') throw error;
      }
    }
    throw new ReportError([errorFinding('ARCHIVE', `无法在 ${shown(reportDir)} 中写入新版本（并发写入过多）`)]);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

const shown = (path: string) => relative(process.cwd(), path) || path;
