/** Test certificates made at test time with OpenSSL; no private key is ever committed. */
import { execFileSync } from 'node:child_process';
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
export function rsaCertificate(days = 3650, name = 'Test Signer'): TestCertificate {
  const dir = tempDir('cert');
  openssl(
    ['req', '-x509', '-newkey', 'rsa:2048', '-sha256', '-nodes', '-keyout', 'key.pem', '-out', 'cert.pem', '-days', String(days),
      '-subj', `/CN=${name}/O=Test Unit/C=CN`, '-addext', 'keyUsage=critical,digitalSignature,nonRepudiation,keyCertSign', '-addext', 'basicConstraints=critical,CA:true'],
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
