/**
 * Finds the signature of a signed PDF through the PDF's own structure and checks it strictly:
 * - the signature dictionary is the /V of a signature field of the AcroForm (read with pdf-lib), never found by
 *   searching the text, and the file holds exactly one dictionary with a /ByteRange;
 * - its /ByteRange is [0 b c d]: the two ranges cover the signed revision except the /Contents hex string, which
 *   must fill the gap exactly, be hexadecimal in one letter case, hold one DER value of the length its header
 *   states, and nothing but zeros after it, and equal the /Contents pdf-lib reads from the dictionary;
 * - anything after the signed revision is an incremental update (a change after signing) or stray data;
 * - the CMS (cms.ts) must match the signed bytes.
 * Each problem carries a stable id and its own Chinese message.
 */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString } from 'pdf-lib';
import { checkPadesSignature, type SignatureCheck } from './cms.js';
import { loadPdfQuietly } from './load-pdf-quietly.js';

export interface SignatureProblem {
  id: string;
  message: string;
}

export interface PdfSignatureReport extends SignatureCheck {
  byteRange: number[];
  /** The byte range ends at the end of the file. */
  coversWholeFile: boolean;
  /** The signing time of the signature dictionary (/M). */
  signingTime?: Date;
  /** The document's creation date (the Info dictionary's /CreationDate). */
  creationDate?: Date;
  /** Everything wrong, structure first, then the CMS. */
  problems: SignatureProblem[];
}

const ACCEPTED_SUBFILTERS = new Set(['ETSI.CAdES.detached', 'adbe.pkcs7.detached']);

/** The /V dictionaries of the signature fields in the AcroForm, following /Kids. */
function signatureDictionaries(document: PDFDocument): PDFDict[] {
  const found: PDFDict[] = [];
  const context = document.context;
  const form = document.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  const fields = form?.lookupMaybe(PDFName.of('Fields'), PDFArray);
  const visit = (entry: unknown, inheritedType: string | undefined, depth: number) => {
    const field = entry instanceof PDFRef ? context.lookup(entry) : entry;
    if (!(field instanceof PDFDict) || depth > 20) return;
    const type = field.lookupMaybe(PDFName.of('FT'), PDFName)?.asString() ?? inheritedType;
    const value = field.lookup(PDFName.of('V'));
    if (type === '/Sig' && value instanceof PDFDict) found.push(value);
    const kids = field.lookupMaybe(PDFName.of('Kids'), PDFArray);
    for (let i = 0; i < (kids?.size() ?? 0); i++) visit(kids!.get(i), type, depth + 1);
  };
  for (let i = 0; i < (fields?.size() ?? 0); i++) visit(fields!.get(i), undefined, 0);
  return found;
}

/** How many indirect objects are dictionaries with a /ByteRange. */
function byteRangeDictionaries(document: PDFDocument): number {
  return document.context
    .enumerateIndirectObjects()
    .filter(([, object]) => object instanceof PDFDict && object.has(PDFName.of('ByteRange'))).length;
}

/** Offsets where a revision may end: just after each %%EOF marker, or after its end-of-line. */
function revisionEnds(pdf: Buffer): number[] {
  const ends: number[] = [];
  for (let at = pdf.indexOf('%%EOF'); at >= 0; at = pdf.indexOf('%%EOF', at + 5)) {
    let end = at + 5;
    ends.push(end);
    if (pdf[end] === 0x0d) ends.push(++end);
    if (pdf[end] === 0x0a) ends.push(++end);
  }
  return ends;
}

/** PDF date "D:YYYYMMDDHHmmSS" with Z or +HH'mm' / -HH'mm'. */
function pdfDate(text: string | undefined): Date | undefined {
  const match = text && /^D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:(Z)|([+-])(\d{2})'?(\d{2})'?)?/.exec(text);
  if (!match) return undefined;
  const utc = Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!, +match[4]!, +match[5]!, +match[6]!);
  const offset = match[8] ? (match[8] === '-' ? -1 : 1) * (+match[9]! * 60 + +match[10]!) * 60_000 : 0;
  return new Date(utc - offset);
}

