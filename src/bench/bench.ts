/**
 * npm run bench: median time per report for DOCX and PDF in one warm process, the checks alone, and one
 * cold `report-gen build`. Targets on a 2-core machine: DOCX ≤ 40 ms, PDF ≤ 150 ms, cold build ≤ 1 s.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkFile } from '../check/check-report.js';
import { FontRegistry } from '../fonts/font-registry.js';
import { prepareReport } from '../pipeline/prepare-report.js';
import { writeDocx } from '../writers/docx/write-docx.js';
import { writePdf } from '../writers/pdf/write-pdf.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const example = process.env.BENCH_FILE ?? join(root, 'data', '2020.yaml');
const RUNS = 15;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function timed(runs: number, work: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return median(times);
}

const fonts = FontRegistry.create();
const prepared = prepareReport(example);
await writePdf(prepared.document, fonts); // warm up: module loading, font registration
await writeDocx(prepared.document);

const prepare = await timed(RUNS, () => prepareReport(example));
const checkAlone = await timed(RUNS, () => checkFile(example, { crossYear: false }));
const checkWithLastYear = await timed(RUNS, () => checkFile(join(root, 'data', '2021.yaml')));
const docx = await timed(RUNS, () => writeDocx(prepared.document));
const pdf = await timed(RUNS, () => writePdf(prepared.document, fonts));

const out = mkdtempSync(join(tmpdir(), 'report-gen-bench-'));
const cold: number[] = [];
for (let i = 0; i < 3; i++) {
  const start = performance.now();
  const run = spawnSync(process.execPath, [join(root, 'bin', 'report-gen.js'), 'build', example, '-o', out], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  cold.push(performance.now() - start);
}
rmSync(out, { recursive: true, force: true });

const rows: Array<[string, number, number | undefined]> = [
  ['checks: load, schema, totals, rules (warm)', checkAlone, 5],
  ['checks with last year\'s file (data/2021.yaml)', checkWithLastYear, undefined],
  ['checks + templates + document model (warm)', prepare, undefined],
  ['DOCX writer (warm)', docx, 40],
  ['PDF writer (warm)', pdf, 150],
  ['cold `report-gen build data/2020.yaml`', median(cold), 1000],
];
console.log(`report-gen benchmark (median of ${RUNS} warm runs, 3 cold runs)`);
for (const [name, ms, target] of rows) {
  const verdict = target === undefined ? '' : `   target ≤ ${target} ms ${ms <= target ? 'ok' : 'OVER'}`;
  console.log(`${name.padEnd(44)} ${ms.toFixed(1).padStart(8)} ms${verdict}`);
}
