/**
 * Our DOCX as LibreOffice lays it out on a PC without the official Chinese faces: only the fallback fonts of this
 * system (Noto CJK, DejaVu) plus Tinos, the metric twin of Times New Roman that every Windows PC has. Checked
 * against our PDF: page counts, Chinese (not Japanese) glyph forms, 28 characters and 22 lines on full body pages,
 * the 落款, page numbers, no empty page; and an edit made by a LibreOffice Basic macro (a paragraph appended to
 * 一) survives a save as DOCX and takes the body style.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { cjkGlyphForms } from './readers/cjk-glyph-forms.js';
import { readDocxPart } from './readers/docx.js';
import { pdfInfo, pdfWordList, type PdfWord } from './readers/pdf.js';
import { buildInto, ROOT, tempDir } from './helpers/cli.js';
import { fallbackFonts } from './helpers/layout-corpus-lo.js';
import { requireTools } from './helpers/require-tool.js';

requireTools('soffice', 'qpdf', 'pdftotext', 'pdffonts', 'pdfinfo');

const EXAMPLES = [
  { file: 'data/2020.yaml', national: true, annex: false },
  { file: 'data/2021.yaml', national: true, annex: false },
  { file: 'data/xinfeng/2017.yaml', national: false, annex: true },
  { file: 'data/dongfeng/2011.yaml', national: false, annex: false },
];
const pt = (mm: number) => (mm * 72) / 25.4;
const LEFT = pt(28);
const CHAR_PITCH = pt(156) / 28;
const cells = (text: string) => [...text].reduce((n, ch) => n + (/[\x20-\x7e]/.test(ch) ? 0.5 : 1), 0);

const work = tempDir('docx-lo');
const env = fallbackFonts(work);
const profile = join(work, 'profile');
const soffice = (args: string[]) =>
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', ...args], { env, stdio: 'ignore', timeout: 240_000 });

/** Our builds of the examples, copies of their DOCX files, and LibreOffice's PDF of each copy, made once. */
let built: Array<ReturnType<typeof buildInto>> = [];
let docxCopies: string[] = [];
let theirs: string[] = [];
beforeAll(() => {
  built = EXAMPLES.map((example) => buildInto(join(ROOT, example.file)));
  docxCopies = built.map((b, i) => {
    const copy = join(work, `${i}-${basename(b.docx)}`);
    copyFileSync(b.docx, copy);
    return copy;
  });
  soffice(['--convert-to', 'pdf', '--outdir', work, ...docxCopies]);
  theirs = docxCopies.map((copy) => copy.replace(/\.docx$/, '.pdf'));
});

const byPage = (words: PdfWord[]) => {
  const pages = new Map<number, PdfWord[]>();
  for (const w of words) pages.set(w.page, [...(pages.get(w.page) ?? []), w]);
  return pages;
};
/** Lines of a page: words grouped by their vertical middle (within 5 pt), page number line excepted. */
function lines(words: PdfWord[]): PdfWord[][] {
  const rows: Array<{ y: number; words: PdfWord[] }> = [];
  for (const w of [...words].sort((a, b) => a.yMax - b.yMax)) {
    if (/^—$|^\d+$/.test(w.text) && w.yMin > pt(297 - 35)) continue;
    const y = (w.yMin + w.yMax) / 2;
    const row = rows.find((r) => Math.abs(r.y - y) < 5);
    if (row) row.words.push(w);
    else rows.push({ y, words: [w] });
  }
  return rows.sort((a, b) => a.y - b.y).map((r) => r.words.sort((a, b) => a.xMin - b.xMin));
}

