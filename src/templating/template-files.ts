/**
 * Reading template files safely: a template is a plain file of at most 1 MB whose real path (after links) lies in
 * an allowed folder, the project or the built-in templates. Anything else is refused with exit 2.
 */
import { realpathSync, statSync } from 'node:fs';
import { readInputText } from '../load/read-input.js';
import { displayPath as show } from '../output/output-paths.js';
import { errorFinding, EXIT, ReportError } from '../report-error/finding.js';
import { isInside } from '../load/project-root.js';
import { installedFile } from '../load/install-root.js';

/** The templates that come with report-gen: one folder per format, and shared/. */
export const BUILTIN_TEMPLATE_ROOT = installedFile('templates');

/** Largest template file read; a real template is a few KB. */
export const TEMPLATE_SIZE_CAP = 1024 * 1024;

/** A template file that is a regular file whose real path lies in one of the allowed folders. */
export function checkedTemplateFile(file: string, allowed: readonly string[]): string {
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    throw unusable(`模板 ${show(file)} 是一个指向不存在文件的链接`);
  }
  if (!allowed.some((folder) => isInside(real, folder))) {
    throw unusable(`模板 ${show(file)} 指向项目文件夹之外的文件（${real}），不予使用`);
  }
  const stat = statSync(real);
  if (!stat.isFile()) throw unusable(`模板 ${show(file)} 应为普通文件（不是文件夹、设备或管道）`);
  if (stat.size > TEMPLATE_SIZE_CAP) throw unusable(`模板 ${show(file)} 超过 ${TEMPLATE_SIZE_CAP / 1024 / 1024} MB，不像是模板文件`);
  return file;
}

/** A template's text, read the way every input is read (load/read-input.ts). */
export function readTemplateText(file: string): string {
  return readInputText(file, { what: '模板', displayPath: show(file) });
}

function unusable(message: string): ReportError {
  return new ReportError([errorFinding('TEMPLATE', message)], EXIT.unusableInput);
}
