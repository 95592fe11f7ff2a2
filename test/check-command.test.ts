/** report-gen check: human and JSON output, --strict, exit codes, cross-year and text rules. */
import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkFile } from '../src/pipeline/check-report.js';
import { positionOf, ROOT, runCli, tempDir, variantOf } from './helpers/cli.js';

/** The 统计表 of 信丰县2017 (seed 001) as published, which data/xinfeng/2017.yaml corrects. */
const PUBLISHED = 'test/corpus/bad/l1-l8-xinfeng-as-published.yaml';

const json = (args: string[]) => {
  const result = runCli(['check', '--json', ...args]);
  return { code: result.code, report: JSON.parse(result.stdout), stderr: result.stderr };
};

describe('the examples', () => {
  it('national examples check clean; 2021 is compared with 2020 next to it', () => {
    const { code, report } = json(['data/2020.yaml', 'data/2021.yaml']);
    expect(code).toBe(0);
    expect(report.files.map((f: { status: string }) => f.status)).toEqual(['clean', 'clean']);
    const rules = report.files.flatMap((f: { findings: Array<{ rule: string }> }) => f.findings.map((x) => x.rule));
    expect(rules).toEqual(['X0']); // only 2020 lacks a previous year
  });

  it('seed 001 as published gets exactly the findings it deserves: its channel sum and its 办结/答复 gaps', () => {
    const { code, report } = json([PUBLISHED]);
    expect(code).toBe(0);
    const findings = report.files[0].findings.filter((f: { severity: string }) => f.severity !== 'info');
    expect(findings.map((f: { rule: string; severity: string }) => `${f.severity} ${f.rule}`)).toEqual(['warning L1', 'warning L8', 'warning L8']);
    expect(report.summary).toEqual({ files: 1, errors: 0, warnings: 3, info: 4 }); // X0 and three L9 (sums left blank, computed)
    // The example corrects them, and keeps the notices.
    expect(json(['data/xinfeng/2017.yaml']).report.summary).toEqual({ files: 1, errors: 0, warnings: 0, info: 4 });
  });

  it('--strict turns warnings into errors, for check and for build', () => {
    expect(runCli(['check', '--strict', PUBLISHED]).code).toBe(1);
    const out = tempDir('strict');
    const build = runCli(['build', '--strict', PUBLISHED, '-o', out]);
    expect(build.code).toBe(1);
    expect(build.stderr).toMatch(/^test\/corpus\/bad\/l1-l8-xinfeng-as-published\.yaml:\d+:\d+ 错误 L1 /m);
    expect(build.stdout).toBe('');
  });
});