describe.each(EXAMPLES.map((example, index) => ({ ...example, index })))('LibreOffice with fallback fonts: $file', ({ index, national, annex }) => {
  let pdf: string;
  let lo: string;
  let ours: number;
  let pages: number;
  let words: PdfWord[];
  beforeAll(() => {
    pdf = built[index]!.pdf;
    lo = theirs[index]!;
    ours = pdfInfo(pdf).pages;
    pages = pdfInfo(lo).pages;
    words = pdfWordList(lo);
  });

  it(national ? 'lays the DOCX out on as many pages as our PDF, or one more where 表三 moves whole to a new page' : 'lays the DOCX out on at most one page more than our PDF', () => {
    if (!national) {
      expect(pages - ours, `ours ${ours}, LibreOffice ${pages}`).toBeLessThanOrEqual(1);
      return;
    }
    // Our PDF flows 表三 on from the page before and repeats its group labels; a DOCX cannot repeat them, so a 表三
    // that fits on a page moves there whole, with its heading as the page's first line.
    const heading = [...byPage(words)].find(([, list]) => lines(list).some((l) => l.map((w) => w.text).join('') === '三、收到和处理政府信息公开申请情况'));
    const movedWhole = heading !== undefined && lines(heading[1])[0]!.map((w) => w.text).join('') === '三、收到和处理政府信息公开申请情况';
    if (movedWhole) expect([ours, ours + 1], `ours ${ours}, LibreOffice ${pages}`).toContain(pages);
    else expect(pages, `ours ${ours}, LibreOffice ${pages}`).toBe(ours);
  });

  it('sets Chinese text in simplified Chinese glyph forms, never Japanese, Korean or traditional', () => {
    const forms = cjkGlyphForms(lo, `${lo}.qdf`);
    expect(forms.byRegion.sc ?? 0).toBeGreaterThan(20);
    expect({ jp: forms.byRegion.jp ?? 0, kr: forms.byRegion.kr ?? 0, tc: forms.byRegion.tc ?? 0, unknown: forms.unknown }).toEqual({ jp: 0, kr: 0, tc: 0, unknown: 0 });
  });

  it('leaves no page empty and numbers odd pages at the right, even pages at the left', () => {
    for (const [page, list] of byPage(words)) {
      expect(lines(list).length, `page ${page}`).toBeGreaterThan(0);
      const number = list.filter((w) => w.text === String(page) && w.yMin > pt(297 - 35));
      expect(number, `page number on page ${page}`).toHaveLength(1);
      const x = number[0]!.xMin;
      if (page % 2) expect(x, `page ${page}`).toBeGreaterThan(pt(210) / 2);
      else expect(x, `page ${page}`).toBeLessThan(pt(210) / 2);
    }
    expect(byPage(words).size).toBe(pages);
  });

  it.runIf(annex)('starts the 统计表 on the page of its 附件 title', () => {
    const pages = byPage(words);
    const titlePage = [...pages].find(([, list]) => lines(list).some((l) => l.map((w) => w.text).join('') === '政府信息公开情况统计表'))?.[0];
    expect(titlePage).toBeDefined();
    expect(pages.get(titlePage!)!.some((w) => w.text === '统计指标' || w.text.startsWith('统计指标'))).toBe(true);
  });

  it('places the 成文日期 two characters right of the 署名, as our PDF does', () => {
    const starts = (file: string) => {
      const pages = byPage(pdfWordList(file));
      for (const page of [...pages.keys()].sort((a, b) => b - a)) {
        const all = lines(pages.get(page)!);
        const at = all.findIndex((l) => /^\d{4}年\d{1,2}月\d{1,2}日$/.test(l.map((w) => w.text).join('')));
        if (at > 0) return { date: all[at]![0]!.xMin, org: all[at - 1]![0]!.xMin, linesAbove: at - 1 };
      }
      throw new Error(`no 成文日期 in ${file}`);
    };
    const theirsAt = starts(lo);
    const oursAt = starts(pdf);
    // The 落款 never stands alone: at least two lines of text above it on its page (§7.3.5.4).
    expect(theirsAt.linesAbove).toBeGreaterThanOrEqual(2);
    expect(theirsAt.date - theirsAt.org).toBeCloseTo(2 * CHAR_PITCH, -0.6);
    expect(Math.abs(theirsAt.org - oursAt.org)).toBeLessThan(3);
    expect(Math.abs(theirsAt.date - oursAt.date)).toBeLessThan(3);
  });
});

