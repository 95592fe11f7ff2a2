/**
 * Signed archival PDFs: PDF/A-1b (PDFBox Preflight), PAdES signatures that pdfsig and OpenSSL accept, the
 * append-only archive and verify, including tampering and two archive runs at once.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, ROOT, runCli, tempDir, variantOf, type CliResult } from './helpers/cli.js';
import { ecCertificate, extractSignature, PASSPHRASE, rsaCertificate, type TestCertificate } from './helpers/certificates.js';
import { pdfWordList } from './readers/pdf.js';
import { requireTools } from './helpers/require-tool.js';

requireTools('openssl', 'java', '/usr/share/java/preflight.jar', 'pdfsig', 'pdftotext', 'pdffonts', 'pdfinfo', 'qpdf');

const PREFLIGHT_CLASSPATH = ['preflight', 'pdfbox2', 'fontbox2', 'xmpbox', 'commons-logging', 'javax.activation', 'jaxb-api']
  .map((jar) => `/usr/share/java/${jar}.jar`)
  .join(':');

function preflight(pdf: string): string {
  const result = spawnSync('java', ['-cp', PREFLIGHT_CLASSPATH, 'org.apache.pdfbox.preflight.Validator_A1b', pdf], { encoding: 'utf8', timeout: 120_000 });
  return `${result.stdout}${result.stderr}`;
}

let certificate: TestCertificate;
beforeAll(() => {
  certificate = rsaCertificate();
});
/** A fixed signing time within the certificate's validity (it starts when it is made). */
const NOW = Math.floor(Date.now() / 1000) + 60;
const env = { REPORT_GEN_P12_PASSPHRASE: PASSPHRASE, SOURCE_DATE_EPOCH: String(NOW) };

