/**
 * npm run bench: the targets, each with ok/OVER, on this machine:
 * - checks, DOCX and PDF writers, median per report in one warm process (wall and CPU time);
 * - a cold `report-gen build data/2020.yaml` and a cold `--to docx`, each paired with LibreOffice converting the
 *   same DOCX to PDF (`soffice --headless --convert-to pdf`), run alternately A B A B, with the median ratio: on a
 *   shared machine ratios hold where absolute times do not;
 * - a county of 50 townships on 2 workers, each run with new workers;
 * - one paragraph of 50,000 and of 200,000 characters built cold to PDF (layout linear in a paragraph's length).
 * `--cpu-prof` also writes V8 CPU profiles of a cold build and of a batch (every thread) to bench-profiles/ and
 * prints where their time went (profile-summary.ts). `--quick` runs fewer rounds.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkFile } from '../pipeline/check-report.js';
import { townshipVariant } from './township-variant.js';
import { longParagraphReport } from './long-paragraph.js';
import { formatSummary } from './profile-summary.js';
import { readP12 } from '../sign/p12.js';
import { renderSignedPdf } from '../sign/sign-pdf.js';
import { FontRegistry } from '../fonts/font-registry.js';
import { prepareReport } from '../pipeline/prepare-report.js';
import { writeDocx } from '../writers/docx/write-docx.js';
import { writePdf } from '../writers/pdf/write-pdf.js';
import { applyLibraryPatches } from '../patches/apply-library-patches.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const example = join(root, 'data', '2020.yaml');
const bin = join(root, 'bin', 'report-gen.js');
const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const profile = args.has('--cpu-prof');
const RUNS = quick ? 7 : 15;
/**
 * Work before timing, so that the timed runs see optimised code: at least this many runs and this much time. V8
 * optimises a function after it has run a while, so a short task (the checks, a few ms) needs hundreds of runs
 * before it is warm, and five were too few for any of them (the medians moved by a third from run to run). One
 * second was too little for the PDF writer: run for eight seconds in one process, its median per second was about
 * 130 ms in the first, 50–63 ms in the second and 44–58 ms in the third, and settled after that; the PDF/A writer,
 * timed later in the same process, came out faster than the plain one although it does more.
 */
const WARM_UP_RUNS = 5;
const WARM_UP_MS = 3000;
const BATCH_RUNS = 3;
/** Cold builds of each long paragraph, in turn. */
const LONG_ROUNDS = quick ? 1 : 3;
/** Rounds of the paired cold runs: build, build --to docx, LibreOffice, in turn. */
const COLD_ROUNDS = quick ? 3 : 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Wall and CPU time (all threads of this process) in ms. */
interface Time {
  wall: number;
  cpu: number;
}

const cpuMs = (since?: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

async function timed(runs: number, work: () => unknown): Promise<Time> {
  const warmUpStart = performance.now();
  for (let i = 0; i < WARM_UP_RUNS || performance.now() - warmUpStart < WARM_UP_MS; i++) await work();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    await work();
    wall.push(performance.now() - start);
    cpu.push(cpuMs(cpuStart));
  }
  return { wall: median(wall), cpu: median(cpu) };
}

applyLibraryPatches();

/**
 * The profiled runs use the compiled modules rather than the bundle (bin/report-gen.js): the phases of
 * profile-summary.ts are told apart by module path, which the bundle's chunks do not keep.
 */
const UNBUNDLED = { ...process.env, REPORT_GEN_NO_BUNDLE: '1' };

/** Clock ticks a second of /proc's CPU times (USER_HZ), when this is Linux. */
const ticksPerSecond = (() => {
  const asked = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
  const ticks = Number(asked.stdout);
  return asked.status === 0 && ticks > 0 && existsSync('/proc/self/stat') ? ticks : undefined;
})();

/**
 * CPU time (user and system, ms) of this process's ended children and what they waited for, all their threads
 * included: `cutime` and `cstime` of /proc/self/stat (Linux only). A batch's CPU time says what the run cost the
 * machine, which the machine's other load moves less than the wall time.
 */
