/**
 * Build step (`npm run build`, after tsc): has docx write the parts of the DOCX package that are the same for every
 * report (package-parts.ts) and keeps them, with their compressed bytes, in dist/docx-package.json.
 */
import { writeFileSync } from 'node:fs';
import { docxPackageParts } from './package-document.js';
import { keptParts, PACKAGE_PARTS_FILE } from './package-parts.js';

writeFileSync(PACKAGE_PARTS_FILE, `${JSON.stringify(keptParts(await docxPackageParts()), null, 1)}\n`);
