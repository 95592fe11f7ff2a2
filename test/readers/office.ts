/** LibreOffice headless, with a private profile per call so that parallel tests do not collide. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';

export function convertWithLibreOffice(input: string, outDir: string, to = 'pdf'): string {
  const profile = mkdtempSync(join(tmpdir(), 'soffice-profile-'));
  try {
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', to, '--outdir', outDir, input], {
      encoding: 'utf8',
      timeout: 120_000,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`soffice failed: ${e.message}\n${e.stdout ?? ''}\n${e.stderr ?? ''}`);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return join(outDir, `${basename(input, extname(input))}.${to}`);
}
