/**
 * `check` runs what `build` runs and takes what `build` takes: folders, --config, glyph coverage; org profiles
 * are never taken for reports; every finding is counted; `--fix` rewrites agreeing figures in place or nothing;
 * A2 compares a county with the sum of its members.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { narrativeToMarkup } from '../src/templating/narrative.js';
import { positionOf, ROOT, runCli, tempDir, variantOf } from './helpers/cli.js';

const json = (args: string[], cwd = ROOT) => {
  const result = runCli(['check', '--json', ...args], { cwd });
  return { ...result, report: JSON.parse(result.stdout) as { files: Array<{ file: string; status: string; findings: Array<{ rule: string; severity: string; line: number; col: number; message: string }> }>; summary: Record<string, number> } };
};

describe('check = build', () => {
  it('takes a folder and finds the same files as build, never an org profile', () => {
    const { code, report } = json(['data/example-county']);
    expect(code).toBe(0);
    expect(report.files.map((f) => f.file)).toEqual(['county', 'dongshan', 'nanhu', 'xishan'].map((m) => `data/example-county/${m}/2021.yaml`));
    // What a shell makes of data/example-county/*/*.yaml: the profiles in orgs/ are left out.
    const expanded = ['county', 'dongshan', 'nanhu', 'orgs', 'xishan'].flatMap((m) =>
      m === 'orgs' ? ['county', 'dongshan', 'nanhu', 'xishan'].map((o) => `data/example-county/orgs/${o}.yaml`) : [`data/example-county/${m}/2021.yaml`],
    );
    const shell = json(expanded);
    expect(shell.code).toBe(0);
    expect(shell.report.files).toHaveLength(4);
  });

  it('reports a character the fonts cannot print, as build does', () => {
    const file = variantOf('data/2021.yaml', (t) => t.replace('无其他需要报告的事项。', '无其他需要报告的事项𠀀。'));
    const check = json([file]);
    expect(check.code).toBe(1);
    const glyph = check.report.files[0]!.findings.find((f) => f.rule === 'GLYPH');
    const text = readFileSync(file, 'utf8');
    expect(glyph).toMatchObject({ severity: 'error', ...positionOf(text, '𠀀') });
    expect(runCli(['build', file, '-o', tempDir('glyph')]).code).toBe(1);
  });

  it('takes --config, and a broken config is one message before any file', () => {
    const dir = tempDir('config');
    writeFileSync(join(dir, 'bad.yaml'), 'fonts: { body: 12 }\n');
    const result = runCli(['check', 'data/2021.yaml', '--config', join(dir, 'bad.yaml')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/配置文件中的字体设置不正确/);
    expect(result.stdout).toBe('');
  });

  it('counts every finding and says how many were not printed', () => {
    // Every zero of 表三 typed negative: one N1 per cell, far more than are printed.
    const file = variantOf('data/2021.yaml', (t) => t.replaceAll('[0, 0, 0, 0, 0, 0]', '[-1, -1, -1, -1, -1, -1]'));
    const result = runCli(['check', file]);
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split('\n');
    const total = json([file]).report.summary.errors;
    expect(total).toBeGreaterThan(20);
    expect(lines.filter((l) => / N1 /.test(l))).toHaveLength(20);
    expect(lines.filter((l) => /：另有 \d+ 处未列出（用 --json 可列出全部）$/.test(l))).toEqual([expect.stringContaining(`另有 ${total - 20} 处`)]);
    expect(lines.at(-1)).toBe(`检查完成：1 个文件，错误 ${total} 处，警告 0 处，提示 0 处，其中 ${total - 20} 处未列出`);
  });
});