function signedReport(example = 'data/2021.yaml'): string {
  const out = tempDir('signed');
  const result = runCli(['sign', example, '--p12', certificate.p12, '-o', out], { env });
  expect(result.code, result.stderr).toBe(0);
  const name = example.replace(/^.*\//, '').replace('.yaml', '');
  return join(out, `${name}.signed.pdf`);
}

describe('a signed report', () => {
  let file: string;
  let pdf: Buffer;
  beforeAll(() => {
    file = signedReport();
    pdf = readFileSync(file);
  });

  it('is valid for pdfsig over the whole document (its text is read: pdfsig exits 0 even on a mismatch)', () => {
    const text = execFileSync('pdfsig', ['-no-ocsp', file], { encoding: 'utf8' });
    expect(text).toContain('Signature Validation: Signature is Valid.');
    expect(text).toContain('Total document signed');
    expect(text).toContain('Signature Type: ETSI.CAdES.detached');
    expect(text).toContain('Signer Certificate Common Name: Test Signer');
  });

  it('carries a CMS that openssl cms -verify accepts, with the signing-certificate-v2 attribute', () => {
    const dir = tempDir('cms');
    const { der, signed, byteRange } = extractSignature(pdf);
    expect(byteRange[0]).toBe(0);
    expect(byteRange[2]! + byteRange[3]!).toBe(pdf.length);
    writeFileSync(join(dir, 'sig.der'), der);
    writeFileSync(join(dir, 'data.bin'), signed);
    const verify = spawnSync('openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-in', 'sig.der', '-content', 'data.bin', '-CAfile', certificate.cert, '-purpose', 'any', '-out', '/dev/null'], { cwd: dir, encoding: 'utf8' });
    expect(verify.stderr).toContain('CMS Verification successful');
    const print = execFileSync('openssl', ['cms', '-cmsout', '-print', '-inform', 'DER', '-in', 'sig.der'], { cwd: dir, encoding: 'utf8' });
    expect(print).toMatch(/signingCertificateV2/);
    expect(print).not.toMatch(/signingTime/);
  });

  it('is a valid PDF/A-1b file for PDFBox Preflight', () => {
    expect(preflight(file)).toContain('is a valid PDF/A-1b file');
  });

  it('is reproducible with SOURCE_DATE_EPOCH', () => {
    expect(readFileSync(signedReport()).equals(pdf)).toBe(true);
  });

  it('verifies with report-gen verify, naming signer and time', () => {
    const result = runCli(['verify', file]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('签章人 CN=Test Signer, O=Test Unit, C=CN');
    expect(result.stdout).toContain(`签章时间 ${new Date(NOW * 1000).toISOString()}`);
  });

  it('fails verify after one flipped byte', () => {
    const copy = join(tempDir('tamper'), 'copy.pdf');
    const bytes = Buffer.from(pdf);
    bytes[Math.floor(bytes.length * 0.7)]! ^= 0x01;
    writeFileSync(copy, bytes);
    const result = runCli(['verify', copy]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^失败 .*copy\.pdf：/m);
  });
});

describe('signing an existing PDF', () => {
  it('keeps an archival PDF valid PDF/A-1b and signs the whole file', () => {
    const out = tempDir('existing');
    expect(runCli(['build', 'data/2021.yaml', '-o', out, '--archival', '--to', 'pdf']).code).toBe(0);
    const result = runCli(['sign', join(out, '2021.pdf'), '--p12', certificate.p12], { env });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toContain('不是 PDF/A-1b');
    const signed = join(out, '2021.signed.pdf');
    const text = execFileSync('pdfsig', ['-no-ocsp', signed], { encoding: 'utf8' });
    expect(text).toContain('Signature Validation: Signature is Valid.');
    expect(text).toContain('Total document signed');
    expect(preflight(signed)).toContain('is a valid PDF/A-1b file');
    expect(runCli(['verify', signed]).code).toBe(0);
    expect(runCli(['sign', signed, '--p12', certificate.p12], { env }).stderr).toContain('已经签章');
  });

  it('warns that a plain (not PDF/A-1b) PDF signs into a copy that is not archival, and archive refuses it', () => {
    const out = tempDir('plain');
    expect(runCli(['build', 'data/2021.yaml', '-o', out, '--to', 'pdf']).code).toBe(0);
    const plain = join(out, '2021.pdf');
    const result = runCli(['sign', plain, '--p12', certificate.p12], { env });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/^警告 .*2021\.pdf 不是 PDF\/A-1b：签章后的 .*2021\.signed\.pdf 不适合长期归档/m);
    expect(preflight(join(out, '2021.signed.pdf'))).not.toContain('is a valid PDF/A-1b file');
    const archive = runCli(['archive', plain, '--p12', certificate.p12, '--archive-dir', join(out, 'archive')], { env });
    expect(archive.code).toBe(2);
    expect(archive.stderr).toContain('不是 PDF/A-1b，不能长期归档');
  });

  it('takes the signing time from the data when SOURCE_DATE_EPOCH is not set', () => {
    // Tomorrow: the test certificate only becomes valid now, and 12:00 Beijing time today may be earlier.
    const day = new Date((NOW + 86400) * 1000).toISOString().slice(0, 10);
    const file = variantOf('data/2021.yaml', (t) => t.replace(/^(issued: .*)$/m, `$1\ndocument:\n  signed_on: ${day}`));
    const out = tempDir('signed-on');
    const result = runCli(['sign', file, '--p12', certificate.p12, '-o', out], { env: { REPORT_GEN_P12_PASSPHRASE: PASSPHRASE, SOURCE_DATE_EPOCH: '' } });
    expect(result.code, result.stderr).toBe(0);
    const [year, month, date] = day.split('-');
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    expect(execFileSync('pdfsig', ['-no-ocsp', join(out, 'variant.signed.pdf')], { encoding: 'utf8' })).toContain(
      `Signing Time: ${months[Number(month) - 1]} ${date} ${year} 04:00:00`,
    );
  });
});

