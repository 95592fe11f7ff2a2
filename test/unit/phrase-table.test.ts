/** The T1 phrase table that a check reads (dist/narrative-figures.json, made by npm run build) is the YAML source's. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { phraseTable, readPhraseTable, TABLE_JSON } from '../../src/check/t1/phrase-table.js';

describe('the T1 phrase table', () => {
  it('is kept as JSON equal to narrative-figures.yaml, validated', () => {
    expect(JSON.parse(readFileSync(TABLE_JSON, 'utf8'))).toEqual(readPhraseTable());
  });

  it('compiles every quantity and claim', () => {
    const raw = readPhraseTable();
    const table = phraseTable();
    expect(table.quantities.map((q) => q.name)).toEqual(raw.quantities.map((q) => q.name));
    expect(table.claims.map((c) => c.name)).toEqual(raw.claims.map((c) => c.name));
    expect(table.quantities.length).toBeGreaterThan(5);
  });
});
