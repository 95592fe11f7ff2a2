/**
 * Hostile and careless input: devices, pipes, folders and huge files where a data file, profile, last year's file,
 * template or font belongs; files in other encodings; a wrong file given as the profile; the slips of a Chinese
 * input method; YAML built to exhaust the parser; a read-only or impossible output path. Each gets one Chinese
 * message naming the file (and its line where there is one), a non-zero exit of 1 or 2, and no output files.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { englishWords } from './helpers/english.js';
import { ROOT, runCli, tempDir } from './helpers/cli.js';

const EXAMPLE = readFileSync(join(ROOT, 'data/2021.yaml'), 'utf8');

function edited(from: string | RegExp, to: string): string {
  const text = EXAMPLE.replace(from, to);
  if (text === EXAMPLE) throw new Error(`no ${from} in the example`);
  return text;
}

/** The example with its `org:` block replaced by a path. */
const withProfile = (path: string) => edited(/^org:\n(?: {2}.*\n)+/m, `org: ${path}\n`);

/** 1-based line of the first line containing `needle`. */
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

interface Case {
  name: string;
  /** Prepares the folder; returns the command line (the output folder is added for build). */
  setup: (dir: string) => string[];
  exit: 1 | 2;
  message: RegExp;
}

function fifo(path: string): void {
  execFileSync('mkfifo', [path]);
}

