/**
 * T1 against seeded mutations: in a consistent report, one figure of the narrative that T1 reads (a literal
 * figure, or a `{{…}}` expression written out as its value) is changed to another number; T1 must name it at its
 * line and column with the table's value. The seed is printed with every failure; set T1_SEED to replay one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../src/bench/seeded-random.js';
import { checkSource } from '../src/pipeline/check-report.js';
import { findNarrativeFigures } from '../src/check/t1/find-figures.js';
import { YamlSource } from '../src/load/yaml-source.js';
import { ROOT } from './helpers/cli.js';

const REPORTS = [
  'data/2021.yaml',
  'data/2020.yaml',
  'data/example-county/county/2021.yaml',
  'test/corpus/consistent/bianlukou-2019.yaml',
  'test/corpus/consistent/kecheng-2020.yaml',
  'test/corpus/quiet/t1-literal-figures-agree.yaml',
];

const SEED = Number(process.env.T1_SEED ?? Date.now() % 1_000_000);
const ROUNDS = 40;

const check = (text: string, file: string) => checkSource(YamlSource.parse(text, file, join(ROOT, file)), { crossYear: false });

interface Site {
  /** Offset in the file of the text to replace. */
  offset: number;
  length: number;
  /** The figure the table gives. */
  value: number;
}

/** Places where T1 reads a figure: literal figures it recognises, and expressions it would recognise as figures. */
function sites(file: string, text: string): Site[] {
  const found: Site[] = [];
  // Literal figures, found as T1 finds them.
  const report = check(text, file);
  const texts = report.data.text as Record<string, string>;
  for (const f of findNarrativeFigures(texts, report.statistics.tree, report.data.year as number)) {
    if (!f.agrees || f.unit === '元' || f.unit === '万元') continue;
    found.push({ offset: offsetOf(text, report.source.positionOfIndex(['text', f.key], texts[f.key]!, f.index)), length: f.figure.length, value: f.value });
  }
  // Expressions: written out as their value, a figure T1 recognises.
  for (const m of text.matchAll(/\{\{([\w.]+)\}\}/g)) {
    const written = text.slice(0, m.index) + '0' + text.slice(m.index! + m[0].length);
    let value: unknown = report.context;
    for (const key of m[1]!.split('.')) value = (value as Record<string, unknown> | undefined)?.[key];
    if (typeof value !== 'number') continue;
    const withValue = text.slice(0, m.index) + String(value) + text.slice(m.index! + m[0].length);
    if (written === withValue) continue;
    const again = check(withValue, file);
    const t = again.data.text as Record<string, string>;
    const hit = findNarrativeFigures(t, again.statistics.tree, again.data.year as number).find(
      (f) => offsetOf(withValue, again.source.positionOfIndex(['text', f.key], t[f.key]!, f.index)) === m.index && f.agrees,
    );
    if (hit) found.push({ offset: m.index!, length: m[0].length, value });
  }
  return found;
}

function offsetOf(text: string, at: { line: number; col: number }): number {
  const lines = text.split('\n');
  return lines.slice(0, at.line - 1).reduce((n, l) => n + l.length + 1, 0) + at.col - 1;
}

function position(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${before.at(-1)!.length + 1}`;
}

describe(`T1 names a changed narrative figure (seed ${SEED}; replay with T1_SEED=${SEED})`, () => {
  const all = REPORTS.flatMap((file) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    return sites(file, text).map((site) => ({ file, text, site }));
  });

  it('finds figures to change in the consistent reports', () => {
    expect(all.length, `seed ${SEED}`).toBeGreaterThanOrEqual(20);
    expect(new Set(all.map((s) => s.file)).size, `seed ${SEED}`).toBeGreaterThanOrEqual(4);
  });

  it(`names each of ${ROUNDS} changed figures at its line and column`, () => {
    const next = seededRandom(SEED);
    for (let round = 0; round < ROUNDS; round++) {
      const { file, text, site } = all[Math.floor(next() * all.length)]!;
      const wrong = site.value + 1 + Math.floor(next() * 9);
      const mutated = text.slice(0, site.offset) + String(wrong) + text.slice(site.offset + site.length);
      const where = position(mutated, site.offset);
      const t1 = check(mutated, file).findings.filter((f) => f.rule === 'T1');
      const context = `seed ${SEED}, round ${round}: ${file}:${where} ${text.slice(site.offset, site.offset + site.length)} → ${wrong}`;
      expect(t1.map((f) => `${f.at?.line}:${f.at?.col}`), context).toEqual([where]);
      expect(t1[0]!.message, context).toContain(`为 ${site.value}`);
      expect(t1[0]!.severity, context).toBe('warning');
    }
  });
});
