/**
 * npm run bench: median time per report for DOCX and PDF in one warm process, the checks alone, a cold
 * `report-gen build`, and a county of 50 townships on 2 workers. Targets on a 2-core machine: DOCX ≤ 40 ms,
 * PDF ≤ 150 ms, cold build ≤ 1 s, the county ≤ 6 s.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBatch } from '../batch/run-batch.js';
import { checkFile } from '../pipeline/check-report.js';
import { townshipVariant } from './township-variant.js';
import { readP12 } from '../sign/p12.js';
import { renderSignedPdf } from '../sign/sign-pdf.js';
import { FontRegistry } from '../fonts/font-registry.js';
import { prepareReport } from '../pipeline/prepare-report.js';
import { writeDocx } from '../writers/docx/write-docx.js';
import { writePdf } from '../writers/pdf/write-pdf.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const example = join(root, 'data', '2020.yaml');
const RUNS = 15;
/** Runs before timing, so that the timed runs see optimised code (V8 optimises over the first few reports). */
const WARM_UP_RUNS = 5;
const BATCH_RUNS = 3;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function timed(runs: number, work: () => unknown): Promise<number> {
  for (let i = 0; i < WARM_UP_RUNS; i++) await work();
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

// A county of 50 townships, built with checks, DOCX and PDF on 2 workers (target ≤ 6 s).
const county = mkdtempSync(join(tmpdir(), 'report-gen-bench-county-'));
const base = readFileSync(join(root, 'data', '2021.yaml'), 'utf8');
const tasks = Array.from({ length: 50 }, (_, i) => {
  const folder = join(county, 'data', `town${String(i + 1).padStart(2, '0')}`);
  mkdirSync(folder, { recursive: true });
  const file = join(folder, '2021.yaml');
  writeFileSync(file, townshipVariant(base, { name: `第${i + 1}乡人民政府`, short: `第${i + 1}乡`, seed: i + 1 }));
  return { file, outDir: join(county, 'out'), outputs: ['docx', 'pdf'] as Array<'docx' | 'pdf'>, config: 'report-gen.config.yaml', strict: false };
});
// Each run starts new workers, so every run pays their start-up, as a user's build does.
const batchTimes: number[] = [];
const reportTimes: number[] = [];
let failed = 0;
for (let run = 0; run < BATCH_RUNS; run++) {
  const batchStart = performance.now();
  const outcomes = await runBatch(tasks, 2);
  batchTimes.push(performance.now() - batchStart);
  reportTimes.push(...outcomes.map((o) => o.ms));
  failed += outcomes.filter((o) => !o.ok).length;
}
rmSync(county, { recursive: true, force: true });
if (failed) throw new Error(`${failed} township reports failed over ${BATCH_RUNS} runs`);

// Signing: a PDF/A-1b rendering with a signature field, then the PAdES signature (test certificate made here).
const keys = mkdtempSync(join(tmpdir(), 'report-gen-bench-keys-'));
const openssl = (args: string[]) => {
  const run = spawnSync('openssl', args, { cwd: keys, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
};
openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'key.pem', '-out', 'cert.pem', '-days', '2', '-subj', '/CN=Bench', '-addext', 'keyUsage=critical,digitalSignature']);
openssl(['pkcs12', '-export', '-inkey', 'key.pem', '-in', 'cert.pem', '-out', 'bench.p12', '-passout', 'pass:bench']);
const identity = readP12(readFileSync(join(keys, 'bench.p12')), 'bench');
rmSync(keys, { recursive: true, force: true });
const signOptions = { signingTime: new Date(), reason: 'bench', location: 'bench' };
const archivalPdf = await timed(RUNS, () => writePdf(prepared.document, fonts, { archival: true }));
const signedPdf = await timed(RUNS, () => renderSignedPdf(prepared.document, fonts, identity, signOptions));

const rows: Array<[string, number, number | undefined]> = [
  ['checks: load, schema, totals, rules (warm)', checkAlone, 5],
  ['checks with last year\'s file (data/2021.yaml)', checkWithLastYear, undefined],
  ['checks + templates + document model (warm)', prepare, undefined],
  ['DOCX writer (warm)', docx, 40],
  ['PDF writer (warm)', pdf, 150],
  ['cold `report-gen build data/2020.yaml`', median(cold), 1000],
  ['PDF/A-1b writer (warm)', archivalPdf, undefined],
  ['signed PDF/A-1b: render + sign (warm)', signedPdf, undefined],
  [`50-township batch, 2 workers (median of ${BATCH_RUNS})`, median(batchTimes), 6000],
  ['50-township batch: fastest run', Math.min(...batchTimes), undefined],
  ['50-township batch: per report (median)', median(reportTimes), undefined],
];
console.log(`report-gen benchmark (median of ${RUNS} warm runs, 3 cold runs)`);
for (const [name, ms, target] of rows) {
  const verdict = target === undefined ? '' : `   target ≤ ${target} ms ${ms <= target ? 'ok' : 'OVER'}`;
  console.log(`${name.padEnd(44)} ${ms.toFixed(1).padStart(8)} ms${verdict}`);
}
console.log(`peak memory (resident set, all threads)             ${(process.resourceUsage().maxRSS / 1024).toFixed(0).padStart(8)} MB`);
