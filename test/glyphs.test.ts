/** Every printed character needs a glyph; traditional characters such as 東鳳鎮 must render. */
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { positionOf, runCli, tempDir, variantOf, buildInto, type CliResult } from './helpers/cli.js';
import { requireTools } from './helpers/require-tool.js';

requireTools('pdftotext', 'pdffonts');

describe('a character no font can print', () => {
  const file = variantOf('data/2021.yaml', (text) => text.replace(/^(\s*)## (.*)$/m, '$1## $2\n$1本乡位于𠀀字村。'));
  const out = tempDir('out');
  let result: CliResult;
  beforeAll(() => {
    result = runCli(['build', file, '-o', out]);
  });

  it('is an error at its place in the data file, and nothing is written', () => {
    expect(result.code).toBe(1);
    const expected = positionOf(readFileSync(file, 'utf8'), '𠀀');
    const line = result.stderr.trim();
    expect(line).toContain(`:${expected.line}:${expected.col} 错误 字符「𠀀」（U+20000）在正文字体 NotoSerifSC-Regular 中没有字形`);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });

  it('does not stop a DOCX or HTML build, which embeds no font: Word and the browser use the reader\'s faces', () => {
    const only = tempDir('docx-html');
    const built = runCli(['build', file, '-o', only, '--to', 'docx,html']);
    expect(built.code, built.stderr).toBe(0);
    expect(readdirSync(only).sort()).toEqual(['variant.docx', 'variant.html']);
    expect(readFileSync(`${only}/variant.html`, 'utf8')).toContain('本乡位于𠀀字村。');
    // Asked for a PDF as well, the same build stops at the character, and writes neither.
    const withPdf = tempDir('with-pdf');
    expect(runCli(['build', file, '-o', withPdf, '--to', 'docx,pdf']).code).toBe(1);
    expect(existsSync(withPdf) ? readdirSync(withPdf) : []).toEqual([]);
  });
});

describe('traditional characters', () => {
  const file = variantOf('data/2021.yaml', (text) =>
    text.replace(/^(\s*)name:.*$/m, '$1name: 中山市東鳳鎮人民政府').replace(/^(\s*)## (.*)$/m, '$1## $2\n$1東鳳鎮認真貫徹《條例》，全年主動公開政府信息。'),
  );
  let pdf: string;
  beforeAll(() => {
    ({ pdf } = buildInto(file));
  });

  it('print with embedded fonts and extract as typed', () => {
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line).toMatch(/\s+yes\s+yes\s+yes\s+\d+\s+\d+\s*$/);
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('中山市東鳳鎮人民政府');
    expect(text.replace(/\s+/g, '')).toContain('東鳳鎮認真貫徹《條例》，全年主動公開政府信息。');
  });
});
