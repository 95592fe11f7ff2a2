/** Runs the built command line as a user would, and makes temporary folders for its output. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { recordMessages } from './message-log.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A file of this project (e.g. a built module), as a quoted URL or path to write into a script. */
export const moduleUrl = (path: string) => JSON.stringify(pathToFileURL(join(ROOT, path)).href);
export const projectPath = (path: string) => JSON.stringify(join(ROOT, path));

/** Runs an ES module script in a new Node process at the project root; returns what it printed. */
export function runScript(script: string, env: NodeJS.ProcessEnv = process.env): string {
  return execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8', env }).trim();
}
export const BIN = join(ROOT, 'bin', 'report-gen.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...options.env },
    timeout: 120_000,
  });
  // Machine output (check --json) has English keys by design; everything else is a message to a person.
  if (!args.includes('--json')) recordMessages(`report-gen ${args.join(' ')}`, `${result.stdout}\n${result.stderr}`);
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

export function tempDir(prefix: string): string {
  const base = join(tmpdir(), 'report-gen-tests');
  mkdirSync(base, { recursive: true });
  return mkdtempSync(join(base, `${prefix}-`));
}

/** Builds a data file into a fresh folder; returns the output paths. */
export function buildInto(dataFile: string, extra: string[] = []): { dir: string; docx: string; pdf: string; result: CliResult } {
  const dir = tempDir('build');
  const result = runCli(['build', dataFile, '-o', dir, ...extra]);
  if (result.code !== 0) throw new Error(`build failed (${result.code}):\n${result.stderr}`);
  const written = [...result.stdout.matchAll(/^已生成 (.+)$/gm)].map((m) => resolve(ROOT, m[1]!));
  const docx = written.find((f) => f.endsWith('.docx'));
  const pdf = written.find((f) => f.endsWith('.pdf'));
  if (!docx || !pdf) throw new Error(`build wrote no DOCX/PDF:\n${result.stdout}`);
  return { dir, docx, pdf, result };
}

/** Writes a variant of an example data file, changed by `edit`, into a temp folder. */
export function variantOf(example: string, edit: (text: string) => string, name = 'variant.yaml'): string {
  const text = readFileSync(join(ROOT, example), 'utf8');
  const changed = edit(text);
  if (changed === text) throw new Error(`the edit did not change ${example}`);
  const dir = tempDir('data');
  const file = join(dir, name);
  writeFileSync(file, changed);
  return file;
}

/** 1-based line and column of the first occurrence of `needle` in a text (for expected positions). */
export function positionOf(text: string, needle: string, from = 0): { line: number; col: number } {
  const index = text.indexOf(needle, from);
  if (index < 0) throw new Error(`not found: ${needle}`);
  const before = text.slice(0, index).split('\n');
  return { line: before.length, col: before[before.length - 1]!.length + 1 };
}