/** The DER value at the start of the decoded /Contents and the length its header states, or a problem. */
function derInContents(contents: Buffer): { der: Buffer } | { problem: SignatureProblem } {
  const bad = (message: string) => ({ problem: { id: 'contents-der', message } });
  if (contents[0] !== 0x30 || contents.length < 2) return bad('签名内容（/Contents）不是 DER 编码的 CMS');
  const first = contents[1]!;
  let length = first;
  let header = 2;
  if (first >= 0x80) {
    const size = first & 0x7f;
    if (size === 0 || size > 4) return bad('签名内容（/Contents）的 DER 长度无效');
    length = 0;
    for (let i = 0; i < size; i++) length = length * 256 + (contents[2 + i] ?? 0);
    header = 2 + size;
  }
  if (header + length > contents.length) return bad('签名内容（/Contents）的 DER 长度超出 /Contents');
  const padding = contents.subarray(header + length);
  if (padding.some((b) => b !== 0)) {
    return { problem: { id: 'contents-padding', message: '签名内容（/Contents）在签名之后的填充不全为零（签名后被改动）' } };
  }
  return { der: contents.subarray(0, header + length) };
}

const NO_CMS: SignatureCheck = { valid: false, hasSigningCertificateV2: false, signerSubject: '', signerSerial: '', signerFingerprint: '' };

/**
 * The signature report of a PDF, or undefined when the PDF carries no signature at all (no signature field and
 * no /ByteRange anywhere).
 */
