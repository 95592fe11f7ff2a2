/**
 * `report-gen archive`: check, render as PDF/A-1b, sign, and store as a new version in an append-only archive:
 * archive/<org>/<year>/v<N>/ with report.pdf, manifest.json and the manifest's own signature, and the report's
 * signed version index. The folder names are made safe (folder-name.ts). One run at a time holds the report
 * folder's lock; within it the existing versions are verified first, the signer must be the one the archive is
 * pinned to, and the signing time must be later than the previous version's. A version is written in a staging
 * folder and renamed into place, so it appears whole or not at all.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { displayPath as shown } from '../report-error/display-path.js';
import type * as pkijs from 'pkijs';
import { assertPrintable } from '../fonts/glyph-coverage.js';
import type { FontRegistry } from '../fonts/font-registry.js';
import type { PreparedReport } from '../pipeline/prepare-report.js';
import { errorFinding, EXIT, ReportError } from '../report-error/finding.js';
import { certificateChain, parseCertificate, pinnedChainProblem } from '../sign/certificate-chain.js';
import { subjectText } from '../sign/certificate-subject.js';
import { checkSigningDate } from '../sign/check-signing-date.js';
import { createPadesSignature } from '../sign/cms.js';
import type { SigningIdentity } from '../sign/p12.js';
import { renderSignedPdf } from '../sign/sign-pdf.js';
import { toolVersion } from '../tool-version.js';
import { withArchiveLock } from './archive-lock.js';
import { folderName, insideArchive } from './folder-name.js';
import { INDEX, INDEX_SIGNATURE, MANIFEST, MANIFEST_FORMAT, MANIFEST_SIGNATURE, manifestBytes, REPORT_PDF, sha256Hex, type Manifest, type VersionIndex } from './manifest.js';
import { verifyReportFolder } from './verify-archive.js';
import { makeFolders } from '../output/make-folders.js';

export interface Successor {
  certificate: pkijs.Certificate;
  der: Buffer;
  fingerprint: string;
}

export interface ArchiveOptions {
  archiveDir: string;
  identity: SigningIdentity;
  /** The signing time, asked for once the report folder is locked. */
  signingTime: () => Date;
  fonts: FontRegistry;
  /** `--rotate-signer`: the certificate that signs the versions after this one. */
  successor?: Successor;
}

export interface ArchiveResult {
  dir: string;
  version: number;
  manifest: Manifest;
}

const refuse = (message: string, code: number = EXIT.findings): never => {
  throw new ReportError([errorFinding('ARCHIVE', message)], code);
};

