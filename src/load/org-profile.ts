/**
 * Organisation profiles: `org: ../orgs/zhangmu.yaml` in a data file names a shared file with the name, office,
 * address, phone, website (and seal) of the organisation, so many years of data share one profile. This reads the
 * profile; the pipeline validates it like data, with its own positions (validate/validate-org-profile.ts). Like a
 * template, a profile is read only from inside the data file's project (load/project-root.ts): its real path, after
 * links, must lie below the project root.
 */
import { dirname, resolve } from 'node:path';
import { lstatSync, realpathSync } from 'node:fs';
import { displayPath } from '../report-error/display-path.js';
import { errorFinding, EXIT, ReportError, type SourcePosition } from '../report-error/finding.js';
import { describeSystemError } from '../report-error/system-error.js';
import { isInside, projectRoot } from './project-root.js';
import { YamlSource } from './yaml-source.js';

export interface LoadedProfile {
  file: string;
  source: YamlSource;
}

/** The profile that `data.org` names, read but not yet validated; undefined when `org` is written in the data file. */
export function resolveOrgProfile(data: Record<string, unknown>, source: YamlSource): LoadedProfile | undefined {
  if (typeof data.org !== 'string') return undefined;
  const file = resolve(dirname(source.absolutePath), data.org);
  checkProfilePlace(file, data.org, source.absolutePath, source.positionOf(['org']));
  return { file, source: YamlSource.read(file, '机关信息文件') };
}

/** The profile exists, and its real path lies inside the data file's project; else exit 2 at `org:`. */
function checkProfilePlace(file: string, written: string, dataFile: string, at: SourcePosition | undefined): void {
  const refuse = (message: string) => new ReportError([errorFinding('PROFILE', message, at)], EXIT.unusableInput);
  let real: string;
  try {
    real = realpathSync(file);
  } catch (error) {
    if (isLink(file)) throw refuse(`机关信息文件 ${written} 是一个指向不存在文件的链接`);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw refuse(`找不到机关信息文件 ${written}`);
    throw refuse(describeSystemError(error, written, '读取机关信息文件'));
  }
  const root = projectRoot(dataFile);
  if (isInside(real, root)) return;
  const where = `项目文件夹 ${displayPath(root)} `;
  throw refuse(
    isLink(file)
      ? `机关信息文件 ${written} 是指向${where}之外的链接（${real}），不予读取`
      : `机关信息文件 ${written} 在${where}之外，不予读取；请把它放进项目文件夹`,
  );
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
