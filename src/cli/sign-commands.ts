/**
 * `sign`, `archive` and `verify`: signed PDF/A-1b copies, the append-only archive, and their verification.
 */
import { readFileSync } from 'node:fs';
import { archiveReport, type Successor } from '../archive/archive-report.js';
import { verifyPath } from '../archive/verify-archive.js';
import { assertPrintable } from '../fonts/glyph-coverage.js';
import { readFontConfig } from '../fonts/font-config.js';
import { FontRegistry } from '../fonts/font-registry.js';
import { writeFileAtomic } from '../output/atomic-write.js';
import { displayPath, outputBase } from '../output/output-paths.js';
import { prepareReport } from '../pipeline/prepare-report.js';
import { EXIT, errorFinding, formatFinding, ReportError } from '../report-error/finding.js';
import { certificateSha256, parseCertificate } from '../sign/certificate-chain.js';
import { signingUsageProblem, validityProblem } from '../sign/certificate-usage.js';
import { checkSigningDate } from '../sign/check-signing-date.js';
import { declaresPdfA1b } from '../sign/is-pdfa.js';
import { readP12 } from '../sign/p12.js';
import { readPassphrase, signingTime } from '../sign/passphrase.js';
import { renderSignedPdf, signExistingPdf } from '../sign/sign-pdf.js';
import { reportFailure } from './report-failure.js';

interface SigningOptions {
  p12: string;
  config: string;
  strict?: boolean;
}

function readP12File(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch {
    throw new ReportError([errorFinding('SIGN', `无法读取证书文件 ${file}`)], EXIT.unusableInput);
  }
}

/** The identity is checked at the real time (readP12); the claimed signing time never widens its validity. */
async function signingSetup(options: SigningOptions) {
  const identity = readP12(readP12File(options.p12), await readPassphrase());
  const fonts = FontRegistry.create(readFontConfig(options.config));
  return { identity, fonts };
}

async function requireDataFile(input: string): Promise<void> {
  if (/\.ya?ml$/i.test(input)) return;
  let archival = false;
  if (/\.pdf$/i.test(input)) {
    try {
      archival = await declaresPdfA1b(readFileSync(input));
    } catch {
      archival = false;
    }
  }
  const why = /\.pdf$/i.test(input) && !archival ? `；${input} 不是 PDF/A-1b，不能长期归档` : '';
  throw new ReportError([errorFinding('ARCHIVE', `归档需要数据文件（如 report-gen archive data/2021.yaml），实际为 ${input}${why}`)], EXIT.unusableInput);
}

/** `--rotate-signer`: the successor's certificate (PEM or DER), which must itself be fit to sign now. */
function readSuccessor(file: string): Successor {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new ReportError([errorFinding('ARCHIVE', `无法读取接替的签章证书 ${file}`)], EXIT.unusableInput);
  }
  const pem = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/.exec(bytes.toString('latin1'));
  const der = pem ? Buffer.from(pem[1]!.replace(/\s+/g, ''), 'base64') : bytes;
  let certificate;
  try {
    certificate = parseCertificate(der);
  } catch {
    throw new ReportError([errorFinding('ARCHIVE', `${file} 不是 X.509 证书（PEM 或 DER）`)], EXIT.unusableInput);
  }
  const problem = validityProblem(certificate, new Date(), '接替的签章证书') ?? signingUsageProblem(certificate);
  if (problem) throw new ReportError([errorFinding('ARCHIVE', `${file}：${problem}`)], EXIT.unusableInput);
  return { certificate, der, fingerprint: certificateSha256(certificate) };
}

/** `sign file.pdf`: signs a PDF as it is, next to it as file.signed.pdf. */
async function signPdfFile(input: string, options: SigningOptions): Promise<number> {
  let pdf: Buffer;
  try {
    pdf = readFileSync(input);
  } catch {
    throw new ReportError([errorFinding('SIGN', `无法读取 ${input}`)], EXIT.unusableInput);
  }
  const when = signingTime();
  const identity = readP12(readP12File(options.p12), await readPassphrase());
  if (when < identity.notBefore || when > identity.notAfter) {
    throw new ReportError([errorFinding('SIGN', `签章时间 ${when.toISOString()} 不在签章证书的有效期（${identity.notBefore.toISOString()} 至 ${identity.notAfter.toISOString()}）内`)]);
  }
  const archival = await declaresPdfA1b(pdf);
  const signed = await signExistingPdf(pdf, identity, { signingTime: when, reason: '政府信息公开工作年度报告', location: '', name: identity.subject });
  const file = input.replace(/\.pdf$/i, '') + '.signed.pdf';
  writeFileAtomic(file, signed);
  if (!archival) process.stderr.write(`警告 ${input} 不是 PDF/A-1b：签章后的 ${displayPath(file)} 不适合长期归档；归档请用 report-gen archive 数据文件\n`);
  process.stdout.write(`已签章 ${displayPath(file)}（签章人 ${identity.subject}）\n`);
  return EXIT.ok;
}

