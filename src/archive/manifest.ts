/** The archive manifest: what was archived, from which inputs, checked how, signed by whom, after which version. */
import { createHash } from 'node:crypto';
import type { Finding } from '../report-error/finding.js';

export const MANIFEST = 'manifest.json';
export const MANIFEST_SIGNATURE = 'manifest.json.p7s';
export const REPORT_PDF = 'report.pdf';

export interface ManifestFile {
  name: string;
  sha256: string;
  bytes: number;
}

export interface Manifest {
  manifestVersion: 1;
  version: number;
  report: { title: string; org: string; year: number; edition: string; basis: string };
  archivedAt: string;
  tool: { name: string; version: string };
  files: ManifestFile[];
  inputs: Array<{ role: 'data' | 'profile' | 'seal' | 'template'; name?: string; path: string; sha256: string }>;
  check: { errors: number; warnings: number; findings: Array<Pick<Finding, 'severity' | 'rule' | 'message'> & { line?: number; col?: number }> };
  signature: {
    format: string;
    signingTime: string;
    signer: { subject: string; serialNumber: string; fingerprintSha256: string; notBefore: string; notAfter: string };
  };
  previous: { version: number; manifestSha256: string } | null;
}

export const sha256Hex = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

export function manifestBytes(manifest: Manifest): Buffer {
  return Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
}