const CASES: Case[] = [
  {
    name: 'a pipe as the data file',
    setup: (dir) => (fifo(join(dir, 'report.yaml')), ['check', join(dir, 'report.yaml')]),
    exit: 2,
    message: /^错误 数据文件 \S*report\.yaml 不是普通文件（可能是设备或管道），请给出普通文件$/m,
  },
  { name: 'a device as the data file', setup: () => ['check', '/dev/zero'], exit: 2, message: /^错误 数据文件 \S*dev\/zero 不是普通文件/m },
  {
    name: 'a folder as the data file',
    setup: (dir) => (mkdirSync(join(dir, 'report.yaml')), ['check', join(dir, 'report.yaml')]),
    exit: 2,
    // A folder is searched for data files, as by build; this one holds none.
    message: /^错误 没有找到数据文件：\S*report\.yaml/m,
  },
  {
    name: 'a data file of 5 MB',
    setup: (dir) => (writeFileSync(join(dir, 'report.yaml'), `${EXAMPLE}#${'x'.repeat(5_000_000)}\n`), ['check', join(dir, 'report.yaml')]),
    exit: 2,
    message: /^错误 数据文件 \S*report\.yaml 超过 4 MB/m,
  },
  {
    name: 'a device as the profile',
    setup: (dir) => (writeFileSync(join(dir, 'report.yaml'), withProfile('/dev/zero')), ['check', join(dir, 'report.yaml')]),
    exit: 2,
    // A device lies outside every project, and is refused before it is looked at.
    message: new RegExp(`^report\\.yaml:${lineOf(withProfile('/dev/zero'), 'org: ')}:6 错误 机关信息文件 /dev/zero 在项目文件夹 \\S+ 之外，不予读取；请把它放进项目文件夹$`, 'm'),
  },
  {
    name: 'a profile linked from outside the project',
    setup: (dir) => {
      const outside = tempDir('outside');
      writeFileSync(join(outside, 'org.yaml'), readFileSync(join(ROOT, 'data/example-county/orgs/dongshan.yaml')));
      symlinkSync(join(outside, 'org.yaml'), join(dir, 'org.yaml'));
      writeFileSync(join(dir, 'report.yaml'), withProfile('org.yaml'));
      return ['check', join(dir, 'report.yaml')];
    },
    exit: 2,
    message: new RegExp(`^report\\.yaml:${lineOf(withProfile('org.yaml'), 'org: ')}:6 错误 机关信息文件 org\\.yaml 是指向项目文件夹 \\S+ 之外的链接（\\S+outside-\\w+/org\\.yaml），不予读取$`, 'm'),
  },
  {
    name: 'a profile outside the project',
    setup: (dir) => {
      const outside = tempDir('outside');
      writeFileSync(join(outside, 'org.yaml'), readFileSync(join(ROOT, 'data/example-county/orgs/dongshan.yaml')));
      writeFileSync(join(dir, 'report.yaml'), withProfile(join(outside, 'org.yaml')));
      return ['check', join(dir, 'report.yaml')];
    },
    exit: 2,
    message: /^report\.yaml:\d+:6 错误 机关信息文件 \S+outside-\w+\/org\.yaml 在项目文件夹 \S+ 之外，不予读取/m,
  },
  {
    name: 'a dangling link as the profile',
    setup: (dir) => (symlinkSync(join(dir, 'nowhere.yaml'), join(dir, 'org.yaml')), writeFileSync(join(dir, 'report.yaml'), withProfile('org.yaml')), ['check', join(dir, 'report.yaml')]),
    exit: 2,
    message: /^report\.yaml:\d+:6 错误 机关信息文件 org\.yaml 是一个指向不存在文件的链接$/m,
  },
  {
    name: 'a pipe as the profile',
    setup: (dir) => (fifo(join(dir, 'org.yaml')), writeFileSync(join(dir, 'report.yaml'), withProfile('org.yaml')), ['check', join(dir, 'report.yaml')]),
    exit: 2,
    message: /^错误 机关信息文件 \S*org\.yaml 不是普通文件/m,
  },
  {
    name: 'a device as last year\'s file',
    setup: (dir) => (writeFileSync(join(dir, 'report.yaml'), `previous: /dev/zero\n${EXAMPLE}`), ['check', join(dir, 'report.yaml')]),
    exit: 1,
    message: /report\.yaml:1:11 错误 「previous」所指的数据文件 \S*dev\/zero 不是普通文件/,
  },
  {
    name: 'a pipe as a template',
    setup: (dir) => {
      writeFileSync(join(dir, '2021.yaml'), EXAMPLE);
      mkdirSync(join(dir, 'templates'));
      fifo(join(dir, 'templates', 'contact.hbs'));
      return ['build', join(dir, '2021.yaml')];
    },
    exit: 2,
    message: /^错误 模板 \S*templates\/contact\.hbs 应为普通文件（不是文件夹、设备或管道）/m,
  },
  {
    name: 'a dangling link as a template',
    setup: (dir) => {
      writeFileSync(join(dir, '2021.yaml'), EXAMPLE);
      mkdirSync(join(dir, 'templates'));
      symlinkSync(join(dir, 'nowhere.hbs'), join(dir, 'templates', 'contact.hbs'));
      return ['build', join(dir, '2021.yaml')];
    },
    exit: 2,
    message: /^错误 模板 \S*templates\/contact\.hbs 是一个指向不存在文件的链接/m,
  },
  ...(
    [
      ['GBK', 'gbk', ''],
      ['GB18030', 'gb18030', '# 𠀀\n'],
      ['UTF-16LE', 'utf-16', ''],
      ['UTF-16LE', 'utf-16-le', ''],
    ] as const
  ).map(
    ([encoding, codec, extra]): Case => ({
      name: `a data file in ${codec}`,
      setup: (dir) => {
        const file = join(dir, 'report.yaml');
        writeFileSync(join(dir, 'utf8.yaml'), EXAMPLE.replace(/−/g, '-') + extra);
        execFileSync('python3', ['-c', `open(${JSON.stringify(file)},'wb').write(open(${JSON.stringify(join(dir, 'utf8.yaml'))},encoding='utf-8').read().encode('${codec}'))`]);
        return ['check', file];
      },
      exit: 2,
      message: new RegExp(`^错误 数据文件 \\S*report\\.yaml 不是 UTF-8 编码（疑似 ${encoding}），请另存为 UTF-8$`, 'm'),
    }),
  ),
  {
    name: 'a full-width comma between numbers',
    setup: (dir) => (writeFileSync(join(dir, 'report.yaml'), edited('received:    [6, 1, 0, 0, 0, 0]', 'received:    [6，1，0，0，0，0]')), ['check', join(dir, 'report.yaml')]),
    exit: 2,
    message: new RegExp(`^\\S+:${lineOf(EXAMPLE, 'received:    [6')}:18 错误 表三「一、本年新收政府信息公开申请数量」「自然人」：数字之间用了全角逗号「，」，请改为半角 ,$`, 'm'),
  },
  {
    name: 'full-width digits',
    setup: (dir) => (writeFileSync(join(dir, 'report.yaml'), edited(/licensing:\s+14/, 'licensing:   ３')), ['check', join(dir, 'report.yaml')]),
    exit: 2,
    message: /^\S+:\d+:16 错误 表二「行政许可」「本年处理决定数量」“３”用了全角数字，请改为半角数字 3$/m,
  },
  {
    name: 'an empty place between two commas',
    setup: (dir) => (writeFileSync(join(dir, 'report.yaml'), edited('received:    [6, 1, 0', 'received:    [6, , 0')), ['check', join(dir, 'report.yaml')]),
    exit: 2,
    message: /错误 YAML 格式错误：两个逗号之间（或括号边上）少了一个值/,
  },
  {
    name: 'a key without its colon',
    setup: (dir) => (writeFileSync(join(dir, 'report.yaml'), edited('received:    [6', 'received    [6')), ['check', join(dir, 'report.yaml')]),
    exit: 2,
    message: new RegExp(`:${lineOf(EXAMPLE, 'received:    [6')}:11 错误 YAML 格式错误：“received”后面缺少半角冒号，应写作“received: ”$`, 'm'),
  },
  {
    name: 'the year 3000',
    setup: (dir) => (writeFileSync(join(dir, 'report.yaml'), edited(/^year: 2021/m, 'year: 3000')), ['check', join(dir, 'report.yaml')]),
    exit: 2,
    message: /错误 「year」应为 2008 至 2100 之间的年份，实际为 “3000”$/m,
  },
  {
    name: 'brackets nested 100,000 deep',
    setup: (dir) => (writeFileSync(join(dir, 'report.yaml'), `${EXAMPLE}deep: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`), ['check', join(dir, 'report.yaml')]),
    exit: 2,
    message: /错误 YAML 格式错误：括号或缩进嵌套超过 32 层/,
  },
  {
    name: 'an alias without its anchor',
    setup: (dir) => (writeFileSync(join(dir, 'report.yaml'), edited(/licensing:\s+14/, 'licensing:   *nowhere')), ['check', join(dir, 'report.yaml')]),
    exit: 2,
    message: /错误 YAML 格式错误：别名（\*名称）前面没有对应的锚点/,
  },
  {
    name: 'aliases that expand a billion times',
    setup: (dir) => {
      const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
      for (let i = 1; i < 9; i++) laughs.push(`${'abcdefghi'[i]}: &${'abcdefghi'[i]} [${Array(9).fill(`*${'abcdefghi'[i - 1]}`).join(',')}]`);
      writeFileSync(join(dir, 'report.yaml'), `${EXAMPLE}laughs:\n${laughs.map((l) => `  ${l}`).join('\n')}\n`);
      return ['check', join(dir, 'report.yaml')];
    },
    exit: 2,
    message: /错误 YAML 格式错误：别名（\*名称）展开的次数过多/,
  },
  {
    name: 'two documents in one file',
    setup: (dir) => (writeFileSync(join(dir, 'report.yaml'), `${EXAMPLE}---\nyear: 2021\n`), ['check', join(dir, 'report.yaml')]),
    exit: 2,
    message: /错误 YAML 格式错误：一个文件只能有一份数据/,
  },
  {
    name: 'a configuration that does not exist',
    setup: (dir) => ['build', join(ROOT, 'data/2021.yaml'), '--config', join(dir, 'missing.yaml')],
    exit: 2,
    message: /^错误 找不到 --config 指定的配置文件 \S*missing\.yaml$/m,
  },
  {
    name: 'a face without Chinese',
    setup: (dir) => {
      const tinos = join(ROOT, 'node_modules/@expo-google-fonts/tinos/400Regular/Tinos_400Regular.ttf');
      writeFileSync(join(dir, 'fonts.yaml'), `fonts:\n  body: ${tinos}\n  table: ${tinos}\n`);
      return ['build', join(ROOT, 'data/2021.yaml'), '--config', join(dir, 'fonts.yaml')];
    },
    exit: 1,
    message: /^\S*fonts\.yaml:2:9 错误 正文、表格字体 Tinos-Regular 不含中文字形；请在 report-gen\.config\.yaml 中为该角色指定中文字体（如仿宋、宋体）$/m,
  },
  {
    name: 'a font name not in the collection',
    setup: (dir) => {
      writeFileSync(join(dir, 'a.ttc'), 'not a font');
      writeFileSync(join(dir, 'fonts.yaml'), `fonts:\n  heading: { file: a.ttc, name: Nope }\n`);
      return ['build', join(ROOT, 'data/2021.yaml'), '--config', join(dir, 'fonts.yaml')];
    },
    exit: 2,
    message: /^\S*fonts\.yaml:2:12 错误 字体 \S*a\.ttc 不是可识别的字体文件/m,
  },
  {
    name: 'a device as a font',
    setup: (dir) => (writeFileSync(join(dir, 'fonts.yaml'), 'fonts:\n  body: /dev/zero\n'), ['build', join(ROOT, 'data/2021.yaml'), '--config', join(dir, 'fonts.yaml')]),
    exit: 2,
    message: /^\S*fonts\.yaml:2:9 错误 字体 \/dev\/zero 不是普通文件/m,
  },
  {
    name: 'an output file that is a folder',
    setup: (dir) => (mkdirSync(join(dir, 'out', '2021.pdf'), { recursive: true }), ['build', join(ROOT, 'data/2021.yaml'), '-o', join(dir, 'out')]),
    exit: 2,
    message: /^错误 写入 \S*out\/2021\.pdf 失败：这是一个文件夹，应为文件/m,
  },
  {
    name: 'an output folder below a file',
    setup: (dir) => (writeFileSync(join(dir, 'file'), ''), ['build', join(ROOT, 'data/2021.yaml'), '-o', join(dir, 'file', 'out')]),
    exit: 2,
    message: /^错误 创建文件夹 \S*file\/out 失败：路径中的某一段是文件而不是文件夹/m,
  },
  {
    name: 'an output folder that is a file',
    setup: (dir) => (writeFileSync(join(dir, 'file'), ''), ['build', join(ROOT, 'data/2021.yaml'), '-o', join(dir, 'file')]),
    exit: 2,
    message: /^错误 写入 \S*file\/2021\.docx 失败：路径中的某一段是文件而不是文件夹，请检查路径，或移走同名的文件/m,
  },
  {
    name: 'an output folder in /proc, where no folder can be made',
    setup: () => ['build', join(ROOT, 'data/2021.yaml'), '-o', '/proc/report-gen-test/out'],
    exit: 2,
    message: /^错误 创建文件夹 \S*proc\/report-gen-test 失败：这个位置不能创建文件或文件夹（如 \/proc、\/sys 这类系统文件夹），请换一个普通的文件夹（如用 -o 指定输出目录）$/m,
  },
  {
    // Node's recursive mkdir retries such a folder forever.
    name: 'a new data file in /proc',
    setup: () => ['init', '/proc/report-gen-test/a/2022.yaml'],
    exit: 2,
    message: /^错误 创建文件夹 \S*proc\/report-gen-test 失败：这个位置不能创建文件或文件夹/m,
  },
  {
    name: 'an output folder name of 300 bytes',
    setup: (dir) => ['build', join(ROOT, 'data/2021.yaml'), '-o', join(dir, '目'.repeat(100))],
    exit: 2,
    message: /^错误 创建文件夹 \S*目{100} 失败：路径或文件名太长/m,
  },
];