export async function runSign(input: string, options: SigningOptions & { outDir: string }): Promise<number> {
  try {
    if (/\.pdf$/i.test(input)) return await signPdfFile(input, options);
    if (!/\.ya?ml$/i.test(input)) throw new ReportError([errorFinding('SIGN', `只能对数据文件（.yaml）或 PDF 签章，实际为 ${input}`)], EXIT.unusableInput);
    // The certificate first: an unusable one stops before the report is prepared.
    const { identity, fonts } = await signingSetup(options);
    const prepared = prepareReport(input, { strict: options.strict ?? false });
    const when = signingTime(prepared.signedOn);
    checkSigningDate(prepared, when, identity);
    assertPrintable(prepared, fonts);
    const pdf = await renderSignedPdf(prepared.document, fonts, identity, {
      signingTime: when,
      reason: '政府信息公开工作年度报告',
      location: prepared.document.meta.author,
      ...(prepared.sealFile ? { sealFile: prepared.sealFile } : {}),
    });
    const file = `${outputBase(input, options.outDir)}.signed.pdf`;
    writeFileAtomic(file, pdf);
    for (const finding of prepared.findings) process.stderr.write(`${formatFinding(finding)}\n`);
    process.stdout.write(`已签章 ${displayPath(file)}（签章人 ${identity.subject}）\n`);
    return EXIT.ok;
  } catch (error) {
    return reportFailure(error);
  }
}

export async function runArchive(input: string, options: SigningOptions & { archiveDir: string; rotateSigner?: string }): Promise<number> {
  try {
    await requireDataFile(input);
    const successor = options.rotateSigner ? readSuccessor(options.rotateSigner) : undefined;
    const { identity, fonts } = await signingSetup(options);
    const prepared = prepareReport(input, { strict: options.strict ?? false });
    const result = await archiveReport(prepared, {
      archiveDir: options.archiveDir,
      identity,
      signingTime: () => signingTime(prepared.signedOn),
      fonts,
      ...(successor ? { successor } : {}),
    });
    process.stdout.write(`已归档 ${displayPath(result.dir)}（第 ${result.version} 版，签章人 ${identity.subject}）\n`);
    if (result.manifest.successor) process.stdout.write(`已记录接替的签章人：此后的版本须由「${result.manifest.successor.subject}」签章\n`);
    return EXIT.ok;
  } catch (error) {
    return reportFailure(error);
  }
}

/** Root certificates from a PEM file (one or more) or one DER certificate. */
function readTrustedRoots(file: string) {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new ReportError([errorFinding('VERIFY', `无法读取受信任根证书 ${file}`)], EXIT.unusableInput);
  }
  const pems = [...bytes.toString('latin1').matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)];
  const ders = pems.length ? pems.map((m) => Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64')) : [bytes];
  try {
    return ders.map(parseCertificate);
  } catch {
    throw new ReportError([errorFinding('VERIFY', `${file} 不是 X.509 证书（PEM 或 DER）`)], EXIT.unusableInput);
  }
}

export async function runVerify(path: string, options: { trust?: string; strict?: boolean } = {}): Promise<number> {
  try {
    const trust = options.trust ? readTrustedRoots(options.trust) : undefined;
    const results = await verifyPath(path, trust ? { trust } : {});
    for (const item of results) {
      if (item.ok) process.stdout.write(`通过 ${item.path}：${item.details.join('；')}\n`);
      else for (const problem of item.problems) process.stdout.write(`失败 ${item.path}：${problem}\n`);
    }
    const warnings = [...new Set(results.flatMap((r) => r.warnings))];
    for (const warning of warnings) process.stdout.write(`${options.strict ? '失败' : '警告'} ${warning}\n`);
    return results.every((r) => r.ok) && !(options.strict && warnings.length) ? EXIT.ok : EXIT.findings;
  } catch (error) {
    return reportFailure(error);
  }
}
