/**
 * Bad input gets one clear Chinese message naming file:line:col (and the official row and column for
 * statistics), a non-zero exit, no stack trace and no output.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { positionOf, ROOT, runCli, tempDir, variantOf, type CliResult } from './helpers/cli.js';

const EXAMPLE = 'data/2021.yaml';

interface Case {
  name: string;
  edit: (text: string) => string;
  /** Text whose first occurrence in the edited file is where the message must point. */
  at?: string;
  exit: number;
  message: string | RegExp;
}

const replaceLine = (key: string, replacement: string) => (text: string) =>
  text.replace(new RegExp(`^(\\s*)${key}:.*$`, 'm'), (_m, indent: string) => `${indent}${replacement}`);

const CASES: Case[] = [
  {
    name: 'a negative count',
    edit: replaceLine('not_held', 'not_held: [-1, 0, 0, 0, 0, 0]'),
    at: '-1, 0, 0',
    exit: 1,
    message: 'N1 表三「（四）无法提供 1.本机关不掌握相关政府信息」「自然人」应为非负整数，实际为 -1',
  },
  {
    name: 'a word where a number belongs',
    edit: replaceLine('licensing', 'licensing: 三十六'),
    at: '三十六',
    exit: 2,
    message: '表二「行政许可」「本年处理决定数量」应为非负整数，实际为 “三十六”',
  },
  {
    name: 'a decimal count',
    edit: replaceLine('punishment', 'punishment: 1.5'),
    at: '1.5',
    exit: 2,
    message: '表二「行政处罚」「本年处理决定数量」应为非负整数，实际为 1.5',
  },
  {
    name: 'a row with five numbers',
    edit: replaceLine('duplicate', 'duplicate: [0, 0, 0, 0, 0]'),
    at: '[0, 0, 0, 0, 0]',
    exit: 2,
    message: '表三「（五）不予处理 2.重复申请」应有 6 个数（依次为自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他），实际为 5 个',
  },
  {
    name: 'a missing required field',
    edit: (text) => text.replace(/^\s*fee:.*\n/m, ''),
    exit: 2,
    message: '缺少必填项「text.fee」（信息处理费情况）',
  },
  {
    name: 'an unknown key',
    edit: (text) => text.replace(/^(\s*)carried_out:/m, '$1extra_row: [0, 0, 0, 0, 0, 0]\n$1carried_out:'),
    at: 'extra_row',
    exit: 2,
    message: /^未知的键「requests\.extra_row」，可用的键：received、carried_in、results、carried_out$/,
  },
  {
    name: 'an unknown format',
    edit: (text) => text.replace(/^year:.*$/m, (line) => `${line}\nformat: national-2022`),
    at: 'national-2022',
    exit: 2,
    message: '未知的版式「national-2022」，可用：legacy、national-2019、national-2021',
  },
  {
    name: 'malformed YAML',
    edit: (text) => text.replace(/^(\s*)not_held:.*$/m, '$1not_held: [1, 0, 0'),
    exit: 2,
    message: /^YAML 格式错误：/,
  },
  {
    name: 'a full-width colon',
    edit: (text) => text.replace(/^year:\s*/m, 'year：'),
    exit: 2,
    message: /^缺少必填项「year」|^YAML 格式错误/,
  },
  {
    name: 'a typed 总计 that does not add up',
    edit: (text) => text.replace(/^(\s*)received:\s*\[([^\]]*)\]/m, (_m, indent: string, cells: string) => `${indent}received: [${cells}, 999]`),
    at: '999',
    exit: 1,
    message: /^R2 表三「一、本年新收政府信息公开申请数量」「总计」应为 \d+（自然人 \d+ \+ 商业企业 \d+ \+ 科研机构 \d+ \+ 社会公益组织 \d+ \+ 法律服务机构 \d+ \+ 其他 \d+），实际填写 999$/,
  },
  {
    name: 'a 表四 total that does not add up',
    edit: (text) => text.replace(/^(\s*)review:\s*\{([^}]*)\}/m, (_m, indent: string, cells: string) => `${indent}review: {${cells}, total: 77 }`),
    at: '77',
    exit: 1,
    message: /^R4 表四「行政复议」「总计」应为 \d+（结果维持 \d+ \+ 结果纠正 \d+ \+ 其他结果 \d+ \+ 尚未审结 \d+），实际填写 77$/,
  },
  {
    name: 'a narrative quoting a statistic that does not exist',
    edit: (text) => text.replace(/^(\s*)## (.*)$/m, '$1## $2\n$1全年共受理{{requests.nothing.total}}件。'),
    at: 'requests.nothing.total',
    exit: 1,
    message: '正文中的表达式有误：引用了不存在的数据项「requests.nothing.total」',
  },
];

describe.each(CASES)('$name', (c) => {
  const file = variantOf(EXAMPLE, c.edit);
  const out = tempDir('out');
  const shown = relative(ROOT, file);
  let result: CliResult;
  let lines: string[];
  beforeAll(() => {
    result = runCli(['build', file, '-o', out]);
    lines = result.stderr.trim().split('\n');
  });

  it('exits with the documented code and writes nothing', () => {
    expect(result.code, result.stderr).toBe(c.exit);
    expect(result.stdout).toBe('');
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });

  it('prints one message with file:line:col and no stack trace', () => {
    expect(lines).toHaveLength(1);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    const match = /^(.+):(\d+):(\d+) 错误 (.*)$/.exec(lines[0]!);
    expect(match, lines[0]).not.toBeNull();
    const [, where, line, col, message] = match!;
    expect(where).toBe(shown);
    if (typeof c.message === 'string') expect(message).toBe(c.message);
    else expect(message).toMatch(c.message);
    if (c.at) {
      const expected = positionOf(readFileSync(file, 'utf8'), c.at);
      expect({ line: Number(line), col: Number(col) }).toEqual(expected);
    }
  });
});

describe('R1 in 表三', () => {
  it('names the column and the four figures', () => {
    const file = variantOf(EXAMPLE, (text) =>
      text.replace(/^(\s*)carried_out:\s*\[\s*(\d+)/m, (_m, indent: string, first: string) => `${indent}carried_out: [${Number(first) + 1}`),
    );
    const result = runCli(['build', file, '-o', tempDir('out')]);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(
      /^.+:\d+:\d+ 错误 R1 表三「自然人」列：本年新收 \d+ \+ 上年结转 \d+ = \d+，但办理结果总计 \d+ \+ 结转下年度 \d+ = \d+，相差 1$/,
    );
  });
});

describe('a data file that does not exist', () => {
  it('is named in one message', () => {
    const result = runCli(['build', 'data/nowhere.yaml', '-o', tempDir('out')]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe('错误 读取数据文件 data/nowhere.yaml 失败：文件或文件夹不存在，请检查路径是否写对');
  });
});
