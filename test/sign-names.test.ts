/**
 * Signer names decoded as their ASN.1 types say, the same on the command line, in the manifest and in verify:
 * UTF8String, BMPString (OpenSSL's `pkix` string mask), T61String and UniversalString.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import { attributeText } from '../src/sign/certificate-subject.js';
import { readP12 } from '../src/sign/p12.js';
import { tempDir } from './helpers/cli.js';
import { PASSPHRASE } from './helpers/certificates.js';
import { requireTools } from './helpers/require-tool.js';

requireTools('openssl');

describe('attribute values', () => {
  it('decode each string type by its own encoding', () => {
    expect(attributeText(new asn1js.Utf8String({ value: '樟木乡人民政府' }))).toBe('樟木乡人民政府');
    expect(attributeText(new asn1js.BmpString({ value: '樟木乡人民政府' }))).toBe('樟木乡人民政府');
    expect(attributeText(new asn1js.UniversalString({ value: '樟木乡𠀋' }))).toBe('樟木乡𠀋');
    expect(attributeText(new asn1js.TeletexString({ valueHex: new Uint8Array([0x4d, 0xfc, 0x6e, 0x63, 0x68, 0x65, 0x6e]).buffer }))).toBe('München');
    expect(attributeText(new asn1js.PrintableString({ value: 'Test Unit' }))).toBe('Test Unit');
  });
});

describe('a PKCS#12 whose subject OpenSSL wrote', () => {
  it.each([['utf8only', 'UTF8STRING'], ['pkix', 'BMPSTRING']])('with string_mask=%s (%s) reads as 樟木乡人民政府', (mask, type) => {
    const dir = tempDir('names');
    writeFileSync(join(dir, 'req.cnf'), `[req]\ndistinguished_name=dn\nstring_mask=${mask}\nutf8=yes\n[dn]\n[ext]\nkeyUsage=critical,digitalSignature\n`);
    const run = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
    run(['req', '-x509', '-config', 'req.cnf', '-extensions', 'ext', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'key.pem', '-out', 'cert.pem', '-days', '30', '-utf8', '-subj', '/CN=rsa/O=樟木乡人民政府/C=CN']);
    expect(execFileSync('openssl', ['asn1parse', '-in', 'cert.pem'], { cwd: dir, encoding: 'utf8' })).toContain(type);
    run(['pkcs12', '-export', '-inkey', 'key.pem', '-in', 'cert.pem', '-out', 'signer.p12', '-passout', `pass:${PASSPHRASE}`]);
    expect(readP12(readFileSync(join(dir, 'signer.p12')), PASSPHRASE).subject).toBe('CN=rsa, O=樟木乡人民政府, C=CN');
  });
});
