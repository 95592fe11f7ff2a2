/**
 * The corpus of bad data files (test/corpus/bad/, written by make-corpus.mjs): each file's header states the
 * findings it must produce — rule and line:col — and the exit code; `check --json` must produce exactly those.
 */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { BIN, ROOT } from './helpers/cli.js';

const CORPUS = join(ROOT, 'test', 'corpus', 'bad');

interface Case {
  file: string;
  expected: string[];
  info: string[];
  exit: number;
}

function cases(): Case[] {
  const files = readdirSync(CORPUS).flatMap((name) => {
    const path = join(CORPUS, name);
    return statSync(path).isDirectory() ? readdirSync(path).map((f) => join(path, f)) : [path];
  });
  return files
    .map((file) => ({ file, text: readFileSync(file, 'utf8') }))
    .filter(({ text }) => /^# exit: \d+$/m.test(text))
    .map(({ file, text }) => ({
      file,
      expected: [...text.matchAll(/^# expect: (\S+) (\S+)$/gm)].map((m) => `${m[1]} ${m[2]}`).sort(),
      info: [...text.matchAll(/^# expect-info: (\S+) (\S+)$/gm)].map((m) => `${m[1]} ${m[2]}`),
      exit: Number(/^# exit: (\d+)$/m.exec(text)![1]),
    }));
}

function check(file: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'check', '--json', file], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

const CASES = cases();

describe('the corpus of bad data files', () => {
  it('has at least 40 files covering every rule', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    const rules = new Set(CASES.flatMap((c) => [...c.expected, ...c.info].map((e) => e.split(' ')[0])));
    for (const rule of ['N1', 'R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R8', 'X0', 'L1', 'L2', 'L5', 'L6', 'L7', 'L8', 'E1', 'E2', 'E5', 'E8', 'E9', 'E10', 'E13', 'E15', 'C1', 'TEMPLATE', 'SCHEMA', 'FORMAT', 'YAML']) {
      expect(rules.has(rule), rule).toBe(true);
    }
  });

  it('gives exactly the stated findings, positions and exit code for every file', async () => {
    const results: Array<{ c: Case; r: Awaited<ReturnType<typeof check>> }> = [];
    for (let i = 0; i < CASES.length; i += 4) {
      const chunk = CASES.slice(i, i + 4);
      results.push(...(await Promise.all(chunk.map(async (c) => ({ c, r: await check(c.file) })))));
    }
    const failures: string[] = [];
    for (const { c, r } of results) {
      const name = relative(CORPUS, c.file);
      if (r.stderr) failures.push(`${name}: stderr ${r.stderr}`);
      const report = JSON.parse(r.stdout) as { files: Array<{ findings: Array<{ severity: string; rule: string; message: string; line: number; col: number }> }> };
      const findings = report.files[0]!.findings;
      if (findings.some((f) => !/[\u4e00-\u9fff]/.test(f.message))) failures.push(`${name}: a message without Chinese`);
      const actual = findings.filter((f) => f.severity !== 'info').map((f) => `${f.rule} ${f.line}:${f.col}`).sort();
      const matches = (want: string, got: string) => {
        const [rule, where] = want.split(' ');
        if (where === 'any') return got.startsWith(`${rule} `);
        if (where!.endsWith(':any')) return got.startsWith(`${rule} ${where!.slice(0, -3)}`);
        return got === want;
      };
      const unmatched = [...actual];
      for (const want of c.expected) {
        const index = unmatched.findIndex((got) => matches(want, got));
        if (index < 0) failures.push(`${name}: expected ${want}, got ${actual.join(', ') || 'nothing'}`);
        else unmatched.splice(index, 1);
      }
      if (unmatched.length) failures.push(`${name}: unexpected ${unmatched.join(', ')}`);
      for (const info of c.info) {
        if (!findings.some((f) => `${f.rule} ${f.line}:${f.col}` === info)) failures.push(`${name}: expected information ${info}`);
      }
      if (r.code !== c.exit) failures.push(`${name}: exit ${r.code}, expected ${c.exit}`);
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