function childrenCpuMs(): number | undefined {
  if (!ticksPerSecond) return undefined;
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 16 and 17 of proc(5), counted from the state, field 3.
  return ((Number(fields[16 - 3]) + Number(fields[17 - 3])) * 1000) / ticksPerSecond;
}

/** Runs a command to completion; returns its wall time in ms. */
function run(command: string, commandArgs: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): number {
  const start = performance.now();
  const done = spawnSync(command, commandArgs, { encoding: 'utf8', cwd: options.cwd ?? root, env: options.env ?? process.env });
  if (done.status !== 0) throw new Error(`${command} ${commandArgs.join(' ')}: ${done.stderr}`);
  return performance.now() - start;
}

/**
 * Each run's warm medians go to bench-history.jsonl (not tracked by git: timings belong to a machine). The PDF
 * writer's median is compared with the latest run of another commit there, wall and CPU time.
 */
function comparePdfWriter(now: Time): void {
  const file = join(root, 'bench-history.jsonl');
  const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout?.trim() || 'unknown';
  const history = existsSync(file)
    ? readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as { commit: string; date: string; load: string; pdf: Time })
    : [];
  const before = history.filter((entry) => entry.commit !== commit).at(-1);
  if (before) {
    const change = (a: number, b: number) => `${a >= b ? '+' : ''}${((100 * (a - b)) / b).toFixed(0)} %`;
    console.log(`PDF writer (warm) against ${before.commit} (${before.date}, load ${before.load}): wall ${before.pdf.wall.toFixed(1)} → ${now.wall.toFixed(1)} ms (${change(now.wall, before.pdf.wall)}), CPU ${before.pdf.cpu.toFixed(1)} → ${now.cpu.toFixed(1)} ms (${change(now.cpu, before.pdf.cpu)})`);
  } else console.log('PDF writer (warm): no run of another commit in bench-history.jsonl to compare with');
  appendFileSync(file, `${JSON.stringify({ commit, date: new Date().toISOString(), load: loadAtStart, pdf: now, docx, checks: checkAlone })}\n`);
}

const load = () => loadavg().map((n) => n.toFixed(2)).join(' ');
const loadAtStart = load();

const fonts = FontRegistry.create();
const prepared = prepareReport(example);

const prepare = await timed(RUNS, () => prepareReport(example));
const checkAlone = await timed(RUNS, () => checkFile(example, { crossYear: false }));
const checkWithLastYear = await timed(RUNS, () => checkFile(join(root, 'data', '2021.yaml')));
const docx = await timed(RUNS, () => writeDocx(prepared.document));
const pdf = await timed(RUNS, () => writePdf(prepared.document, fonts));

