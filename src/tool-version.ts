/** The version of report-gen, from its package.json. */
import { readFileSync } from 'node:fs';
import { installedFile } from './load/install-root.js';

let version: string | undefined;

export function toolVersion(): string {
  version ??= (JSON.parse(readFileSync(installedFile('package.json'), 'utf8')) as { version: string }).version;
  return version;
}
