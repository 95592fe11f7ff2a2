/**
 * Builds generated reports in this process and checks their pages: each seed's data file and PDF are kept in a
 * temporary folder, and a failure names its seed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { FontRegistry } from '../../src/fonts/font-registry.js';
import { YamlSource } from '../../src/load/yaml-source.js';
import { prepareFromSource } from '../../src/pipeline/prepare-report.js';
import { writePdf } from '../../src/writers/pdf/write-pdf.js';
import { checkLayout } from '../readers/pdf-layout.js';
import { tempDir } from './cli.js';
import { corpusReport } from './layout-corpus.js';

export interface CorpusRun {
  failures: string[];
  digits: Set<number>;
}

/** Seeds `from` to `to`, inclusive. */
export async function runCorpus(from: number, to: number): Promise<CorpusRun> {
  const dir = join(tempDir('layout-corpus'), 'corpus');
  mkdirSync(dir, { recursive: true });
  const fonts = FontRegistry.create();
  const run: CorpusRun = { failures: [], digits: new Set() };
  for (let seed = from; seed <= to; seed++) {
    const report = corpusReport(seed);
    run.digits.add(report.digits);
    const data = join(dir, `seed-${seed}.yaml`);
    const pdf = join(dir, `seed-${seed}.pdf`);
    writeFileSync(data, report.yaml);
    try {
      const prepared = prepareFromSource(YamlSource.parse(report.yaml, data, data));
      writeFileSync(pdf, await writePdf(prepared.document, fonts));
      const breaches = checkLayout(pdf);
      if (breaches.length) run.failures.push(`seed ${seed} (${pdf}):\n${breaches.map((b) => `p.${b.page} ${b.kind}: ${b.detail}`).join('\n')}`);
    } catch (error) {
      run.failures.push(`seed ${seed} (${data}): ${(error as Error).message}`);
    }
  }
  return run;
}

/** The tests of one part of the corpus: every figure size is covered, and no report breaks a page rule. */
export function describeCorpus(from: number, to: number): void {
  describe(`generated reports, seeds ${from} to ${to}`, () => {
    let run: CorpusRun;
    beforeAll(async () => {
      run = await runCorpus(from, to);
    }, 900_000);

    it('cover figures of 1 to 7 digits', () => {
      expect([...run.digits].sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    });

    it('break no page rule', () => {
      expect(run.failures.join('\n\n')).toBe('');
    });
  });
}