// Cold builds, paired with LibreOffice converting the same DOCX, in turn: A B C A B C …
const out = mkdtempSync(join(tmpdir(), 'report-gen-bench-'));
const office = mkdtempSync(join(tmpdir(), 'report-gen-bench-soffice-'));
const sofficeArgs = [`-env:UserInstallation=file://${office}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', join(office, 'out'), join(out, '2020.docx')];
const build = () => run(process.execPath, [bin, 'build', example, '-o', out]);
const buildDocx = () => run(process.execPath, [bin, 'build', example, '-o', join(out, 'docx-only'), '--to', 'docx']);
build();
const hasOffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
// The first conversion makes LibreOffice's user profile, which a user's conversions would not pay again.
if (hasOffice) run('soffice', sofficeArgs);
const cold: number[] = [];
const coldDocx: number[] = [];
const libreOffice: number[] = [];
const ratios: number[] = [];
for (let round = 0; round < COLD_ROUNDS; round++) {
  cold.push(build());
  coldDocx.push(buildDocx());
  if (hasOffice) {
    libreOffice.push(run('soffice', sofficeArgs));
    ratios.push(cold.at(-1)! / libreOffice.at(-1)!);
  }
}

let coldProfile = '';
if (profile) {
  const dir = join(root, 'bench-profiles', 'cold');
  rmSync(dir, { recursive: true, force: true });
  run(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, bin, 'build', example, '-o', out], { env: UNBUNDLED });
  coldProfile = formatSummary(readdirSync(dir).sort().map((f) => join(dir, f)));
}
rmSync(out, { recursive: true, force: true });
rmSync(office, { recursive: true, force: true });

// A county of 50 townships, built with checks, DOCX and PDF on 2 workers.
const county = mkdtempSync(join(tmpdir(), 'report-gen-bench-county-'));
const base = readFileSync(join(root, 'data', '2021.yaml'), 'utf8');
for (let i = 0; i < 50; i++) {
  const folder = join(county, 'data', `town${String(i + 1).padStart(2, '0')}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, '2021.yaml'), townshipVariant(base, { name: `第${i + 1}乡人民政府`, short: `第${i + 1}乡`, seed: i + 1 }));
}
// The command line's batch, as a user runs it (src/batch/run-batch.ts). Each run is a new process and pays the
// builders' start-up. A failed report fails the run.
const batchTimes: number[] = [];
const batchCpu: number[] = [];
for (let round = 0; round < BATCH_RUNS; round++) {
  rmSync(join(county, 'out'), { recursive: true, force: true });
  const cpuBefore = childrenCpuMs();
  batchTimes.push(run(process.execPath, [bin, 'build', join(county, 'data'), '-o', join(county, 'out'), '-j', '2']));
  const cpuAfter = childrenCpuMs();
  if (cpuBefore !== undefined && cpuAfter !== undefined) batchCpu.push(cpuAfter - cpuBefore);
}
let batchProfile = '';
if (profile) {
  // The command line's batch: the main thread and each worker write their own profile.
  const dir = join(root, 'bench-profiles', 'batch');
  rmSync(dir, { recursive: true, force: true });
  run(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, bin, 'build', join(county, 'data'), '-o', join(county, 'out-cli'), '-j', '2'], { env: UNBUNDLED });
  batchProfile = formatSummary(readdirSync(dir).sort().map((f) => join(dir, f)));
}
rmSync(county, { recursive: true, force: true });

// One long paragraph, built cold to PDF: 50,000 and 200,000 characters (the longest text the checks accept), in
// turn, and the median of each.
const long = mkdtempSync(join(tmpdir(), 'report-gen-bench-long-'));
const longFile = (chars: number) => {
  const file = join(long, `${chars}`, '2020.yaml');
  mkdirSync(join(long, `${chars}`));
  writeFileSync(file, longParagraphReport(readFileSync(example, 'utf8'), chars));
  return file;
};
const longFiles = { short: longFile(50_000), long: longFile(200_000) };
const longBuild = (file: string) => run(process.execPath, [bin, 'build', file, '-o', join(long, 'out'), '--to', 'pdf']);
const longTimes = { short: [] as number[], long: [] as number[] };
for (let round = 0; round < LONG_ROUNDS; round++) {
  longTimes.short.push(longBuild(longFiles.short));
  longTimes.long.push(longBuild(longFiles.long));
}
const long50k = median(longTimes.short);
const long200k = median(longTimes.long);
rmSync(long, { recursive: true, force: true });

// Signing: a PDF/A-1b rendering with a signature field, then the PAdES signature (test certificate made here).
const keys = mkdtempSync(join(tmpdir(), 'report-gen-bench-keys-'));
const openssl = (opensslArgs: string[]) => run('openssl', opensslArgs, { cwd: keys });
openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'key.pem', '-out', 'cert.pem', '-days', '2', '-subj', '/CN=Bench', '-addext', 'keyUsage=critical,digitalSignature']);
openssl(['pkcs12', '-export', '-inkey', 'key.pem', '-in', 'cert.pem', '-out', 'bench.p12', '-passout', 'pass:bench']);
const identity = readP12(readFileSync(join(keys, 'bench.p12')), 'bench');
rmSync(keys, { recursive: true, force: true });
const signOptions = { signingTime: new Date(), reason: 'bench', location: 'bench' };
const archivalPdf = await timed(RUNS, () => writePdf(prepared.document, fonts, { archival: true }));
const signedPdf = await timed(RUNS, () => renderSignedPdf(prepared.document, fonts, identity, signOptions));

