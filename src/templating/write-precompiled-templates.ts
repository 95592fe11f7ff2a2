/** Build step (`npm run build`, after tsc): the built-in templates, compiled (precompiled-templates.ts). */
import { writeFileSync } from 'node:fs';
import { builtInTemplates, PRECOMPILED_TEMPLATES_FILE } from './precompiled-templates.js';

writeFileSync(PRECOMPILED_TEMPLATES_FILE, `${JSON.stringify(builtInTemplates())}\n`);
