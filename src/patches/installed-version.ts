/** Which version of a library is installed: the `version` of the package.json of the copy that gets loaded. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const projectRequire = createRequire(new URL('../../package.json', import.meta.url));

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
  for (const name of chain) require = createRequire(packageFile(name, require.resolve(name)));
  const file = packageFile(library, require.resolve(library));
  const { version } = JSON.parse(readFileSync(file, 'utf8')) as { version: string };
  return { version, file };
}

/** The package.json named `name` nearest above `entry`. */
function packageFile(name: string, entry: string): string {
  for (let dir = dirname(entry); ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    try {
      if ((JSON.parse(readFileSync(file, 'utf8')) as { name?: string }).name === name) return file;
    } catch {
      // no package.json here, or not JSON: keep walking up
    }
    if (dirname(dir) === dir) throw new Error(`package.json of ${name} not found above ${entry}`);
  }
}
