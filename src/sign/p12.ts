/**
 * Reads a PKCS#12 file (.p12/.pfx) with node-forge: the RSA private key and the signer's certificate chain.
 * Wrong passphrases, non-RSA keys, certificates that are not valid now (the real time, never a claimed signing
 * date) and certificates whose key usage does not allow signing each give their own message. The subject is
 * decoded from the DER by its ASN.1 types (certificate-subject.ts), not by node-forge, which leaves UTF-8 undecoded.
 */
import { createHash, createPrivateKey, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import type * as pkijs from 'pkijs';
import { parseCertificate } from './certificate-chain.js';
import { subjectText } from './certificate-subject.js';
import { signingUsageProblem, validityProblem } from './certificate-usage.js';
import { errorFinding, EXIT, ReportError } from '../report-error/finding.js';

export interface SigningIdentity {
  key: KeyObject;
  /** DER of the signer's certificate, then the rest of the chain. */
  certificates: Buffer[];
  subject: string;
  serialNumber: string;
  /** SHA-256 of the certificate's DER, hex. */
  fingerprint: string;
  notBefore: Date;
  notAfter: Date;
  /** The signer's certificate, parsed. */
  certificate: pkijs.Certificate;
}

const fail = (message: string): never => {
  throw new ReportError([errorFinding('SIGN', message)], EXIT.unusableInput);
};

/** `now` is the real current time; tests of the check itself may pass another. */
export function readP12(p12: Buffer, passphrase: string, now: Date = new Date()): SigningIdentity {
  let parsed: forge.pkcs12.Pkcs12Pfx;
  try {
    parsed = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(forge.util.createBuffer(p12.toString('binary'))), false, passphrase);
  } catch (error) {
    const message = (error as Error).message ?? '';
    if (/Invalid password|MAC could not be verified/i.test(message)) fail('证书文件的密码不正确');
    if (/Unknown OID|private key|Cannot read/i.test(message)) fail('证书文件中的私钥不是 RSA 密钥；签章需要 RSA 密钥');
    fail('无法读取证书文件：不是有效的 PKCS#12（.p12/.pfx）文件，或已损坏');
  }
  const bags = (type: string) => parsed!.getBags({ bagType: type })[type] ?? [];
  const keyBag = [...bags(forge.pki.oids.pkcs8ShroudedKeyBag!), ...bags(forge.pki.oids.keyBag!)][0];
  if (!keyBag?.key) fail('证书文件中没有私钥，或私钥不是 RSA 密钥；签章需要 RSA 密钥');
  const certificates = bags(forge.pki.oids.certBag!).map((bag) => bag.cert).filter((c): c is forge.pki.Certificate => Boolean(c));
  const publicKey = forge.pki.setRsaPublicKey((keyBag!.key as forge.pki.rsa.PrivateKey).n, (keyBag!.key as forge.pki.rsa.PrivateKey).e);
  const signer = certificates.find((c) => {
    const p = c.publicKey as forge.pki.rsa.PublicKey;
    return p.n?.equals(publicKey.n) && p.e?.equals(publicKey.e);
  });
  if (!signer) fail('证书文件中没有与私钥对应的证书');
  const chain = [signer!, ...certificates.filter((c) => c !== signer)];
  const der = chain.map((c) => Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(c)).getBytes(), 'binary'));
  const certificate = parseCertificate(der[0]!);
  const problem = validityProblem(certificate, now) ?? signingUsageProblem(certificate);
  if (problem) fail(problem);
  const { notBefore, notAfter } = signer!.validity;
  const key = createPrivateKey(forge.pki.privateKeyToPem(keyBag!.key as forge.pki.rsa.PrivateKey));
  return {
    key,
    certificates: der,
    subject: subjectText(certificate.subject),
    serialNumber: signer!.serialNumber,
    fingerprint: createHash('sha256').update(der[0]!).digest('hex'),
    notBefore,
    notAfter,
    certificate,
  };
}
