/**
 * `report-gen verify`: for a signed PDF, checks its signature; for an archive folder (the archive, one report's
 * folder, or one version), checks every version: the manifest's own signature, the hash of every file, the
 * PDF's signature over the whole file, the signer against the manifest, and the chain of manifests.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { checkPadesSignature } from '../sign/cms.js';
import { verifyPdfSignature } from '../sign/read-signature.js';
import { errorFinding, EXIT, ReportError } from '../report-error/finding.js';
import { MANIFEST, MANIFEST_SIGNATURE, REPORT_PDF, sha256Hex, type Manifest } from './manifest.js';
import { versionsIn } from './archive-report.js';

export interface VerifiedItem {
  path: string;
  ok: boolean;
  /** What holds, e.g. signer and signing time. */
  details: string[];
  /** What failed, each naming the file. */
  problems: string[];
}

const shown = (path: string) => relative(process.cwd(), path) || path;

export async function verifyPath(path: string): Promise<VerifiedItem[]> {
  if (!existsSync(path)) throw new ReportError([errorFinding('VERIFY', `找不到 ${path}`)], EXIT.unusableInput);
  if (statSync(path).isFile()) return [await verifyPdfFile(path)];
  const versions = versionFolders(path);
  if (versions.length === 0) throw new ReportError([errorFinding('VERIFY', `${path} 中没有归档版本（v1、v2……）`)], EXIT.unusableInput);
  const results: VerifiedItem[] = [];
  for (const version of versions) results.push(await verifyVersion(version));
  return results;
}

/** Version folders below a path, in archive order. */
function versionFolders(path: string): string[] {
  if (/^v\d+$/.test(basename(path)) && existsSync(join(path, MANIFEST))) return [path];
  const own = versionsIn(path).map((n) => join(path, `v${n}`));
  if (own.length) return own;
  return readdirSync(path, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .flatMap((e) => versionFolders(join(path, e.name)));
}

async function verifyPdfFile(file: string): Promise<VerifiedItem & { signerFingerprint?: string }> {
  const report = await verifyPdfSignature(readFileSync(file));
  if (!report) return { path: shown(file), ok: false, details: [], problems: [`${shown(file)} 没有数字签名`] };
  const problems: string[] = [];
  if (!report.coversWholeFile) problems.push(`${shown(file)} 的签名没有覆盖整个文件（签名后有追加或改动）`);
  if (!report.valid) problems.push(`${shown(file)}：${report.problem ?? '签名无效'}`);
  const details = ['签名有效并覆盖整个文件', `签章人 ${report.signerSubject}`, ...(report.signingTime ? [`签章时间 ${report.signingTime.toISOString()}`] : [])];
  return { path: shown(file), ok: problems.length === 0, details, problems, signerFingerprint: report.signerFingerprint };
}

async function verifyVersion(dir: string): Promise<VerifiedItem> {
  const problems: string[] = [];
  const details: string[] = [];
  const manifestFile = join(dir, MANIFEST);
  if (!existsSync(manifestFile)) return { path: shown(dir), ok: false, details, problems: [`${shown(manifestFile)} 缺失`] };
  const bytes = readFileSync(manifestFile);
  let manifest: Manifest | undefined;
  try {
    manifest = JSON.parse(bytes.toString('utf8')) as Manifest;
  } catch {
    problems.push(`${shown(manifestFile)} 已损坏（不是有效的 JSON）`);
  }

  const signatureFile = join(dir, MANIFEST_SIGNATURE);
  if (!existsSync(signatureFile)) problems.push(`${shown(signatureFile)} 缺失`);
  else {
    const check = await checkPadesSignature(readFileSync(signatureFile), bytes).catch(() => undefined);
    if (!check?.valid) problems.push(`${shown(manifestFile)} 与其签名不符（清单被改动）`);
    else if (manifest && check.signerFingerprint !== manifest.signature.signer.fingerprintSha256) problems.push(`${shown(signatureFile)} 的签章人与清单不符`);
  }

  for (const file of manifest?.files ?? []) {
    const path = join(dir, file.name);
    if (!existsSync(path)) problems.push(`${shown(path)} 缺失`);
    else if (sha256Hex(readFileSync(path)) !== file.sha256) problems.push(`${shown(path)} 的 SHA-256 与清单不符（文件被改动或替换）`);
  }

  const pdf = await verifyPdfFile(join(dir, REPORT_PDF));
  problems.push(...pdf.problems);
  details.push('文件与清单一致', ...pdf.details);
  if (manifest && pdf.ok && pdf.signerFingerprint !== manifest.signature.signer.fingerprintSha256) {
    problems.push(`${shown(join(dir, REPORT_PDF))} 的签章人与清单不符`);
  }

  if (manifest) {
    const number = Number(basename(dir).slice(1));
    if (manifest.version !== number) problems.push(`${shown(manifestFile)} 记载的版本 ${manifest.version} 与目录 v${number} 不符`);
    if (number === 1 && manifest.previous !== null) problems.push(`${shown(manifestFile)}：第一个版本不应有上一版本`);
    if (number > 1) {
      const previous = join(dirname(dir), `v${number - 1}`, MANIFEST);
      if (!manifest.previous || manifest.previous.version !== number - 1) problems.push(`${shown(manifestFile)} 没有记载上一版本 v${number - 1}`);
      else if (!existsSync(previous) || sha256Hex(readFileSync(previous)) !== manifest.previous.manifestSha256) {
        problems.push(`版本链断开：${shown(previous)} 与 v${number} 清单中记载的摘要不符`);
      } else details.push(`版本链完整（接续 v${number - 1}）`);
    }
  }
  return { path: shown(dir), ok: problems.length === 0, details, problems };
}
