/** Which version of a library is installed: the `version` of the package.json of the copy that gets loaded. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { installedFile, packageFileAbove } from '../load/install-root.js';

const projectRequire = createRequire(installedFile('package.json'));

export interface InstalledLibrary {
  version: string;
  /** Its package.json. */
  file: string;
}

/**
 * The library as `chain` loads it (['pdfmake'] for the pdfkit that pdfmake loads), starting from report-gen.
 * Some packages (fontkit, docx) do not export their package.json, so it is found above the resolved entry file.
 */
export function installedLibrary(library: string, chain: readonly string[] = []): InstalledLibrary {
  let require = projectRequire;
  for (const name of chain) require = createRequire(packageFileAbove(name, require.resolve(name)));
  const file = packageFileAbove(library, require.resolve(library));
  const { version } = JSON.parse(readFileSync(file, 'utf8')) as { version: string };
  return { version, file };
}
