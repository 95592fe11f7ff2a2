/**
 * Where a report's templates come from, nearest first: a `templates/` folder beside the data file, then one in
 * each parent folder up to the project root (see project-root.ts), so a county overrides a partial for all its
 * townships by placing it in its own folder; then the built-in templates. In each templates/ folder a subfolder
 * named after the format wins over files for every format. The edition names the folder of its own templates. Paths are resolved to real paths: a templates/ folder
 * that leads out of the project (a symbolic link) is refused, never read.
 */
import { lstatSync, realpathSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { ReportFormat } from '../formats/format.js';
import { EXIT, errorFinding, ReportError } from '../report-error/finding.js';
import { displayPath } from '../output/output-paths.js';
import { isInside, projectRoot } from '../load/project-root.js';
import { BUILTIN_TEMPLATE_ROOT } from './template-files.js';

export interface TemplateChain {
  /** Template folders that exist, nearest first, ending with the built-in ones. */
  folders: string[];
  /** Every folder where an override could appear (existing or not), for --watch. */
  places: string[];
  /** The folders template files must really lie in: the project root and the built-in templates. */
  confine: string[];
}

export function templateChain(dataFile: string, format: ReportFormat): TemplateChain {
  const root = projectRoot(dataFile);
  const builtin = realpathSync(resolve(BUILTIN_TEMPLATE_ROOT));
  const own = realpathSync(format.templates);
  const folders: string[] = [];
  const places: string[] = [];
  let dir = realpathSync(dirname(resolve(dataFile)));
  for (;;) {
    const templates = join(dir, 'templates');
    places.push(templates, join(templates, format.id));
    const real = realTemplateFolder(templates, root);
    if (real && real !== builtin) folders.push(join(real, format.id), real);
    const parent = dirname(dir);
    if (dir === root || parent === dir || !isInside(parent, root)) break;
    dir = parent;
  }
  folders.push(own, join(builtin, 'shared'));
  return { folders, places, confine: isInside(own, builtin) ? [root, builtin] : [root, builtin, own] };
}

/** The real path of a templates/ folder, undefined when there is none; refuses one that leads out of the root. */
function realTemplateFolder(folder: string, root: string): string | undefined {
  try {
    lstatSync(folder);
  } catch {
    return undefined;
  }
  let real: string;
  try {
    real = realpathSync(folder);
  } catch {
    throw refuse(`模板文件夹 ${displayPath(folder)} 是一个指向不存在位置的链接`);
  }
  if (!isInside(real, root)) throw refuse(`模板文件夹 ${displayPath(folder)} 指向项目文件夹 ${displayPath(root)} 之外（${real}），不予使用`);
  if (!lstatSync(real).isDirectory()) throw refuse(`${displayPath(folder)} 应为放模板的文件夹，实际不是文件夹`);
  return real;
}

function refuse(message: string): ReportError {
  return new ReportError([errorFinding('TEMPLATE', message)], EXIT.unusableInput);
}
