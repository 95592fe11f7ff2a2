/**
 * The English-prose scanner that the suite's teardown applies to every message report-gen prints
 * (test/global-setup.ts), and the command-line frame that it must find Chinese.
 */
import { describe, expect, it } from 'vitest';
import { englishWords } from './helpers/english.js';
import { runCli } from './helpers/cli.js';

describe('the English scanner', () => {
  it.each([
    'Cannot read properties of undefined (reading \'indexToLocFormat\')',
    'error: unknown option \'--bogus\'',
    '错误 无法读取字体 /x/a.ttf：Unknown font format',
    'Usage: report-gen [options] [command]',
    '  -h, --help  display help for command',
    'YAML 无法展开：Excessive alias count indicates a resource exhaustion attack',
    'data/2021.yaml:3:1 错误 YAML 格式错误：Source contains multiple documents; please use YAML.parseAllDocuments()',
    '内部错误：Maximum call stack size exceeded',
    '模板错误：Lexical error on line 19',
  ])('finds English in %s', (message) => {
    expect(englishWords(message)).not.toEqual([]);
  });

  it.each([
    'data/2021.yaml:42:18 错误 N1 表三「（四）无法提供 1.本机关不掌握相关政府信息」「自然人」应为非负整数，实际为 -1',
    '../x/report-gen.config.yaml:2:9 错误 字体 /usr/share/fonts/NotoSansCJK-Regular.ttc 中没有名为 Nope 的字体',
    'x.yaml:1:1 错误 未知的键「org.nmae」，可用的键：name、short、office、address、postcode',
    '  -o, --out-dir <目录>  输出目录（默认：out）',
    '错误 数据文件 gbk.yaml 不是 UTF-8 编码（疑似 GBK），请另存为 UTF-8',
    '已生成 out/2021.docx',
    'data/2021.yaml:12:7 提示 X0 未找到上一年度数据文件 2020.yaml，跨年度核对（R5、R6、R8）未进行',
  ])('lets %s pass', (message) => {
    expect(englishWords(message)).toEqual([]);
  });
});

describe('the command-line frame', () => {
  it.each([[['--help']], [['help', 'build']], [['build', '--help']], [['check', '--help']], [['sign', '--help']]])('%j is Chinese', (args) => {
    const result = runCli(args);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^用法： report-gen/);
    expect(englishWords(result.stdout)).toEqual([]);
  });

  it('gives the version', () => {
    const result = runCli(['--version']);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it.each([
    [['build', 'data/2021.yaml', '--bogus'], /^错误 未知的选项 --bogus/],
    [['bogus'], /^错误 未知的命令「bogus」/],
    [['sign', 'data/2021.yaml'], /^错误 缺少必需的选项 --p12 <证书文件>/],
    [['check'], /^错误 缺少参数 数据文件/],
    [['build', 'data/2021.yaml', '--to'], /^错误 选项 --to <格式> 缺少取值/],
    [['verify', 'a', 'b'], /^错误 参数太多：只接受 1 个，实际给了 2 个/],
    [[], /^用法： report-gen/],
  ])('a usage error %j exits 2 with a Chinese message', (args, message) => {
    const result = runCli(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(englishWords(result.stderr)).toEqual([]);
  });
});
