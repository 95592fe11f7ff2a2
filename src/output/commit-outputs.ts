/**
 * Writes all outputs of one report, or none. Every file is first written in full to a temporary name beside its
 * place (where a full disk shows), then all are renamed into place. If anything fails, the files of this run are
 * taken back: temporary files are removed, a file already renamed into place is removed again or, when it replaced
 * an earlier version, that version is put back, and folders made for this run are removed when empty.
 */
import { describeSystemError, isKnownSystemError } from '../report-error/system-error.js';
import { linkSync, lstatSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { EXIT, errorFinding, ReportError } from '../report-error/finding.js';
import { makeFolders, pathExists } from './make-folders.js';
import { displayPath } from './output-paths.js';

export interface OutputFile {
  path: string;
  data: Uint8Array | string;
}

interface Staged {
  path: string;
  temp: string;
  /** A hard link to the version this run replaces. */
  backup?: string;
  placed: boolean;
}

export function commitOutputs(files: readonly OutputFile[]): void {
  const madeFolders: string[] = [];
  const staged: Staged[] = [];
  let current = files[0]?.path ?? '';
  let action = '写入';
  try {
    for (const file of files) {
      current = file.path;
      if (isFolder(file.path)) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
      action = '创建文件夹';
      current = dirname(resolve(file.path));
      makeFolders(current, madeFolders);
      action = '写入';
      current = file.path;
      const temp = join(dirname(file.path), `.${basename(file.path)}.${process.pid}.tmp`);
      staged.push({ path: file.path, temp, placed: false });
      writeStaged(temp, file.data);
    }
    for (const entry of staged) {
      current = entry.path;
      if (pathExists(entry.path)) {
        entry.backup = `${entry.temp.slice(0, -4)}.old`;
        rmSync(entry.backup, { force: true });
        linkSync(entry.path, entry.backup);
      }
      renameSync(entry.temp, entry.path);
      entry.placed = true;
    }
  } catch (error) {
    takeBack(staged, madeFolders);
    // A folder that cannot be made is named itself, not the first missing folder above it.
    const failed = (error as { syscall?: string; path?: string }).syscall === 'mkdir' ? ((error as { path?: string }).path ?? current) : current;
    throw writeFailure(action, failed, error);
  }
  for (const entry of staged) if (entry.backup) rmSync(entry.backup, { force: true });
}

/** A batch's other reports may take back an empty folder this one is about to use: make it again then. */
function writeStaged(temp: string, data: Uint8Array | string): void {
  try {
    writeFileSync(temp, data);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    makeFolders(dirname(temp));
    writeFileSync(temp, data);
  }
}

function takeBack(staged: Staged[], madeFolders: string[]): void {
  for (const entry of staged) {
    quietly(() => rmSync(entry.temp, { force: true }));
    if (entry.placed) quietly(() => (entry.backup ? renameSync(entry.backup, entry.path) : rmSync(entry.path, { force: true })));
    else if (entry.backup) quietly(() => rmSync(entry.backup!, { force: true }));
  }
  for (const folder of madeFolders.reverse()) quietly(() => rmdirSync(folder));
}

function writeFailure(action: string, path: string, error: unknown): unknown {
  if (!isKnownSystemError(error)) return error;
  return new ReportError(
    [errorFinding('OUTPUT', `${describeSystemError(error, displayPath(path), action)}（${error.code}）。本报告在这次运行中写出的文件都已撤回`)],
    EXIT.unusableInput,
  );
}

function isFolder(path: string): boolean {
  try {
    return lstatSync(path).isDirectory();
  } catch {
    return false;
  }
}

function quietly(work: () => void): void {
  try {
    work();
  } catch {
    // Taking back is best effort; the original failure is what gets reported.
  }
}
