/**
 * Hostile text expressions and templates: every `{{…}}` prints a number, a string or a date or is an error at its
 * line and column; raw narrative cannot be re-inserted; dates are real dates; templates cannot log; no helper
 * reaches an inherited property; a template's markup is balanced, checked per file with its line.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMarkup } from '../src/markup/read-markup.js';
import { ReportError } from '../src/report-error/finding.js';
import { HELPER_NAMES } from '../src/templating/helpers.js';
import { TemplateSet } from '../src/templating/template-set.js';
import { positionOf, ROOT, runCli, tempDir } from './helpers/cli.js';
import { failureOf } from './helpers/failure.js';

const EXAMPLE = readFileSync(join(ROOT, 'data/2021.yaml'), 'utf8');

/** A project folder holding data/x.yaml: the 2021 example with `expression` opening the overview. */
function projectWith(edit: (text: string) => string, templates: Record<string, string> = {}): { dir: string; file: string; text: string } {
  const dir = tempDir('hostile');
  mkdirSync(join(dir, 'data', 'templates'), { recursive: true });
  const text = edit(EXAMPLE);
  if (text === EXAMPLE && Object.keys(templates).length === 0) throw new Error('the edit did not change the example');
  writeFileSync(join(dir, 'data', 'x.yaml'), text);
  for (const [name, body] of Object.entries(templates)) writeFileSync(join(dir, 'data', 'templates', name), body);
  return { dir, file: join(dir, 'data', 'x.yaml'), text };
}

const withOverview = (expression: string) => (text: string) => text.replace(/(  overview: \|[^\n]*\n)/, `$1    ${expression}\n\n`);

function build(dir: string, extra: string[] = []) {
  const out = join(dir, 'out');
  const result = runCli(['build', 'data/x.yaml', '--to', 'html', '-o', out, ...extra], { cwd: dir });
  const written = existsSync(out) ? readdirSync(out, { recursive: true }).map(String) : [];
  const html = written.includes('x.html') ? readFileSync(join(out, 'x.html'), 'utf8') : '';
  return { ...result, written, html };
}


