/**
 * `report-gen verify`: for a signed PDF, checks its signature strictly (read-signature.ts); for an archive folder
 * (the archive, one report's folder, or one version), checks every version — the manifest's own signature, the
 * hash of every file and no file the manifest does not list, the PDF's signature, the signer against the
 * manifest and against the signer pinned by v1 (or its named successor), strictly later signing times, and the
 * chain of manifests — and each report's signed version index, so that deleted, added or reordered versions show.
 * With trusted roots (`--trust`), every chain must lead to one; without them, each result says the chain was not
 * anchored.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { displayPath as shown } from '../report-error/display-path.js';
import type * as pkijs from 'pkijs';
import { checkPadesSignature, type SignatureCheck } from '../sign/cms.js';
import { anchorProblem, pinnedChainProblem, type CertificateChain } from '../sign/certificate-chain.js';
import { signingUsageProblem, validityProblem } from '../sign/certificate-usage.js';
import { beijingDate } from '../sign/check-signing-date.js';
import { verifyPdfSignature } from '../sign/read-signature.js';
import { errorFinding, EXIT, ReportError } from '../report-error/finding.js';
import { LOCK_FILE } from './archive-lock.js';
import { INDEX, INDEX_SIGNATURE, MANIFEST, MANIFEST_FORMAT, MANIFEST_SIGNATURE, REPORT_PDF, sha256Hex, type Manifest, type VersionIndex } from './manifest.js';

export interface VerifyOptions {
  /** Trusted root certificates (`--trust`); without them the chains are not anchored. */
  trust?: pkijs.Certificate[];
}

export interface VerifiedItem {
  path: string;
  ok: boolean;
  /** What holds, e.g. signer and signing time. */
  details: string[];
  /** What failed, each naming the file. */
  problems: string[];
  /** What could not be proved (an unanchored chain, a claimed time); failures under --strict. */
  warnings: string[];
}

export const NOT_ANCHORED = '证书链未锚定：没有给出 --trust 受信任根证书，验证只证明文件自签章后未被改动（归档还证明各版本出自第一版固定的签章人），不能证明签章人是谁';

export async function verifyPath(path: string, options: VerifyOptions = {}): Promise<VerifiedItem[]> {
  if (!existsSync(path)) throw new ReportError([errorFinding('VERIFY', `找不到 ${path}`)], EXIT.unusableInput);
  if (statSync(path).isFile()) {
    // One file: its name leads the line already, so the problems need not repeat it.
    const item = await verifyPdfFile(path, options);
    return [{ ...item, problems: item.problems.map((p) => (p.startsWith(`${item.path}：`) ? p.slice(item.path.length + 1) : p)) }];
  }
  if (/^v\d+$/.test(basename(path)) && existsSync(join(path, MANIFEST))) {
    const single = await verifyVersion(path, options);
    return [{ ...single.item, warnings: [...single.item.warnings, '只验证了一个版本：版本索引与固定签章人需验证整个报告目录'] }];
  }
  const reports = reportFolders(path);
  if (reports.length === 0) throw new ReportError([errorFinding('VERIFY', `${path} 中没有归档版本（v1、v2……）`)], EXIT.unusableInput);
  const results: VerifiedItem[] = [];
  for (const report of reports) results.push(...(await verifyReportFolder(report, options)).items);
  return results;
}

const isVersionName = (name: string) => /^v\d+$/.test(name);

/** Folders holding versions (v1, v2, …) or a version index, below a path. */
function reportFolders(path: string): string[] {
  const entries = readdirSync(path, { withFileTypes: true });
  if (entries.some((e) => (e.isDirectory() && isVersionName(e.name)) || e.name === INDEX)) return [path];
  return entries.filter((e) => e.isDirectory() && !e.name.startsWith('.')).flatMap((e) => reportFolders(join(path, e.name)));
}

export function versionsIn(reportDir: string): number[] {
  if (!existsSync(reportDir)) return [];
  return readdirSync(reportDir)
    .filter(isVersionName)
    .map((name) => Number(name.slice(1)))
    .sort((a, b) => a - b);
}

