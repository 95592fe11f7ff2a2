/**
 * Finds the signature of a signed PDF and checks it: the byte range must cover the whole file but the signature
 * itself, and the CMS must match those bytes.
 */
import { checkPadesSignature, type SignatureCheck } from './cms.js';

export interface PdfSignatureReport extends SignatureCheck {
  byteRange: number[];
  coversWholeFile: boolean;
  /** The signing time of the signature dictionary (/M). */
  signingTime?: Date;
}

/**
 * The CMS at the start of the zero-padded /Contents, cut at the length its DER header states. Stripping trailing
 * zeros instead would also cut a signature whose last byte happens to be 0.
 */
function derPrefix(contents: Buffer): Buffer {
  if (contents[0] !== 0x30 || contents.length < 2) return contents;
  const first = contents[1]!;
  if (first < 0x80) return contents.subarray(0, 2 + first);
  const size = first & 0x7f;
  let length = 0;
  for (let i = 0; i < size; i++) length = length * 256 + contents[2 + i]!;
  return contents.subarray(0, 2 + size + length);
}

export async function verifyPdfSignature(pdf: Buffer): Promise<PdfSignatureReport | undefined> {
  const text = pdf.toString('latin1');
  const at = text.lastIndexOf('/ByteRange [');
  if (at < 0) return undefined;
  const match = /\/ByteRange \[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(text.slice(at, at + 100));
  if (!match) return undefined;
  const byteRange = match.slice(1, 5).map(Number) as [number, number, number, number];
  const [a, b, c, d] = byteRange;
  const coversWholeFile = a === 0 && b < c && c + d === pdf.length && text[b] === '<' && text[c - 1] === '>';
  const contents = Buffer.from(text.slice(b + 1, c - 1), 'hex');
  const signed = Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
  const dictionary = text.slice(Math.max(0, at - 2000), at) + text.slice(c, c + 2000);
  const time = /\/M \(D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z/.exec(dictionary);
  const signingTime = time ? new Date(Date.UTC(+time[1]!, +time[2]! - 1, +time[3]!, +time[4]!, +time[5]!, +time[6]!)) : undefined;
  let check: SignatureCheck;
  try {
    check = await checkPadesSignature(derPrefix(contents), signed);
  } catch {
    check = { valid: false, hasSigningCertificateV2: false, signerSubject: '', signerSerial: '', signerFingerprint: '', problem: '签名数据已损坏，无法解析' };
  }
  return { ...check, byteRange, coversWholeFile, ...(signingTime ? { signingTime } : {}) };
}
