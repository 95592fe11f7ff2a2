/**
 * Reading template files safely: a template is a plain file of at most 1 MB whose real path (after links) lies in
 * an allowed folder, the project or the built-in templates. Anything else is refused with exit 2.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { displayPath as show } from '../output/output-paths.js';
import { errorFinding, EXIT, ReportError } from '../report-error/finding.js';
import { isInside } from './project-root.js';

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

export function readTemplateText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw unusable(`无法读取模板 ${show(file)}（${(error as NodeJS.ErrnoException).code ?? '读取失败'}）`);
  }
}

function unusable(message: string): ReportError {
  return new ReportError([errorFinding('TEMPLATE', message)], EXIT.unusableInput);
}
