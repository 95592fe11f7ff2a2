/**
 * No false alarms. Reports typed from published ones (test/corpus/consistent/, several editions and sizes), the
 * examples, and the text clerks really write that once raised an alarm (test/corpus/quiet/, written by
 * test/corpus/make-corpus.mjs) must check with nothing but notices: no error, no warning. One `check --json`
 * run over all of them, as a user would run it on a folder.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, type CliResult } from './helpers/cli.js';

const folder = (name: string) =>
  readdirSync(join(ROOT, 'test', 'corpus', name))
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => `test/corpus/${name}/${f}`);

const CONSISTENT = folder('consistent');
const QUIET = folder('quiet');
const EXAMPLES = ['data/2021.yaml', 'data/2020.yaml', 'data/dongfeng/2011.yaml', 'data/example-county'];

interface Report {
  files: Array<{ file: string; status: string; findings: Array<{ severity: string; rule: string; message: string; line: number; col: number }> }>;
}

describe('no false alarms', () => {
  let run: CliResult;
  let report: Report;
  beforeAll(() => {
    run = runCli(['check', ...CONSISTENT, ...QUIET, ...EXAMPLES, '--json']);
    report = JSON.parse(run.stdout) as Report;
  });

  it('has several typed reports and every former false alarm', () => {
    expect(CONSISTENT.length).toBeGreaterThanOrEqual(2);
    expect(QUIET.length).toBeGreaterThanOrEqual(10);
    expect(run.stderr).toBe('');
    // The folder of the example county holds four reports.
    expect(report.files.length).toBe(CONSISTENT.length + QUIET.length + EXAMPLES.length - 1 + 4);
  });

  it('reports nothing but notices on each file', () => {
    for (const file of report.files) {
      const loud = file.findings.filter((f) => f.severity !== 'info').map((f) => `${f.rule} ${f.line}:${f.col} ${f.message}`);
      expect(loud, file.file).toEqual([]);
      expect(file.status, file.file).toBe('clean');
    }
    expect(run.code).toBe(0);
  });
});
