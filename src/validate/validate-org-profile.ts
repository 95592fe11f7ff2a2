/** Validates an organisation profile like data, with its own positions, and puts it in place of the path in `org`. */
import { dirname, resolve } from 'node:path';
import { orgSchema } from '../formats/shared/schema-parts.js';
import type { LoadedProfile } from '../load/org-profile.js';
import { validateReport } from './validate-report.js';

const PROFILE = { schema: orgSchema(), fields: [] };
const PROFILE_TEXT_LIKE = [['postcode'], ['phone'], ['fax']];

export function validateOrgProfile(data: Record<string, unknown>, profile: LoadedProfile): void {
  const org = validateReport(profile.source.toJS() as Record<string, unknown>, PROFILE, profile.source, PROFILE_TEXT_LIKE);
  // A seal image is named relative to the profile that names it.
  if (typeof org.seal === 'string') org.seal = resolve(dirname(profile.file), org.seal);
  data.org = org;
}
