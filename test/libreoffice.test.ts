/** LibreOffice opens the DOCX and lays it out on about as many pages as our PDF. */
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { convertWithLibreOffice } from './readers/office.js';
import { pdfInfo, pdfPageText } from './readers/pdf.js';
import { builtExample, EXAMPLES } from './helpers/examples.js';
import { tempDir } from './helpers/cli.js';
import { requireTools } from './helpers/require-tool.js';

requireTools('soffice', 'pdftotext', 'pdffonts', 'pdfinfo');

describe.each(EXAMPLES)('$format DOCX in LibreOffice', ({ file }) => {
  let docx: string;
  let pdf: string;
  let converted: string;
  beforeAll(() => {
    ({ docx, pdf } = builtExample(file));
    converted = convertWithLibreOffice(docx, tempDir('soffice'));
  });

  it('converts to PDF with the page count of ours (±1)', () => {
    const ours = pdfInfo(pdf).pages;
    const theirs = pdfInfo(converted).pages;
    expect(Math.abs(theirs - ours), `ours ${ours}, LibreOffice ${theirs}`).toBeLessThanOrEqual(1);
  });

  it('shows the title, the tables and the 落款', () => {
    const text = Array.from({ length: pdfInfo(converted).pages }, (_, i) => pdfPageText(converted, i + 1)).join('').replace(/\s+/g, '');
    expect(text).toContain('政府信息公开工作年度报告');
    expect(text).toContain('申请人情况');
    expect(text).toContain('四、结转下年度继续办理');
    expect(text).toContain('复议后起诉');
    expect(text).toMatch(/\d{4}年\d{1,2}月\d{1,2}日—\d+—$/);
  });
}, 180_000);
