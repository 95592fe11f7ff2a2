/** Template errors name the template file and line; data text can never become markup. */
import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TemplateSet } from '../src/templating/template-set.js';
import { readMarkup, foldWhitespace } from '../src/markup/read-markup.js';
import { narrativeToMarkup } from '../src/templating/narrative.js';
import { chineseNumber } from '../src/markup/numbering.js';
import { placeSignature } from '../src/layout/signature.js';
import { tempDir } from './helpers/cli.js';
import { failureOf } from './helpers/failure.js';

const runtime = { cells: new Map<string, string>(), narratives: new Map<string, string>() };


describe('template errors', () => {
  const folder = tempDir('templates');
  mkdirSync(folder, { recursive: true });

  it('name the partial file and line of an unknown value', () => {
    writeFileSync(join(folder, 'report.hbs'), '<h1>{{title}}</h1>\n{{> part}}\n');
    writeFileSync(join(folder, 'part.hbs'), '<p>ok</p>\n<p>{{org.nope}}</p>\n');
    const set = new TemplateSet([folder]);
    const message = failureOf(() => set.render({ title: 't', org: {} }, runtime));
    expect(message).toMatch(/part\.hbs:2:\d+ 错误 模板错误：引用了不存在的数据项「org.nope」$/);
  });

  it('name the partial file, line and column that wrote markup the reader refuses', () => {
    const marked = tempDir('templates');
    writeFileSync(join(marked, 'report.hbs'), '<h1>{{title}}</h1>\n{{#if title}}\n<p>a</p>\n{{/if}}\n{{> part}}\n');
    // Line 3 is written after a standalone {{#if}} line and an expression; the refused element is on line 4.
    writeFileSync(join(marked, 'part.hbs'), '<p>ok</p>\n{{#if title}}\n<p>{{title}}</p>\n  <table><colgroup><col/><col/></colgroup><tr><td>x</td></tr></table>\n{{/if}}\n');
    const set = new TemplateSet([marked]);
    const markup = set.render({ title: 't' }, runtime);
    expect(failureOf(() => readMarkup(markup, set.originOf))).toMatch(/part\.hbs:4:3 错误 表格「」第 1 行占 1 列，应为 2 列$/);
    writeFileSync(join(marked, 'part.hbs'), '<p>ok</p>\n\n  <p align="{{title}}">a</p>\n');
    const again = new TemplateSet([marked]);
    expect(failureOf(() => readMarkup(again.render({ title: 't' }, runtime), again.originOf))).toMatch(/part\.hbs:3:3 错误 <p align="t"> 不受支持/);
  });

  it('name the file and line of a syntax error when loading', () => {
    const broken = tempDir('templates');
    writeFileSync(join(broken, 'report.hbs'), '<p>a</p>\n<p>{{#if x}}</p>\n');
    expect(failureOf(() => new TemplateSet([broken]))).toMatch(/report\.hbs:\d+:\d+ 错误 模板错误：/);
  });

  it('reject unknown helpers', () => {
    const folder2 = tempDir('templates');
    writeFileSync(join(folder2, 'report.hbs'), '<p>{{shout "x"}}</p>\n');
    const set = new TemplateSet([folder2]);
    expect(failureOf(() => set.render({}, runtime))).toMatch(/report\.hbs:1:\d+ 错误 模板错误：使用了不支持的模板函数「shout」/);
  });

  it('let an earlier folder override a later one', () => {
    const base = tempDir('templates');
    const override = tempDir('templates');
    writeFileSync(join(base, 'report.hbs'), '{{> intro}}');
    writeFileSync(join(base, 'intro.hbs'), '<p>built in</p>');
    writeFileSync(join(override, 'intro.hbs'), '<p>county</p>');
    expect(new TemplateSet([override, base]).render({}, runtime)).toBe('<p>county</p>');
  });
});

describe('narrative text', () => {
  it('escapes markup so that it prints literally', () => {
    const blocks = readMarkup(narrativeToMarkup('申请 <b>1</b> & </table> 件'));
    expect(blocks).toEqual([{ kind: 'paragraph', text: '申请 <b>1</b> & </table> 件', indent: true, align: 'justify', role: 'body' }]);
  });

  it('numbers sub-headings within each section and joins wrapped lines', () => {
    const markup = `<h2>总体情况</h2>${narrativeToMarkup('## 主动公开\n第一行\n第二行\n\n## 依申请公开\nText\nmore')}<h2>其他</h2>${narrativeToMarkup('## 再起')}`;
    const blocks = readMarkup(markup);
    expect(blocks.map((b) => (b.kind === 'heading' ? b.number + b.text : b.kind === 'paragraph' ? b.text : b.kind))).toEqual([
      '一、总体情况',
      '（一）主动公开',
      '第一行第二行',
      '（二）依申请公开',
      'Text more',
      '二、其他',
      '（一）再起',
    ]);
  });
});

describe('markup', () => {
  it('rejects rows that do not fill the declared columns', () => {
    expect(failureOf(() => readMarkup('<table><colgroup><col/><col/></colgroup><tr><td>a</td></tr></table>'))).toContain('第 1 行占 1 列，应为 2 列');
  });

  it('rejects elements outside the subset', () => {
    expect(failureOf(() => readMarkup('<script>x</script>'))).toContain('不支持的元素 <script>');
  });

  it('folds template line breaks between Chinese characters', () => {
    expect(foldWhitespace('本报告\n  根据')).toBe('本报告根据');
    expect(foldWhitespace('word\n  next')).toBe('word next');
  });
});

describe('generated numbers and placement', () => {
  it('counts in Chinese', () => {
    expect([1, 6, 10, 11, 20, 23].map(chineseNumber)).toEqual(['一', '六', '十', '十一', '二十', '二十三']);
  });

  it('places the 落款 per GB/T 9704 §7.3.5.1', () => {
    // A long name: right-indented two characters; the date starts two characters right of the name's first.
    // 2021年1月20日 is 6.5 character widths (digits count ½).
    expect(placeSignature('中山市东凤镇人民政府', '2021年1月20日')).toEqual({ orgRightIndent: 2, dateRightIndent: 2 + 10 - 2 - 6.5 });
    // The date would come closer than two characters to the edge: it keeps two, and the name moves left.
    expect(placeSignature('樟木乡人民政府', '2021年1月20日')).toEqual({ orgRightIndent: 2 + 6.5 + 2 - 7, dateRightIndent: 2 });
    // A date longer than the name: the date is right-indented two characters and the name moves left.
    expect(placeSignature('某局', '2021年12月20日')).toEqual({ orgRightIndent: 2 + 7 + 2 - 2, dateRightIndent: 2 });
  });
});