describe.each(CASES)('$name', (c) => {
  const dir = tempDir('hostile');
  const args = c.setup(dir);
  const out = join(dir, 'built');
  const full = args[0] === 'build' && !args.includes('-o') ? [...args, '-o', out] : args;
  const started = Date.now();
  const result = runCli(full, { cwd: dir });
  const elapsed = Date.now() - started;
  const printed = `${result.stdout}${result.stderr}`;

  it('exits 1 or 2 at once, with its Chinese message, no stack trace and no English', () => {
    expect(result.code, printed).toBe(c.exit);
    expect(elapsed).toBeLessThan(60_000);
    expect(printed).toMatch(c.message);
    expect(printed).not.toMatch(/^\s+at /m);
    expect(englishWords(printed)).toEqual([]);
  });

  it('writes nothing', () => {
    if (args[0] === 'build') expect(result.stdout).toBe('');
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });
});

describe('an output folder that cannot be made', () => {
  it('fails once, before any report of a batch is rendered', () => {
    const dir = tempDir('hostile');
    for (const name of ['a', 'b']) {
      mkdirSync(join(dir, 'data', name), { recursive: true });
      writeFileSync(join(dir, 'data', name, '2021.yaml'), EXAMPLE);
    }
    const result = runCli(['build', join(dir, 'data'), '-o', '/proc/report-gen-test/out'], { cwd: dir });
    expect(result.code, result.stderr).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^错误 创建文件夹 \S*proc\/report-gen-test 失败：这个位置不能创建文件或文件夹/)]);
  });
});

