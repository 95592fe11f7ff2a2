/**
 * Archive folder names never come raw from the data: `..`, `.`, `/`, NUL, reserved Windows names and overlong
 * names become safe folder names, and no resolved path leaves --archive-dir.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { folderName, insideArchive } from '../src/archive/folder-name.js';
import { runCli, tempDir, variantOf } from './helpers/cli.js';
import { PASSPHRASE, rsaCertificate, type TestCertificate } from './helpers/certificates.js';
import { requireTools } from './helpers/require-tool.js';

requireTools('openssl');

const HOSTILE = ['..', '.', '/', '/etc/passwd', 'a/../../b', '..\\..\\windows', '\u0000', 'a\u0000b', 'CON', 'nul', 'Com1.txt', 'LPT9', ' .. ', '长'.repeat(200), 'x'.repeat(200)];

describe('folder names', () => {
  it.each(HOSTILE)('make %j a single safe folder inside the archive', (name) => {
    const safe = folderName(name);
    expect(safe.length).toBeGreaterThan(0);
    expect(Buffer.byteLength(safe)).toBeLessThanOrEqual(80);
    expect(safe).not.toMatch(/[\\/:*?"<>|\u0000-\u001f]/);
    expect(safe).not.toMatch(/^\.+$|^\.|[. ]$/);
    expect(safe).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i);
    const root = tempDir('paths');
    expect(insideArchive(root, safe, '2021').startsWith(join(root, safe))).toBe(true);
  });

  it('keep ordinary Chinese names as they are, and two long names apart', () => {
    expect(folderName('樟木乡人民政府')).toBe('樟木乡人民政府');
    expect(folderName(`${'长'.repeat(199)}甲`)).not.toBe(folderName(`${'长'.repeat(199)}乙`));
  });

  it('refuse a path that would leave the archive', () => {
    const root = tempDir('paths');
    for (const parts of [['..'], ['.'], ['a', '..', '..'], ['/etc']]) expect(() => insideArchive(root, ...parts)).toThrow(/不在归档目录/);
  });
});

describe('archive with a hostile organisation name', () => {
  let certificate: TestCertificate;
  beforeAll(() => {
    certificate = rsaCertificate();
  });
  const env = { REPORT_GEN_P12_PASSPHRASE: PASSPHRASE, SOURCE_DATE_EPOCH: String(Math.floor(Date.now() / 1000) + 60) };

  it.each(['..', '长'.repeat(200)])('stays inside --archive-dir for org.name %j', (name) => {
    const file = variantOf('data/2021.yaml', (t) => t.replace(/^  name: 樟木乡人民政府$/m, `  name: "${name}"`));
    const parent = tempDir('hostile');
    const archive = join(parent, 'archive');
    const result = runCli(['archive', file, '--p12', certificate.p12, '--archive-dir', archive], { env });
    expect(result.code, result.stderr).toBe(0);
    expect(readdirSync(parent)).toEqual(['archive']);
    const [folder] = readdirSync(archive);
    expect(folder).toBe(folderName(name));
    if (name === '..') expect(folder).toMatch(/^org-[0-9a-f]{8}$/);
    expect(existsSync(join(archive, folder!, '2021', 'v1', 'report.pdf'))).toBe(true);
    expect(result.stdout).toContain(`已归档 `);
    expect(runCli(['verify', archive]).code).toBe(0);
  });
});
