/**
 * Where a data file's outputs go: the part of its path below a `data` folder is mirrored under the output
 * folder (data/xinfeng/2017.yaml → out/xinfeng/2017.pdf). Elsewhere the path below `mirrorFrom` is mirrored
 * (the parent of a folder given to a batch build), or only the file name is used.
 */
import { basename, extname, join, relative, resolve, sep } from 'node:path';

/** Paths in messages; defined with the messages, used by every command that names a file. */
export { displayPath } from '../report-error/display-path.js';

export function outputBase(dataFile: string, outDir: string, mirrorFrom?: string): string {
  const absolute = resolve(dataFile);
  const parts = absolute.split(sep);
  const dataIndex = parts.lastIndexOf('data');
  const below =
    dataIndex >= 0 && dataIndex < parts.length - 1
      ? parts.slice(dataIndex + 1).join(sep)
      : mirrorFrom
        ? relative(resolve(mirrorFrom), absolute)
        : basename(absolute);
  const withoutExtension = below.slice(0, below.length - extname(below).length);
  return join(outDir, withoutExtension);
}
