/** The one line a test file fails with when an external tool is missing, found on PATH without starting it. */
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hasTool, missingToolsMessage } from '../helpers/require-tool.js';

const PATH = process.env.PATH;

describe('requireTools', () => {
  afterEach(() => {
    process.env.PATH = PATH;
  });

  it('names each missing tool with its Debian package, on one line', () => {
    process.env.PATH = mkdtempSync(join(tmpdir(), 'report-gen-empty-path-'));
    const message = missingToolsMessage(['pdftotext', 'soffice', 'pdffonts']);
    expect(message).toBe(
      'missing pdftotext (Debian package poppler-utils), soffice (Debian package libreoffice-writer-nogui), pdffonts (Debian package poppler-utils): ' +
        'apt-get install poppler-utils libreoffice-writer-nogui, or run .ci/run',
    );
    expect(message).not.toContain('\n');
  });

  it('finds an executable on PATH, and not a file that cannot run', () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-gen-path-'));
    writeFileSync(join(dir, 'qpdf'), '#!/bin/sh\n');
    chmodSync(join(dir, 'qpdf'), 0o755);
    writeFileSync(join(dir, 'openssl'), 'not executable');
    process.env.PATH = dir;
    expect(hasTool('qpdf')).toBe(true);
    expect(hasTool('openssl')).toBe(false);
    expect(missingToolsMessage(['qpdf'])).toBeUndefined();
    expect(missingToolsMessage(['qpdf', 'openssl'])).toContain('openssl (Debian package openssl)');
  });
});