describe('check --fix', () => {
  const literal = (t: string) =>
    t
      .replace('全年新收政府信息公开申请{{requests.received.total}}件', '全年新收政府信息公开申请7件')
      .replace('废止{{active.normative_documents.repealed}}件', '废止1件');

  it('writes the expression for each agreeing figure, and changes no other byte', () => {
    const file = variantOf('data/2021.yaml', literal);
    const before = readFileSync(file, 'utf8');
    const result = runCli(['check', '--fix', file]);
    expect(result.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(join(ROOT, 'data/2021.yaml'), 'utf8'));
    expect(result.stdout).toContain('已改写 2 处数字');
    expect(before).not.toBe(readFileSync(file, 'utf8'));
  });

  it('writes nothing when a figure disagrees', () => {
    const file = variantOf('data/2021.yaml', (t) => literal(t).replace('申请7件', '申请8件'));
    const before = readFileSync(file, 'utf8');
    const result = runCli(['check', '--fix', file]);
    expect(result.code).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(result.stdout).toMatch(/T1 正文「新收政府信息公开申请8件」与表格不一致：表三「一、本年新收政府信息公开申请数量」「总计」为 7；可写作「\{\{requests\.received\.total\}\}件」/);
  });
});

describe('A2: the county against its members', () => {
  it('names each cell of the county that differs from the members’ sum', () => {
    const dir = join(tempDir('county'), 'data', 'example-county');
    cpSync(join(ROOT, 'data/example-county'), dir, { recursive: true });
    const member = join(dir, 'dongshan', '2021.yaml');
    const text = readFileSync(member, 'utf8');
    const changed = text.replace(/(received:\s*\[)(\d+)/, (_m, head: string, n: string) => `${head}${Number(n) + 1}`).replace(/(carried_out:\s*\[)(\d+)/, (_m, head: string, n: string) => `${head}${Number(n) + 1}`);
    expect(changed).not.toBe(text);
    writeFileSync(member, changed);
    const { code, report } = json([join(dir, 'county', '2021.yaml')]);
    expect(code).toBe(0);
    const a2 = report.files[0]!.findings.filter((f) => f.rule === 'A2');
    const county = readFileSync(join(dir, 'county', '2021.yaml'), 'utf8');
    expect(a2.map((f) => f.message.replace(/为 \d+，.*$/, ''))).toEqual(['表三「一、本年新收政府信息公开申请数量」「自然人」', '表三「四、结转下年度继续办理」「自然人」']);
    expect(a2[0]).toMatchObject({ severity: 'warning', ...positionOf(county, '', county.search(/received:\s*\[/) + county.slice(county.search(/received:\s*\[/)).indexOf('[') + 1) });
  });

  it('is silent when the county equals the sum, and says so when a member has no file', () => {
    expect(json(['data/example-county/county/2021.yaml']).report.files[0]!.findings.filter((f) => f.rule === 'A2')).toEqual([]);
    const dir = join(tempDir('county'), 'data', 'example-county');
    cpSync(join(ROOT, 'data/example-county'), dir, { recursive: true });
    writeFileSync(join(dir, 'nanhu', '2021.yaml'), '');
    const { report } = json([join(dir, 'county', '2021.yaml')]);
    expect(report.files[0]!.findings.filter((f) => f.rule === 'A2').map((f) => f.severity)).toEqual(['info']);
  });
});

describe('typed numbering', () => {
  it('accepts ## without a space and drops a typed （一）', () => {
    expect(narrativeToMarkup('##依申请公开\n\n## （二）政府信息管理\n\n##（三）平台建设')).toBe('<h3>依申请公开</h3>\n<h3>政府信息管理</h3>\n<h3>平台建设</h3>');
  });

  it('gives a numbered item at the start of a line its own paragraph, not a figure such as 1.5万元', () => {
    expect(narrativeToMarkup('主要做法：\n1.加强领导。\n（2）完善制度，\n1.5万元用于培训。')).toBe('<p>主要做法：</p>\n<p>1.加强领导。</p>\n<p>（2）完善制度，1.5万元用于培训。</p>');
  });

  it('warns on a paragraph that starts with a section number (E6), and prints no second number', () => {
    const file = variantOf('data/2021.yaml', (t) => t.replace('    无其他需要报告的事项。', '    无其他需要报告的事项。\n\n    六、2022年工作计划。'));
    const { report } = json([file]);
    const text = readFileSync(file, 'utf8');
    expect(report.files[0]!.findings.filter((f) => f.rule === 'E6')).toMatchObject([{ severity: 'warning', ...positionOf(text, '六、2022') }]);
  });
});
