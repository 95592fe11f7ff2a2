/**
 * schema/report.schema.json, read by ajv (an independent JSON Schema validator), accepts exactly the data files
 * the tool accepts: every example and corpus file, and seeded mutations of them (a key added, removed or given a
 * value of another kind, a date out of the calendar). The seed is printed with every failure; set SCHEMA_SEED to
 * replay one.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { seededRandom } from '../../src/bench/seeded-random.js';
import { validateEdition as toolValidate } from '../../src/validate/validate-edition.js';
import { chooseFormat } from '../../src/formats/registry.js';
import { YamlSource } from '../../src/load/yaml-source.js';
import { ReportError } from '../../src/report-error/finding.js';
import { ROOT } from '../helpers/cli.js';

const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, strictRequired: false, formats: { date: true } });
const readSchema = (name: string) => JSON.parse(readFileSync(join(ROOT, 'schema', name), 'utf8')) as object;
const validateReport = ajv.compile(readSchema('report.schema.json'));
const validateOrg = ajv.compile(readSchema('org.schema.json'));

/** Findings that mean the tool refused the file's shape (not a rule of the report). */
const SHAPE_RULES = new Set(['SCHEMA', 'FORMAT', 'N1']);

/** The tool's own choice of edition and validation, the stages of a build that judge the shape of a file. */
function toolAccepts(text: string, file: string): boolean {
  try {
    const source = YamlSource.parse(text, relative(ROOT, file), file);
    const data = source.toJS() as Record<string, unknown>;
    toolValidate(data, chooseFormat(data, source).format, source);
    return true;
  } catch (error) {
    if (error instanceof ReportError && error.findings.some((f) => SHAPE_RULES.has(f.rule))) return false;
    throw error;
  }
}

const yamlFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'templates' ? [] : yamlFiles(path);
    return name.endsWith('.yaml') ? [path] : [];
  });

const ALL = [...yamlFiles(join(ROOT, 'data')), ...yamlFiles(join(ROOT, 'test/corpus'))];
const PROFILES = ALL.filter((f) => f.includes('/orgs/'));
const REPORTS = ALL.filter((f) => !f.includes('/orgs/')).filter((f) => {
  try {
    parse(readFileSync(f, 'utf8'));
    return true;
  } catch {
    return false; // not YAML at all: no schema applies, and the tool says so at the broken line
  }
});

const SEED = Number(process.env.SCHEMA_SEED ?? Date.now() % 1_000_000);

describe('the JSON Schema of data files', () => {
  it('covers the examples and the corpus', () => {
    expect(REPORTS.length).toBeGreaterThan(100);
    expect(PROFILES.length).toBeGreaterThan(0);
  });

  it('accepts exactly the example and corpus files the tool accepts', () => {
    const disagreements = REPORTS.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      const tool = toolAccepts(text, file);
      const schema = validateReport(parse(text)) as boolean;
      return tool === schema ? [] : [`${relative(ROOT, file)}: tool ${tool}, schema ${schema} ${ajv.errorsText(validateReport.errors)}`];
    });
    expect(disagreements).toEqual([]);
  });

  it('accepts the organisation profiles', () => {
    for (const file of PROFILES) expect(validateOrg(parse(readFileSync(file, 'utf8'))), `${file} ${ajv.errorsText(validateOrg.errors)}`).toBe(true);
  });

  it('refuses a date that is not in the calendar, as the tool does', () => {
    const file = join(ROOT, 'data/2021.yaml');
    const text = readFileSync(file, 'utf8');
    const cases: Array<[string, boolean]> = [
      ['2022-13-45', false],
      ['2022-02-30', false],
      ['2021-02-29', false],
      ['1900-02-29', false],
      ['2024-02-29', true],
      ['2000-02-29', true],
      ['2022-01-20', true],
    ];
    for (const [date, real] of cases) {
      const changed = text.replace(/^issued: \S+/m, `issued: ${date}`);
      expect(changed).not.toBe(text);
      expect(toolAccepts(changed, file), `tool, issued: ${date}`).toBe(real);
      expect(validateReport(parse(changed)), `schema, issued: ${date}`).toBe(real);
    }
  });

  it('reports a wrong key of a 2021 file once, against the 2021 edition', () => {
    const data = parse(readFileSync(join(ROOT, 'data/2021.yaml'), 'utf8'));
    data.active.no_such_row = 1;
    expect(validateReport(data)).toBe(false);
    const unknown = validateReport.errors!.filter((e) => e.keyword === 'additionalProperties');
    expect(unknown.map((e) => `${e.instancePath} ${e.params.additionalProperty}`)).toEqual(['/active no_such_row']);
  });

  it(`accepts exactly what the tool accepts over seeded mutations (seed ${SEED})`, () => {
    const random = seededRandom(SEED);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const sources = REPORTS.filter((f) => !f.includes('/bad/') || f.includes('/r'));
    const values: unknown[] = [-1, 1.5, 0, 7, '3', '', 'x', null, [], {}, [1, 2], true, '2022-13-45', '2021-02-29', '2024-02-29', 2019, 2021, 'legacy'];
    const disagreements: string[] = [];
    for (let round = 0; round < 80; round++) {
      const file = pick(sources);
      const data = parse(readFileSync(file, 'utf8'));
      // Every container of the file with its path; a mutation replaces, removes or adds one key.
      const nodes: Array<{ path: string[]; node: Record<string, unknown> }> = [];
      const walk = (node: unknown, path: string[]) => {
        if (!node || typeof node !== 'object' || Array.isArray(node)) return;
        nodes.push({ path, node: node as Record<string, unknown> });
        for (const [k, v] of Object.entries(node)) if (k !== 'text') walk(v, [...path, k]);
      };
      walk(data, []);
      const { path, node } = pick(nodes);
      const keys = Object.keys(node);
      const kind = pick(['replace', 'replace', 'remove', 'add'] as const);
      const key = kind === 'add' ? pick(['extra', 'format', 'total', 'unit', 'previous', 'script']) : pick(keys);
      if (kind === 'remove') delete node[key];
      else node[key] = pick(values);
      const text = stringify(data);
      const tool = toolAccepts(text, file);
      const schema = validateReport(parse(text)) as boolean;
      if (tool !== schema) {
        disagreements.push(`seed ${SEED} round ${round}: ${relative(ROOT, file)} ${kind} ${[...path, key].join('.')}: tool ${tool}, schema ${schema}`);
      }
    }
    expect(disagreements).toEqual([]);
  });
});
