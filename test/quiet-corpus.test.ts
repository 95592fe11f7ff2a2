/**
 * No false alarms. Reports typed from published ones (test/corpus/consistent/, several editions and sizes), the
 * examples (every report below data/), and the text clerks really write that once raised an alarm (test/corpus/quiet/, written by
 * test/corpus/make-corpus.mjs) must check with nothing but notices: no error, no warning. One `check --json`
 * run over all of them, as a user would run it on a folder.
 */
import { readdirSync, readFileSync } from 'node:fs';
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

/** Every example report below data/: a YAML file with a top-level `year:` (profiles and templates have none). */
function examples(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) return examples(path);
      return entry.name.endsWith('.yaml') && /^year:/m.test(readFileSync(join(ROOT, path), 'utf8')) ? [path] : [];
    });
}
const EXAMPLES = examples('data');

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
    // Every example of data/ is among them, the legacy ones included.
    expect(EXAMPLES).toEqual(expect.arrayContaining(['data/2021.yaml', 'data/2020.yaml', 'data/xinfeng/2017.yaml', 'data/dongfeng/2011.yaml', 'data/example-county/county/2021.yaml']));
    expect(report.files.map((f) => f.file)).toEqual([...CONSISTENT, ...QUIET, ...EXAMPLES]);
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
