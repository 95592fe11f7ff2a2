/** A path as messages show it: relative to the working folder, or as given when that is the folder itself. */
import { relative } from 'node:path';

export function displayPath(path: string): string {
  return relative(process.cwd(), path) || path;
}
