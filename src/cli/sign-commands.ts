/**
 * `sign`, `archive` and `verify`: signed PDF/A-1b copies, the append-only archive, and their verification.
 */
import { readFileSync } from 'node:fs';
import { archiveReport } from '../archive/archive-report.js';
import { verifyPath } from '../archive/verify-archive.js';
import { assertPrintable } from '../check/glyphs.js';
import { readFontConfig } from '../fonts/font-config.js';
import { FontRegistry } from '../fonts/font-registry.js';
import { writeFileAtomic } from '../output/atomic-write.js';
import { displayPath, outputBase } from '../output/output-paths.js';
import { prepareReport } from '../pipeline/prepare-report.js';
import { EXIT, errorFinding, formatFinding, ReportError } from '../report-error/finding.js';
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

async function signingSetup(options: SigningOptions, signedOn?: string) {
  const p12 = readP12File(options.p12);
  const when = signingTime(signedOn);
  const identity = readP12(p12, await readPassphrase(), when);
  const fonts = FontRegistry.create(readFontConfig(options.config));
  return { identity, when, fonts };
}

function requireDataFile(input: string): void {
  if (!/\.ya?ml$/i.test(input)) {
    throw new ReportError([errorFinding('ARCHIVE', `归档需要数据文件（如 report-gen archive data/2021.yaml），实际为 ${input}`)], EXIT.unusableInput);
  }
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
  const identity = readP12(readP12File(options.p12), await readPassphrase(), when);
  const signed = await signExistingPdf(pdf, identity, { signingTime: when, reason: '政府信息公开工作年度报告', location: '', name: identity.subject });
  const file = input.replace(/\.pdf$/i, '') + '.signed.pdf';
  writeFileAtomic(file, signed);
  process.stdout.write(`已签章 ${displayPath(file)}（签章人 ${identity.subject}）\n`);
  return EXIT.ok;
}

export async function runSign(input: string, options: SigningOptions & { outDir: string }): Promise<number> {
  try {
    if (/\.pdf$/i.test(input)) return await signPdfFile(input, options);
    if (!/\.ya?ml$/i.test(input)) throw new ReportError([errorFinding('SIGN', `只能对数据文件（.yaml）或 PDF 签章，实际为 ${input}`)], EXIT.unusableInput);
    const prepared = prepareReport(input, { strict: options.strict ?? false });
    const { identity, when, fonts } = await signingSetup(options, prepared.signedOn);
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

export async function runArchive(input: string, options: SigningOptions & { archiveDir: string }): Promise<number> {
  try {
    requireDataFile(input);
    const prepared = prepareReport(input, { strict: options.strict ?? false });
    const { identity, when, fonts } = await signingSetup(options, prepared.signedOn);
    const result = await archiveReport(prepared, { archiveDir: options.archiveDir, identity, signingTime: when, fonts });
    process.stdout.write(`已归档 ${displayPath(result.dir)}（第 ${result.version} 版）\n`);
    return EXIT.ok;
  } catch (error) {
    return reportFailure(error);
  }
}

export async function runVerify(path: string): Promise<number> {
  try {
    const results = await verifyPath(path);
    for (const item of results) {
      if (item.ok) process.stdout.write(`通过 ${item.path}：${item.details.join('；')}\n`);
      else for (const problem of item.problems) process.stdout.write(`失败 ${item.path}：${problem}\n`);
    }
    return results.every((r) => r.ok) ? EXIT.ok : EXIT.findings;
  } catch (error) {
    return reportFailure(error);
  }
}