describe('a visible seal', () => {
  it('is drawn over the 落款 as a stencil (no transparency), with the signature field on it', () => {
    const out = tempDir('sealed');
    const result = runCli(['sign', 'data/example-county/county/2021.yaml', '--p12', certificate.p12, '-o', out], { env });
    expect(result.code, result.stderr).toBe(0);
    const file = join(out, 'example-county', 'county', '2021.signed.pdf');
    const words = pdfWordList(file);
    const org = words.filter((w) => w.text.startsWith('示例县人') || w.text.startsWith('示例县')).at(-1)!; // the 落款, last on the page
    const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(images).toHaveLength(1);
    expect(images[0]).toMatch(new RegExp(`^\\s*${org.page}\\s+\\d+\\s+stencil\\b`));
    const form = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=acroform', file], { encoding: 'utf8' })).acroform.fields[0];
    expect(form.pageposfrom1).toBe(org.page);
    expect(execFileSync('pdfsig', ['-no-ocsp', file], { encoding: 'utf8' })).toContain('Signature is Valid.');
    expect(preflight(file)).toContain('is a valid PDF/A-1b file');
    const manifestRoles = (() => {
      const archive = join(tempDir('sealed-archive'), 'archive');
      expect(runCli(['archive', 'data/example-county/county/2021.yaml', '--p12', certificate.p12, '--archive-dir', archive], { env }).code).toBe(0);
      const manifest = JSON.parse(readFileSync(join(archive, '示例县人民政府', '2021', 'v1', 'manifest.json'), 'utf8'));
      return manifest.inputs.map((i: { role: string }) => i.role);
    })();
    expect(manifestRoles).toEqual(expect.arrayContaining(['data', 'profile', 'seal', 'template']));
  });

  it('reports a seal image that does not exist at its place in the profile', () => {
    const file = variantOf('data/2021.yaml', (t) => t.replace(/^(  name: 樟木乡人民政府)$/m, '$1\n  seal: nowhere.png'));
    const result = runCli(['check', file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/:\d+:\d+ 错误 找不到印章图片 nowhere\.png$/m);
  });
});

describe('archival build', () => {
  it('renders PDF/A-1b that keeps a title with & < > readable', () => {
    const file = variantOf('data/2021.yaml', (t) => t.replace(/^(\s*)name: 樟木乡人民政府$/m, '$1name: 樟木乡人民政府<测试&归档>'));
    const out = tempDir('archival');
    const result = runCli(['build', file, '-o', out, '--archival', '--to', 'pdf']);
    expect(result.code, result.stderr).toBe(0);
    const pdf = join(out, 'variant.pdf');
    expect(preflight(pdf)).toContain('is a valid PDF/A-1b file');
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/^Title:\s+樟木乡人民政府＜测试＆归档＞2021年政府信息公开工作年度报告$/m);
  });
});

describe('signing errors', () => {
  it('names a wrong passphrase', () => {
    const result = runCli(['sign', 'data/2021.yaml', '--p12', certificate.p12, '-o', tempDir('out')], { env: { ...env, REPORT_GEN_P12_PASSPHRASE: 'wrong' } });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe('错误 证书文件的密码不正确');
  });

  it('names a claimed signing time after the certificate expires (the certificate itself is checked now)', () => {
    const shortLived = rsaCertificate(1, 'Short Lived');
    const result = runCli(['sign', 'data/2021.yaml', '--p12', shortLived.p12, '-o', tempDir('out')], { env: { ...env, SOURCE_DATE_EPOCH: String(NOW + 3 * 86400) } });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(/^错误 签章时间 SOURCE_DATE_EPOCH（.*）晚于签章证书的到期时间 .*$/);
  });

  it('names a non-RSA key', () => {
    const result = runCli(['sign', 'data/2021.yaml', '--p12', ecCertificate().p12, '-o', tempDir('out')], { env });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toContain('RSA');
  });

  it('never takes the passphrase from the command line, and asks for it when no terminal can answer', () => {
    const result = runCli(['sign', 'data/2021.yaml', '--p12', certificate.p12, '-o', tempDir('out')], { env: { SOURCE_DATE_EPOCH: String(NOW), REPORT_GEN_P12_PASSPHRASE: '' } });
    expect(result.code).toBe(2);
    const noVariable = spawnSync(process.execPath, [BIN, 'sign', 'data/2021.yaml', '--p12', certificate.p12], {
      cwd: ROOT,
      encoding: 'utf8',
      env: Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'REPORT_GEN_P12_PASSPHRASE')),
    });
    expect(noVariable.status).toBe(2);
    expect(noVariable.stderr).toContain('REPORT_GEN_P12_PASSPHRASE');
    expect(runCli(['sign', 'data/2021.yaml', '--p12', certificate.p12, '--passphrase', 'x']).code).not.toBe(0);
  });
});

