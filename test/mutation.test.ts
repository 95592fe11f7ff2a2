/**
 * A valid file through a few hundred random edits: check never crashes, never prints a stack trace and
 * always ends with exit code 0, 1 or 2.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkSource } from '../src/pipeline/check-report.js';
import { YamlSource } from '../src/load/yaml-source.js';
import { EXIT, ReportError } from '../src/report-error/finding.js';
import { seededRandom as random } from '../src/bench/seeded-random.js';
import { ROOT, runCli, tempDir } from './helpers/cli.js';
import { EXAMPLES, mutate } from './helpers/mutate.js';

describe('random edits of valid files', () => {
  it('never crash the checks (300 edits, in process)', () => {
    const next = random(20261122);
    const outcomes = { ok: 0, findings: 0, unusable: 0 };
    for (let i = 0; i < 300; i++) {
      const example = EXAMPLES[i % EXAMPLES.length]!;
      let text = readFileSync(join(ROOT, example), 'utf8');
      for (let k = 1 + Math.floor(next() * 3); k > 0; k--) text = mutate(text, next);
      try {
        const checked = checkSource(YamlSource.parse(text, `mutant-${i}.yaml`, join(ROOT, example)), { crossYear: false });
        if (checked.findings.some((f) => f.severity === 'error')) outcomes.findings++;
        else outcomes.ok++;
        for (const f of checked.findings) expect(f.message, `mutant ${i}`).toMatch(/[\u4e00-\u9fff]/);
      } catch (error) {
        if (!(error instanceof ReportError)) throw new Error(`mutant ${i} of ${example} crashed: ${(error as Error).stack}\n---\n${text}`);
        expect([EXIT.findings, EXIT.unusableInput]).toContain(error.exitCode);
        for (const f of error.findings) expect(f.message, `mutant ${i}`).toMatch(/[\u4e00-\u9fff]/);
        if (error.exitCode === EXIT.unusableInput) outcomes.unusable++;
        else outcomes.findings++;
      }
    }
    // The edits reach every outcome, so the test exercises more than the parser.
    expect(outcomes.ok).toBeGreaterThan(0);
    expect(outcomes.findings).toBeGreaterThan(0);
    expect(outcomes.unusable).toBeGreaterThan(0);
  });

  it('exit 0, 1 or 2 from the command line, with no stack trace (20 edits)', () => {
    const next = random(7);
    const dir = tempDir('mutants');
    for (let i = 0; i < 20; i++) {
      let text = readFileSync(join(ROOT, EXAMPLES[i % 2]!), 'utf8');
      for (let k = 1 + Math.floor(next() * 3); k > 0; k--) text = mutate(text, next);
      const file = join(dir, `${2021 - (i % 2)}-${i}.yaml`);
      writeFileSync(file, text);
      const result = runCli(['check', file]);
      expect([0, 1, 2], result.stderr).toContain(result.code);
      expect(result.stdout + result.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
      expect(result.stderr).not.toContain('内部错误');
    }
  });
});
