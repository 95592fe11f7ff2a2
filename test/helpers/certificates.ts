/** Test certificates made at test time with OpenSSL; no private key is ever committed. */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './cli.js';

export const PASSPHRASE = 'test-passphrase';

export interface TestCertificate {
  dir: string;
  p12: string;
  cert: string;
}

const openssl = (args: string[], cwd: string) => execFileSync('openssl', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });

/** A self-signed RSA certificate valid for `days` from now, in a PKCS#12 protected by PASSPHRASE. */
export function rsaCertificate(days = 3650, name = 'Test Signer', org = 'Test Unit'): TestCertificate {
  const dir = tempDir('cert');
  openssl(
    ['req', '-x509', '-newkey', 'rsa:2048', '-sha256', '-nodes', '-keyout', 'key.pem', '-out', 'cert.pem', '-days', String(days), '-utf8',
      '-subj', `/CN=${name}/O=${org}/C=CN`, '-addext', 'keyUsage=critical,digitalSignature,nonRepudiation,keyCertSign', '-addext', 'basicConstraints=critical,CA:true'],
    dir,
  );
  openssl(['pkcs12', '-export', '-inkey', 'key.pem', '-in', 'cert.pem', '-out', 'signer.p12', '-passout', `pass:${PASSPHRASE}`], dir);
  return { dir, p12: join(dir, 'signer.p12'), cert: join(dir, 'cert.pem') };
}

/** An EC (non-RSA) certificate in a PKCS#12. */
export function ecCertificate(): TestCertificate {
  const dir = tempDir('cert');
  openssl(['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', 'key.pem'], dir);
  openssl(['req', '-x509', '-key', 'key.pem', '-sha256', '-out', 'cert.pem', '-days', '30', '-subj', '/CN=EC Signer/C=CN'], dir);
  openssl(['pkcs12', '-export', '-inkey', 'key.pem', '-in', 'cert.pem', '-out', 'signer.p12', '-passout', `pass:${PASSPHRASE}`], dir);
  return { dir, p12: join(dir, 'signer.p12'), cert: join(dir, 'cert.pem') };
}

/** A test certificate authority: its self-signed root certificate and key, and an `openssl ca` database. */
export interface TestCa {
  dir: string;
  cert: string;
  key: string;
}

export function testCa(name = 'Test Root CA'): TestCa {
  const dir = tempDir('ca');
  openssl(
    ['req', '-x509', '-newkey', 'rsa:2048', '-sha256', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '7300', '-utf8', '-subj', `/CN=${name}/C=CN`,
      '-addext', 'keyUsage=critical,keyCertSign,cRLSign', '-addext', 'basicConstraints=critical,CA:true'],
    dir,
  );
  writeFileSync(join(dir, 'index.txt'), '');
  writeFileSync(join(dir, 'serial'), `${Date.now().toString(16).padStart(16, '0')}\n`);
  return { dir, cert: join(dir, 'ca.pem'), key: join(dir, 'ca.key') };
}

export interface IssueOptions {
  /** Subject as OpenSSL's -subj takes it, UTF-8 allowed, e.g. `/CN=rsa/O=樟木乡人民政府/C=CN`. */
  subject?: string;
  /** keyUsage extension value; '' leaves the extension out. */
  keyUsage?: string;
  /** extendedKeyUsage extension value, e.g. 'emailProtection'. */
  extendedKeyUsage?: string;
  /** Validity as OpenSSL's YYYYMMDDHHMMSSZ; default from an hour ago for ten years. */
  startDate?: string;
  endDate?: string;
}

/** OpenSSL's YYYYMMDDHHMMSSZ. */
export const opensslTime = (date: Date) => `${date.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;

/** An RSA signer certificate issued by `ca` with `openssl ca`, in a PKCS#12 with the CA's certificate. */
export function issuedCertificate(ca: TestCa, options: IssueOptions = {}): TestCertificate {
  const dir = tempDir('cert');
  const keyUsage = options.keyUsage ?? 'critical,digitalSignature,nonRepudiation';
  const extensions = ['[ext]', 'basicConstraints=CA:false', ...(keyUsage ? [`keyUsage=${keyUsage}`] : []),
    ...(options.extendedKeyUsage ? [`extendedKeyUsage=${options.extendedKeyUsage}`] : [])];
  const config = [
    '[ca]', 'default_ca=test', '[test]', `dir=${ca.dir}`, `database=${join(ca.dir, 'index.txt')}`, `serial=${join(ca.dir, 'serial')}`,
    `new_certs_dir=${dir}`, `certificate=${ca.cert}`, `private_key=${ca.key}`, 'default_md=sha256', 'policy=any', 'unique_subject=no',
    'email_in_dn=no', 'utf8=yes', 'string_mask=utf8only', 'preserve=yes', '[any]', 'commonName=supplied', 'organizationName=optional', 'countryName=optional',
    ...extensions, '',
  ].join('\n');
  writeFileSync(join(dir, 'ca.cnf'), config);
  openssl(['req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'key.pem', '-out', 'req.csr', '-utf8', '-subj', options.subject ?? '/CN=Test Signer/O=Test Unit/C=CN'], dir);
  const hourAgo = new Date(Date.now() - 3600_000);
  const start = options.startDate ?? opensslTime(hourAgo);
  const end = options.endDate ?? opensslTime(new Date(hourAgo.getTime() + 3650 * 86400_000));
  openssl(['ca', '-batch', '-config', 'ca.cnf', '-extensions', 'ext', '-startdate', start, '-enddate', end, '-in', 'req.csr', '-out', 'cert.pem', '-notext', '-utf8'], dir);
  openssl(['pkcs12', '-export', '-inkey', 'key.pem', '-in', 'cert.pem', '-certfile', ca.cert, '-out', 'signer.p12', '-passout', `pass:${PASSPHRASE}`], dir);
  return { dir, p12: join(dir, 'signer.p12'), cert: join(dir, 'cert.pem') };
}

/** The signature of a signed PDF as DER, and the bytes it signs. */
export function extractSignature(pdf: Buffer): { der: Buffer; signed: Buffer; byteRange: number[] } {
  const text = pdf.toString('latin1');
  const at = text.lastIndexOf('/ByteRange [');
  const [a, b, c, d] = /\/ByteRange \[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)/.exec(text.slice(at))!.slice(1, 5).map(Number) as [number, number, number, number];
  const contents = Buffer.from(text.slice(b + 1, c - 1), 'hex');
  // Cut at the DER length (0x30 0x82 hi lo): trailing zeros may belong to the signature itself.
  const der = contents.subarray(0, 4 + contents.readUInt16BE(2));
  return { der, signed: Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]), byteRange: [a, b, c, d] };
}
