/**
 * The data files a `build` argument stands for: a file as given, or every data file below a folder (a YAML file
 * with a top-level `year:`), skipping templates/, orgs/, hidden folders and node_modules.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SKIPPED_FOLDERS = new Set(['templates', 'orgs', 'node_modules']);

export function findDataFiles(paths: readonly string[]): string[] {
  return paths.flatMap((path) => (isFolder(path) ? dataFilesBelow(path) : [path]));
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function dataFilesBelow(folder: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) found.push(...dataFilesBelow(path));
    } else if (/\.ya?ml$/.test(entry.name) && /^year\s*:/m.test(readFileSync(path, 'utf8'))) {
      found.push(path);
    }
  }
  return found;
}
