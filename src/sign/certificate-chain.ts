/**
 * The certificate chain a signature carries: from the signer up through the certificates in the CMS, each link's
 * signature checked against its issuer's key, and a top that claims to be self-signed checked against itself. A top
 * claims that by naming itself as its issuer, or by naming its own key as the issuing key (authority key identifier
 * equal to its subject key identifier), so that a damaged issuer name cannot turn a root into an intermediate whose
 * issuer is merely missing. A damaged certificate anywhere in the chain breaks a link, and a carried certificate
 * outside the chain is named. `anchorProblem` then asks whether the top is, or is issued by, a trusted root.
 */
import * as asn1js from 'asn1js';
import { createHash } from 'node:crypto';
import * as pkijs from 'pkijs';
import { subjectText } from './certificate-subject.js';
import { validityProblem } from './certificate-usage.js';
import { certificateFormProblem } from './check-cms-form.js';

export interface CertificateChain {
  /** Signer first, then each issuer found among the carried certificates. */
  certificates: pkijs.Certificate[];
  /** SHA-256 (hex) of the top certificate's DER: the chain's root as far as the signature carries it. */
  rootSha256: string;
  rootSubject: string;
  /** SHA-256 (hex) of each CA certificate above the signer, its issuer first: what an archive pins. */
  caSha256: string[];
  /** The top certificate is self-signed (a root), not an intermediate whose issuer is missing. */
  selfSigned: boolean;
  /** Why the chain is broken, in Chinese; undefined when every link verifies. */
  problem?: string;
}

/** A certificate from its DER. */
export const parseCertificate = (der: Uint8Array) => pkijs.Certificate.fromBER(new Uint8Array(der));

/**
 * A certificate's DER: the bytes it was read from when it was read (a damaged certificate may hold values that
 * cannot be encoded again, such as a year 1899 in a UTCTime), else encoded afresh.
 */
export const certificateDer = (certificate: pkijs.Certificate) => {
  const read = (certificate as unknown as { tbsView?: Uint8Array }).tbsView;
  return Buffer.from(certificate.toSchema(!(read && read.byteLength > 0)).toBER(false));
};
export const certificateSha256 = (certificate: pkijs.Certificate) => createHash('sha256').update(certificateDer(certificate)).digest('hex');

const SUBJECT_KEY_IDENTIFIER = '2.5.29.14';
const AUTHORITY_KEY_IDENTIFIER = '2.5.29.35';

/** The hex of an extension's key identifier: the subject key identifier, or the key identifier of the authority's. */
function keyIdentifier(certificate: pkijs.Certificate, extnID: string): string | undefined {
  const extension = certificate.extensions?.find((e) => e.extnID === extnID);
  if (!extension) return undefined;
  const parsed = extension.parsedValue as unknown;
  const octets = parsed instanceof pkijs.AuthorityKeyIdentifier ? parsed.keyIdentifier : parsed;
  if (!(octets instanceof asn1js.OctetString)) return undefined;
  const hex = Buffer.from(octets.valueBlock.valueHexView).toString('hex');
  return hex || undefined;
}

/** The certificate says it signed itself: it names itself as issuer, or its own key as the issuing key. */
function claimsSelfSigned(certificate: pkijs.Certificate): boolean {
  if (certificate.issuer.isEqual(certificate.subject)) return true;
  const authority = keyIdentifier(certificate, AUTHORITY_KEY_IDENTIFIER);
  return authority !== undefined && authority === keyIdentifier(certificate, SUBJECT_KEY_IDENTIFIER);
}

const verifies = async (certificate: pkijs.Certificate, issuer?: pkijs.Certificate) => {
  try {
    return await certificate.verify(issuer);
  } catch {
    return false;
  }
};

export async function certificateChain(signer: pkijs.Certificate, carried: pkijs.Certificate[]): Promise<CertificateChain> {
  const chain = [signer];
  let problem: string | undefined;
  let selfSigned = false;
  for (const certificate of [signer, ...carried]) {
    const form = certificateFormProblem(certificate);
    if (form) problem ??= `签名所带的证书「${subjectText(certificate.subject)}」已损坏（${form}）`;
  }
  for (let current = signer; !problem && chain.length <= 10; ) {
    if (claimsSelfSigned(current)) {
      selfSigned = true;
      if (!(await verifies(current))) problem = `证书链中的证书「${subjectText(current.subject)}」已损坏（自签名不符）`;
      break;
    }
    const issuer = carried.find((c) => c !== current && c.subject.isEqual(current.issuer));
    if (!issuer) break;
    if (!(await verifies(current, issuer))) {
      problem = `证书链已损坏：证书「${subjectText(current.subject)}」与其签发者「${subjectText(issuer.subject)}」的签名不符`;
      break;
    }
    chain.push(issuer);
    current = issuer;
  }
  // Every carried certificate must belong to the chain: a CA certificate whose name was damaged no longer does.
  if (!problem) {
    const inChain = new Set(chain.map(certificateSha256));
    const stray = carried.find((c) => !inChain.has(certificateSha256(c)));
    if (stray) problem = `签名所带的证书「${subjectText(stray.subject)}」不属于签章人的证书链（证书已损坏或被替换）`;
  }
  const top = chain.at(-1)!;
  return {
    certificates: chain,
    rootSha256: certificateSha256(top),
    rootSubject: subjectText(top.subject),
    caSha256: chain.slice(1).map(certificateSha256),
    selfSigned,
    ...(problem ? { problem } : {}),
  };
}

/**
 * How the CA certificates of a chain differ from recorded ones (`caSha256` of an earlier chain), in Chinese, after
 * "…所带的": the first certificate whose bytes differ, or a different number of them; undefined when the same.
 */
export function pinnedChainProblem(chain: CertificateChain, recorded: string[], whose: string): string | undefined {
  const at = chain.caSha256.findIndex((sha, i) => sha !== recorded[i]);
  if (at >= 0) return `CA 证书「${subjectText(chain.certificates[at + 1]!.subject)}」与${whose}证书字节不同（证书被改动或替换）`;
  if (chain.caSha256.length !== recorded.length) return `CA 证书有 ${chain.caSha256.length} 个，${whose}有 ${recorded.length} 个（证书链被改动）`;
  return undefined;
}

/**
 * Whether the chain ends at one of the trusted roots (the same certificate, or one it issued), and every
 * certificate in it was valid at the signing time. Returns the problem in Chinese, or undefined.
 */
export async function anchorProblem(chain: CertificateChain, trusted: pkijs.Certificate[], signingTime: Date): Promise<string | undefined> {
  if (chain.problem) return chain.problem;
  const top = chain.certificates.at(-1)!;
  const topSha = certificateSha256(top);
  let anchored = trusted.some((root) => certificateSha256(root) === topSha);
  if (!anchored) {
    for (const root of trusted) {
      if (root.subject.isEqual(top.issuer) && (await verifies(top, root))) {
        anchored = true;
        break;
      }
    }
  }
  if (!anchored) return `签章人「${subjectText(chain.certificates[0]!.subject)}」的证书链不能追溯到给定的受信任根证书（链顶为「${chain.rootSubject}」）`;
  for (const certificate of chain.certificates.slice(1)) {
    const problem = validityProblem(certificate, signingTime, `签章时间 ${signingTime.toISOString()} 时，签发证书「${subjectText(certificate.subject)}」`);
    if (problem) return problem;
  }
  return undefined;
}
