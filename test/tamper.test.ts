/**
 * The tamper suite: attacks on a signed PDF and on an archive, generated at test time from a seed (printed; set
 * TAMPER_SEED to replay) with certificates made by OpenSSL. Every attack must be detected with its own message;
 * where pdfsig can judge a PDF, its verdict must agree.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { seededRandom } from '../src/bench/seeded-random.js';
import { verifyPath, type VerifiedItem } from '../src/archive/verify-archive.js';
import { certificateChain, parseCertificate, pinnedChainProblem } from '../src/sign/certificate-chain.js';
import { checkPadesSignature } from '../src/sign/cms.js';
import { runCli, tempDir } from './helpers/cli.js';
import { issuedCertificate, PASSPHRASE, rsaCertificate, testCa, type TestCertificate } from './helpers/certificates.js';
import { requireTools } from './helpers/require-tool.js';

requireTools('openssl', 'pdfsig', 'pdftotext', 'qpdf');

/**
 * A fixed seed by default, so that CI judges the same flips every run; TAMPER_SEED=random (or a number) explores
 * others. What earlier seeds found is kept below as fixed cases (seed 1516434956: a damaged issuer name in the
 * carried root, a changed signer certificate that pdfsig accepts).
 */
const SEED = process.env.TAMPER_SEED === 'random' ? Math.floor(Math.random() * 2 ** 31) : Number(process.env.TAMPER_SEED ?? 1484725401);
console.log(`tamper suite seed: ${SEED} (replay with TAMPER_SEED=${SEED})`);
/** A generator per attack, so that one attack replays alone (vitest -t) with the same seed. */
function randomFor(attack: string): (n: number) => number {
  let salt = 0;
  for (const ch of attack) salt = (Math.imul(salt, 31) + ch.charCodeAt(0)) | 0;
  const random = seededRandom(SEED ^ salt);
  return (n: number) => Math.floor(random() * n);
}

const ORG_SUBJECT = '/CN=rsa/O=樟木乡人民政府/C=CN';
const ca = testCa();
/** With the accepted extended key usage emailProtection, which must not stop it signing. */
const signer = issuedCertificate(ca, { subject: ORG_SUBJECT, extendedKeyUsage: 'emailProtection' });
const NOW = Math.floor(Date.now() / 1000);
const env = (epoch: number) => ({ REPORT_GEN_P12_PASSPHRASE: PASSPHRASE, SOURCE_DATE_EPOCH: String(epoch) });

/** pdfsig's verdict: the signature verifies and covers the whole file. */
function pdfsigAccepts(file: string): boolean {
  const result = spawnSync('pdfsig', ['-no-ocsp', file], { encoding: 'utf8' });
  const text = `${result.stdout}${result.stderr}`;
  return text.includes('Signature Validation: Signature is Valid.') && text.includes('Total document signed');
}

function pdfsigText(file: string): string {
  const result = spawnSync('pdfsig', ['-no-ocsp', file], { encoding: 'utf8' });
  return `${result.stdout}${result.stderr}`;
}

const failures = (items: VerifiedItem[]) => items.flatMap((i) => i.problems);

/**
 * When verify is allowed to be stricter than pdfsig. pdfsig's "Signature is Valid" checks the CMS signature over
 * the signed bytes with the key of the certificate the CMS names, and that the ranges cover the file. It does not
 * check what verify checks besides:
 * - the ESS signing-certificate-v2 attribute against the carried signer certificate, and the signature of each
 *   certificate in the carried chain by its issuer, the root's self-signature included (pdfsig leaves the chain to
 *   "Certificate Validation", which without a trusted root never passes);
 * - the unsigned fields of the CMS against RFC 5652 and DER (versions, content type, digest list, algorithm
 *   parameters, lengths);
 * - the letter case of the /Contents hex string.
 * A flip pdfsig accepts counts as agreement only when every problem verify names is one of these, and an
 * independent judge confirms it: OpenSSL, verifying the same CMS over the same bytes with the chain the CMS carries
 * (CAdES checks, the root's self-signature checked), rejects it; or OpenSSL reads a CMS field different from the
 * original's (so an unsigned field really changed); or the hex string really mixes letter cases.
 */
const STRICTER_THAN_PDFSIG = /signing-certificate-v2|证书链|证书.*已损坏|不属于签章人的证书链|签名数据已损坏|不是严格的 DER 编码|结构不合规范|大小写混杂/;

/** The CMS and the signed bytes of a signed PDF, cut with the original's ranges. */
function cmsParts(pdf: Buffer, b: number, c: number, derEnd: number): { cms: Buffer; content: Buffer } {
  return { cms: Buffer.from(pdf.subarray(b + 1, derEnd).toString('latin1'), 'hex'), content: Buffer.concat([pdf.subarray(0, b), pdf.subarray(c)]) };
}

