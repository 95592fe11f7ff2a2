/**
 * The data files a `build` argument stands for: a file as given, or every data file below a folder (a YAML file
 * with a top-level `year:`), skipping templates/, orgs/, hidden folders and node_modules. A named file that is an
 * organisation profile (a top-level `name:` and no `year:`) is skipped too.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { MAX_INPUT_BYTES } from '../load/read-input.js';
import { isFolder } from '../load/is-folder.js';

const SKIPPED_FOLDERS = new Set(['templates', 'orgs', 'node_modules']);

export interface DataFile {
  file: string;
  /** For files found in a folder: the folder's parent, whose subtree the outputs mirror. */
  mirrorFrom?: string;
}

export function findDataFiles(paths: readonly string[]): DataFile[] {
  return paths.flatMap((path) =>
    isFolder(path)
      ? dataFilesBelow(path).map((file) => ({ file, mirrorFrom: dirname(resolve(path)) }))
      : isOrgProfile(path)
        ? []
        : [{ file: path }],
  );
}

/** An organisation profile named among data files (as when a shell expands data/county/…/…yaml) is never taken for a report. */
function isOrgProfile(path: string): boolean {
  if (!/\.ya?ml$/.test(path)) return false;
  const text = peek(path);
  return text !== undefined && !/^year\s*:/m.test(text) && /^name\s*:/m.test(text);
}

/**
 * The text of a plain file of reasonable size, or nothing: a pipe, a device or a huge file is left for the input
 * reader to refuse with its message, and is never opened here (opening a pipe would wait for a writer).
 */
function peek(path: string): string | undefined {
  try {
    const stat = statSync(path);
    return stat.isFile() && stat.size <= MAX_INPUT_BYTES ? readFileSync(path, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

function dataFilesBelow(folder: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) found.push(...dataFilesBelow(path));
    } else if (/\.ya?ml$/.test(entry.name) && /^year\s*:/m.test(peek(path) ?? '')) {
      found.push(path);
    }
  }
  return found;
}
