/**
 * CMS signatures for PAdES baseline B-B (ETSI EN 319 142-1): a detached SignedData over SHA-256 with the signed
 * attributes content-type, message-digest and ESS signing-certificate-v2, and no signing-time (the time is in the
 * signature dictionary). Built and checked with pkijs.
 */
import { createHash, sign as rsaSign, webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { SigningIdentity } from './p12.js';
import { certificateChain, certificateDer, type CertificateChain } from './certificate-chain.js';
import { subjectText } from './certificate-subject.js';
import { derProblem } from './check-der.js';
import { cmsFormProblem } from './check-cms-form.js';

const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
};

pkijs.setEngine('node', new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as Crypto }));

const sha256 = (data: Buffer | Uint8Array) => createHash('sha256').update(data).digest();

function toArrayBuffer(buffer: Buffer | Uint8Array): ArrayBuffer {
  return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer;
}

/** ESS signing-certificate-v2: the SHA-256 of the signer's certificate (hashAlgorithm defaults to SHA-256). */
function signingCertificateV2(certificate: Buffer): asn1js.Sequence {
  return new asn1js.Sequence({
    value: [new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: toArrayBuffer(sha256(certificate)) })] })] })],
  });
}

export function createPadesSignature(content: Buffer, identity: SigningIdentity): Buffer {
  const certificates = identity.certificates.map((der) => pkijs.Certificate.fromBER(toArrayBuffer(der)));
  const signer = certificates[0]!;
  const attributes = new pkijs.SignedAndUnsignedAttributes({
    type: 0,
    attributes: [
      new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
      new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: toArrayBuffer(sha256(content)) })] }),
      new pkijs.Attribute({ type: OID.signingCertificateV2, values: [signingCertificateV2(identity.certificates[0]!)] }),
    ],
  });
  // The signature covers the DER encoding of the signed attributes as a SET.
  const signedBytes = Buffer.from(new asn1js.Set({ value: attributes.attributes.map((a) => a.toSchema()) }).toBER(false));
  const signature = rsaSign('sha256', signedBytes, identity.key);
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: signer.issuer, serialNumber: signer.serialNumber }),
    digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
    signedAttrs: attributes,
    signatureAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.rsaEncryption, algorithmParams: new asn1js.Null() }),
    signature: new asn1js.OctetString({ valueHex: toArrayBuffer(signature) }),
  });
  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 })],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    certificates,
    signerInfos: [signerInfo],
  });
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return Buffer.from(contentInfo.toSchema().toBER(false));
}

export interface SignatureCheck {
  /** The digest in the signature equals the digest of the content, the RSA signature verifies, and the chain holds. */
  valid: boolean;
  hasSigningCertificateV2: boolean;
  signerSubject: string;
  signerSerial: string;
  signerFingerprint: string;
  signer?: pkijs.Certificate;
  chain?: CertificateChain;
  /** What is wrong, in Chinese, with a stable id for tests and scripts. */
  problem?: string;
  problemId?: string;
}

const failed = (base: Omit<SignatureCheck, 'valid'>, problemId: string, problem: string): SignatureCheck => ({ ...base, valid: false, problemId, problem });

const EMPTY = { hasSigningCertificateV2: false, signerSubject: '', signerSerial: '', signerFingerprint: '' };

/**
 * Checks a detached CMS signature over `content`. The CMS is attacker-controlled bytes: it must be strict DER, and
 * anything the decoder or the checks cannot cope with is reported as a damaged signature, never thrown.
 */
export async function checkPadesSignature(cms: Buffer, content: Buffer): Promise<SignatureCheck> {
  const malformed = derProblem(cms);
  if (malformed) return failed(EMPTY, 'cms-der', `签名数据不是严格的 DER 编码（${malformed}），签名后被改动`);
  try {
    return await checkSignedData(cms, content);
  } catch {
    return failed(EMPTY, 'cms-damaged', '签名数据已损坏，无法解析');
  }
}