interface SignerSeen {
  fingerprint: string;
  root: string;
  subject: string;
  chain: CertificateChain;
}

/** What the archive pins: the signer, the root of its chain, and (in archives made since) each CA certificate. */
type PinnedSigner = { fingerprintSha256: string; chainRootSha256?: string; chainSha256?: string[] };

interface VersionResult {
  item: VerifiedItem;
  manifest?: Manifest;
  manifestSha256?: string;
  /** The signers whose keys made the manifest's and the PDF's signatures (when the CMS verified). */
  signers: SignerSeen[];
}

/** Checks common to every signature: key usage, validity at the signing time, and the anchor when roots are given. */
async function signerProblems(check: SignatureCheck, signingTime: Date | undefined, options: VerifyOptions, file: string): Promise<string[]> {
  const problems: string[] = [];
  if (!check.signer || !check.chain) return problems;
  const usage = signingUsageProblem(check.signer);
  if (usage) problems.push(`${file}：${usage}`);
  if (signingTime) {
    const validity = validityProblem(check.signer, signingTime, `签章时间 ${signingTime.toISOString()} 时，签章证书`);
    if (validity) problems.push(`${file}：${validity}`);
  }
  if (options.trust) {
    const anchor = await anchorProblem(check.chain, options.trust, signingTime ?? new Date());
    if (anchor) problems.push(`${file}：${anchor}`);
  }
  return problems;
}