export async function verifyPdfSignature(pdf: Buffer): Promise<PdfSignatureReport | undefined> {
  const problems: SignatureProblem[] = [];
  const report = (check: SignatureCheck, extra: Partial<PdfSignatureReport> = {}): PdfSignatureReport => ({
    ...check,
    byteRange: [],
    coversWholeFile: false,
    ...extra,
    valid: check.valid && problems.length === 0,
    problems: [...problems, ...(check.valid || !check.problem ? [] : [{ id: check.problemId ?? 'cms', message: check.problem }])],
  });

  // The newest revision first; an update that hides the signature field still leaves it in an earlier revision.
  let document = await loadPdfQuietly(pdf);
  let dictionaries = document ? signatureDictionaries(document) : [];
  for (const end of revisionEnds(pdf).reverse()) {
    if (dictionaries.length || end >= pdf.length) continue;
    const earlier = await loadPdfQuietly(pdf.subarray(0, end));
    const found = earlier ? signatureDictionaries(earlier) : [];
    if (found.length) [document, dictionaries] = [earlier, found];
  }
  if (!document || dictionaries.length === 0) {
    if (!pdf.includes('/ByteRange')) return undefined;
    problems.push({ id: 'structure', message: 'PDF 结构已损坏或被改动：从 AcroForm 找不到签名域及其签名（/V）' });
    return report(NO_CMS);
  }
  if (dictionaries.length > 1) problems.push({ id: 'signature-count', message: `PDF 中有 ${dictionaries.length} 个签名域；签章的报告只应有一个签名` });
  const byteRanges = byteRangeDictionaries(document);
  if (byteRanges > 1) problems.push({ id: 'byte-range-count', message: `PDF 中有 ${byteRanges} 个带 /ByteRange 的签名字典（应只有一个，多出的是伪造或包装的签名）` });

  const signature = dictionaries[0]!;
  const subFilter = signature.lookupMaybe(PDFName.of('SubFilter'), PDFName)?.decodeText();
  if (!subFilter || !ACCEPTED_SUBFILTERS.has(subFilter)) problems.push({ id: 'subfilter', message: `签名格式（/SubFilter ${subFilter ?? '缺失'}）不是 ETSI.CAdES.detached` });
  const timeValue = signature.lookup(PDFName.of('M'));
  const signingTime = pdfDate(timeValue instanceof PDFString || timeValue instanceof PDFHexString ? timeValue.decodeText() : undefined);
  const creationDate = (() => {
    try {
      return document.getCreationDate();
    } catch {
      return undefined;
    }
  })();
  const times = { ...(signingTime ? { signingTime } : {}), ...(creationDate ? { creationDate } : {}) };

  const rangeArray = signature.lookup(PDFName.of('ByteRange'));
  const byteRange = rangeArray instanceof PDFArray ? rangeArray.asArray().map((n) => (n instanceof PDFNumber ? n.asNumber() : NaN)) : [];
  const [a, b, c, d] = byteRange as [number, number, number, number];
  const rangeOk = byteRange.length === 4 && byteRange.every((n) => Number.isSafeInteger(n) && n >= 0) && a === 0 && b > 0 && c > b + 1 && d > 0;
  if (!rangeOk) {
    problems.push({ id: 'byte-range', message: `签名范围（/ByteRange [${byteRange.join(' ')}]）无效：应为 [0 b c d]，两段之间只留 /Contents` });
    return report(NO_CMS, { byteRange, ...times });
  }
  if (c + d > pdf.length) {
    problems.push({ id: 'byte-range', message: `签名范围（/ByteRange）超出文件：止于第 ${c + d} 字节，文件只有 ${pdf.length} 字节` });
    return report(NO_CMS, { byteRange, ...times });
  }

  // The gap must be exactly the /Contents hex string.
  const gap = pdf.subarray(b, c).toString('latin1');
  const hex = gap.slice(1, -1);
  if (gap[0] !== '<' || gap.at(-1) !== '>' || !/^[0-9a-fA-F]*$/.test(hex) || hex.length % 2 !== 0) {
    problems.push({ id: 'contents-gap', message: '签名范围之间的空隙不只是 /Contents 的十六进制串（空隙中藏有其他内容，或签名范围被改动）' });
    return report(NO_CMS, { byteRange, ...times });
  }
  if (/[a-f]/.test(hex) && /[A-F]/.test(hex)) {
    problems.push({ id: 'contents-case', message: '签名内容（/Contents）的十六进制串大小写混杂（签名后被改动）' });
  }
  const contents = Buffer.from(hex, 'hex');
  const fromDictionary = signature.lookup(PDFName.of('Contents'));
  if (!(fromDictionary instanceof PDFHexString) || !Buffer.from(fromDictionary.asBytes()).equals(contents)) {
    problems.push({ id: 'contents-mismatch', message: '签名范围之间的十六进制串不是签名字典的 /Contents' });
  }

  // The signed revision must end at a %%EOF; after it, only an incremental update may follow, and it is a change.
  const revisionEnd = c + d;
  if (!revisionEnds(pdf).includes(revisionEnd)) {
    problems.push({ id: 'byte-range-end', message: '签名范围（/ByteRange）没有止于文件的某个结尾（%%EOF）' });
  } else if (revisionEnd < pdf.length) {
    const rest = pdf.subarray(revisionEnd).toString('latin1');
    if (/startxref\s+\d+\s+%%EOF\s*$/.test(rest) && /(?:\bxref\b|\/XRef\b)/.test(rest)) {
      problems.push({ id: 'incremental-update', message: `签名之后文件有增量更新（签名后的改动，${pdf.length - revisionEnd} 字节）；签名只证明签名时的版本` });
    } else {
      problems.push({ id: 'trailing-data', message: `签名覆盖的范围之后还有 ${pdf.length - revisionEnd} 字节的其他数据` });
    }
  }

  const der = derInContents(contents);
  if ('problem' in der) {
    problems.push(der.problem);
    return report(NO_CMS, { byteRange, coversWholeFile: revisionEnd === pdf.length, ...times });
  }
  const signed = Buffer.concat([pdf.subarray(0, b), pdf.subarray(c, revisionEnd)]);
  const check = await checkPadesSignature(der.der, signed);
  return report(check, { byteRange, coversWholeFile: revisionEnd === pdf.length, ...times });
}
