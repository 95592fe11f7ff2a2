/**
 * The corpus of bad data files (test/corpus/bad/, written by test/corpus/make-corpus.mjs). Each checked file is
 * one of the four examples with one small edit, and starts with a header stating what `check` must report:
 *
 *   # case: …                 what was changed
 *   # base: …                 the example it came from
 *   # expect: RULE LINE:COL   one line per expected error or warning (X0 information only in the X0 cases)
 *   # exit: N
 *   # known-bug: …            report-gen is known to disagree; the case is skipped and listed in the report
 *
 * Only files with an `# exit:` header are checked. A cross-year case is a folder: the later year's file has the
 * header, last year's file beside it (`<year-1>.yaml`, or named by `previous:`) has none.
 *
 * The positions were derived from the files, not from report-gen's output (1-based; columns in characters):
 * - a wrong value (N1; SCHEMA wrong type, bad date, bad unit; FORMAT and E5 at `format`; E8 at `issued` or
 *   `document.printed_on`; E13 at `text.fee`; X0 at `year`, or at `previous` when that names the file): its
 *   first character. An unknown key: the key.
 * - a missing key: report-gen points at positionOf(path), which falls back to the deepest node that exists,
 *   i.e. the parent mapping node itself. That is not the parent's first entry value, as first assumed (checked
 *   with text.fee missing: report-gen points at `overview`, the key): a block mapping starts at its first key,
 *   a flow mapping at its `{`, the top-level mapping at its first key after the leading comments.
 * - YAML: a tab used as indentation at the tab; a duplicate key at its second occurrence; a full-width colon at
 *   the start of the would-be key; an unclosed `[` at the bracket.
 * - R1 at the column's element of requests.carried_out (one finding per column that does not balance; the 总计
 *   column is not reported again); R2 at the 7th element of the row; R3 at the wrong element of
 *   requests.results.total; R4 at the `total` value; R5 at the element of requests.carried_in; R6 at
 *   active.<matter>.previous; R8 at active.<kind>.in_force.
 * - L1–L6 at the typed total's value; L7 at the 其中 row's or channel's value; L8 at the value of
 *   requests.completed or requests.answered (a flow mapping's `{`, a block mapping's first key).
 * - C1 at the value of text.overview or text.problems: the `|` of the block scalar.
 * - in the text (E1, E2, E9, E10, E15, TEMPLATE), the character inside the block scalar: E1 the first blank
 *   character, the `（` of （文字描述）, the first X or ×; E2 the first character of the template text; E9 the
 *   year's first digit; E10 the first digit of the figure (the rule quotes the whole figure with 余/多 and its
 *   unit); E15 the first of two doubled marks, or the half-width mark; TEMPLATE the first character of the
 *   unknown name inside `{{ }}`, or the `{{` that is never closed; T1 the first digit of the figure, or the first
 *   character of the outcome words (均获维持, 全部办结); E6 the section number that starts the paragraph.
 * - E1 on the organisation's name: the first character of the value of org.name.
 * - L9 (information, listed only in the L9 case) at a sum left blank: the `~`, or the flow mapping's `{` when the
 *   key is absent.
 *
 * All files are checked in two runs of `check --json` (one per core); a file's exit code is the one `check`
 * gives it alone, derived from its status (unusable 2, errors 1, otherwise 0).
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'report-gen.js');
const CORPUS = join(ROOT, 'test', 'corpus', 'bad');

/** Every rule the corpus must exercise (there is no R7). */
const RULES = [
  'R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R8',
  'L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'L7', 'L8',
  'E1', 'E2', 'E5', 'E8', 'E9', 'E10', 'E13', 'E15',
  'N1', 'C1', 'X0', 'TEMPLATE', 'YAML', 'SCHEMA', 'FORMAT',
  'T1', 'E6', 'L9',
];
/** Rules that need several cases. */
const SEVERAL = ['R1', 'N1', 'E1', 'E15', 'SCHEMA', 'T1'];
const EXAMPLES = ['data/2021.yaml', 'data/2020.yaml', 'data/xinfeng/2017.yaml', 'data/dongfeng/2011.yaml'];

interface Case {
  /** Relative to test/corpus/bad. */
  name: string;
  file: string;
  description: string;
  base: string;
  /** "RULE LINE:COL", sorted. */
  expected: string[];
  exit: number;
  knownBug?: string;
  /** The folder of a cross-year case. */
  folder?: string;
}

function corpusFiles(): string[] {
  return readdirSync(CORPUS)
    .sort()
    .flatMap((name) => {
      const path = join(CORPUS, name);
      return statSync(path).isDirectory()
        ? readdirSync(path)
            .sort()
            .map((f) => join(path, f))
        : [path];
    })
    .filter((file) => file.endsWith('.yaml'));
}

