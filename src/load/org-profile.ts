/**
 * Organisation profiles: `org: ../orgs/zhangmu.yaml` in a data file names a shared file with the name, office,
 * address, phone, website (and seal) of the organisation, so many years of data share one profile. The profile
 * is validated like data, with its own positions.
 */
import { dirname, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { validateReport } from '../check/validate.js';
import { orgSchema } from '../formats/shared/schema-parts.js';
import { errorFinding, EXIT, ReportError } from '../report-error/finding.js';
import { YamlSource } from './yaml-source.js';

const PROFILE = { schema: orgSchema(), fields: [] };
const PROFILE_TEXT_LIKE = [['postcode'], ['phone'], ['fax']];

export interface LoadedProfile {
  file: string;
  org: Record<string, unknown>;
}

/** Replaces a profile path in `data.org` by the profile's content; returns the profile file, if any. */
export function resolveOrgProfile(data: Record<string, unknown>, source: YamlSource): LoadedProfile | undefined {
  if (typeof data.org !== 'string') return undefined;
  const file = resolve(dirname(source.absolutePath), data.org);
  if (!existsSync(file)) {
    throw new ReportError([errorFinding('PROFILE', `找不到机关信息文件 ${data.org}`, source.positionOf(['org']))], EXIT.unusableInput);
  }
  const profile = YamlSource.read(file, '机关信息文件');
  const org = validateReport(profile.toJS() as Record<string, unknown>, PROFILE, profile, PROFILE_TEXT_LIKE);
  // A seal image is named relative to the profile that names it.
  if (typeof org.seal === 'string') org.seal = resolve(dirname(file), org.seal);
  data.org = org;
  return { file, org };
}