type Row = [name: string, value: number | Time, target: number | undefined, unit?: 'ms' | '×'];
const rows: Row[] = [
  ['checks: load, schema, totals, rules (warm)', checkAlone, 3],
  ["checks with last year's file (data/2021.yaml)", checkWithLastYear, undefined],
  ['checks + templates + document model (warm)', prepare, undefined],
  ['DOCX writer (warm)', docx, 15],
  ['PDF writer (warm)', pdf, 40],
  [`cold \`report-gen build data/2020.yaml\` (median of ${COLD_ROUNDS})`, median(cold), 500],
  ['cold `report-gen build --to docx`', median(coldDocx), 300],
  ...(hasOffice
    ? ([
        ['LibreOffice: the same DOCX to PDF, cold', median(libreOffice), undefined],
        ['cold build ÷ LibreOffice (median of pairs)', median(ratios), 0.4, '×'],
      ] as Row[])
    : []),
  [`50-township batch, 2 workers (median of ${BATCH_RUNS})`, median(batchTimes), 3000],
  ['50-township batch: fastest run', Math.min(...batchTimes), undefined],
  ['50-township batch: per report (median run ÷ 50)', median(batchTimes) / 50, undefined],
  ...(batchCpu.length ? ([['50-township batch: CPU time, all processes and threads (median)', median(batchCpu), undefined]] as Row[]) : []),
  [`one paragraph of 50,000 characters, cold PDF (median of ${LONG_ROUNDS})`, long50k, undefined],
  [`one paragraph of 200,000 characters, cold PDF (median of ${LONG_ROUNDS})`, long200k, 2000],
  ['PDF/A-1b writer (warm)', archivalPdf, undefined],
  ['signed PDF/A-1b: render + sign (warm)', signedPdf, undefined],
];
console.log(`report-gen benchmark (median of ${RUNS} warm runs, ${COLD_ROUNDS} cold rounds); load average ${loadAtStart} at start, ${load()} at end`);
if (!hasOffice) console.log('soffice not found: the cold build is not compared with LibreOffice');
const nameWidth = Math.max(...rows.map(([name]) => name.length));
for (const [name, value, target, unit = 'ms'] of rows) {
  const wall = typeof value === 'number' ? value : value.wall;
  const cpu = typeof value === 'number' ? '' : `  (CPU ${value.cpu.toFixed(1)} ms)`;
  const shown = unit === '×' ? `${wall.toFixed(2).padStart(8)} ×` : `${wall.toFixed(1).padStart(8)} ms`;
  const verdict = target === undefined ? '' : `   target ≤ ${target} ${unit} ${wall <= target ? 'ok' : 'OVER'}`;
  console.log(`${name.padEnd(nameWidth)} ${shown}${verdict}${cpu}`);
}
comparePdfWriter(pdf);
console.log(`long paragraph, 200,000 ÷ 50,000 characters: ${(long200k / long50k).toFixed(2)} × the time for 4 × the text (linear: about 4, less the fixed start-up)`);
console.log(`peak memory of this process (resident set, all threads)  ${(process.resourceUsage().maxRSS / 1024).toFixed(0).padStart(8)} MB`);
if (profile) {
  console.log(`\nCPU profile of a cold build (bench-profiles/cold):\n${coldProfile}`);
  console.log(`\nCPU profile of a 50-township batch on 2 workers (bench-profiles/batch):\n${batchProfile}`);
}
if (existsSync(join(root, 'bench-profiles'))) console.log('\nprofiles open in Chrome DevTools (Performance) or https://www.speedscope.app');