describe('the archive', () => {
  const archive = join(tempDir('archive'), 'archive');
  // Each version must be signed later than the one before it.
  const run = (later: number) => runCli(['archive', 'data/2021.yaml', '--p12', certificate.p12, '--archive-dir', archive], { env: { ...env, SOURCE_DATE_EPOCH: String(NOW + later) } });
  let first: CliResult;
  let second: CliResult;
  beforeAll(() => {
    first = run(0);
    second = run(60);
  });
  const reportDir = join(archive, '樟木乡人民政府', '2021');

  it('stores versions v1, v2 with the PDF, a manifest and its signature', () => {
    expect(first.code, first.stderr).toBe(0);
    expect(second.code, second.stderr).toBe(0);
    expect(readdirSync(reportDir).sort()).toEqual(['index.json', 'index.json.p7s', 'v1', 'v2']);
    expect(readdirSync(join(reportDir, 'v2')).sort()).toEqual(['manifest.json', 'manifest.json.p7s', 'report.pdf']);
    const manifest = JSON.parse(readFileSync(join(reportDir, 'v2', 'manifest.json'), 'utf8'));
    expect(manifest.report).toMatchObject({ org: '樟木乡人民政府', year: 2021, edition: 'national-2021' });
    expect(manifest.previous.version).toBe(1);
    expect(manifest.signature.signer.subject).toContain('CN=Test Signer');
    expect(manifest.signature.signer.fingerprintSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.inputs.map((i: { role: string }) => i.role)).toContain('template');
    expect(manifest.inputs.find((i: { role: string }) => i.role === 'data').path).toBe('data/2021.yaml');
    expect(manifest.files[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.tool).toEqual({ name: 'report-gen', version: expect.any(String) });
    expect(manifest.check.errors).toBe(0);
  });

  it('verifies, with the chain intact', () => {
    const result = runCli(['verify', archive]);
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toContain('版本链完整（接续 v1）');
    expect(execFileSync('pdfsig', ['-no-ocsp', join(reportDir, 'v1', 'report.pdf')], { encoding: 'utf8' })).toContain('Signature is Valid.');
  });

  function tampered(change: (dir: string) => void): { code: number; stdout: string } {
    const copy = join(tempDir('archive-copy'), 'archive');
    execFileSync('cp', ['-r', archive, copy]);
    change(join(copy, '樟木乡人民政府', '2021'));
    return runCli(['verify', copy]);
  }

  it('names a changed byte in the PDF', () => {
    const result = tampered((dir) => {
      const file = join(dir, 'v1', 'report.pdf');
      const bytes = readFileSync(file);
      bytes[100]! ^= 0x20;
      writeFileSync(file, bytes);
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/v1\/report\.pdf 的 SHA-256 与清单不符/);
  });

  it('names a changed byte in a manifest, and the broken chain it causes', () => {
    const result = tampered((dir) => {
      const file = join(dir, 'v1', 'manifest.json');
      writeFileSync(file, readFileSync(file, 'utf8').replace('"version": 1', '"version": 1 '));
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/v1\/manifest\.json 与其签名不符/);
    expect(result.stdout).toMatch(/版本链断开/);
  });

  it('names a replaced PDF, even one validly signed by the same signer', () => {
    const other = signedReport('data/2020.yaml');
    const result = tampered((dir) => copyFileSync(other, join(dir, 'v1', 'report.pdf')));
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/v1\/report\.pdf 的 SHA-256 与清单不符/);
  });

  it('gives two versions, never a torn one, when two runs archive at once (the second waits for the first)', async () => {
    const together = join(tempDir('archive-race'), 'archive');
    // The real clock: the second run takes its signing time once the first has finished, so it is later.
    const clock = Object.fromEntries(Object.entries({ ...process.env, ...env }).filter(([k]) => k !== 'SOURCE_DATE_EPOCH'));
    const once = () =>
      new Promise<number>((resolve) => {
        const child = spawn(process.execPath, [BIN, 'archive', 'data/2021.yaml', '--p12', certificate.p12, '--archive-dir', together], {
          cwd: ROOT,
          env: clock,
          stdio: 'ignore',
        });
        child.on('exit', (code) => resolve(code ?? -1));
      });
    expect(await Promise.all([once(), once()])).toEqual([0, 0]);
    const dir = join(together, '樟木乡人民政府', '2021');
    expect(readdirSync(dir).sort()).toEqual(['index.json', 'index.json.p7s', 'v1', 'v2']);
    expect(runCli(['verify', together]).code).toBe(0);
  });

  it('exits 2 for a path that does not exist', () => {
    expect(runCli(['verify', join(archive, 'nothing')]).code).toBe(2);
  });
});
