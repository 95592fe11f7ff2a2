/**
 * The parts of a CMS signature that no signature covers, held to what RFC 5652 and RFC 5280 require of them, so
 * that a damaged byte there is named rather than ignored by a lenient decoder:
 * - the SignedData version is the one RFC 5652 §5.1 computes, and the SignerInfo version matches its sid (§5.3);
 * - digestAlgorithms, when not empty, names the signer's digest algorithm and only known digest algorithms;
 * - the encapsulated content type is id-data, and the signed content-type attribute says the same (RFC 5652 §11.1);
 * - algorithm parameters are absent or NULL (RSA PKCS#1 v1.5, ECDSA and the SHA-2 digests have no others);
 * - the sid names the signer certificate's issuer with the same bytes;
 * - a certificate's outer signature algorithm is the one its signed part names (RFC 5280 §4.1.1.2), and its
 *   signature BIT STRING has no unused bits.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

const DATA = '1.2.840.113549.1.7.1';
const CONTENT_TYPE = '1.2.840.113549.1.9.3';
const RSASSA_PSS = '1.2.840.113549.1.1.10';
const DIGESTS = new Set([
  '1.3.14.3.2.26', // SHA-1
  '2.16.840.1.101.3.4.2.1', // SHA-256
  '2.16.840.1.101.3.4.2.2', // SHA-384
  '2.16.840.1.101.3.4.2.3', // SHA-512
  '2.16.840.1.101.3.4.2.4', // SHA-224
  '1.2.156.10197.1.401', // SM3
]);

const der = (value: { toSchema(): asn1js.AsnType }) => Buffer.from(value.toSchema().toBER(false));
const rawBytes = (value: ArrayBuffer | undefined) => Buffer.from(value ?? new ArrayBuffer(0));

/** Parameters absent or NULL, except for RSASSA-PSS, whose parameters pkijs reads itself. */
function paramsProblem(algorithm: pkijs.AlgorithmIdentifier, what: string): string | undefined {
  if (algorithm.algorithmId === RSASSA_PSS) return undefined;
  const params = algorithm.algorithmParams as unknown;
  if (params === undefined || params instanceof asn1js.Null) return undefined;
  return `${what}（${algorithm.algorithmId}）的参数不是 NULL`;
}

/** Why a certificate's unsigned parts are damaged, in Chinese; undefined when they are sound. */
export function certificateFormProblem(certificate: pkijs.Certificate): string | undefined {
  if (!der(certificate.signatureAlgorithm).equals(der(certificate.signature))) return '证书外层的签名算法与证书内容中记载的不一致';
  if (certificate.signatureValue.valueBlock.unusedBits !== 0) return '证书签名值的位串有未用位';
  return undefined;
}

/** Why the SignedData around the one signer is malformed, in Chinese; undefined when it is sound. */
export function cmsFormProblem(signedData: pkijs.SignedData, signerInfo: pkijs.SignerInfo, certificate: pkijs.Certificate): string | undefined {
  const bySerial = signerInfo.sid instanceof pkijs.IssuerAndSerialNumber;
  if (signerInfo.version !== (bySerial ? 1 : 3)) return `签章人信息（SignerInfo）的版本 ${signerInfo.version} 与其签章人标识不符`;
  const eContentType = signedData.encapContentInfo.eContentType;
  if (eContentType !== DATA) return `签名内容的类型 ${eContentType} 不是 id-data`;
  const expectedVersion = bySerial ? 1 : 3;
  if (signedData.version !== expectedVersion) return `SignedData 的版本 ${signedData.version} 不是 RFC 5652 规定的 ${expectedVersion}`;
  const contentType = signerInfo.signedAttrs?.attributes.find((a) => a.type === CONTENT_TYPE);
  const typeValue = contentType?.values[0] as unknown;
  if (contentType?.values.length !== 1 || !(typeValue instanceof asn1js.ObjectIdentifier) || typeValue.getValue() !== eContentType) {
    return '签名属性中的内容类型缺失，或与签名内容的类型不符';
  }
  const digests = signedData.digestAlgorithms;
  if (digests.length > 0 && !digests.some((d) => d.algorithmId === signerInfo.digestAlgorithm.algorithmId)) return 'SignedData 的摘要算法列表不含签章人的摘要算法';
  const unknown = digests.find((d) => !DIGESTS.has(d.algorithmId));
  if (unknown) return `SignedData 的摘要算法列表含未知算法 ${unknown.algorithmId}`;
  for (const [algorithm, what] of [...digests.map((d) => [d, '摘要算法'] as const), [signerInfo.digestAlgorithm, '签章人的摘要算法'] as const, [signerInfo.signatureAlgorithm, '签章人的签名算法'] as const]) {
    const problem = paramsProblem(algorithm, what);
    if (problem) return problem;
  }
  if (bySerial) {
    const sid = signerInfo.sid as pkijs.IssuerAndSerialNumber;
    if (!rawBytes(sid.issuer.valueBeforeDecode).equals(rawBytes(certificate.issuer.valueBeforeDecode))) return '签章人标识中的签发者名称与签章证书的编码不一致';
  }
  return undefined;
}
