/**
 * The DOCX as a Word user meets it, read from its XML: built-in styles restyled to GB/T 9704, the font table,
 * the 22 × 28 grid, no automatic Chinese–Latin spacing, the 落款, page numbers, properties and keep rules.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { readDocxPart } from './readers/docx.js';
import { buildInto, runCli, tempDir, variantOf } from './helpers/cli.js';
import { builtExample, exampleData } from './helpers/examples.js';

const pt = (mm: number) => (mm * 72) / 25.4;
const TEXT_WIDTH_TWIPS = 11906 - Math.round(pt(28) * 20) - Math.round(pt(26) * 20);
const CHAR_PITCH_TWIPS = (pt(156) / 28) * 20;

const parse = (xml: string) => new DOMParser().parseFromString(xml, 'text/xml').documentElement as unknown as Element;
const all = (el: Element, name: string): Element[] => Array.from(el.getElementsByTagName(name)) as Element[];
const kids = (el: Element | undefined, name: string): Element[] =>
  el ? (Array.from(el.childNodes).filter((n) => n.nodeType === 1 && (n as Element).tagName === name) as Element[]) : [];
const attr = (el: Element | undefined, name: string) => el?.getAttribute(name) ?? undefined;

function styleOf(styles: Element, id: string): Element {
  const found = all(styles, 'w:style').find((s) => s.getAttribute('w:styleId') === id);
  if (!found) throw new Error(`no style ${id}`);
  return found;
}
const prop = (style: Element, group: 'w:pPr' | 'w:rPr', name: string) => kids(kids(style, group)[0], name)[0];

describe('national-2021 DOCX styles, fonts and grid', () => {
  let file: string;
  let docx: Buffer;
  let stylesXml: string;
  let styles: Element;
  let document: Element;
  beforeAll(() => {
    ({ docx: file } = builtExample('data/2021.yaml'));
    docx = readFileSync(file);
    stylesXml = readDocxPart(docx, 'word/styles.xml');
    styles = parse(stylesXml);
    document = parse(readDocxPart(docx, 'word/document.xml'));
  });
  const org = exampleData('data/2021.yaml').org.name as string;

  it('restyles the built-in Normal, Title, Heading 1 and Heading 2 to GB/T 9704, with no colours', () => {
    const normal = styleOf(styles, 'Normal');
    expect(normal.getAttribute('w:default')).toBe('1');
    expect(attr(prop(normal, 'w:rPr', 'w:rFonts'), 'w:eastAsia')).toBe('仿宋_GB2312');
    expect(attr(prop(normal, 'w:rPr', 'w:sz'), 'w:val')).toBe('32');
    expect(attr(prop(normal, 'w:pPr', 'w:spacing'), 'w:line')).toBe('579');
    expect(attr(prop(normal, 'w:pPr', 'w:spacing'), 'w:lineRule')).toBe('exact');
    expect(attr(prop(normal, 'w:pPr', 'w:ind'), 'w:firstLineChars')).toBe('200');
    expect(Number(attr(prop(normal, 'w:pPr', 'w:ind'), 'w:firstLine'))).toBe(Math.round(2 * CHAR_PITCH_TWIPS));
    const title = styleOf(styles, 'Title');
    expect(attr(prop(title, 'w:rPr', 'w:rFonts'), 'w:eastAsia')).toBe('方正小标宋简体');
    expect(attr(prop(title, 'w:rPr', 'w:sz'), 'w:val')).toBe('44');
    expect(attr(prop(title, 'w:pPr', 'w:jc'), 'w:val')).toBe('center');
    const h1 = styleOf(styles, 'Heading1');
    const h2 = styleOf(styles, 'Heading2');
    expect(attr(kids(h1, 'w:name')[0], 'w:val')).toBe('heading 1');
    expect(attr(kids(h2, 'w:name')[0], 'w:val')).toBe('heading 2');
    expect(attr(prop(h1, 'w:rPr', 'w:rFonts'), 'w:eastAsia')).toBe('黑体');
    expect(attr(prop(h2, 'w:rPr', 'w:rFonts'), 'w:eastAsia')).toBe('楷体_GB2312');
    for (const h of [h1, h2]) {
      expect(attr(prop(h, 'w:rPr', 'w:sz') ?? prop(normal, 'w:rPr', 'w:sz'), 'w:val')).toBe('32');
      expect(prop(h, 'w:pPr', 'w:keepNext')).toBeDefined();
      expect(attr(kids(h, 'w:next')[0], 'w:val')).toBe('Normal');
    }
    expect(attr(prop(h1, 'w:pPr', 'w:outlineLvl'), 'w:val')).toBe('0');
    expect(attr(prop(h2, 'w:pPr', 'w:outlineLvl'), 'w:val')).toBe('1');
    expect(stylesXml).not.toMatch(/w:color|w:themeColor/);
  });

  it('fills the document defaults with the body style, so typed text is 正文', () => {
    const defaults = kids(styles, 'w:docDefaults')[0]!;
    const rPr = kids(kids(defaults, 'w:rPrDefault')[0], 'w:rPr')[0]!;
    const pPr = kids(kids(defaults, 'w:pPrDefault')[0], 'w:pPr')[0]!;
    expect(attr(kids(rPr, 'w:rFonts')[0], 'w:eastAsia')).toBe('仿宋_GB2312');
    expect(attr(kids(rPr, 'w:rFonts')[0], 'w:ascii')).toBe('Times New Roman');
    expect(attr(kids(rPr, 'w:sz')[0], 'w:val')).toBe('32');
    expect(attr(kids(rPr, 'w:lang')[0], 'w:eastAsia')).toBe('zh-CN');
    expect(attr(kids(pPr, 'w:spacing')[0], 'w:line')).toBe('579');
  });

  it('names the table text, 落款 and 版记 styles in Chinese and uses them', () => {
    const names = Object.fromEntries(all(styles, 'w:style').map((s) => [attr(kids(s, 'w:name')[0], 'w:val'), s.getAttribute('w:styleId')]));
    for (const name of ['表格文字', '落款', '版记']) expect(names[name], name).toBeDefined();
    const used = new Set(all(document, 'w:pStyle').map((s) => s.getAttribute('w:val')));
    for (const name of ['表格文字', '落款']) expect(used.has(names[name]!), name).toBe(true);
    for (const id of used) expect(names[attr(kids(styleOf(styles, id!), 'w:name')[0], 'w:val')!]).toBe(id);
    expect(used.has('Heading1') && used.has('Heading2') && used.has('Title')).toBe(true);
  });

  it('sets w:eastAsia on every style that sets fonts, and zh-CN as the East Asian language', () => {
    const withFonts = all(styles, 'w:rFonts');
    expect(withFonts.length).toBeGreaterThanOrEqual(6);
    for (const f of withFonts) expect(f.getAttribute('w:eastAsia')).toBeTruthy();
    expect(all(styles, 'w:lang').every((l) => l.getAttribute('w:eastAsia') === 'zh-CN')).toBe(true);
    // Runs carry no fonts of their own: the styles decide.
    expect(all(document, 'w:rFonts')).toHaveLength(0);
  });

  it('writes a font table with charset, family, pitch, PANOSE and alternative names', () => {
    const fonts = all(parse(readDocxPart(docx, 'word/fontTable.xml')), 'w:font');
    const entry = (name: string) => {
      const font = fonts.find((f) => f.getAttribute('w:name') === name);
      if (!font) throw new Error(`no font table entry ${name}`);
      const value = (tag: string) => attr(kids(font, tag)[0], 'w:val');
      return { alt: value('w:altName'), charset: value('w:charset'), family: value('w:family'), pitch: value('w:pitch'), panose: value('w:panose1') };
    };
    expect(entry('仿宋_GB2312').alt).toBe('仿宋');
    expect(entry('楷体_GB2312').alt).toBe('楷体');
    expect(['宋体', '华文中宋']).toContain(entry('方正小标宋简体').alt);
    for (const name of ['仿宋_GB2312', '楷体_GB2312', '方正小标宋简体', '黑体', '宋体', '仿宋', '楷体']) {
      const e = entry(name);
      expect(e.charset, name).toBe('86');
      expect(e.family, name).toMatch(/^(modern|roman|swiss|auto)$/);
      expect(e.pitch, name).toMatch(/^(fixed|variable)$/);
      expect(e.panose, name).toMatch(/^[0-9A-F]{20}$/);
    }
    expect(entry('Times New Roman')).toMatchObject({ charset: '00', family: 'roman', pitch: 'variable', panose: '02020603050405020304' });
    // Every face a style names is in the table.
    const named = new Set(all(styles, 'w:rFonts').flatMap((f) => ['w:ascii', 'w:eastAsia'].map((a) => f.getAttribute(a)!)));
    for (const name of named) expect(fonts.some((f) => f.getAttribute('w:name') === name), name).toBe(true);
  });

  it('sets the 22 × 28 document grid and turns off automatic Chinese–Latin spacing', () => {
    const grid = all(document, 'w:docGrid')[0]!;
    expect(grid.getAttribute('w:type')).toBe('linesAndChars');
    expect(grid.getAttribute('w:linePitch')).toBe('579');
    // Word: character pitch = Normal size + charSpace/4096 pt; as many whole pitches a line as fit the text width.
    const pitch = 16 + Number(grid.getAttribute('w:charSpace')) / 4096;
    expect(Math.floor(TEXT_WIDTH_TWIPS / 20 / pitch)).toBe(28);
    expect(Math.floor(pt(225) / (579 / 20))).toBe(22);
    for (const where of [styleOf(styles, 'Normal'), kids(kids(styles, 'w:docDefaults')[0], 'w:pPrDefault')[0]!]) {
      const pPr = kids(where, 'w:pPr')[0]!;
      expect(attr(kids(pPr, 'w:autoSpaceDE')[0], 'w:val')).toBe('0');
      expect(attr(kids(pPr, 'w:autoSpaceDN')[0], 'w:val')).toBe('0');
    }
  });

  it('places the 成文日期 two characters right of the 署名 (§7.3.5.1)', () => {
    const paragraphs = all(document, 'w:p').filter((p) => all(p, 'w:pStyle')[0]?.getAttribute('w:val') === 'Signature');
    expect(paragraphs).toHaveLength(2);
    const [name, date] = paragraphs as [Element, Element];
    expect(all(name, 'w:t')[0]!.textContent).toBe(org);
    const rightIndent = Number(all(name, 'w:ind')[0]!.getAttribute('w:right'));
    // The name is right-aligned (落款 style); its first character sits at text width − indent − its width.
    const nameStart = TEXT_WIDTH_TWIPS - rightIndent - [...org].length * (16 - 0.25) * 20;
    const dateLeft = Number(all(date, 'w:ind')[0]!.getAttribute('w:left'));
    expect(attr(all(date, 'w:jc')[0], 'w:val')).toBe('left');
    expect(Math.abs(dateLeft - (nameStart + 2 * CHAR_PITCH_TWIPS))).toBeLessThan(20);
    expect(rightIndent).toBeGreaterThanOrEqual(Math.round(2 * CHAR_PITCH_TWIPS));
  });

  it('prints "— N —" page numbers in 4号 半角宋体, odd right and even left, one character in', () => {
    const footer = styleOf(styles, 'Footer');
    const fonts = prop(footer, 'w:rPr', 'w:rFonts')!;
    expect([fonts.getAttribute('w:ascii'), fonts.getAttribute('w:hAnsi'), fonts.getAttribute('w:eastAsia')]).toEqual(['宋体', '宋体', '宋体']);
    expect(attr(prop(footer, 'w:rPr', 'w:sz'), 'w:val')).toBe('28');
    const sides = [1, 2].map((n) => {
      const xml = parse(readDocxPart(docx, `word/footer${n}.xml`));
      const p = all(xml, 'w:p')[0]!;
      expect(all(p, 'w:pStyle')[0]!.getAttribute('w:val')).toBe('Footer');
      expect(all(xml, 'w:instrText').map((t) => t.textContent!.trim())).toContain('PAGE');
      expect(all(xml, 'w:rFonts')).toHaveLength(0);
      const ind = all(p, 'w:ind')[0]!;
      return { jc: attr(all(p, 'w:jc')[0], 'w:val'), inset: Number(ind.getAttribute('w:right') ?? ind.getAttribute('w:left')) };
    });
    expect(sides.map((s) => s.jc).sort()).toEqual(['left', 'right']);
    for (const side of sides) expect(side.inset).toBe(14 * 20);
  });

  it('carries title, author (the organisation), subject (the edition) and language', () => {
    const core = readDocxPart(docx, 'docProps/core.xml');
    expect(core).toContain(`<dc:title>${org}2021年政府信息公开工作年度报告</dc:title>`);
    expect(core).toContain(`<dc:creator>${org}</dc:creator>`);
    expect(core).toMatch(/<dc:subject>[^<]*国务院办公厅政府信息公开办公室[^<]*<\/dc:subject>|<dc:subject>[^<]*2021[^<]*<\/dc:subject>/);
    expect(core).toContain('<dc:language>zh-CN</dc:language>');
  });

  it('keeps only the header rows and the first body row with the next row in tables without body groups', () => {
    const tables = all(document, 'w:tbl');
    expect(tables).toHaveLength(3);
    for (const index of [0, 2]) {
      const rows = kids(tables[index], 'w:tr');
      const headers = rows.filter((r) => all(r, 'w:tblHeader').length > 0).length;
      const kept = rows.map((r) => all(r, 'w:keepNext').length > 0);
      expect(kept, `table ${index + 1}`).toEqual(rows.map((_, i) => i <= headers));
      for (const row of rows) expect(all(row, 'w:cantSplit')).toHaveLength(1);
    }
  });
});

describe('profile setting fonts: windows', () => {
  it('names the faces of a stock Windows instead of the official ones', () => {
    const file = variantOf('data/2021.yaml', (text) => text.replace('  short: 樟木乡\n', '  short: 樟木乡\n  fonts: windows\n'));
    const docx = readFileSync(buildInto(file).docx);
    const styles = parse(readDocxPart(docx, 'word/styles.xml'));
    const east = (id: string) => attr(prop(styleOf(styles, id), 'w:rPr', 'w:rFonts'), 'w:eastAsia');
    expect([east('Normal'), east('Title'), east('Heading1'), east('Heading2'), east('TableText')]).toEqual(['仿宋', '宋体', '黑体', '楷体', '宋体']);
    const fontTable = readDocxPart(docx, 'word/fontTable.xml');
    expect(readDocxPart(docx, 'word/styles.xml') + fontTable).not.toMatch(/GB2312|方正/);
    expect(fontTable).toContain('w:name="仿宋"');
  });

  it('rejects any other value with a Chinese message at its position', () => {
    const file = variantOf('data/2021.yaml', (text) => text.replace('  short: 樟木乡\n', '  short: 樟木乡\n  fonts: mac\n'));
    const result = runCli(['build', file, '-o', tempDir('bad-fonts')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/variant\.yaml:\d+:\d+/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