function readCase(file: string): Case | undefined {
  const text = readFileSync(file, 'utf8');
  const exit = [...text.matchAll(/^# exit: (.*)$/gm)];
  if (exit.length === 0) return undefined;
  const header = (key: string) => new RegExp(`^# ${key}: (.*)$`, 'm').exec(text)?.[1]?.trim();
  const name = relative(CORPUS, file);
  const folder = name.includes('/') ? name.split('/')[0] : undefined;
  const knownBug = header('known-bug');
  return {
    name,
    file,
    description: header('case') ?? '',
    base: header('base') ?? '',
    expected: [...text.matchAll(/^# expect: (.*)$/gm)].map((m) => m[1]!.trim()).sort(),
    exit: exit.length === 1 && /^[0-2]$/.test(exit[0]![1]!) ? Number(exit[0]![1]) : NaN,
    ...(knownBug ? { knownBug } : {}),
    ...(folder ? { folder } : {}),
  };
}

const FILES = corpusFiles();
const CASES = FILES.map(readCase).filter((c): c is Case => c !== undefined);
const RUN = CASES.filter((c) => !c.knownBug);
const ruleOf = (expectation: string) => expectation.split(' ')[0]!;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** One `check --json` over many files: the fonts and the phrase table load once per process. */
function check(files: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'check', ...files, '--json'], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The exit code `check` gives a file on its own, from its status (as runCheck derives it). */
const EXIT_OF_STATUS: Record<string, number> = { clean: 0, warnings: 0, errors: 1, unusable: 2 };

interface JsonFinding {
  severity: 'error' | 'warning' | 'info';
  rule: string;
  message: string;
  file: string;
  line: number | null;
  col: number | null;
}

/** A line of a JavaScript stack trace, or an error class name printed as such. */
const STACK = /^\s+at\s.*(?::\d+:\d+\)?|\(native\)|<anonymous>\)?)\s*$|\b(?:Type|Reference|Range|Syntax)?Error:|node:internal/m;

interface FileReport {
  file: string;
  status: string;
  findings: JsonFinding[];
}

const results = new Map<string, FileReport>();
let stderrOfRuns = '';

describe('the corpus of bad data files', () => {
  beforeAll(async () => {
    // Two processes (the machine has two cores), each checking half of the files in one run.
    const halves = [RUN.filter((_, i) => i % 2 === 0), RUN.filter((_, i) => i % 2 === 1)];
    const runs = await Promise.all(halves.map((cases) => check(cases.map((c) => relative(ROOT, c.file)))));
    runs.forEach((run, h) => {
      stderrOfRuns += run.stderr;
      expect(run.stdout).not.toMatch(STACK);
      const report = JSON.parse(run.stdout) as { files: FileReport[] };
      expect(report.files).toHaveLength(halves[h]!.length);
      halves[h]!.forEach((c, i) => results.set(c.name, report.files[i]!));
    });
  }, 300_000);

  it('prints nothing on stderr and no stack trace', () => {
    expect(stderrOfRuns).toBe('');
  });

  it('has at least 45 checked files, each with a well-formed header', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(45);
    for (const c of CASES) {
      expect(c.expected.length, `${c.name}: no # expect:`).toBeGreaterThan(0);
      for (const e of c.expected) expect(e, c.name).toMatch(/^[A-Z][A-Z0-9]* [1-9]\d*:[1-9]\d*$/);
      expect([0, 1, 2], `${c.name}: # exit:`).toContain(c.exit);
      expect(c.description, `${c.name}: # case:`).not.toBe('');
    }
  });

  it('has one checked file per cross-year folder, beside last year’s file', () => {
    const folders = [...new Set(FILES.map((f) => relative(CORPUS, f)).filter((n) => n.includes('/')).map((n) => n.split('/')[0]!))];
    expect(folders.length).toBeGreaterThanOrEqual(3);
    for (const folder of folders) {
      const inFolder = FILES.filter((f) => relative(CORPUS, f).startsWith(`${folder}/`));
      expect(CASES.filter((c) => c.folder === folder).length, folder).toBe(1);
      expect(inFolder.length, folder).toBeGreaterThanOrEqual(2);
    }
  });

  it('covers every rule, several times where asked, from all four examples', () => {
    const count = (cases: Case[], rule: string) => cases.filter((c) => c.expected.some((e) => ruleOf(e) === rule)).length;
    for (const rule of RULES) {
      expect(count(CASES, rule), `${rule} in the headers`).toBeGreaterThanOrEqual(1);
      // A rule whose only case is a known bug is not really covered.
      expect(count(RUN, rule), `${rule} outside known bugs`).toBeGreaterThanOrEqual(1);
    }
    for (const rule of SEVERAL) expect(count(RUN, rule), rule).toBeGreaterThanOrEqual(3);
    const headerRules = new Set(CASES.flatMap((c) => c.expected.map(ruleOf)));
    expect([...headerRules].filter((r) => !RULES.includes(r)), 'rules outside the list').toEqual([]);
    for (const example of EXAMPLES) expect(CASES.some((c) => c.base.startsWith(example)), example).toBe(true);
  });

  for (const c of CASES) {
    const title = `${c.name}: ${c.description}`;
    if (c.knownBug) {
      it.skip(`${title} (known bug: ${c.knownBug})`, () => {});
      continue;
    }
    it(title, () => {
      const report = results.get(c.name);
      expect(report, 'not run').toBeDefined();
      const findings = report!.findings;
      for (const f of findings) expect(f.message, `${f.rule} message`).toMatch(/[\u4e00-\u9fff]/);

      // Errors and warnings; information only for the rules the file is about (X0).
      const about = new Set(c.expected.map(ruleOf));
      const actual = findings
        .filter((f) => f.severity !== 'info' || about.has(f.rule))
        .map((f) => `${f.rule} ${f.line}:${f.col}`)
        .sort();
      expect(actual).toEqual(c.expected);
      expect(EXIT_OF_STATUS[report!.status]).toBe(c.exit);
    });
  }
});