describe('expressions in narrative text', () => {
  const cases: Array<[string, RegExp]> = [
    ['共{{requests.received}}件', /是一组数据，不能直接印出/],
    ['{{org}}', /是一组数据/],
    ['{{appeals.review}}', /是一组数据/],
    ['{{lookup requests "received"}}', /是一组数据/],
    ['{{text.overview}}', /是叙述文字，不能用 \{\{…\}\} 再次插入/],
    ['{{lookup text "problems"}}', /是叙述文字/],
    ['{{date org.name}}', /「date」需要 YYYY-MM-DD 形式的真实日期，实际为 「樟木乡人民政府」/],
    ['{{date "2022-02-30"}}', /真实日期，实际为 「2022-02-30」/],
    ['{{date "2021-13-01"}}', /真实日期/],
    ['{{date 20220101}}', /真实日期/],
    ['{{date requests}}', /真实日期，实际为 一组数据/],
    ['{{log "x"}}', /不能使用「log」/],
    ['{{constructor.constructor}}', /不存在的数据项/],
    ['{{#each org}}{{this}}{{/each}}', /是一组数据/],
    ['共\\{{requests.received.total}}件', /「\{\{」会原样印出/],
  ];
  for (const [expression, message] of cases) {
    it(`refuses ${expression} at its line and column, in check and in build`, () => {
      const { dir, text } = projectWith(withOverview(expression));
      // An unknown name is placed at the name, any other mistake at its {{.
      const inner = expression.startsWith('{{#each') ? '{{this}}' : expression === '{{constructor.constructor}}' ? 'constructor.constructor' : expression.slice(expression.indexOf('{{'));
      const at = positionOf(text, inner);
      const check = runCli(['check', 'data/x.yaml'], { cwd: dir });
      expect(check.code).toBe(1);
      expect(check.stdout + check.stderr).toContain(`data/x.yaml:${at.line}:${at.col} `);
      expect(check.stdout + check.stderr).toMatch(message);
      const built = build(dir);
      expect(built.code).toBe(1);
      expect(built.written).toEqual([]);
      expect(`${built.stdout}${built.stderr}`).not.toMatch(/\[object Object\]|undefined|NaN|function/);
    });
  }

  it('prints numbers, strings and real dates', () => {
    const { dir } = projectWith(withOverview('共{{requests.received.total}}件，{{org.short}}，{{date "2024-02-29"}}，{{date issued}}。'));
    const built = build(dir);
    expect(built.code).toBe(0);
    expect(built.html).toContain('共7件，樟木乡，2024年2月29日，2022年1月18日。');
  });
});

describe('document.printed_by and addressee', () => {
  const withPrintedBy = (value: string) => (text: string) => text.replace('\ntext:', `\ndocument:\n  addressee: "{{org.short}}各村"\n  printed_by: "${value}"\n\ntext:`);

  it('expands {{org.name}} as narrative text does', () => {
    const built = build(projectWith(withPrintedBy('{{org.name}}办公室')).dir);
    expect(built.code).toBe(0);
    expect(built.html).not.toContain('{{');
    expect(built.html).toMatch(/樟木乡人民政府办公室[\s\S]*印发/);
    expect(built.html).toContain('樟木乡各村：');
  });

  it('reports a wrong expression in it at its line and column', () => {
    const { dir, text } = projectWith(withPrintedBy('{{org}}办公室'));
    const at = positionOf(text, '{{org}}');
    const check = runCli(['check', 'data/x.yaml'], { cwd: dir });
    expect(check.code).toBe(1);
    expect(check.stdout + check.stderr).toContain(`data/x.yaml:${at.line}:${at.col} `);
  });

  it('refuses a {{ left in a value that is printed as written', () => {
    const { dir } = projectWith((text) => text.replace(/(\n  office: +)(\S+)/, '$1"{{org.name}}"'));
    const built = build(dir);
    expect(built.code).toBe(1);
    expect(built.stderr).toMatch(/contact\.hbs:\d+:\d+ .*含有不会展开的「\{\{」/);
    expect(built.written).toEqual([]);
  });
});

describe('override templates', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['stray close tags and an open heading', '如有疑问请来电。\n</p></p></table><h2>', /contact\.hbs:2:1 错误 模板错误：<\/p> 前没有对应的 <p>/],
    ['an unclosed heading', '如有疑问请来电。\n<h2>问题', /contact\.hbs:2:1 错误 模板错误：<h2> 没有闭合/],
    ['crossed elements', '<h3>a<br/></p></h3>', /contact\.hbs:1:11 错误 模板错误：<\/p> 与前面未闭合的 <h3>（第 1 行）不配对/],
    ['an unsupported element', '请<b>来电</b>', /contact\.hbs:1:2 错误 模板错误：不支持的元素 <b>/],
    ['a <br> that is not self-closing', '{{#if org.office}}\n<br>\n{{/if}}', /contact\.hbs:1:1 错误 模板错误：块/],
    ['{{log}}', '\n{{log "x"}}', /contact\.hbs:2:1 错误 模板错误：模板中不能使用「log」/],
    ['an object printed', '\n\n{{org}}', /contact\.hbs:3:1 错误 模板错误：\{\{org\}\} 是一组数据/],
    ['an impossible date', '{{date "2022-02-30"}}', /contact\.hbs:1:1 错误 模板错误：「date」需要 YYYY-MM-DD 形式的真实日期/],
    ['a name for a date', '{{date org.name}}', /contact\.hbs:1:1 错误 模板错误：「date」需要/],
    ['a narrative printed raw', '{{text.overview}}', /contact\.hbs:1:1 错误 模板错误：.*是叙述文字/],
    ['a paragraph inside the opening paragraph', '请来电<p>x</p>', /contact\.hbs:1:4 错误 <p> 中有不支持的元素 <p>/],
  ];
  for (const [what, template, message] of cases) {
    it(`refuses ${what} with the template file and line, and writes nothing`, () => {
      const { dir } = projectWith((t) => t, { 'contact.hbs': template });
      const built = build(dir);
      expect(built.stderr).toMatch(message);
      expect(built.code).toBe(1);
      expect(built.written).toEqual([]);
    });
  }

  it('keeps the six headings apart when the override is balanced', () => {
    const { dir } = projectWith((t) => t, { 'contact.hbs': '如有疑问请来电。' });
    const built = build(dir);
    expect(built.code).toBe(0);
    expect(built.html.match(/<h2[^>]*>/g)?.length).toBe(6);
  });

  it('the markup reader refuses unbalanced markup from any source', () => {
    expect(failureOf(() => readMarkup('<p>a</p></p>'))).toMatch(/<\/p> 前没有对应的 <p>/);
    expect(failureOf(() => readMarkup('<h2>a'))).toMatch(/<h2> 没有闭合/);
    expect(failureOf(() => readMarkup('<p>a<font>b</font></p>'))).toMatch(/不支持的元素 <font>/);
  });
});

describe('prototype access in every helper', () => {
  const hostile = ['constructor', 'constructor.constructor', '__proto__', '__proto__.constructor', 'toString', 'hasOwnProperty', 'org.constructor', 'org.__proto__'];
  const runtime = { cells: new Map([['requests.received.total', '7']]), narratives: new Map([['text.overview', '<p>x</p>']]) };
  const context = { org: { name: '某乡人民政府' }, issued: '2022-01-18', text: { overview: 'x' } };
  const render = (body: string) => {
    const folder = tempDir('proto');
    writeFileSync(join(folder, 'report.hbs'), `<p>${body}</p>\n`);
    return new TemplateSet([folder]).render(context, runtime);
  };
  const calls = [...HELPER_NAMES.map((helper) => (path: string) => `{{${helper} "${path}"}}`), (path: string) => `{{lookup org "${path}"}}`, (path: string) => `{{${path}}}`];

  it('every helper is covered', () => {
    expect(HELPER_NAMES.length).toBeGreaterThanOrEqual(6);
  });
  for (const call of calls) {
    for (const path of hostile) {
      const body = call(path);
      it(`${body} prints no inherited property`, () => {
        let printed = '';
        try {
          printed = render(body);
        } catch (error) {
          expect(error).toBeInstanceOf(ReportError);
          // Refused as absent or as a wrong argument, never after reaching an inherited function.
          expect((error as ReportError).findings[0]!.message).not.toMatch(/function|native code|不是数据项/);
          return;
        }
        expect(printed).not.toMatch(/function|native code|\[object|Object\(/);
      });
    }
  }
});

describe('template lookup stays in the project', () => {
  /** base/proj/data/town/2021.yaml, run from base/proj; returns the folders. */
  function project() {
    const base = tempDir('lookup');
    const proj = join(base, 'proj');
    const town = join(proj, 'data', 'town');
    mkdirSync(town, { recursive: true });
    writeFileSync(join(town, '2021.yaml'), EXAMPLE);
    const outside = join(base, 'outside');
    mkdirSync(join(outside, 'templates'), { recursive: true });
    writeFileSync(join(outside, 'secret.hbs'), '外部秘密文字');
    writeFileSync(join(outside, 'templates', 'contact.hbs'), '外部秘密文字');
    const build = () => {
      const result = runCli(['build', 'data/town/2021.yaml', '--to', 'html'], { cwd: proj });
      const html = existsSync(join(proj, 'out', 'town', '2021.html')) ? readFileSync(join(proj, 'out', 'town', '2021.html'), 'utf8') : '';
      return { ...result, html, written: existsSync(join(proj, 'out')) };
    };
    return { base, proj, town, outside, build };
  }

  it('refuses a template file linked to a file outside the project', () => {
    const { town, outside, build } = project();
    mkdirSync(join(town, 'templates'));
    symlinkSync(join(outside, 'secret.hbs'), join(town, 'templates', 'contact.hbs'));
    const result = build();
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('模板 data/town/templates/contact.hbs 指向项目文件夹之外的文件');
    expect(result.stdout + result.stderr).not.toContain('外部秘密文字');
    expect(result.written).toBe(false);
  });

  it('refuses a templates folder linked out of the project', () => {
    const { town, outside, build } = project();
    symlinkSync(join(outside, 'templates'), join(town, 'templates'));
    const result = build();
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/模板文件夹 data\/town\/templates 指向项目文件夹 .* 之外/);
    expect(result.written).toBe(false);
  });

  it('names a dangling link', () => {
    const { town, build } = project();
    mkdirSync(join(town, 'templates'));
    symlinkSync(join(town, 'nowhere.hbs'), join(town, 'templates', 'contact.hbs'));
    const result = build();
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('模板 data/town/templates/contact.hbs 是一个指向不存在文件的链接');
  });

  it('follows a link that stays inside the project', () => {
    const { proj, town, build } = project();
    mkdirSync(join(proj, 'shared'));
    writeFileSync(join(proj, 'shared', 'contact.hbs'), '本项目共用的联系句。');
    mkdirSync(join(town, 'templates'));
    symlinkSync(join(proj, 'shared', 'contact.hbs'), join(town, 'templates', 'contact.hbs'));
    const result = build();
    expect(result.code).toBe(0);
    expect(result.html).toContain('本项目共用的联系句。');
  });

  it('walks parents up to the folder holding data/ and no further', () => {
    const { base, proj, build } = project();
    mkdirSync(join(base, 'templates'));
    writeFileSync(join(base, 'templates', 'contact.hbs'), '项目之上的模板。');
    mkdirSync(join(proj, 'templates'));
    writeFileSync(join(proj, 'templates', 'intro.hbs'), '<p>项目根的开头段。</p>');
    const result = build();
    expect(result.code).toBe(0);
    expect(result.html).toContain('项目根的开头段。');
    expect(result.html).not.toContain('项目之上的模板。');
  });
});
