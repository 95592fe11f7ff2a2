/**
 * Whether a certificate may sign documents, and when: the key usage must include digitalSignature or
 * nonRepudiation (contentCommitment); an extended key usage, when present, must name one of DOCUMENT_SIGNING_EKUS;
 * and the certificate must be valid at the given time.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

const KEY_USAGE = '2.5.29.15';
const EXTENDED_KEY_USAGE = '2.5.29.37';

/** Extended key usages accepted for signing reports (documented in the README). */
export const DOCUMENT_SIGNING_EKUS: Record<string, string> = {
  '2.5.29.37.0': 'anyExtendedKeyUsage',
  '1.3.6.1.5.5.7.3.4': 'emailProtection',
  '1.3.6.1.5.5.7.3.36': 'documentSigning',
  '1.3.6.1.4.1.311.10.3.12': 'Microsoft Document Signing',
  '1.2.840.113583.1.1.5': 'Adobe Authentic Documents Trust',
};

/** The bits of the key usage BIT STRING, first byte: digitalSignature 0x80, nonRepudiation 0x40. */
function keyUsageByte(certificate: pkijs.Certificate): number | undefined {
  const extension = certificate.extensions?.find((e) => e.extnID === KEY_USAGE);
  if (!extension) return undefined;
  const parsed = asn1js.fromBER(extension.extnValue.valueBlock.valueHexView);
  if (parsed.offset === -1 || !(parsed.result instanceof asn1js.BitString)) return 0;
  return parsed.result.valueBlock.valueHexView[0] ?? 0;
}

/** Why the certificate may not sign documents, in Chinese; undefined when it may. */
export function signingUsageProblem(certificate: pkijs.Certificate): string | undefined {
  const usage = keyUsageByte(certificate);
  if (usage === undefined) return '签章证书没有密钥用途（keyUsage）扩展；签章需要 digitalSignature 或 nonRepudiation 用途';
  if ((usage & 0xc0) === 0) return '签章证书的密钥用途（keyUsage）不含 digitalSignature 或 nonRepudiation，不能用于签章';
  const extended = certificate.extensions?.find((e) => e.extnID === EXTENDED_KEY_USAGE);
  if (extended) {
    const purposes = extended.parsedValue instanceof pkijs.ExtKeyUsage ? extended.parsedValue.keyPurposes : [];
    if (!purposes.some((p) => p in DOCUMENT_SIGNING_EKUS)) {
      return `签章证书的扩展密钥用途（extendedKeyUsage）不含文档签章用途（${Object.values(DOCUMENT_SIGNING_EKUS).join('、')} 之一）`;
    }
  }
  return undefined;
}

const day = (date: Date) => date.toISOString().slice(0, 10);

/** Why the certificate is not valid at `when`, in Chinese; undefined when it is. */
export function validityProblem(certificate: pkijs.Certificate, when: Date, what = '签章证书'): string | undefined {
  const notBefore = certificate.notBefore.value;
  const notAfter = certificate.notAfter.value;
  if (when > notAfter) return `${what}已于 ${day(notAfter)} 过期`;
  if (when < notBefore) return `${what}自 ${day(notBefore)} 起才生效`;
  return undefined;
}
