/**
 * Organisation profiles: `org: ../orgs/zhangmu.yaml` in a data file names a shared file with the name, office,
 * address, phone, website (and seal) of the organisation, so many years of data share one profile. This reads the
 * profile; the pipeline validates it like data, with its own positions (validate/validate-org-profile.ts).
 */
import { dirname, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { errorFinding, EXIT, ReportError } from '../report-error/finding.js';
import { YamlSource } from './yaml-source.js';

export interface LoadedProfile {
  file: string;
  source: YamlSource;
}

/** The profile that `data.org` names, read but not yet validated; undefined when `org` is written in the data file. */
export function resolveOrgProfile(data: Record<string, unknown>, source: YamlSource): LoadedProfile | undefined {
  if (typeof data.org !== 'string') return undefined;
  const file = resolve(dirname(source.absolutePath), data.org);
  if (!existsSync(file)) {
    throw new ReportError([errorFinding('PROFILE', `找不到机关信息文件 ${data.org}`, source.positionOf(['org']))], EXIT.unusableInput);
  }
  return { file, source: YamlSource.read(file, '机关信息文件') };
}