describe('LibreOffice: the 公文 grid', () => {
  // 3号 text lines (tables and the page number excepted) of every page of every example.
  let pages: Array<{ where: string; lines: PdfWord[][] }>;
  beforeAll(() => {
    pages = theirs.flatMap((file) =>
      [...byPage(pdfWordList(file)).entries()].map(([page, list]) => ({
        where: `${basename(file)} p.${page}`,
        lines: lines(list.filter((w) => w.yMax - w.yMin > 19 && w.yMax - w.yMin < 23 && w.yMin < pt(297 - 35))),
      })),
    );
  });

  it('sets 22 lines on a full page and never more, 28.95 pt apart', () => {
    const counts = pages.map((p) => p.lines.length);
    expect(Math.max(...counts)).toBe(22);
    for (const page of pages.filter((p) => p.lines.length === 22)) {
      const tops = page.lines.map((l) => Math.min(...l.map((w) => w.yMin)));
      for (let i = 1; i < tops.length; i++) expect(tops[i]! - tops[i - 1]!, page.where).toBeCloseTo(28.95, 0);
    }
  });

  it('sets at most 28 characters a line, and 28 on a full line', () => {
    // Latin letters are narrower than half a character; lines with them are left out.
    const widths = pages
      .flatMap((p) => p.lines.map((l) => ({ where: p.where, text: l.map((w) => w.text).join(''), left: l[0]!.xMin, right: l[l.length - 1]!.xMax })))
      // LibreOffice 7.4 ignores autoSpaceDN and puts space around digits, so lines with digits are left out too.
      .filter((w) => !/[A-Za-z0-9]/.test(w.text))
      // A closing punctuation mark that hangs into the margin at the end of a line is not counted; a paragraph's first
      // line starts two characters in, and those count as cells of the line.
      .map((w) => {
        const hangs = w.right > LEFT + pt(156) + 1;
        const text = hangs ? w.text.replace(/[、，。；：？！”’」』）]$/, '') : w.text;
        return { ...w, cells: Math.round((w.left - LEFT) / (pt(156) / 28)) + cells(text) };
      });
    const widest = widths.reduce((a, b) => (b.cells > a.cells ? b : a));
    expect(widest.cells, `${widest.where}: ${widest.text}`).toBeLessThanOrEqual(28);
    // A justified line that runs to the right edge of the 版心 holds 28 characters (27½ when a digit pair shares one).
    const full = widths.filter((w) => w.right > LEFT + pt(156) - 4);
    expect(full.length).toBeGreaterThan(30);
    expect(full.filter((w) => w.cells >= 27.5).length / full.length).toBeGreaterThan(0.9);
  });
});

