/** Writes files so that a reader never sees a half-written one: temp file in the same folder, then rename. */
import { linkSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { makeFolders } from './make-folders.js';

export function writeFileAtomic(path: string, data: Uint8Array | string): void {
  makeFolders(dirname(path));
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, data);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** Like writeFileAtomic, but never replaces an existing file, even one created a moment ago by someone else. */
export function writeNewFileAtomic(path: string, data: Uint8Array | string): boolean {
  makeFolders(dirname(path));
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, data);
    linkSync(temp, path); // fails with EEXIST instead of replacing
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(temp, { force: true });
  }
}
