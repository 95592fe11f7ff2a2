/**
 * Where a report's templates come from, nearest first: a `templates/` folder beside the data file, then one in
 * each parent folder up to the working folder (or the filesystem root for files outside it), so a county
 * overrides a partial for all its townships by placing it in its own folder; then the built-in templates. In
 * each templates/ folder a subfolder named after the format wins over files for every format.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { ReportFormat } from '../formats/format.js';
import { BUILTIN_TEMPLATE_ROOT } from './template-set.js';

export function templateFolders(dataFile: string, format: ReportFormat): string[] {
  const folders: string[] = [];
  const top = process.cwd();
  const builtin = resolve(BUILTIN_TEMPLATE_ROOT);
  let dir = dirname(resolve(dataFile));
  for (;;) {
    const root = join(dir, 'templates');
    if (resolve(root) !== builtin && existsSync(root)) folders.push(join(root, format.templateDir), root);
    const parent = dirname(dir);
    if (dir === top || parent === dir) break;
    dir = parent;
  }
  folders.push(join(builtin, format.templateDir), join(builtin, 'shared'));
  return folders;
}