export async function archiveReport(prepared: PreparedReport, options: ArchiveOptions): Promise<ArchiveResult> {
  assertPrintable(prepared, options.fonts);
  const { document, format, findings, year } = prepared;
  const org = document.meta.author;
  const { identity } = options;
  const chain = await certificateChain(identity.certificate, identity.certificates.map(parseCertificate));
  if (chain.problem) refuse(`证书文件中的证书链有误：${chain.problem}`, EXIT.unusableInput);
  if (options.successor?.fingerprint === identity.fingerprint) refuse('--rotate-signer 给出的是现在的签章证书；应给出接替的新证书', EXIT.unusableInput);

  const reportDir = insideArchive(options.archiveDir, folderName(org), String(year));
  makeFolders(reportDir);
  return withArchiveLock(reportDir, async () => {
    removeLeftovers(reportDir);
    const state = await verifyReportFolder(reportDir);
    const failed = state.items.flatMap((i) => i.problems);
    if (failed.length) refuse(`${shown(reportDir)} 中的归档未通过验证，不能追加新版本：${failed[0]}（共 ${failed.length} 处；用 report-gen verify 查看）`);
    const expected = state.expectedSigner;
    if (expected && expected.fingerprintSha256 !== identity.fingerprint) {
      refuse(`签章人「${identity.subject}」不是此归档固定的签章人（证书 SHA-256 ${expected.fingerprintSha256.slice(0, 16)}…）；更换签章人须由现签章人归档时用 --rotate-signer 指定新证书`);
    }
    if (expected?.chainRootSha256 && expected.chainRootSha256 !== chain.rootSha256) refuse(`签章证书的证书链的根「${chain.rootSubject}」与此归档固定的根不符`);
    const changedChain = expected?.chainSha256 && pinnedChainProblem(chain, expected.chainSha256, '此归档固定的');
    if (changedChain) refuse(`证书文件所带的${changedChain}`);

    const last = state.last?.manifest;
    let when = options.signingTime();
    // The clock is read in whole seconds: a run that follows the last version within the same second (two runs at
    // once, the second having waited for the lock) waits for the next second. A fixed time (SOURCE_DATE_EPOCH,
    // signed_on) reads the same again and is refused below.
    if (last && when.getTime() === new Date(last.signature.signingTime).getTime()) {
      await new Promise((resolve) => setTimeout(resolve, 1005 - (Date.now() % 1000)));
      when = options.signingTime();
    }
    checkSigningDate(prepared, when, identity);
    if (last && !(when > new Date(last.signature.signingTime))) {
      refuse(`签章时间 ${when.toISOString()} 不晚于上一版本 v${last.version} 的签章时间 ${last.signature.signingTime}；归档的版本只能按时间先后追加`);
    }
    const pdf = await renderSignedPdf(document, options.fonts, identity, {
      signingTime: when,
      reason: '政府信息公开工作年度报告归档',
      location: org,
      ...(prepared.sealFile ? { sealFile: prepared.sealFile } : {}),
    });
    const version = (state.versions.at(-1) ?? 0) + 1;
    const data = prepared.source.toJS() as { issued?: string };
    const manifest: Manifest = {
      manifestVersion: MANIFEST_FORMAT,
      version,
      report: { title: document.meta.title, org, year, edition: format.id, basis: format.basis, issued: String(data.issued ?? '') },
      archivedAt: when.toISOString(),
      tool: { name: 'report-gen', version: toolVersion() },
      files: [{ name: REPORT_PDF, sha256: sha256Hex(pdf), bytes: pdf.length }],
      inputs: [
        ...prepared.inputs.map((path, i) => ({
          role: i === 0 ? ('data' as const) : path === prepared.sealFile ? ('seal' as const) : ('profile' as const),
          path: shown(path),
          sha256: sha256Hex(readFileSync(path)),
        })),
        ...prepared.templates.map((t) => ({ role: 'template' as const, name: t.name, path: shown(t.file), sha256: sha256Hex(readFileSync(t.file)) })),
      ],
      check: {
        errors: 0,
        warnings: findings.filter((f) => f.severity === 'warning').length,
        findings: findings.map((f) => ({ severity: f.severity, rule: f.rule, message: f.message, ...(f.at ? { line: f.at.line, col: f.at.col } : {}) })),
      },
      signature: {
        format: 'PAdES B-B (ETSI.CAdES.detached, SHA-256, signing-certificate-v2)',
        signingTime: when.toISOString(),
        signer: {
          subject: identity.subject,
          serialNumber: identity.serialNumber,
          fingerprintSha256: identity.fingerprint,
          notBefore: identity.notBefore.toISOString(),
          notAfter: identity.notAfter.toISOString(),
          chainRootSha256: chain.rootSha256,
          chainRootSubject: chain.rootSubject,
          chainSha256: chain.caSha256,
        },
      },
      pinnedSigner: {
        fingerprintSha256: identity.fingerprint,
        chainRootSha256: expected?.chainRootSha256 ?? chain.rootSha256,
        chainSha256: expected?.chainSha256 ?? chain.caSha256,
      },
      ...(options.successor
        ? { successor: { subject: subjectText(options.successor.certificate.subject), fingerprintSha256: options.successor.fingerprint, certificate: options.successor.der.toString('base64') } }
        : {}),
      previous: last ? { version: last.version, manifestSha256: state.last!.manifestSha256, signingTime: last.signature.signingTime } : null,
    };
    const bytes = manifestBytes(manifest);
    const staging = join(reportDir, `.staging-${process.pid}-${randomBytes(4).toString('hex')}`);
    const dir = join(reportDir, `v${version}`);
    try {
      mkdirSync(staging);
      writeFileSync(join(staging, REPORT_PDF), pdf);
      writeFileSync(join(staging, MANIFEST), bytes);
      writeFileSync(join(staging, MANIFEST_SIGNATURE), createPadesSignature(bytes, identity));
      renameSync(staging, dir);
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
    writeIndex(reportDir, org, year, [...state.versions, version], identity);
    return { dir, version, manifest };
  });
}

/** The signed list of every version, rewritten (through a temporary file and a rename) after each new version. */
function writeIndex(reportDir: string, org: string, year: number, versions: number[], identity: SigningIdentity): void {
  const index: VersionIndex = {
    indexVersion: 1,
    org,
    year,
    versions: versions.map((version) => {
      const manifest = readFileSync(join(reportDir, `v${version}`, MANIFEST));
      const parsed = JSON.parse(manifest.toString('utf8')) as Manifest;
      return { version, manifestSha256: sha256Hex(manifest), signingTime: parsed.signature.signingTime, signerSha256: parsed.signature.signer.fingerprintSha256 };
    }),
  };
  const bytes = manifestBytes(index);
  const signature = createPadesSignature(bytes, identity);
  const temp = (name: string) => join(reportDir, `.${name}.${process.pid}.tmp`);
  writeFileSync(temp(INDEX), bytes);
  writeFileSync(temp(INDEX_SIGNATURE), signature);
  renameSync(temp(INDEX), join(reportDir, INDEX));
  renameSync(temp(INDEX_SIGNATURE), join(reportDir, INDEX_SIGNATURE));
}

/** What a run that was killed may have left: its staging folder and temporary index files (the lock is held). */
function removeLeftovers(reportDir: string): void {
  for (const entry of readdirSync(reportDir)) {
    if (/^\.staging-\d+-[0-9a-f]+$/.test(entry) || /^\.index\.json(\.p7s)?\.\d+\.tmp$/.test(entry)) rmSync(join(reportDir, entry), { recursive: true, force: true });
  }
}