/** OpenSSL's verdict on a CMS over content, trusting only the chain the CMS carries; and its dump of the CMS. */
function opensslJudges(cms: Buffer, content: Buffer): { rejects: boolean; dump: string } {
  const dir = tempDir('openssl-judge');
  writeFileSync(join(dir, 'cms.der'), cms);
  writeFileSync(join(dir, 'content.bin'), content);
  const dump = spawnSync('openssl', ['cms', '-cmsout', '-print', '-noout', '-inform', 'DER', '-in', 'cms.der'], { cwd: dir, encoding: 'utf8' }).stdout;
  const certificates = spawnSync('openssl', ['pkcs7', '-inform', 'DER', '-in', 'cms.der', '-print_certs', '-out', 'carried.pem'], { cwd: dir });
  if (certificates.status !== 0) return { rejects: true, dump };
  const verified = spawnSync('openssl', ['cms', '-verify', '-inform', 'DER', '-in', 'cms.der', '-binary', '-content', 'content.bin', '-cades', '-purpose', 'any',
    '-check_ss_sig', '-CAfile', 'carried.pem', '-out', '/dev/null'], { cwd: dir });
  return { rejects: verified.status !== 0, dump };
}

/** The ByteRange and /Contents gap of a signed PDF we made (text search is fine for the test's own files). */
function gapOf(pdf: Buffer): { b: number; c: number; derEnd: number } {
  const text = pdf.toString('latin1');
  const m = /\/ByteRange \[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)/.exec(text)!;
  const [b, c] = [Number(m[2]), Number(m[3])];
  const der = Buffer.from(text.slice(b + 1, c - 1), 'hex');
  const derLength = 4 + der.readUInt16BE(2);
  return { b, c, derEnd: b + 1 + 2 * derLength };
}

/**
 * Replaces the CMS of a signed PDF with one OpenSSL makes with another certificate (CAdES, SHA-256, chain
 * included), after an optional change to the signed bytes — the way a forger who holds some other key works.
 */
function resign(original: Buffer, certificate: TestCertificate, chain: string | undefined, change?: (pdf: Buffer) => Buffer): Buffer {
  const { b, c } = gapOf(original);
  const pdf = change ? change(original) : original;
  expect(pdf.length).toBe(original.length);
  const head = pdf.subarray(0, b);
  const dir = tempDir('resign');
  writeFileSync(join(dir, 'content.bin'), Buffer.concat([head, pdf.subarray(c)]));
  execFileSync('openssl', ['cms', '-sign', '-binary', '-cades', '-md', 'sha256', '-nosmimecap', '-in', 'content.bin', '-signer', certificate.cert, '-inkey', join(certificate.dir, 'key.pem'),
    ...(chain ? ['-certfile', chain] : []), '-outform', 'DER', '-out', 'sig.der'], { cwd: dir, stdio: 'pipe' });
  const hex = readFileSync(join(dir, 'sig.der')).toString('hex');
  const room = c - b - 2;
  expect(hex.length).toBeLessThanOrEqual(room);
  return Buffer.concat([head, Buffer.from(`<${hex.padEnd(room, '0')}>`, 'latin1'), pdf.subarray(c)]);
}

