/**
 * The folder report-gen is installed in (the one holding its package.json), found by walking up from this module.
 * It holds for the compiled modules in dist/ and for the bundle in dist/bundle/ alike, at whatever depth a module
 * ends up, which a path relative to `import.meta.url` would not.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

export function installRoot(): string {
  if (root) return root;
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'report-gen') return (root = dir);
    if (dirname(dir) === dir) throw new Error('report-gen: no package.json of report-gen above its own modules');
  }
}
