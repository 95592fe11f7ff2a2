/**
 * The archive manifest: what was archived, from which inputs, checked how, signed by whom (with the chain's root),
 * which signer the archive is pinned to, the successor named by `--rotate-signer`, and the previous version.
 * The version index lists every version of a report, signed, so that a deleted or added version shows.
 */
import { createHash } from 'node:crypto';
import type { Finding } from '../report-error/finding.js';

export const MANIFEST = 'manifest.json';
export const MANIFEST_SIGNATURE = 'manifest.json.p7s';
export const REPORT_PDF = 'report.pdf';
export const INDEX = 'index.json';
export const INDEX_SIGNATURE = 'index.json.p7s';
export const MANIFEST_FORMAT = 2;

export interface ManifestFile {
  name: string;
  sha256: string;
  bytes: number;
}

export interface SignerRecord {
  subject: string;
  serialNumber: string;
  fingerprintSha256: string;
  notBefore: string;
  notAfter: string;
  /** SHA-256 of the top certificate of the chain the signature carries, and its subject. */
  chainRootSha256: string;
  chainRootSubject: string;
  /** SHA-256 of each CA certificate in the chain, the signer's issuer first (absent in archives made before). */
  chainSha256?: string[];
}

export interface Manifest {
  manifestVersion: typeof MANIFEST_FORMAT;
  version: number;
  report: { title: string; org: string; year: number; edition: string; basis: string; issued: string };
  archivedAt: string;
  tool: { name: string; version: string };
  files: ManifestFile[];
  inputs: Array<{ role: 'data' | 'profile' | 'seal' | 'template'; name?: string; path: string; sha256: string }>;
  check: { errors: number; warnings: number; findings: Array<Pick<Finding, 'severity' | 'rule' | 'message'> & { line?: number; col?: number }> };
  signature: { format: string; signingTime: string; signer: SignerRecord };
  /** The signer every version must have: v1's own (pinned on first use), or the successor a rotation named. */
  pinnedSigner: { fingerprintSha256: string; chainRootSha256: string; chainSha256?: string[] };
  /** Set by `archive --rotate-signer`: the certificate that signs the versions after this one. */
  successor?: { subject: string; fingerprintSha256: string; certificate: string };
  previous: { version: number; manifestSha256: string; signingTime: string } | null;
}

export interface VersionIndex {
  indexVersion: 1;
  org: string;
  year: number;
  versions: Array<{ version: number; manifestSha256: string; signingTime: string; signerSha256: string }>;
}

export const sha256Hex = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

export function manifestBytes(manifest: Manifest | VersionIndex): Buffer {
  return Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
}