describe('output and exit codes', () => {
  it('prints one line per finding with file:line:col and rule id, then a summary', () => {
    const file = variantOf('data/2021.yaml', (t) => t.replace(/^(\s*)carried_out:\s*\[\s*(\d+)/m, (_m, i: string, n: string) => `${i}carried_out: [${Number(n) + 2}`));
    const result = runCli(['check', file]);
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split('\n');
    // One finding for the 自然人 column; the 总计 column follows from it and is not repeated.
    expect(lines.at(-1)).toBe('检查完成：1 个文件，错误 1 处，警告 0 处，提示 1 处');
    expect(lines.filter((l) => / R1 /.test(l))).toHaveLength(1);
    expect(lines.find((l) => / R1 /.test(l))).toMatch(/^\S+:\d+:\d+ 错误 R1 表三「自然人」列：本年新收 6 \+ 上年结转 0 = 6，但办理结果总计 5 \+ 结转下年度 3 = 8，相差 2$/);
  });

  it('exits 2 for unusable input and still reports the other files', () => {
    const broken = join(tempDir('broken'), 'broken.yaml');
    writeFileSync(broken, 'year: [2021\n');
    const { code, report } = json([broken, 'data/2021.yaml']);
    expect(code).toBe(2);
    expect(report.files.map((f: { status: string }) => f.status)).toEqual(['unusable', 'clean']);
    expect(report.files[0].findings[0]).toMatchObject({ severity: 'error', rule: 'YAML', line: expect.any(Number), col: expect.any(Number) });
  });
});

describe('cross-year rules', () => {
  function pair(edit2021: (t: string) => string, edit2020: (t: string) => string = (t) => t) {
    const dir = tempDir('years');
    writeFileSync(join(dir, '2020.yaml'), edit2020(readFileSync(join(ROOT, 'data/2020.yaml'), 'utf8')));
    writeFileSync(join(dir, '2021.yaml'), edit2021(readFileSync(join(ROOT, 'data/2021.yaml'), 'utf8')));
    return join(dir, '2021.yaml');
  }

  it('R5: 上年结转 differs from last year\'s 结转下年度', () => {
    const file = pair((t) => t, (t) => t.replace(/^(\s*)carried_out:\s*\[\s*0/m, '$1carried_out: [2'));
    const findings = checkFile(file).findings.filter((f) => f.rule === 'R5');
    const text = readFileSync(file, 'utf8');
    const carriedIn = positionOf(text, '[', text.indexOf('carried_in:'));
    expect(findings).toEqual([
      {
        severity: 'warning',
        rule: 'R5',
        message: '表三「二、上年结转政府信息公开申请数量」「自然人」为 0，但上一年度（2020.yaml）「四、结转下年度继续办理」为 2',
        at: expect.objectContaining({ line: carriedIn.line, col: carriedIn.col + 1 }),
      },
    ]);
  });

  it('finds last year through `previous:` and says once when there is none', () => {
    const dir = tempDir('previous');
    mkdirSync(join(dir, 'old'), { recursive: true });
    copyFileSync(join(ROOT, 'data/2020.yaml'), join(dir, 'old', 'last.yaml'));
    const text = readFileSync(join(ROOT, 'data/2021.yaml'), 'utf8').replace(/^year: 2021$/m, 'year: 2021\nprevious: old/last.yaml');
    writeFileSync(join(dir, 'report.yaml'), text);
    expect(checkFile(join(dir, 'report.yaml')).findings.filter((f) => f.rule === 'X0')).toEqual([]);
    writeFileSync(join(dir, 'alone.yaml'), readFileSync(join(ROOT, 'data/2021.yaml'), 'utf8'));
    const info = checkFile(join(dir, 'alone.yaml')).findings.filter((f) => f.severity === 'info');
    expect(info.map((f) => f.message)).toEqual(['未找到上一年度数据文件 2020.yaml，跨年度核对（R5、R6、R8）未进行']);
  });

  it('R6: 2019 表二 上一年项目数量 against last year\'s 上一年项目数量 + 本年增/减', () => {
    const dir = tempDir('r6');
    const y2020 = readFileSync(join(ROOT, 'data/2020.yaml'), 'utf8');
    writeFileSync(join(dir, '2019.yaml'), y2020.replace(/^year: 2020$/m, 'year: 2019').replace(/^issued: .*$/m, 'issued: 2020-01-20').replace(/licensing:\s*\{\s*previous:\s*\d+,\s*change:\s*-?\d+/, 'licensing: { previous: 10, change: 5'));
    writeFileSync(join(dir, '2020.yaml'), y2020);
    const findings = checkFile(join(dir, '2020.yaml')).findings.filter((f) => f.rule === 'R6' && f.message.includes('行政许可'));
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toMatch(/^表二「行政许可」「上一年项目数量」为 \d+，但上一年度（2019\.yaml）上一年项目数量 10 \+ 本年增\/减 5 = 15$/);
  });

  it('R8: 2021 现行有效件数 against last year\'s + 本年制发 − 本年废止, as a warning', () => {
    const dir = tempDir('r8');
    const y2021 = readFileSync(join(ROOT, 'data/2021.yaml'), 'utf8');
    writeFileSync(join(dir, '2021.yaml'), y2021);
    writeFileSync(join(dir, '2022.yaml'), y2021.replace(/^year: 2021$/m, 'year: 2022').replace(/^issued: .*$/m, 'issued: 2023-01-18'));
    const findings = checkFile(join(dir, '2022.yaml')).findings.filter((f) => f.rule === 'R8');
    // 2021: normative documents issued 2, repealed 1, in force 6; 2022 repeats those figures, so 6 + 2 − 1 = 7 ≠ 6.
    expect(findings.map((f) => [f.severity, f.message])).toEqual([
      ['warning', '表二「行政规范性文件」「现行有效件数」为 6，但上一年度（2021.yaml）现行有效 6 + 本年制发 2 − 本年废止 1 = 7（如有修改可忽略）'],
    ]);
  });
});

describe('narrative text rules', () => {
  const lint = (sentence: string) => {
    const file = variantOf('data/2021.yaml', (t) => t.replace(/^(\s*)## (.*)$/m, `$1## $2\n$1${sentence}`));
    const text = readFileSync(file, 'utf8');
    return { findings: checkFile(file).findings.filter((f) => f.severity !== 'info'), text };
  };

  it('E1: blank numbers from seed 002 are errors at the blank', () => {
    const { findings, text } = lint('累计主动公开政府信息  余条，收到和处理政府信息公开申请   件。');
    expect(findings.map((f) => f.rule)).toEqual(['E1', 'E1']);
    const first = positionOf(text, '  余条');
    expect(findings[0]!.at).toMatchObject(first);
  });

  it('E1 and E2: placeholders and template text', () => {
    expect(lint('（文字描述）').findings.map((f) => `${f.severity} ${f.rule}`)).toEqual(['error E1']);
    expect(lint('本乡公开XX条。').findings.map((f) => f.rule)).toEqual(['E1']);
    expect(lint('政府信息公开工作年度报告格式模板').findings.map((f) => f.rule)).toEqual(['E2']);
  });

  it('E9, E10, E15 are warnings', () => {
    expect(lint('坚持2008年以来的做法。').findings.map((f) => `${f.severity} ${f.rule}`)).toEqual(['warning E9']);
    expect(lint('接受公众咨询758多件。').findings.map((f) => `${f.severity} ${f.rule}`)).toEqual(['warning E10']);
    const { findings, text } = lint('通过新闻媒体、、信丰之窗公开,并且(及时)更新。');
    expect(findings.map((f) => f.rule)).toEqual(['E15', 'E15', 'E15', 'E15']);
    expect(findings[0]!.at).toMatchObject(positionOf(text, '、、'));
  });
});
