/** Build step (`npm run build`, after tsc): the T1 phrase table, validated, as JSON (phrase-table.ts). */
import { writeFileSync } from 'node:fs';
import { readPhraseTable, TABLE_JSON } from './phrase-table.js';

writeFileSync(TABLE_JSON, `${JSON.stringify(readPhraseTable())}\n`);
