/**
 * Reading the template markup into the document model, in-process: generated numbers, tables with spans, the
 * 落款 and 版记, white space, and one Chinese MARKUP message naming the template for what the markup may not hold.
 */
import { describe, expect, it } from 'vitest';
import { foldWhitespace, readMarkup, type MarkupOrigin } from '../../src/markup/read-markup.js';
import { ReportError } from '../../src/report-error/finding.js';

const refusal = (markup: string, from?: MarkupOrigin): string => {
  try {
    readMarkup(markup, from);
  } catch (error) {
    expect(error).toBeInstanceOf(ReportError);
    const findings = (error as ReportError).findings;
    expect(findings.map((f) => f.rule)).toEqual(['MARKUP']);
    return findings[0]!.message;
  }
  throw new Error(`accepted: ${markup}`);
};

describe('readMarkup', () => {
  it('numbers sections 一、二、 and sub-sections （一）（二）, restarting under each section', () => {
    const blocks = readMarkup('<h2>总体情况</h2><h3>主动公开</h3><h3>依申请公开</h3><h2>存在的问题</h2><h3>问题</h3>');
    expect(blocks.map((b) => (b.kind === 'heading' ? `${b.level}:${b.number}${b.text}` : b.kind))).toEqual([
      '1:一、总体情况',
      '2:（一）主动公开',
      '2:（二）依申请公开',
      '1:二、存在的问题',
      '2:（一）问题',
    ]);
  });

  it('fills <section-list/> with the headings of the whole document', () => {
    const [intro] = readMarkup('<p>本报告包括<section-list/>。</p><h2>总体情况</h2><h2>存在的问题</h2>');
    expect(intro).toMatchObject({ kind: 'paragraph', text: '本报告包括总体情况、存在的问题。', indent: true, align: 'justify' });
    const [other] = readMarkup('<p indent="no" align="center"><section-list separator="，"/></p><h2>甲</h2><h2>乙</h2>');
    expect(other).toMatchObject({ text: '甲，乙', indent: false, align: 'center' });
  });

  it('reads a table with spans, header rows, widths and value paths', () => {
    const [table] = readMarkup(
      '<h2>表</h2><table><colgroup><col width="2"/><col width="1"/><col width="1"/></colgroup>' +
        '<thead><tr><th rowspan="2">项目</th><th colspan="2">数量</th></tr><tr><th>甲</th><th>乙</th></tr></thead>' +
        '<tbody><tr><td indent="1">合计<br/>（件）</td><td align="right" data-path="a.b">3</td><td>4</td></tr></tbody></table>',
    ).filter((b) => b.kind === 'table');
    expect(table).toMatchObject({ kind: 'table', caption: '一、表', columns: [2, 1, 1] });
    if (table?.kind !== 'table') throw new Error('no table');
    expect(table.rows.map((r) => [r.header, r.cells.map((c) => `${c.lines.join('/')}:${c.rowSpan}x${c.colSpan}`)])).toEqual([
      [true, ['项目:2x1', '数量:1x2']],
      [true, ['甲:1x1', '乙:1x1']],
      [false, ['合计/（件）:1x1', '3:1x1', '4:1x1']],
    ]);
    expect(table.rows[2]!.cells[0]!.indent).toBe(1);
    expect(table.rows[2]!.cells.map((c) => [c.dataPath, c.align])).toEqual([[undefined, 'center'], ['a.b', 'right'], [undefined, 'center']]);
  });

  it('reads the 落款, the 版记 and a page break', () => {
    const blocks = readMarkup(
      '<signature><org>樟木乡人民政府</org><date>2022年1月18日</date></signature><page-break/>' +
        '<colophon><line left="樟木乡人民政府办公室" right="2022年1月18日印发"/></colophon>',
    );
    expect(blocks).toEqual([
      { kind: 'signature', org: '樟木乡人民政府', date: '2022年1月18日' },
      { kind: 'pageBreak' },
      { kind: 'colophon', lines: [{ left: '樟木乡人民政府办公室', right: '2022年1月18日印发' }] },
    ]);
  });

  it('folds template line breaks: none between Chinese characters, one space between Latin words', () => {
    expect(foldWhitespace('政府\n  信息')).toBe('政府信息');
    expect(foldWhitespace('open\n  data')).toBe('open data');
    expect(foldWhitespace('  两端  ')).toBe('两端');
    expect(foldWhitespace('中 文')).toBe('中 文');
  });

  it('decodes entities once and prints data literally', () => {
    const [p] = readMarkup('<p>A &amp; B &lt;/table&gt;</p>');
    expect(p).toMatchObject({ text: 'A & B </table>' });
  });

  it.each([
    ['an unknown element', '<p>正文</p><div>x</div>', '<div>'],
    ['text outside an element', '正文', '<p>'],
    ['an unclosed heading', '<h2>总体情况', '<h2>'],
    ['a stray closing tag', '<p>正文</p></p>', '</p>'],
    ['a row wider than the columns', '<table><colgroup><col width="1"/></colgroup><tr><td>1</td><td>2</td></tr></table>', '应为 1 列'],
    ['an unknown alignment', '<p align="middle">x</p>', 'align="middle"'],
  ])('refuses %s with one Chinese message', (_name, markup, words) => {
    const message = refusal(markup);
    expect(message).toContain(words);
    expect(message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('names the template that wrote the faulty markup', () => {
    const markup = '<p>甲</p>\n<p align="middle">乙</p>';
    const second = markup.indexOf('<p align');
    expect(refusal(markup, (index) => ({ file: index >= second ? 'shared/other.hbs' : 'report.hbs' }))).toContain('出自模板 shared/other.hbs');
  });
});