describe('a signed PDF under attack', () => {
  const out = tempDir('tamper-pdf');
  const signed = runCli(['sign', 'data/2021.yaml', '--p12', signer.p12, '-o', out], { env: env(NOW) });
  const file = join(out, '2021.signed.pdf');
  const pdf = readFileSync(file);
  const { b, c, derEnd } = gapOf(pdf);
  const original = cmsParts(pdf, b, c, derEnd);
  const originalDump = opensslJudges(original.cms, original.content).dump;
  /** STRICTER_THAN_PDFSIG: verify names only reasons pdfsig does not check, and an independent judge confirms one. */
  const verifyStricterWithReason = (bytes: Buffer, problems: string[]) => {
    if (!problems.every((p) => STRICTER_THAN_PDFSIG.test(p))) return false;
    const hex = bytes.subarray(b + 1, c - 1).toString('latin1');
    if (problems.every((p) => p.includes('大小写混杂'))) return /[a-f]/.test(hex) && /[A-F]/.test(hex);
    const { cms, content } = cmsParts(bytes, b, c, derEnd);
    const judged = opensslJudges(cms, content);
    return judged.rejects || judged.dump !== originalDump;
  };
  const write = (name: string, bytes: Buffer) => {
    const path = join(out, name);
    writeFileSync(path, bytes);
    return path;
  };

  it('is signed, with the Chinese signer name read correctly', () => {
    expect(signed.code, signed.stderr).toBe(0);
    expect(signed.stdout).toContain('签章人 CN=rsa, O=樟木乡人民政府, C=CN');
    expect(pdfsigAccepts(file)).toBe(true);
  });

  it('detects every one of 120 byte flips across the whole file, padding included, as pdfsig does', async () => {
    const pick = randomFor('flips');
    // 60 anywhere, 40 in the zero padding of /Contents, 10 in the DER of the CMS, 10 in the dictionary around it.
    const positions = [
      ...Array.from({ length: 60 }, () => pick(pdf.length)),
      ...Array.from({ length: 40 }, () => derEnd + pick(c - 1 - derEnd)),
      ...Array.from({ length: 10 }, () => b + 1 + pick(derEnd - b - 1)),
      ...Array.from({ length: 10 }, () => Math.max(0, b - 200) + pick(200)),
    ];
    const missed: string[] = [];
    const disagreements: string[] = [];
    for (const [i, at] of positions.entries()) {
      const bytes = Buffer.from(pdf);
      const mask = 1 + pick(255);
      bytes[at]! ^= mask;
      const path = write(`flip-${i}.pdf`, bytes);
      const problems = failures(await verifyPath(path));
      const label = `byte ${at} ^ 0x${mask.toString(16)} (seed ${SEED})`;
      if (problems.length === 0) missed.push(label);
      else if (pdfsigAccepts(path) && !verifyStricterWithReason(bytes, problems)) disagreements.push(`${label}: ${problems.join(' | ')}`);
    }
    expect(missed).toEqual([]);
    expect(disagreements).toEqual([]);
  }, 600_000);

  it('prints only Chinese for a damaged file (no warnings of the PDF library)', () => {
    const bytes = Buffer.from(pdf);
    bytes.write(')]', pdf.indexOf('<<', pdf.indexOf(' 0 obj', 200)), 'latin1'); // an object pdf-lib cannot parse
    const result = runCli(['verify', write('damaged.pdf', bytes)]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.stdout).not.toMatch(/Trying to parse|Invalid object/);
  });

  it('names non-zero padding after the CMS (the flips that passed before)', async () => {
    const bytes = Buffer.from(pdf);
    bytes[c - 10] = 0x31;
    const result = runCli(['verify', write('padding.pdf', bytes)]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('填充不全为零');
    expect(pdfsigAccepts(join(out, 'padding.pdf'))).toBe(false);
  });

  it('names signature wrapping: a second /ByteRange and objects hidden in the /Contents gap', async () => {
    const bytes = Buffer.from(pdf);
    const hidden = Buffer.from('>\n/ByteRange [0 10 20 30]\n>>\nendobj\n990 0 obj\n<< /Type /Page /Forged (FORGED REPORT) >>\nendobj\n991 0 obj\n<< /Contents <', 'latin1');
    hidden.copy(bytes, derEnd + 16);
    const path = write('wrapped.pdf', bytes);
    expect(failures(await verifyPath(path)).join()).toContain('空隙中藏有其他内容');
    expect(pdfsigAccepts(path)).toBe(false);
  });

  it('names an incremental update that puts a forged page over the signed one, as pdfsig does', async () => {
    const document = await PDFDocument.load(pdf, { updateMetadata: false });
    const page = document.getPage(0);
    const size = document.context.largestObjectNumber + 1;
    const font = '<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >>';
    const offsets: number[] = [];
    let update = '\n';
    const add = (number: number, body: string) => {
      offsets.push(pdf.length + Buffer.byteLength(update, 'latin1'));
      update += `${number} 0 obj\n${body}\nendobj\n`;
    };
    const content = 'BT /F1 24 Tf 72 700 Td (FORGED REPORT / received: 9999) Tj ET';
    add(size, `<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
    add(page.ref.objectNumber, `<< /Type /Page /Parent ${pageParent(page.node.toString())} /MediaBox [0 0 595 842] /Resources ${font} /Contents ${size} 0 R >>`);
    const xrefAt = pdf.length + Buffer.byteLength(update, 'latin1');
    const entry = (offset: number) => `${String(offset).padStart(10, '0')} 00000 n \n`;
    update += `xref\n${page.ref.objectNumber} 1\n${entry(offsets[1]!)}${size} 1\n${entry(offsets[0]!)}`;
    const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(pdf.toString('latin1'))![1];
    update += `trailer\n<< /Size ${size + 1} /Root ${document.context.trailerInfo.Root!.toString()} /Prev ${startxref} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
    const path = write('updated.pdf', Buffer.concat([pdf, Buffer.from(update, 'latin1')]));
    expect(execFileSync('pdftotext', ['-l', '1', path, '-'], { encoding: 'utf8' })).toContain('FORGED REPORT');
    expect(failures(await verifyPath(path)).join()).toContain('签名之后文件有增量更新');
    expect(pdfsigText(path)).toContain('Not total document signed');
  });

  it('names stray bytes after the signed %%EOF', async () => {
    const path = write('trailing.pdf', Buffer.concat([pdf, Buffer.from('\n% appended\n')]));
    expect(failures(await verifyPath(path)).join()).toContain('之后还有 12 字节的其他数据');
    expect(pdfsigAccepts(path)).toBe(false);
  });

  it('names a file qpdf rewrote after signing', async () => {
    const path = join(out, 'qpdf.pdf');
    spawnSync('qpdf', ['--object-streams=generate', file, path]);
    const problems = failures(await verifyPath(path));
    expect(problems.length).toBeGreaterThan(0);
    expect(pdfsigAccepts(path)).toBe(false);
  });

  it('names a damaged certificate carried inside the signature', async () => {
    const pick = randomFor('pdf-ca');
    const caDer = execFileSync('openssl', ['x509', '-in', ca.cert, '-outform', 'DER']);
    const hex = pdf.subarray(b + 1, derEnd).toString('latin1');
    const caAt = hex.indexOf(caDer.toString('hex'));
    expect(caAt).toBeGreaterThan(0);
    const names: string[] = [];
    for (let i = 0; i < 5; i++) {
      const bytes = Buffer.from(pdf);
      // Change one hex digit into another inside the CA certificate: the CMS still parses.
      const at = b + 1 + caAt + 40 + pick(caDer.length * 2 - 80);
      bytes[at] = bytes[at] === 0x30 ? 0x31 : 0x30;
      const problems = failures(await verifyPath(write(`ca-${i}.pdf`, bytes)));
      expect(problems.length, `digit ${at} (seed ${SEED})`).toBeGreaterThan(0);
      names.push(...problems);
    }
    expect(names.join()).toMatch(/证书链|证书.*已损坏|签名数据已损坏/);
    // A damaged subject name cuts the CA certificate from the chain; it is still named.
    const bytes = Buffer.from(pdf);
    const nameHex = Buffer.from('Test Root CA').toString('hex');
    const issuerName = bytes.indexOf(nameHex, b + 1 + caAt);
    const at = bytes.indexOf(nameHex, issuerName + 1);
    bytes[at + 1] = 0x38; // 'T' (54) becomes 'X' (58)
    expect(failures(await verifyPath(write('ca-name.pdf', bytes))).join()).toContain('签名所带的证书「CN=Xest Root CA, C=CN」不属于签章人的证书链');
  }, 600_000);

  it('names a root whose issuer name was damaged: it names its own key as issuer, so its self-signature is checked (seed 1516434956)', async () => {
    const caDer = execFileSync('openssl', ['x509', '-in', ca.cert, '-outform', 'DER']);
    const caAt = b + 1 + pdf.subarray(b + 1, derEnd).toString('latin1').indexOf(caDer.toString('hex'));
    const bytes = Buffer.from(pdf);
    // The issuer name comes first in the certificate: its 'C' (43) becomes '@' (40).
    const issuerName = bytes.indexOf(Buffer.from('Test Root CA').toString('hex'), caAt);
    bytes[issuerName + 21] = 0x30;
    const path = write('ca-issuer.pdf', bytes);
    const result = runCli(['verify', path]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('证书链中的证书「CN=Test Root CA, C=CN」已损坏（自签名不符）');
    const { cms, content } = cmsParts(bytes, b, c, derEnd);
    expect(opensslJudges(cms, content).rejects).toBe(true);
  });

  it('names damage to the parts of the carried root its signature does not cover', async () => {
    const caHex = execFileSync('openssl', ['x509', '-in', ca.cert, '-outform', 'DER']).toString('hex');
    const caAt = b + 1 + pdf.subarray(b + 1, derEnd).toString('latin1').indexOf(caHex);
    // The outer algorithm (sha256WithRSAEncryption, NULL) and the signature BIT STRING come last.
    const outer = caAt + caHex.lastIndexOf('300d06092a864886f70d01010b0500');
    const cases = [
      [outer + 26, '证书外层的签名算法与证书内容中记载的不一致'], // NULL (05 00) becomes an empty OCTET STRING (04 00)
      [outer + 30 + 8 + 1, '证书签名值的位串有未用位'], // 03 82 01 01 00: one unused bit
    ] as const;
    for (const [at, message] of cases) {
      const bytes = Buffer.from(pdf);
      bytes[at] = at === outer + 26 ? 0x34 : 0x31;
      expect(failures(await verifyPath(write(`ca-outer-${at}.pdf`, bytes))).join(), message).toContain(`「CN=Test Root CA, C=CN」已损坏（${message}）`);
    }
  });

  it('names a changed signer certificate that pdfsig accepts, and OpenSSL agrees with verify (seed 1516434956)', async () => {
    const signerDer = execFileSync('openssl', ['x509', '-in', signer.cert, '-outform', 'DER']);
    const signerAt = b + 1 + pdf.subarray(b + 1, derEnd).toString('latin1').indexOf(signerDer.toString('hex'));
    const bytes = Buffer.from(pdf);
    // A digit inside the signature value at the end of the signer certificate.
    const at = signerAt + signerDer.length * 2 - 40;
    bytes[at] = bytes[at] === 0x30 ? 0x31 : 0x30;
    const path = write('signer-cert.pdf', bytes);
    const problems = failures(await verifyPath(path));
    expect(problems.join()).toContain('signing-certificate-v2）与签章证书不符');
    expect(pdfsigAccepts(path)).toBe(true);
    expect(verifyStricterWithReason(bytes, problems)).toBe(true);
    // The rule is not a blanket pass: a reason pdfsig does check is never excused.
    expect(verifyStricterWithReason(bytes, ['文件内容的摘要与签名不符（签名后文件被改动）'])).toBe(false);
  });

  it('names every seeded flip inside the CMS, its unsigned structure included, and never throws', async () => {
    const pick = randomFor('cms-structure');
    const missed: string[] = [];
    for (let i = 0; i < 300; i++) {
      const cms = Buffer.from(original.cms);
      const at = pick(cms.length);
      const mask = 1 + pick(255);
      cms[at]! ^= mask;
      const check = await checkPadesSignature(cms, original.content);
      if (check.valid) missed.push(`CMS byte ${at} ^ 0x${mask.toString(16)} (seed ${SEED})`);
    }
    expect(missed).toEqual([]);
  }, 600_000);

  const otherCa = testCa('Other CA');
  const other = issuedCertificate(otherCa, { subject: ORG_SUBJECT });
  const lookalike = rsaCertificate(3650, 'rsa', '樟木乡人民政府');

  it('without --trust, says plainly the chain was not anchored, and fails under --strict', () => {
    const plain = runCli(['verify', file]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/^警告 证书链未锚定/m);
    const strict = runCli(['verify', file, '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(/^失败 证书链未锚定/m);
    const trusted = runCli(['verify', file, '--trust', ca.cert, '--strict']);
    expect(trusted.code, trusted.stdout).toBe(0);
    expect(trusted.stdout).toContain('证书链可追溯到受信任的根证书「CN=Test Root CA, C=CN」');
  });

  it('names a foreign signer and a self-signed look-alike under --trust', async () => {
    const trust = [parseCertificate(execFileSync('openssl', ['x509', '-in', ca.cert, '-outform', 'DER']))];
    for (const [name, certificate, chain] of [['foreign', other, otherCa.cert], ['lookalike', lookalike, undefined]] as const) {
      // Signed now, with a certificate made after the original signature: /M moves to now.
      const forged = resign(pdf, certificate, chain, (bytes) => withSigningTime(bytes, new Date(Date.now() + 2000)));
      const path = write(`${name}.pdf`, forged);
      expect(pdfsigText(path), name).toContain('Signature is Valid.');
      expect(failures(await verifyPath(path)), name).toEqual([]);
      expect(failures(await verifyPath(path, { trust })).join()).toMatch(/签章人「CN=rsa, O=樟木乡人民政府, C=CN」的证书链不能追溯到给定的受信任根证书/);
    }
  });

  it('names a signature with a certificate whose key usage forbids signing, where pdfsig flags the certificate', async () => {
    const keyEncipherment = issuedCertificate(ca, { subject: ORG_SUBJECT, keyUsage: 'critical,keyEncipherment' });
    const path = write('key-usage.pdf', resign(pdf, keyEncipherment, ca.cert));
    expect(failures(await verifyPath(path)).join()).toContain('不含 digitalSignature 或 nonRepudiation');
    expect(pdfsigText(path)).toContain('Certificate Validation: Unknown issue with Certificate');
  });

  it('names an expired certificate with a backdated signing time', async () => {
    const expired = issuedCertificate(ca, { subject: ORG_SUBJECT, startDate: '20190101000000Z', endDate: '20201231000000Z' });
    const backdated = resign(pdf, expired, ca.cert, (bytes) => withSigningTime(bytes, new Date('2020-06-01T12:00:00Z')));
    const path = write('backdated.pdf', backdated);
    const result = runCli(['verify', path]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('早于文件的创建日期');
    expect(result.stdout).toMatch(/签章证书已于 2020-12-31 过期；签章时间只是签章人的声明/);
    expect(pdfsigText(path)).toContain('Certificate Validation: Certificate has Expired');
  });
});

describe('signing refuses', () => {
  const out = tempDir('refuse');
  const sign = (certificate: TestCertificate, epoch = NOW) => runCli(['sign', 'data/2021.yaml', '--p12', certificate.p12, '-o', out], { env: env(epoch) });

  it('an expired certificate, whatever date SOURCE_DATE_EPOCH or signed_on claims', () => {
    const expired = issuedCertificate(ca, { subject: ORG_SUBJECT, startDate: '20190101000000Z', endDate: '20201231000000Z' });
    const result = sign(expired, 1570000000);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe('错误 签章证书已于 2020-12-31 过期');
  });

  it('a claimed signing date before the 成文日期, or before the certificate', () => {
    const early = sign(signer, Date.UTC(2022, 0, 10) / 1000);
    expect(early.code).toBe(1);
    expect(early.stderr).toContain('早于成文日期 2022-01-18');
  });

  it('certificates whose key usage does not allow signing', () => {
    const cases = [
      [{ keyUsage: 'critical,keyEncipherment' }, '不含 digitalSignature 或 nonRepudiation'],
      [{ keyUsage: '' }, '没有密钥用途（keyUsage）扩展'],
      [{ extendedKeyUsage: 'serverAuth' }, '扩展密钥用途（extendedKeyUsage）不含文档签章用途'],
    ] as const;
    for (const [options, message] of cases) {
      const result = sign(issuedCertificate(ca, { subject: ORG_SUBJECT, ...options }));
      expect(result.code, JSON.stringify(options)).toBe(2);
      expect(result.stderr).toContain(message);
    }
  });
});

describe('an archive under attack', () => {
  const archive = join(tempDir('tamper-archive'), 'archive');
  const archiveRun = (epoch: number, certificate = signer, extra: string[] = []) =>
    runCli(['archive', 'data/2021.yaml', '--p12', certificate.p12, '--archive-dir', archive, ...extra], { env: env(epoch) });
  // Made before the first test of this block runs, so that replaying one attack elsewhere (vitest -t) skips it.
  let runs: Array<ReturnType<typeof runCli>> = [];
  beforeAll(() => {
    runs = [archiveRun(NOW), archiveRun(NOW + 60), archiveRun(NOW + 120)];
  }, 600_000);
  const REPORT = ['樟木乡人民政府', '2021'];

  /** Verifies a changed copy of the archive in this process. */
  async function attacked(change: (dir: string) => void): Promise<string> {
    const copy = join(tempDir('archive-copy'), 'archive');
    cpSync(archive, copy, { recursive: true });
    change(join(copy, ...REPORT));
    const problems = failures(await verifyPath(copy));
    expect(problems.length).toBeGreaterThan(0);
    return problems.join('\n');
  }

  /** A version v<N> forged with another key: a manifest that claims the pinned signer, signed with OpenSSL. */
  function forgeVersion(dir: string, version: number, certificate: TestCertificate, chain?: string) {
    const base = join(dir, `v${version - 1}`);
    const manifest = JSON.parse(readFileSync(join(base, 'manifest.json'), 'utf8'));
    const previousBytes = readFileSync(join(base, 'manifest.json'));
    const target = join(dir, `v${version}`);
    rmSync(target, { recursive: true, force: true });
    mkdirSync(target);
    const time = new Date((NOW + 600) * 1000);
    const pdf = resign(readFileSync(join(base, 'report.pdf')), certificate, chain, (bytes) => withSigningTime(bytes, time));
    writeFileSync(join(target, 'report.pdf'), pdf);
    const der = execFileSync('openssl', ['x509', '-in', certificate.cert, '-outform', 'DER']);
    manifest.signature.signer.fingerprintSha256 = execFileSync('sha256sum', { input: der, encoding: 'utf8' }).slice(0, 64);
    manifest.version = version;
    manifest.files[0].sha256 = execFileSync('sha256sum', [join(target, 'report.pdf')], { encoding: 'utf8' }).slice(0, 64);
    manifest.previous = { version: version - 1, manifestSha256: execFileSync('sha256sum', { input: previousBytes, encoding: 'utf8' }).slice(0, 64), signingTime: manifest.signature.signingTime };
    manifest.signature.signingTime = time.toISOString();
    writeFileSync(join(target, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    execFileSync('openssl', ['cms', '-sign', '-binary', '-cades', '-md', 'sha256', '-in', 'manifest.json', '-signer', certificate.cert, '-inkey', join(certificate.dir, 'key.pem'),
      ...(chain ? ['-certfile', chain] : []), '-outform', 'DER', '-out', 'manifest.json.p7s'], { cwd: target, stdio: 'pipe' });
  }

  it('archives three versions that verify, with the signer pinned and the Chinese name intact', async () => {
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    const result = runCli(['verify', archive, '--trust', ca.cert, '--strict']);
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toContain('版本索引完整（3 个版本）');
    const manifest = JSON.parse(readFileSync(join(archive, ...REPORT, 'v1', 'manifest.json'), 'utf8'));
    expect(manifest.signature.signer.subject).toBe('CN=rsa, O=樟木乡人民政府, C=CN');
    expect(manifest.pinnedSigner.fingerprintSha256).toBe(manifest.signature.signer.fingerprintSha256);
    expect(manifest.signature.signer.chainRootSubject).toBe('CN=Test Root CA, C=CN');
    const caSha = execFileSync('openssl', ['x509', '-in', ca.cert, '-outform', 'DER']);
    expect(manifest.pinnedSigner.chainSha256).toEqual([execFileSync('sha256sum', { input: caSha, encoding: 'utf8' }).slice(0, 64)]);
    expect(runs[0]!.stdout).toContain('签章人 CN=rsa, O=樟木乡人民政府, C=CN');
  });

  it('refuses to append with another signer, or a signing time not later than the last version', () => {
    const other = issuedCertificate(ca, { subject: ORG_SUBJECT });
    const foreign = archiveRun(NOW + 180, other);
    expect(foreign.code).toBe(1);
    expect(foreign.stderr).toContain('不是此归档固定的签章人');
    const backwards = archiveRun(NOW + 30);
    expect(backwards.code).toBe(1);
    expect(backwards.stderr).toContain('不晚于上一版本 v3 的签章时间');
    expect(readdirSync(join(archive, ...REPORT)).filter((n) => n.startsWith('v')).sort()).toEqual(['v1', 'v2', 'v3']);
  });

  it('names a v4 appended by a self-signed look-alike', async () => {
    const lookalike = rsaCertificate(3650, 'rsa', '樟木乡人民政府');
    expect(await attacked((dir) => forgeVersion(dir, 4, lookalike))).toMatch(/v4 的签章人「CN=rsa, O=樟木乡人民政府, C=CN」不是归档固定的签章人[\s\S]*版本 v4 不在版本索引中/);
  });

  it('names a v3 replaced by a look-alike after v3 was deleted', async () => {
    const lookalike = rsaCertificate(3650, 'rsa', '樟木乡人民政府');
    const problems = await attacked((dir) => forgeVersion(dir, 3, lookalike));
    expect(problems).toContain('v3 的签章人「CN=rsa, O=樟木乡人民政府, C=CN」不是归档固定的签章人');
    expect(problems).toContain('版本 v3 的清单与版本索引记载的摘要不符');
  });

  it('names a v4 appended by a different signer issued by the same CA', async () => {
    const other = issuedCertificate(ca, { subject: ORG_SUBJECT });
    expect(await attacked((dir) => forgeVersion(dir, 4, other, ca.cert))).toContain('v4 的签章人「CN=rsa, O=樟木乡人民政府, C=CN」不是归档固定的签章人');
  });

  it('names the newest version deleted, a middle version deleted, and the index deleted with them', async () => {
    expect(await attacked((dir) => rmSync(join(dir, 'v3'), { recursive: true }))).toContain('版本 v3 记在版本索引中，但已不存在（版本被删除）');
    const middle = await attacked((dir) => rmSync(join(dir, 'v2'), { recursive: true }));
    expect(middle).toContain('版本 v2 缺失');
    expect(middle).toContain('版本 v2 记在版本索引中，但已不存在');
    expect(await attacked((dir) => ['v3', 'index.json', 'index.json.p7s'].forEach((n) => rmSync(join(dir, n), { recursive: true })))).toMatch(/版本索引 .*index\.json 缺失/);
  });

  it('names reordered versions', async () => {
    const problems = await attacked((dir) => {
      renameSync(join(dir, 'v2'), join(dir, 'vx'));
      renameSync(join(dir, 'v3'), join(dir, 'v2'));
      renameSync(join(dir, 'vx'), join(dir, 'v3'));
    });
    expect(problems).toContain('记载的版本 3 与目录 v2 不符');
    expect(problems).toContain('版本时间倒退');
  });

  it('names an extra file in a version folder and in the report folder', async () => {
    expect(await attacked((dir) => writeFileSync(join(dir, 'v2', 'evil.exe'), 'MZ'))).toMatch(/v2\/evil\.exe 不在清单中/);
    expect(await attacked((dir) => writeFileSync(join(dir, 'notes.txt'), 'x'))).toMatch(/notes\.txt 不属于归档/);
  });

  it('names a replaced report.pdf, even one validly signed by the pinned signer', async () => {
    const problems = await attacked((dir) => copyFileSync(join(dir, 'v1', 'report.pdf'), join(dir, 'v2', 'report.pdf')));
    expect(problems).toMatch(/v2\/report\.pdf 的 SHA-256 与清单不符/);
  });

  it('names a damaged CA certificate inside manifest.json.p7s', async () => {
    const pick = randomFor('p7s-ca');
    const caDer = execFileSync('openssl', ['x509', '-in', ca.cert, '-outform', 'DER']);
    for (let i = 0; i < 5; i++) {
      const problems = await attacked((dir) => {
        const file = join(dir, 'v1', 'manifest.json.p7s');
        const p7s = readFileSync(file);
        const at = p7s.indexOf(caDer);
        expect(at).toBeGreaterThan(0);
        p7s[at + 20 + pick(caDer.length - 40)]! ^= 1 + pick(255);
        writeFileSync(file, p7s);
      });
      expect(problems, `seed ${SEED}`).toMatch(/manifest\.json\.p7s(：证书链|：签名所带的证书| 所带的证书链)|manifest\.json 与其签名不符/);
    }
    // A damaged name in the CA certificate cuts it from the chain: still named.
    const renamed = await attacked((dir) => {
      const file = join(dir, 'v1', 'manifest.json.p7s');
      const p7s = readFileSync(file);
      // The CA certificate names itself twice, as issuer and then as subject: damage the subject.
      const issuerName = p7s.indexOf(Buffer.from('Test Root CA'), p7s.indexOf(caDer));
      const at = p7s.indexOf(Buffer.from('Test Root CA'), issuerName + 1);
      expect(at).toBeGreaterThan(0);
      p7s[at] = 0x58;
      writeFileSync(file, p7s);
    });
    expect(renamed).toMatch(/manifest\.json\.p7s：签名所带的证书「CN=Xest Root CA, C=CN」不属于签章人的证书链/);
  });

  it('names a CA certificate that verifies but is not the pinned one (the same key and name, issued again)', async () => {
    const reissued = join(tempDir('reissued'), 'ca.pem');
    execFileSync('openssl', ['req', '-x509', '-key', ca.key, '-sha256', '-days', '7300', '-utf8', '-subj', '/CN=Test Root CA/C=CN', '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
      '-addext', 'basicConstraints=critical,CA:true', '-out', reissued], { stdio: 'pipe' });
    const der = (file: string) => execFileSync('openssl', ['x509', '-in', file, '-outform', 'DER']);
    const signerCertificate = parseCertificate(der(signer.cert));
    const pinned = await certificateChain(signerCertificate, [parseCertificate(der(ca.cert))]);
    const chain = await certificateChain(signerCertificate, [parseCertificate(der(reissued))]);
    expect(chain.problem).toBeUndefined();
    expect(pinnedChainProblem(pinned, pinned.caSha256, '归档固定的')).toBeUndefined();
    expect(pinnedChainProblem(chain, pinned.caSha256, '归档固定的')).toBe('CA 证书「CN=Test Root CA, C=CN」与归档固定的证书字节不同（证书被改动或替换）');
    expect(pinnedChainProblem(pinned, [...pinned.caSha256, pinned.caSha256[0]!], '归档固定的')).toContain('CA 证书有 1 个，归档固定的有 2 个');
  });

  it('passes the signer on only through a recorded, signed --rotate-signer', async () => {
    const successor = issuedCertificate(ca, { subject: '/CN=接任者/O=樟木乡人民政府/C=CN' });
    const rotated = archiveRun(NOW + 240, signer, ['--rotate-signer', successor.cert]);
    expect(rotated.code, rotated.stderr).toBe(0);
    expect(rotated.stdout).toContain('此后的版本须由「CN=接任者, O=樟木乡人民政府, C=CN」签章');
    const byOld = archiveRun(NOW + 300, signer);
    expect(byOld.code).toBe(1);
    expect(byOld.stderr).toContain('不是此归档固定的签章人');
    const bySuccessor = archiveRun(NOW + 360, successor);
    expect(bySuccessor.code, bySuccessor.stderr).toBe(0);
    const result = runCli(['verify', archive, '--trust', ca.cert, '--strict']);
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toContain('版本索引完整（5 个版本）');
  });
});

/** The PDF with the /M of its signature dictionary changed (same length). */
function withSigningTime(pdf: Buffer, when: Date): Buffer {
  const stamp = when.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  const text = pdf.toString('latin1');
  const changed = text.replace(/\/M \(D:\d{14}Z\)/, `/M (D:${stamp}Z)`);
  expect(changed).not.toBe(text);
  return Buffer.from(changed, 'latin1');
}

/** `page.node.toString()`'s /Parent reference. */
function pageParent(dict: string): string {
  return /\/Parent (\d+ \d+ R)/.exec(dict)![1]!;
}