describe('a wrong file given as the profile', () => {
  it('is not echoed: at most three shortened unknown keys and a count of the rest', () => {
    const dir = tempDir('hostile');
    const secret = 'S3CRETS3CRETS3CRET';
    writeFileSync(join(dir, 'shadow'), Array.from({ length: 30 }, (_, i) => `user${i}:$6$${secret}${i}:20228:0:99999:7:::`).join('\n'));
    writeFileSync(join(dir, 'report.yaml'), withProfile('shadow'));
    const result = runCli(['check', join(dir, 'report.yaml')], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stdout).not.toContain(secret.slice(0, 6));
    const unknown = result.stdout.split('\n').filter((l) => l.includes('未知的键「'));
    expect(unknown).toHaveLength(3);
    expect(result.stdout).toMatch(/错误 另有 27 个未知的键未列出；请检查是否选错了文件/);
  });
});

describe('a read-only output folder', () => {
  const root = process.getuid?.() === 0;
  it.skipIf(!root)('is named with what to do (needs root to mount a read-only tmpfs)', () => {
    const dir = tempDir('hostile');
    const mount = join(dir, 'ro');
    mkdirSync(mount);
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=1m', 'tmpfs', mount]);
    } catch {
      return expect.soft(true, 'mounting a tmpfs is not allowed here').toBe(true);
    }
    try {
      const result = runCli(['build', join(ROOT, 'data/2021.yaml'), '-o', mount], { cwd: dir });
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toMatch(/^错误 (打开|写入) \S*ro\/2021\.(docx|pdf) 失败：所在磁盘是只读的，请换一个可写入的文件夹/m);
      // A folder to be made on the read-only disk is not taken for a missing one, whichever command makes it.
      const readOnly = /^错误 创建文件夹 \S*ro\/new 失败：所在磁盘是只读的，请换一个可写入的文件夹/m;
      for (const args of [
        ['build', join(ROOT, 'data/2021.yaml'), '-o', join(mount, 'new', 'out')],
        ['init', join(mount, 'new', 'a', '2022.yaml')],
        ['sheet', join(ROOT, 'data/2021.yaml'), '-o', join(mount, 'new', 'sheets')],
      ]) {
        const made = runCli(args, { cwd: dir });
        expect(made.code, `${args[0]}: ${made.stderr}`).toBe(2);
        expect(`${made.stdout}${made.stderr}`, args[0]).toMatch(readOnly);
      }
    } finally {
      execFileSync('umount', [mount]);
    }
  });
});