async function verifyPdfFile(file: string, options: VerifyOptions): Promise<VerifiedItem & { signer?: SignerSeen; signingTime?: Date }> {
  const name = shown(file);
  const report = await verifyPdfSignature(readFileSync(file));
  if (!report) return { path: name, ok: false, details: [], problems: [`${name} 没有数字签名`], warnings: [] };
  const problems = report.problems.map((p) => `${name}：${p.message}`);
  problems.push(...(await signerProblems(report, report.signingTime, options, name)));
  if (report.signingTime && report.creationDate && report.signingTime < report.creationDate) {
    problems.push(`${name}：签章时间 ${report.signingTime.toISOString()} 早于文件的创建日期 ${report.creationDate.toISOString()}（倒签）`);
  }
  if (!report.signingTime) problems.push(`${name}：签名字典没有签章时间（/M）`);
  const warnings: string[] = [];
  if (report.signer && report.valid && new Date() > report.signer.notAfter.value) {
    warnings.push(`签章证书已于 ${report.signer.notAfter.value.toISOString().slice(0, 10)} 过期；签章时间只是签章人的声明（没有时间戳），不能证明签章时证书有效`);
  }
  if (!options.trust) warnings.push(NOT_ANCHORED);
  const details = [
    '签名有效并覆盖整个文件',
    `签章人 ${report.signerSubject}`,
    ...(report.signingTime ? [`签章时间 ${report.signingTime.toISOString()}`] : []),
    ...(options.trust && report.chain ? [`证书链可追溯到受信任的根证书「${report.chain.rootSubject}」`] : []),
  ];
  const ok = problems.length === 0;
  return {
    path: name,
    ok,
    details,
    problems,
    warnings,
    // The signer whose key made a valid CMS, even when other checks failed: the pinned signer is checked on it.
    ...(report.chain && !report.problemId ? { signer: { fingerprint: report.signerFingerprint, root: report.chain.rootSha256, subject: report.signerSubject, chain: report.chain } } : {}),
    ...(report.signingTime ? { signingTime: report.signingTime } : {}),
  };
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

async function verifyVersion(dir: string, options: VerifyOptions): Promise<VersionResult> {
  const problems: string[] = [];
  const details: string[] = [];
  const warnings: string[] = [];
  const item = (): VerifiedItem => ({ path: shown(dir), ok: problems.length === 0, details, problems, warnings });
  const manifestFile = join(dir, MANIFEST);
  if (!existsSync(manifestFile)) {
    problems.push(`${shown(manifestFile)} 缺失`);
    return { item: item(), signers: [] };
  }
  const bytes = readFileSync(manifestFile);
  const manifestSha256 = sha256Hex(bytes);
  const manifest = readJson<Manifest>(manifestFile);
  if (!manifest) problems.push(`${shown(manifestFile)} 已损坏（不是有效的 JSON）`);
  else if (manifest.manifestVersion !== MANIFEST_FORMAT) problems.push(`${shown(manifestFile)} 的格式版本 ${String(manifest.manifestVersion)} 不受支持（应为 ${MANIFEST_FORMAT}）`);
  const claimedTime = manifest?.signature?.signingTime ? new Date(manifest.signature.signingTime) : undefined;

  let manifestSigner: SignerSeen | undefined;
  const signatureFile = join(dir, MANIFEST_SIGNATURE);
  if (!existsSync(signatureFile)) problems.push(`${shown(signatureFile)} 缺失`);
  else {
    const check = await checkPadesSignature(readFileSync(signatureFile), bytes);
    if (check.problemId === 'chain-damaged') problems.push(`${shown(signatureFile)}：${check.problem}`);
    else if (!check.valid) problems.push(`${shown(manifestFile)} 与其签名不符（清单或其签名被改动：${check.problem ?? '签名无效'}）`);
    else {
      problems.push(...(await signerProblems(check, claimedTime, options, shown(signatureFile))));
      manifestSigner = { fingerprint: check.signerFingerprint, root: check.chain!.rootSha256, subject: check.signerSubject, chain: check.chain! };
      if (manifest && check.signerFingerprint !== manifest.signature?.signer?.fingerprintSha256) problems.push(`${shown(signatureFile)} 的签章人与清单记载的签章人不符`);
      else if (manifest && check.chain!.rootSha256 !== manifest.signature?.signer?.chainRootSha256) problems.push(`${shown(signatureFile)} 所带的证书链的根与清单记载的根「${manifest.signature?.signer?.chainRootSubject ?? ''}」不符（证书链被改动）`);
      else if (manifest?.signature?.signer?.chainSha256) {
        const changed = pinnedChainProblem(check.chain!, manifest.signature.signer.chainSha256, '清单记载的');
        if (changed) problems.push(`${shown(signatureFile)} 所带的${changed}`);
      }
    }
  }

  const listed = new Set([MANIFEST, MANIFEST_SIGNATURE]);
  for (const file of manifest?.files ?? []) {
    listed.add(file.name);
    const path = join(dir, file.name);
    if (!existsSync(path)) problems.push(`${shown(path)} 缺失`);
    else if (sha256Hex(readFileSync(path)) !== file.sha256) problems.push(`${shown(path)} 的 SHA-256 与清单不符（文件被改动或替换）`);
  }
  for (const entry of readdirSync(dir)) {
    if (!listed.has(entry)) problems.push(`${shown(join(dir, entry))} 不在清单中（版本目录中多出的文件）`);
  }

  const pdf = await verifyPdfFile(join(dir, REPORT_PDF), options);
  problems.push(...pdf.problems);
  warnings.push(...pdf.warnings.filter((w) => w !== NOT_ANCHORED));
  details.push('文件与清单一致', ...pdf.details);
  if (manifest && pdf.signer && pdf.signer.fingerprint !== manifest.signature?.signer?.fingerprintSha256) {
    problems.push(`${shown(join(dir, REPORT_PDF))} 的签章人与清单记载的签章人不符`);
  } else if (manifest && pdf.signer && pdf.signer.root !== manifest.signature?.signer?.chainRootSha256) {
    problems.push(`${shown(join(dir, REPORT_PDF))} 所带的证书链的根与清单记载的根不符（证书链被改动）`);
  } else if (pdf.signer && manifest?.signature?.signer?.chainSha256) {
    const changed = pinnedChainProblem(pdf.signer.chain, manifest.signature.signer.chainSha256, '清单记载的');
    if (changed) problems.push(`${shown(join(dir, REPORT_PDF))} 所带的${changed}`);
  }
  if (claimedTime && pdf.signingTime && pdf.signingTime.getTime() !== claimedTime.getTime()) {
    problems.push(`${shown(join(dir, REPORT_PDF))} 的签章时间与清单记载的 ${claimedTime.toISOString()} 不符`);
  }
  if (manifest?.report?.issued && claimedTime && beijingDate(claimedTime) < manifest.report.issued) {
    problems.push(`${shown(manifestFile)}：签章时间 ${claimedTime.toISOString()} 早于成文日期 ${manifest.report.issued}（倒签）`);
  }

  if (manifest) {
    const number = Number(basename(dir).slice(1));
    if (manifest.version !== number) problems.push(`${shown(manifestFile)} 记载的版本 ${manifest.version} 与目录 v${number} 不符（版本被调换或改名）`);
    if (number === 1 && manifest.previous !== null) problems.push(`${shown(manifestFile)}：第一个版本不应有上一版本`);
    if (number > 1) {
      const previous = join(dirname(dir), `v${number - 1}`, MANIFEST);
      if (!manifest.previous || manifest.previous.version !== number - 1) problems.push(`${shown(manifestFile)} 没有记载上一版本 v${number - 1}`);
      else if (!existsSync(previous) || sha256Hex(readFileSync(previous)) !== manifest.previous.manifestSha256) {
        problems.push(`版本链断开：${shown(previous)} 与 v${number} 清单中记载的摘要不符`);
      } else details.push(`版本链完整（接续 v${number - 1}）`);
    }
  }
  const signers = [manifestSigner, pdf.signer].filter((s): s is SignerSeen => s !== undefined);
  return { item: item(), ...(manifest ? { manifest } : {}), manifestSha256, signers };
}

export interface ReportFolderState {
  items: VerifiedItem[];
  versions: number[];
  /** The newest version's manifest and its hash, when the folder verified. */
  last?: { manifest: Manifest; manifestSha256: string };
  /** The signer the next version must have. */
  expectedSigner?: PinnedSigner;
}

/** Every version of one report, the pinned signer through them, their times, and the signed version index. */
export async function verifyReportFolder(reportDir: string, options: VerifyOptions = {}): Promise<ReportFolderState> {
  const versions = versionsIn(reportDir);
  if (versions.length === 0 && !existsSync(join(reportDir, INDEX)) && !existsSync(join(reportDir, INDEX_SIGNATURE))) return { items: [], versions };
  const results: VersionResult[] = [];
  for (const n of versions) results.push(await verifyVersion(join(reportDir, `v${n}`), options));
  const folder: VerifiedItem = { path: shown(reportDir), ok: true, details: [], problems: [], warnings: [] };
  const problem = (message: string) => folder.problems.push(message);

  for (const entry of readdirSync(reportDir)) {
    if (!isVersionName(entry) && entry !== INDEX && entry !== INDEX_SIGNATURE && entry !== LOCK_FILE) problem(`${shown(join(reportDir, entry))} 不属于归档（报告目录中多出的文件）`);
  }
  versions.forEach((n, i) => {
    if (n !== i + 1) problem(`版本 v${i + 1} 缺失（现有 ${versions.map((v) => `v${v}`).join('、')}）`);
  });

  // The pinned signer: v1's, passed on only through a successor named by --rotate-signer.
  let expected: PinnedSigner | undefined;
  let previousTime: Date | undefined;
  for (const [i, result] of results.entries()) {
    const { manifest } = result;
    const label = `v${versions[i]}`;
    if (!manifest) continue;
    const time = new Date(manifest.signature?.signingTime ?? NaN);
    if (previousTime && !(time > previousTime)) {
      problem(`${label} 的签章时间 ${time.toISOString()} 不晚于上一版本的 ${previousTime.toISOString()}（版本时间倒退）`);
    }
    previousTime = time;
    for (const signer of result.signers) {
      // The first signer pins; v1's signed manifest names the CA certificates it pinned.
      const pinnedChain = manifest.pinnedSigner?.chainSha256;
      expected ??= { fingerprintSha256: signer.fingerprint, chainRootSha256: signer.root, ...(pinnedChain ? { chainSha256: pinnedChain } : {}) };
      const changed = expected.chainSha256 && pinnedChainProblem(signer.chain, expected.chainSha256, '归档固定的');
      if (signer.fingerprint !== expected.fingerprintSha256) {
        problem(`${label} 的签章人「${signer.subject}」不是归档固定的签章人（证书 SHA-256 ${expected.fingerprintSha256.slice(0, 16)}…）；更换签章人须经 archive --rotate-signer`);
      } else if (expected.chainRootSha256 && signer.root !== expected.chainRootSha256) {
        problem(`${label} 的证书链的根与归档固定的根不符`);
      } else if (changed) {
        problem(`${label} 所带的${changed}`);
      }
      expected.chainRootSha256 ??= signer.root;
      expected.chainSha256 ??= signer.chain.caSha256;
    }
    const pinned = manifest.pinnedSigner;
    if (expected && (!pinned || pinned.fingerprintSha256 !== expected.fingerprintSha256)) problem(`${label} 的清单记载的固定签章人与归档不符`);
    if (manifest.successor) expected = { fingerprintSha256: manifest.successor.fingerprintSha256 };
  }
  if (results.length && results.every((r) => r.signers.length === 2) && folder.problems.length === 0) folder.details.push('各版本均由固定的签章人签章');

  // The signed index of versions.
  const indexFile = join(reportDir, INDEX);
  const indexSignature = join(reportDir, INDEX_SIGNATURE);
  if (!existsSync(indexFile) || !existsSync(indexSignature)) problem(`版本索引 ${shown(existsSync(indexFile) ? indexSignature : indexFile)} 缺失`);
  else {
    const bytes = readFileSync(indexFile);
    const check = await checkPadesSignature(readFileSync(indexSignature), bytes);
    const index = readJson<VersionIndex>(indexFile);
    const newest = results.at(-1)?.signers[0];
    if (!check.valid) problem(`版本索引 ${shown(indexFile)} 与其签名不符（索引被改动：${check.problem ?? '签名无效'}）`);
    else if (!index) problem(`版本索引 ${shown(indexFile)} 已损坏`);
    else {
      if (newest && check.signerFingerprint !== newest.fingerprint) problem(`版本索引 ${shown(indexFile)} 的签章人不是最新版本的签章人`);
      const listed = index.versions.map((v) => v.version);
      for (const v of listed.filter((n) => !versions.includes(n))) problem(`版本 v${v} 记在版本索引中，但已不存在（版本被删除）`);
      for (const v of versions.filter((n) => !listed.includes(n))) problem(`版本 v${v} 不在版本索引中（多出的或被替换的版本）`);
      for (const entry of index.versions) {
        const at = versions.indexOf(entry.version);
        const result = at >= 0 ? results[at] : undefined;
        if (result?.manifestSha256 && result.manifestSha256 !== entry.manifestSha256) problem(`版本 v${entry.version} 的清单与版本索引记载的摘要不符（版本被替换或调换）`);
      }
      if (folder.problems.length === 0) folder.details.push(`版本索引完整（${listed.length} 个版本）`);
    }
  }
  if (!options.trust) folder.warnings.push(NOT_ANCHORED);
  folder.ok = folder.problems.length === 0;

  const items = [...results.map((r) => r.item), folder];
  const last = results.at(-1);
  const allOk = items.every((i) => i.ok);
  return {
    items,
    versions,
    ...(allOk && last?.manifest && last.manifestSha256 ? { last: { manifest: last.manifest, manifestSha256: last.manifestSha256 } } : {}),
    ...(expected ? { expectedSigner: expected } : {}),
  };
}