async function checkSignedData(cms: Buffer, content: Buffer): Promise<SignatureCheck> {
  const empty = EMPTY;
  let signedData: pkijs.SignedData;
  try {
    const info = pkijs.ContentInfo.fromBER(toArrayBuffer(cms));
    if (info.contentType !== OID.signedData) return failed(empty, 'cms-damaged', '签名数据已损坏，无法解析（不是 CMS SignedData）');
    signedData = new pkijs.SignedData({ schema: info.content });
  } catch {
    return failed(empty, 'cms-damaged', '签名数据已损坏，无法解析');
  }
  if (signedData.signerInfos.length !== 1) return failed(empty, 'cms-signers', `签名数据中应有一个签章人，实际有 ${signedData.signerInfos.length} 个`);
  const signerInfo = signedData.signerInfos[0]!;
  const carried = (signedData.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  const sid = signerInfo.sid as pkijs.IssuerAndSerialNumber;
  const certificate = sid instanceof pkijs.IssuerAndSerialNumber
    ? carried.find((c) => c.serialNumber.isEqual(sid.serialNumber) && c.issuer.isEqual(sid.issuer))
    : undefined;
  if (!certificate) return failed(empty, 'cms-no-signer', '签名中没有签章证书');
  const certDer = certificateDer(certificate);
  const attributes = signerInfo.signedAttrs?.attributes ?? [];
  const digestValue = attributes.find((a) => a.type === OID.messageDigest)?.values[0] as unknown;
  const digestAttribute = digestValue instanceof asn1js.OctetString ? digestValue : undefined;
  const essAttribute = attributes.find((a) => a.type === OID.signingCertificateV2);
  const chain = await certificateChain(certificate, carried);
  const base = {
    hasSigningCertificateV2: Boolean(essAttribute),
    signerSubject: subjectText(certificate.subject),
    signerSerial: Buffer.from(certificate.serialNumber.valueBlock.valueHexView).toString('hex'),
    signerFingerprint: sha256(certDer).toString('hex'),
    signer: certificate,
    chain,
  };
  if (signerInfo.digestAlgorithm.algorithmId !== OID.sha256) return failed(base, 'cms-digest-algorithm', '签名的摘要算法不是 SHA-256');
  if (!digestAttribute || !Buffer.from(digestAttribute.valueBlock.valueHexView).equals(sha256(content))) {
    return failed(base, 'digest-mismatch', '文件内容的摘要与签名不符（签名后文件被改动）');
  }
  let verified = false;
  try {
    verified = await signedData.verify({ signer: 0, data: toArrayBuffer(content), checkChain: false });
  } catch {
    verified = false;
  }
  if (!verified) return failed(base, 'signature-value', '签名值校验失败（签名或签章证书被改动）');
  if (essAttribute && !essBindsCertificate(essAttribute, certDer)) {
    return failed(base, 'ess-mismatch', '签名中记载的签章证书摘要（signing-certificate-v2）与签章证书不符（证书被替换）');
  }
  const form = cmsFormProblem(signedData, signerInfo, certificate);
  if (form) return failed(base, 'cms-form', `签名数据的结构不合规范（${form}），签名后被改动`);
  if (chain.problem) return failed(base, 'chain-damaged', chain.problem);
  return { ...base, valid: true };
}

/** The ESS signing-certificate-v2 attribute names this certificate (SHA-256, the default hash). */
function essBindsCertificate(attribute: pkijs.Attribute, certificate: Buffer): boolean {
  try {
    const hash = (attribute.values[0] as asn1js.Sequence).valueBlock.value[0] as asn1js.Sequence;
    const first = hash.valueBlock.value[0] as asn1js.Sequence;
    const octets = first.valueBlock.value.find((v): v is asn1js.OctetString => v instanceof asn1js.OctetString);
    return Boolean(octets && Buffer.from(octets.valueBlock.valueHexView).equals(sha256(certificate)));
  } catch {
    return false;
  }
}
