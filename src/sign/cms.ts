/**
 * CMS signatures for PAdES baseline B-B (ETSI EN 319 142-1): a detached SignedData over SHA-256 with the signed
 * attributes content-type, message-digest and ESS signing-certificate-v2, and no signing-time (the time is in the
 * signature dictionary). Built and checked with pkijs.
 */
import { createHash, sign as rsaSign, webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { SigningIdentity } from './p12.js';

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

const NAME_TYPES: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
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
  /** The digest in the signature equals the digest of the content, and the RSA signature verifies. */
  valid: boolean;
  hasSigningCertificateV2: boolean;
  signerSubject: string;
  signerSerial: string;
  signerFingerprint: string;
  problem?: string;
}

export async function checkPadesSignature(cms: Buffer, content: Buffer): Promise<SignatureCheck> {
  const info = pkijs.ContentInfo.fromBER(toArrayBuffer(cms));
  const signedData = new pkijs.SignedData({ schema: info.content });
  const signerInfo = signedData.signerInfos[0]!;
  const certificate = (signedData.certificates ?? []).find(
    (c): c is pkijs.Certificate => c instanceof pkijs.Certificate && c.serialNumber.isEqual((signerInfo.sid as pkijs.IssuerAndSerialNumber).serialNumber),
  );
  const certDer = certificate ? Buffer.from(certificate.toSchema().toBER(false)) : Buffer.alloc(0);
  const attributes = signerInfo.signedAttrs?.attributes ?? [];
  const digestAttribute = attributes.find((a) => a.type === OID.messageDigest)?.values[0] as asn1js.OctetString | undefined;
  const essAttribute = attributes.find((a) => a.type === OID.signingCertificateV2);
  const base = {
    hasSigningCertificateV2: Boolean(essAttribute),
    signerSubject: certificate ? certificate.subject.typesAndValues.map((t) => `${NAME_TYPES[t.type] ?? t.type}=${t.value.valueBlock.value}`).join(', ') : '',
    signerSerial: certificate ? Buffer.from(certificate.serialNumber.valueBlock.valueHexView).toString('hex') : '',
    signerFingerprint: certDer.length ? sha256(certDer).toString('hex') : '',
  };
  if (!certificate) return { ...base, valid: false, problem: '签名中没有签章证书' };
  if (!digestAttribute || !Buffer.from(digestAttribute.valueBlock.valueHexView).equals(sha256(content))) {
    return { ...base, valid: false, problem: '文件内容的摘要与签名不符（签名后文件被改动）' };
  }
  let verified = false;
  try {
    verified = await signedData.verify({ signer: 0, data: toArrayBuffer(content), checkChain: false });
  } catch {
    verified = false;
  }
  return verified ? { ...base, valid: true } : { ...base, valid: false, problem: '签名值校验失败' };
}
