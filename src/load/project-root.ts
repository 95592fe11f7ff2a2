/**
 * The project a data file belongs to: the folder holding the nearest `data/` folder above it
 * (county/data/dongshan/2022.yaml → county/), else the working folder when the file lies below it, else the data
 * file's own folder. Template lookup walks up to this folder and no further, and reads nothing outside it.
 */
import { realpathSync } from 'node:fs';
import { basename, dirname, relative, resolve, sep, isAbsolute } from 'node:path';

export function projectRoot(dataFile: string): string {
  const folder = realFolder(dirname(resolve(dataFile)));
  for (let dir = folder; ; dir = dirname(dir)) {
    if (basename(dir) === 'data') return dirname(dir);
    if (dirname(dir) === dir) break;
  }
  const cwd = realFolder(process.cwd());
  return isInside(folder, cwd) ? cwd : folder;
}

/** True when `path` is `folder` or lies below it (both absolute, real paths). */
export function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

function realFolder(folder: string): string {
  try {
    return realpathSync(folder);
  } catch {
    return folder;
  }
}