describe('LibreOffice: an edit survives', () => {
  it('appends a paragraph to 一 by macro, saves as DOCX, and the paragraph takes the body style', async () => {
    const basic = join(profile, 'user', 'basic', 'Standard');
    const added = '新增一段：本年度还开展政务公开业务培训两次，参训人员四十人次。';
    const input = docxCopies[1]!;
    const output = join(work, 'edited.docx');
    const done = join(work, 'edited.done');
    writeFileSync(join(basic, 'Edit.xba'), EDIT_MODULE);
    const library = readFileSync(join(basic, 'script.xlb'), 'utf8');
    if (!library.includes('"Edit"')) writeFileSync(join(basic, 'script.xlb'), library.replace('</library:library>', ' <library:element library:name="Edit"/>\n</library:library>'));
    // soffice lingers ~20 s after a command-line macro; the macro marks when the file is saved and soffice is stopped.
    const child = spawn('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', `macro:///Standard.Edit.Append("${input}","${output}","${added}","${done}")`], { env, stdio: 'ignore' });
    const deadline = Date.now() + 120_000;
    while (!existsSync(done) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    child.kill();
    await new Promise((r) => (child.exitCode === null ? child.once('exit', r) : r(null)));
    expect(existsSync(done), 'the macro saved the document').toBe(true);

    const edited = readFileSync(output);
    const documentXml = readDocxPart(edited, 'word/document.xml');
    const paragraph = new RegExp(`<w:p>(?:(?!<w:p>).)*?${added}`).exec(documentXml)?.[0] ?? '';
    expect(paragraph).toMatch(/<w:pStyle w:val="Normal"\/>|^<w:p><w:pPr><w:rPr>/);
    expect(paragraph).not.toMatch(/<w:rFonts|<w:sz /);
    const styles = readDocxPart(edited, 'word/styles.xml');
    const style = (id: string) => new RegExp(`<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`).exec(styles)?.[0] ?? '';
    expect(style('Normal')).toMatch(/w:eastAsia="仿宋_GB2312"/);
    expect(style('Heading1')).toMatch(/w:eastAsia="黑体"/);
    expect(style('Heading2')).toMatch(/w:eastAsia="楷体_GB2312"/);

    soffice(['--convert-to', 'pdf', '--outdir', work, output]);
    const after = pdfWordList(output.replace(/\.docx$/, '.pdf'));
    const before = pdfWordList(theirs[1]!);
    expect(pdfInfo(output.replace(/\.docx$/, '.pdf')).pages - pdfInfo(theirs[1]!).pages).toBeLessThanOrEqual(1);
    // The new paragraph looks like the body paragraph before it: same size, first-line indent of two characters.
    const first = after.find((w) => w.text.startsWith('新增一段'))!;
    expect(first).toBeDefined();
    const body = before.find((w) => w.text.startsWith('全年新收政府信息公开申请'))!;
    expect(first.yMax - first.yMin).toBeCloseTo(body.yMax - body.yMin, 0);
    expect(first.xMin - LEFT).toBeCloseTo(2 * CHAR_PITCH, -0.6);
    // Headings render as before.
    const headings = (list: PdfWord[]) => list.filter((w) => /^[一二三四五六七八]、/.test(w.text)).map((w) => [w.text, Math.round(w.yMax - w.yMin)]);
    expect(headings(after)).toEqual(headings(before));
  }, 180_000);
});

const EDIT_MODULE = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Edit" script:language="StarBasic">
Sub Append(inPath As String, outPath As String, added As String, donePath As String)
  Dim load(0) As New com.sun.star.beans.PropertyValue
  load(0).Name = &quot;Hidden&quot; : load(0).Value = True
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(inPath), &quot;_blank&quot;, 0, load())
  paragraphs = doc.Text.createEnumeration()
  headings = 0
  Do While paragraphs.hasMoreElements()
    p = paragraphs.nextElement()
    If p.supportsService(&quot;com.sun.star.text.Paragraph&quot;) Then
      If p.ParaStyleName = &quot;Heading 1&quot; Then headings = headings + 1
      If headings = 2 Then Exit Do
      If headings = 1 Then last = p
    End If
  Loop
  cursor = doc.Text.createTextCursorByRange(last.getEnd())
  doc.Text.insertControlCharacter(cursor, com.sun.star.text.ControlCharacter.PARAGRAPH_BREAK, False)
  cursor.ParaStyleName = &quot;Standard&quot;
  doc.Text.insertString(cursor, added, False)
  Dim store(0) As New com.sun.star.beans.PropertyValue
  store(0).Name = &quot;FilterName&quot; : store(0).Value = &quot;MS Word 2007 XML&quot;
  doc.storeToURL(ConvertToURL(outPath), store())
  doc.close(True)
  Open donePath For Output As #1
  Print #1, &quot;saved&quot;
  Close #1
End Sub
</script:module>
`;
