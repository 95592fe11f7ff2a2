/**
 * Makes a folder and its missing parents one level at a time, outermost first. Node's `mkdir(…, { recursive: true })`
 * is not used: where the system refuses a folder with ENOENT although its parent exists (/proc, /sys) it retries
 * forever, and on a read-only mount it reports ENOENT, so a folder that cannot be made reads as a missing one.
 * Here a refusal carries its real cause: the error's code is what the parent folder says when asked for write
 * access (EROFS, EACCES …), or ENOTSUP for a place where no folder can be made.
 */
import { accessSync, constants, lstatSync, mkdirSync, rmdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isFolder } from '../load/is-folder.js';

/** Makes `folder` and its missing parents; returns the folders made, outermost first. Throws a system error. */
export function makeFolders(folder: string, made: string[] = []): string[] {
  const missing: string[] = [];
  for (let dir = resolve(folder); !pathExists(dir); dir = dirname(dir)) {
    missing.unshift(dir);
    if (dirname(dir) === dir) break;
  }
  for (const dir of missing) {
    try {
      mkdirSync(dir);
    } catch (error) {
      // Made a moment ago by another report of the same batch.
      if ((error as NodeJS.ErrnoException).code === 'EEXIST' && isFolder(dir)) continue;
      throw realCause(error, dir);
    }
    made.push(dir);
  }
  return made;
}

/**
 * Whether the folder can be made, tried before any work is done: its missing parts are made and removed again.
 * Throws the system error of makeFolders.
 */
export function tryFolder(folder: string): void {
  const made = makeFolders(folder);
  for (const dir of made.reverse()) rmdirSync(dir);
}

function realCause(error: unknown, dir: string): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code !== 'ENOENT' || !isFolder(dirname(dir))) return error;
  // The parent exists, yet the folder "does not": the parent refuses new entries.
  let cause = 'ENOTSUP';
  try {
    accessSync(dirname(dir), constants.W_OK);
  } catch (refusal) {
    cause = (refusal as NodeJS.ErrnoException).code ?? cause;
  }
  return Object.assign(new Error(`${cause}: mkdir '${dir}'`), { code: cause, syscall: 'mkdir', path: dir });
}

/** Whether anything (a file, folder or link, even a dangling one) is at the path. */
export function pathExists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
