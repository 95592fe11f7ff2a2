/** Whether `path` is a folder (following links); false when it does not exist or cannot be read. */
import { statSync } from 'node:fs';

export function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
