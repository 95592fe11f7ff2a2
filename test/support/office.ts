/**
 * Test support: headless LibreOffice conversion (e.g. DOCX → PDF, to check that another
 * office suite opens and lays out what we write) and a PATH lookup to skip tests when a tool is
 * missing. Each conversion uses its own throw-away profile so that parallel calls never share
 * (and block on) one user installation.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const TIMEOUT_SECONDS = 120;

/**
 * Converts `inputFile` with `soffice --headless --convert-to <to>` into `outDir` and returns the
 * path of the output file. `to` is a LibreOffice filter spec such as 'pdf' or
 * 'pdf:writer_pdf_Export'; the output extension is the part before the first ':'.
 * Throws, with soffice's stdout and stderr, when it fails, times out (120 s) or writes nothing.
 */
export function convertWithLibreOffice(inputFile: string, outDir: string, to = 'pdf'): string {
  const input = resolve(inputFile);
  const dir = resolve(outDir);
  mkdirSync(dir, { recursive: true });
  const extension = to.split(':')[0] ?? to;
  const output = join(dir, `${basename(input, extname(input))}.${extension}`);
  rmSync(output, { force: true }); // a stale file must not pass for a fresh conversion

  const profile = mkdtempSync(join(tmpdir(), 'report-gen-soffice-profile-'));
  const sofficeArgs = [
    `-env:UserInstallation=${pathToFileURL(profile).href}`,
    '--headless',
    '--norestore',
    '--convert-to',
    to,
    '--outdir',
    dir,
    input,
  ];
  // soffice forks soffice.bin; coreutils `timeout` kills the whole process group, Node's own
  // timeout only the direct child — so prefer `timeout` and keep Node's as a backstop.
  const [cmd, args] = hasCommand('timeout')
    ? ['timeout', ['-k', '10', String(TIMEOUT_SECONDS), 'soffice', ...sofficeArgs]]
    : ['soffice', sofficeArgs];
  let result: SpawnSyncReturns<string>;
  try {
    result = spawnSync(cmd, args, {
      encoding: 'utf8',
      timeout: (TIMEOUT_SECONDS + 20) * 1000,
      killSignal: 'SIGKILL',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 16 << 20,
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const { status, signal, error, stdout, stderr } = result;
  const details = `\nstdout: ${stdout ?? ''}\nstderr: ${stderr ?? ''}`;
  if (error || status !== 0) {
    const reason = error
      ? error.message
      : status === 124
        ? `timed out after ${TIMEOUT_SECONDS} s`
        : `exit status ${status ?? 'none'}${signal ? `, signal ${signal}` : ''}`;
    throw new Error(`soffice --convert-to ${to} ${input} failed: ${reason}${details}`);
  }
  if (!existsSync(output) || statSync(output).size === 0) {
    throw new Error(`soffice --convert-to ${to} ${input} wrote no ${output}${details}`);
  }
  return output;
}

/** Whether `cmd` is an executable file on PATH (or, when it contains a '/', at that path). */
export function hasCommand(cmd: string): boolean {
  const candidates = cmd.includes('/')
    ? [cmd]
    : (process.env.PATH ?? '').split(delimiter).filter(Boolean).map((dir) => join(dir, cmd));
  return candidates.some((file) => {
    try {
      accessSync(file, constants.X_OK);
      return statSync(file).isFile();
    } catch {
      return false;
    }
  });
}
