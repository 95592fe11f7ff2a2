/**
 * `script: traditional`: the text the tool generates (title, opening, headings, table labels, 落款 date, document
 * properties) is printed in traditional characters, the data's own text as written, and glyphs are checked on
 * the converted text. The expected strings are typed here, not produced by the converter.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkGlyphs } from '../src/fonts/glyph-coverage.js';
import { FontRegistry } from '../src/fonts/font-registry.js';
import type { FontRole } from '../src/fonts/font-role.js';
import { prepareReport } from '../src/pipeline/prepare-report.js';
import { buildInto, ROOT, runCli, tempDir, variantOf } from './helpers/cli.js';
import { pdfPageText } from './readers/pdf.js';
import { requireTools } from './helpers/require-tool.js';

requireTools('pdftotext', 'pdffonts', 'pdfinfo');

const HEADINGS_TRADITIONAL = [
  '概述',
  '主動公開政府信息情況',
  '依申請公開政府信息和不予公開政府信息情況',
  '政府信息公開的收費及減免情況',
  '因政府信息公開申請行政複議、提起行政訴訟的情況',
  '政府信息公開工作存在的主要問題及改進措施',
];
/** Characters of the generated text that exist only in simplified form. */
const SIMPLIFIED_ONLY = /[开报处况关请这诉议费减进问题审条规据简称员门会务书]/;

describe('script: traditional', () => {
  const dongfeng = 'data/dongfeng/2011.yaml';

  it('prints headings, title and opening of data/dongfeng/2011.yaml in traditional characters', () => {
    const prepared = prepareReport(join(ROOT, dongfeng));
    const headings = prepared.document.blocks.flatMap((b) => (b.kind === 'heading' && b.level === 1 ? [b.text] : []));
    expect(headings).toEqual(HEADINGS_TRADITIONAL);
    expect(prepared.document.meta.title).toBe('中山市東鳳鎮人民政府2011年政府信息公開工作年度報告');
    expect(prepared.document.meta.subject).not.toMatch(SIMPLIFIED_ONLY);
    const title = prepared.document.blocks.find((b) => b.kind === 'title');
    expect(title).toMatchObject({ lines: ['中山市東鳳鎮人民政府', '2011年政府信息公開工作年度報告'] });
    const opening = prepared.document.blocks.find((b) => b.kind === 'paragraph');
    expect(opening && 'text' in opening ? opening.text : '').toMatch(/^根據《中華人民共和國政府信息公開條例》（以下簡稱《條例》）要求，特向社會公/);
  });

  it('puts the traditional text in the PDF and the HTML page', () => {
    const { pdf, dir } = buildInto(join(ROOT, dongfeng), ['--html']);
    const first = pdfPageText(pdf, 1);
    expect(first.replace(/\s+/g, '')).toContain('2011年政府信息公開工作年度報告');
    expect(first.replace(/\s+/g, '')).toContain('一、概述');
    const html = readFileSync(join(dir, 'dongfeng', '2011.html'), 'utf8');
    for (const heading of HEADINGS_TRADITIONAL) expect(html).toContain(heading);
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info).toContain('中山市東鳳鎮人民政府2011年政府信息公開工作年度報告');
  });

  it('converts table labels and leaves the data text as written', () => {
    const file = variantOf('data/2021.yaml', (t) => t.replace(/\nissued:/, '\nscript: traditional\nissued:'));
    const prepared = prepareReport(file);
    const labels = prepared.document.blocks.flatMap((b) => (b.kind === 'table' ? b.rows.flatMap((r) => r.cells.flatMap((c) => c.lines)) : []));
    expect(labels).toContain('一、本年新收政府信息公開申請數量');
    expect(labels).toContain('（四）無法提供');
    expect(labels.join('')).not.toMatch(SIMPLIFIED_ONLY);
    // The overview is simplified in the data and stays so.
    const body = prepared.document.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
    expect(body.some((t) => t.includes('认真贯彻落实'))).toBe(true);
    const signature = prepared.document.blocks.find((b) => b.kind === 'signature');
    expect(signature).toMatchObject({ date: '2022年1月18日' });
  });

  it('leaves a report without script: in simplified characters', () => {
    const prepared = prepareReport(join(ROOT, 'data/2021.yaml'));
    expect(prepared.document.blocks.some((b) => b.kind === 'heading' && b.text === '主动公开政府信息情况')).toBe(true);
  });

  it('refuses a script it does not know', () => {
    const file = variantOf('data/2021.yaml', (t) => t.replace(/\nissued:/, '\nscript: hk\nissued:'));
    const result = runCli(['check', file]);
    expect(result.code).toBe(2);
    expect(result.stdout + result.stderr).toMatch(/script/);
  });

  it('checks glyphs on the converted text', () => {
    // A heading face that lacks 開 alone: the glyph check reads the document as printed, so it names 開, never 开.
    const report = prepareReport(join(ROOT, dongfeng));
    const fonts = FontRegistry.create();
    const missingKai = {
      missingGlyphs: (role: FontRole, text: string) =>
        role === 'heading' ? [...text].filter((char) => char === '開').map((char) => ({ char, face: fonts.face('heading') })) : fonts.missingGlyphs(role, text),
    } as unknown as FontRegistry;
    const messages = checkGlyphs(report.document, missingKai, report.source).map((f) => f.message);
    expect(messages.join('\n')).toContain('字符「開」（U+958B）在一级标题字体');
    expect(messages.join('\n')).not.toContain('「开」');
  });
});
