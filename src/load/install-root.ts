/**
 * Where report-gen and its libraries are installed. `installRoot()` is the folder holding report-gen's own
 * package.json, found by walking up from this module: it holds for the compiled modules in dist/ and for the
 * bundle in dist/app/ alike, at whatever depth a module ends up, which a path relative to `import.meta.url` would
 * not. Every file of the installation (templates/, schema/, the built 楷体 face) is found from it.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

export function installRoot(): string {
  return (root ??= dirname(packageFileAbove('report-gen', fileURLToPath(import.meta.url))));
}

/** A file of the installation, by its path below the installation folder. */
export const installedFile = (...path: string[]): string => join(installRoot(), ...path);

/** The package.json of the package `name` nearest above `path` (a package's entry file, or one of our modules). */
export function packageFileAbove(name: string, path: string): string {
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    try {
      if ((JSON.parse(readFileSync(file, 'utf8')) as { name?: string }).name === name) return file;
    } catch {
      // no package.json here, or not JSON: keep walking up
    }
    if (dirname(dir) === dir) throw new Error(`package.json of ${name} not found above ${path}`);
  }
}
