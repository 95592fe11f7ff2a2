/**
 * The T1 phrase table (narrative-figures.yaml beside this file): how the narrative names each table quantity.
 * `npm run build` reads and validates it once and keeps it as JSON (write-phrase-table.ts), which a process reads
 * once and compiles to regular expressions: parsing the YAML took a cold check some 30 ms.
 */
import { readFileSync } from 'node:fs';
import { installedFile } from '../../load/install-root.js';
import { parse } from 'yaml';
import * as z from 'zod';

/** Kept in src/check/t1/ (tsc copies no YAML); its JSON, made by `npm run build`, in dist/. */
export const TABLE_FILE = installedFile('src', 'check', 't1', 'narrative-figures.yaml');
export const TABLE_JSON = installedFile('dist', 'narrative-figures.json');

const cellSchema = z.strictObject({ path: z.string(), label: z.string(), legacy: z.string().optional() });
const tableSchema = z.strictObject({
  skip_clause: z.string(),
  quantities: z.array(
    z.strictObject({
      name: z.string(),
      before: z.array(z.string()).min(1),
      units: z.array(z.string()).min(1),
      unless: z.string().optional(),
      money: z.boolean().optional(),
      cells: z.array(cellSchema).optional(),
      subject: z.record(z.string(), cellSchema).optional(),
    }),
  ),
  claims: z.array(
    z.strictObject({
      name: z.string(),
      words: z.string(),
      unless: z.string().optional(),
      check: z.enum(['all_upheld', 'none_corrected', 'all_completed']),
    }),
  ),
});

export type CellRef = z.infer<typeof cellSchema>;
export type ClaimCheck = z.infer<typeof tableSchema>['claims'][number]['check'];

export interface Quantity {
  name: string;
  /** Matches the words before the figure, the figure and its unit; groups: figure, unit. */
  regex: RegExp;
  unless?: RegExp;
  money: boolean;
  cells: CellRef[];
  /** Subject word → cell, when the sentence's subject names the cell. */
  subject?: Map<string, CellRef>;
}

export interface Claim {
  name: string;
  regex: RegExp;
  unless?: RegExp;
  check: ClaimCheck;
}

export interface PhraseTable {
  skipClause: RegExp;
  quantities: Quantity[];
  claims: Claim[];
}

let table: PhraseTable | undefined;

export function phraseTable(): PhraseTable {
  table ??= compile(JSON.parse(readFileSync(TABLE_JSON, 'utf8')) as RawTable);
  return table;
}

type RawTable = z.infer<typeof tableSchema>;

/** The table as written in the YAML file, validated: what `npm run build` keeps as JSON. */
export function readPhraseTable(): RawTable {
  return tableSchema.parse(parse(readFileSync(TABLE_FILE, 'utf8')));
}

function compile(raw: RawTable): PhraseTable {
  return {
    skipClause: new RegExp(raw.skip_clause),
    quantities: raw.quantities.map((q) => {
      const units = [...q.units].sort((a, b) => b.length - a.length).join('|');
      return {
        name: q.name,
        regex: new RegExp(`(?:${q.before.join('|')})(?<figure>[0-9]+(?:\\.[0-9]+)?)(?<unit>${units})`, 'g'),
        ...(q.unless ? { unless: new RegExp(q.unless) } : {}),
        money: q.money ?? false,
        cells: q.cells ?? [],
        ...(q.subject ? { subject: new Map(Object.entries(q.subject)) } : {}),
      };
    }),
    claims: raw.claims.map((c) => ({
      name: c.name,
      regex: new RegExp(c.words, 'g'),
      ...(c.unless ? { unless: new RegExp(c.unless) } : {}),
      check: c.check,
    })),
  };
}
