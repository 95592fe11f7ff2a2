/**
 * A seeded fuzz: 1,200 mutants of the four examples go through check and an HTML build in this process, and a
 * sample of them through the command line (check, and a DOCX + PDF + HTML build). For every mutant:
 * - no internal error (exit 3);
 * - no English in any message;
 * - nothing written when the build fails;
 * - no successful build whose output holds [object Object], undefined, NaN or a literal {{;
 * - check and build agree on success.
 * A failure names the mutant's seed; `mutant(readFileSync(example), seed)` in test/helpers/mutate.ts replays it.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkFile } from '../src/pipeline/check-report.js';
import { FontRegistry } from '../src/fonts/font-registry.js';
import { buildReport } from '../src/pipeline/build-report.js';
import { formatFinding, type Finding } from '../src/report-error/finding.js';
import { toReportError } from '../src/report-error/translate-error.js';
import { englishWords } from './helpers/english.js';
import { ROOT, runCli, tempDir } from './helpers/cli.js';
import { recordMessages } from './helpers/message-log.js';
import { EXAMPLES, mutant } from './helpers/mutate.js';

const SEED = Number(process.env.REPORT_GEN_FUZZ_SEED ?? 20261201);
const COUNT = Number(process.env.REPORT_GEN_FUZZ_COUNT ?? 1200);
const CLI_SAMPLE = 8;
const LEAKS = /\[object Object\]|undefined|NaN|\{\{/;

const texts = EXAMPLES.map((example) => readFileSync(join(ROOT, example), 'utf8'));

/** The mutant of a seed, written where its build will look for templates and last year's file: a folder of its own. */
function writeMutant(dir: string, seed: number): { file: string; example: string } {
  const example = EXAMPLES[seed % EXAMPLES.length]!;
  const folder = join(dir, String(seed));
  mkdirSync(folder);
  const file = join(folder, 'report.yaml');
  writeFileSync(file, mutant(texts[seed % EXAMPLES.length]!, seed));
  return { file, example };
}

interface Outcome {
  ok: boolean;
  messages: string[];
  /** Rules of the errors. */
  errors: string[];
  /** A failure that is not the input's fault: a bug. */
  internal?: string;
}

function failed(error: unknown): Outcome {
  const translated = toReportError(error);
  if (!translated) return { ok: false, messages: [], errors: [], internal: (error as Error)?.stack ?? String(error) };
  return { ok: false, messages: translated.findings.map(formatFinding), errors: translated.findings.map((f) => f.rule) };
}

const lines = (findings: Finding[]) => findings.map(formatFinding);

describe(`a fuzz of ${COUNT} mutants (seeds ${SEED}–${SEED + COUNT - 1})`, () => {
  it('never breaks the five promises, in process', async () => {
    const dir = tempDir('fuzz');
    const fonts = FontRegistry.create();
    const problems: string[] = [];
    const tally = { built: 0, refused: 0 };
    for (let seed = SEED; seed < SEED + COUNT; seed++) {
      const { file, example } = writeMutant(dir, seed);
      const where = `seed ${seed} (${example})`;
      let check: Outcome;
      try {
        const checked = checkFile(file);
        check = { ok: !checked.findings.some((f) => f.severity === 'error'), messages: lines(checked.findings), errors: [] };
      } catch (error) {
        check = failed(error);
      }
      const out = join(dir, String(seed), 'out');
      let build: Outcome;
      let written: string[] = [];
      try {
        const result = await buildReport(file, { outDir: out, outputs: ['html'], fonts: () => fonts });
        build = { ok: true, messages: lines(result.findings), errors: [] };
        written = result.files;
      } catch (error) {
        build = failed(error);
      }
      for (const outcome of [check, build]) if (outcome.internal) problems.push(`${where}: internal error (exit 3)\n${outcome.internal}`);
      for (const message of [...check.messages, ...build.messages]) {
        const words = englishWords(message);
        if (words.length) problems.push(`${where}: English (${words.join(', ')}) in ${message}`);
      }
      recordMessages(`fuzz ${where}`, [...check.messages, ...build.messages].join('\n'));
      const left = existsSync(out) ? readdirSync(out) : [];
      if (!build.ok && left.length) problems.push(`${where}: the failed build left ${left.join(', ')}`);
      for (const output of written) {
        const leak = LEAKS.exec(readFileSync(output, 'utf8'));
        if (leak) problems.push(`${where}: the build succeeded with “${leak[0]}” in ${output}`);
      }
      // An HTML build embeds no font and checks no glyph, like `checkFile`: the two agree on every mutant.
      if (check.ok !== build.ok && !check.internal && !build.internal) {
        problems.push(`${where}: check ${check.ok ? 'passed' : 'failed'} but build ${build.ok ? 'passed' : 'failed'}\n  ${[...check.messages, ...build.messages].filter((m) => m.includes('错误')).join('\n  ')}`);
      }
      if (build.ok) tally.built++;
      else tally.refused++;
    }
    const distinct = [...new Set(problems)];
    expect(distinct, distinct.slice(0, 20).join('\n\n')).toEqual([]);
    // The mutants reach both outcomes, so the fuzz exercises more than the parser.
    expect(tally.built).toBeGreaterThan(COUNT / 20);
    expect(tally.refused).toBeGreaterThan(COUNT / 20);
  });

  it(`keeps them through the command line (${CLI_SAMPLE} of the seeds)`, () => {
    const dir = tempDir('fuzz-cli');
    const problems: string[] = [];
    for (let k = 0; k < CLI_SAMPLE; k++) {
      const seed = SEED + Math.floor((k * COUNT) / CLI_SAMPLE);
      const { file, example } = writeMutant(dir, seed);
      const where = `seed ${seed} (${example})`;
      const out = join(dir, String(seed), 'out');
      const check = runCli(['check', file]);
      const build = runCli(['build', file, '-o', out, '--to', 'docx,pdf,html']);
      for (const [name, run] of [['check', check], ['build', build]] as const) {
        if (![0, 1, 2].includes(run.code)) problems.push(`${where}: ${name} exited ${run.code}\n${run.stderr}`);
        const words = englishWords(run.stdout + run.stderr);
        if (words.length) problems.push(`${where}: ${name} printed English (${words.join(', ')})`);
      }
      const left = existsSync(out) ? readdirSync(out) : [];
      if (build.code !== 0 && (left.length || build.stdout.includes('已生成'))) problems.push(`${where}: the failed build left ${left.join(', ')}`);
      if (build.code === 0) {
        const html = left.find((f) => f.endsWith('.html'));
        const leak = html ? LEAKS.exec(readFileSync(join(out, html), 'utf8')) : null;
        if (leak || LEAKS.test(build.stdout + build.stderr)) problems.push(`${where}: the build succeeded with “${leak?.[0]}”`);
      }
      const glyphsOnly = check.code === 0 && build.code === 1 && build.stderr.split('\n').filter((l) => l.includes(' 错误 ')).every((l) => /没有字形|不含中文字形/.test(l));
      if ((check.code === 0) !== (build.code === 0) && !glyphsOnly) problems.push(`${where}: check exited ${check.code} but build ${build.code}`);
    }
    expect(problems, problems.join('\n\n')).toEqual([]);
  });
});
