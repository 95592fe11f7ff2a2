/**
 * The keep rules and figure widths of docs/layout.md in LibreOffice's rendering of our DOCX, checked by the same
 * independent reader as our PDF (readers/pdf-layout.ts): every example in data/ (the county folder's reports
 * included) and a sample of the seeded corpus, all converted in one soffice call with fallback fonts only.
 *
 * Our PDF is laid out by our own paginator; the DOCX is laid out by whoever opens it, from Word's keep properties
 * alone. So only the rules those properties can promise are held here:
 * - a heading is never the last line of a page (keepNext on headings);
 * - the 落款 has at least two lines of body text above it (keepNext on the lines before it);
 * - no page is empty, and the 附件 title starts on the page of its 统计表;
 * - no figure breaks over lines in a cell (fixed column widths, w:noWrap);
 * - no table rule ends in the open;
 * - no row-spanning group label is left blank on a continuation page (keepNext through each group's rows), except
 *   in a cell whose rows, as LibreOffice sets them, cannot stand on one page under the header rows: Word and
 *   LibreOffice print a merged cell's text only where it starts, and nothing in a DOCX repeats it.
 * Relaxed for LibreOffice, with the reason:
 * - text outside the type area: LibreOffice hangs a closing mark at the end of a full line into the right margin
 *   (as Word does), where our PDF moves it to the next line with the character before it;
 * - a page more than 35 % blank: a DOCX cannot flow a 表三 across a page with its group labels repeated, so a 表三
 *   that fits on a page is kept whole and one that does not is cut only between groups, leaving the rest of the
 *   page before blank;
 * - a row taller than its content: LibreOffice sets table text in the fallback CJK face, whose lines are 1.45 em
 *   apart where the checker reckons with our faces' 1.3, so a cell of eight or more lines reads as stretched.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { YamlSource } from '../src/load/yaml-source.js';
import { prepareFromSource } from '../src/pipeline/prepare-report.js';
import { writeDocx } from '../src/writers/docx/write-docx.js';
import { ROOT, tempDir } from './helpers/cli.js';
import { corpusReport } from './helpers/layout-corpus.js';
import { fallbackFonts, LIBREOFFICE_SEEDS, libreOfficePdfs } from './helpers/layout-corpus-lo.js';
import { checkLayout, pdfSegments, TYPE_AREA, type Breach, type BreachKind } from './readers/pdf-layout.js';
import { pdfWordList } from './readers/pdf.js';

const EXAMPLES = ['data/2020.yaml', 'data/2021.yaml', 'data/xinfeng/2017.yaml', 'data/dongfeng/2011.yaml',
  'data/example-county/county/2021.yaml', 'data/example-county/dongshan/2021.yaml', 'data/example-county/nanhu/2021.yaml',
  'data/example-county/xishan/2021.yaml'];

const LIBREOFFICE_RULES: ReadonlySet<BreachKind> = new Set<BreachKind>([
  'heading-last', 'signature-alone', 'empty-page', 'appendix-apart', 'figure-wrapped', 'open-border', 'empty-group',
]);

/** The line a table's heading takes above it (one line of the 22-line grid). */
const HEADING_LINE = (225 / 22) * (72 / 25.4);

const work = tempDir('docx-lo-layout');
const docxDir = join(work, 'docx');
mkdirSync(docxDir, { recursive: true });

async function docxOf(yaml: string, path: string, name: string): Promise<string> {
  const prepared = prepareFromSource(YamlSource.parse(yaml, path, path));
  const file = join(docxDir, name);
  writeFileSync(file, await writeDocx(prepared.document));
  return file;
}

/** A DOCX whose document part is changed by `edit`. */
function edited(docx: string, name: string, edit: (xml: string) => string): string {
  const parts = unzipSync(new Uint8Array(readFileSync(docx)));
  const before = strFromU8(parts['word/document.xml']!);
  const after = edit(before);
  if (after === before) throw new Error(`the edit did not change ${docx}`);
  parts['word/document.xml'] = strToU8(after);
  const file = join(docxDir, name);
  writeFileSync(file, zipSync(parts));
  return file;
}

const segmentCache = new Map<string, ReturnType<typeof pdfSegments>>();
/** The heights, top to bottom, of the horizontal rules that cross x on a page. */
function rulesAcross(pdf: string, page: number, x: number): number[] {
  if (!segmentCache.has(pdf)) segmentCache.set(pdf, pdfSegments(pdf));
  const ys = (segmentCache.get(pdf)!.get(page) ?? []).filter((s) => Math.abs(s.y1 - s.y2) < 0.1 && s.x1 <= x && s.x2 >= x).map((s) => s.y1);
  return [...new Set(ys.map((y) => Math.round(y * 10) / 10))].sort((a, b) => a - b);
}

/** The stretches of a page over which a vertical rule runs at x without a break. */
function verticalRuns(pdf: string, page: number, x: number): Array<{ top: number; bottom: number }> {
  if (!segmentCache.has(pdf)) segmentCache.set(pdf, pdfSegments(pdf));
  const parts = (segmentCache.get(pdf)!.get(page) ?? []).filter((s) => Math.abs(s.x1 - s.x2) < 0.1 && Math.abs(s.x1 - x) < 0.6).sort((a, b) => a.y1 - b.y1);
  const runs: Array<{ top: number; bottom: number }> = [];
  for (const s of parts) {
    const last = runs.at(-1);
    if (last && s.y1 <= last.bottom + 1) last.bottom = Math.max(last.bottom, s.y2);
    else runs.push({ top: s.y1, bottom: s.y2 });
  }
  return runs;
}

/**
 * The height of the table around a cell over all its pages, its header rows counted once, measured along the
 * table's left rule: on each page but the first the table starts at the top of the type area.
 */
function tableHeight(pdf: string, page: number, box: NonNullable<Breach['box']>): number {
  const atTop = (run: { top: number } | undefined) => run !== undefined && run.top <= TYPE_AREA.top + 3;
  const here = verticalRuns(pdf, page, box.left).find((r) => r.top <= box.top + 1 && r.bottom >= box.bottom - 1)!;
  const header = atTop(here) ? box.top - here.top : 0;
  let height = here.bottom - here.top - header;
  let first = here;
  for (let p = page - 1; p >= 1 && atTop(first); p--) {
    first = verticalRuns(pdf, p, box.left).at(-1)!;
    if (!first) break;
    height += first.bottom - first.top - (atTop(first) ? header : 0);
  }
  for (let p = page + 1; ; p++) {
    const next = verticalRuns(pdf, p, box.left)[0];
    if (!atTop(next)) break;
    height += next!.bottom - next!.top - header;
  }
  return height + header;
}

/**
 * An empty row-spanning cell that no keep could have avoided. Either the cell's own parts, under the header rows
 * repeated at the top of each continuation page, are together taller than the type area; or it is a cell of the
 * table's first column (表三's 三、本年度办理结果, which spans all but four rows) and the table cannot stand whole on a
 * page under its heading, so that any cut leaves its continuation blank.
 */
function unavoidable(pdf: string, breach: Breach): boolean {
  const box = breach.box!;
  const x = (box.left + box.right) / 2;
  const header = box.top - rulesAcross(pdf, breach.page, x)[0]!;
  let height = box.bottom - box.top;
  // Back: the cell ends each earlier page's part of the table, as long as it starts right under the header rows.
  for (let page = breach.page - 1, top = box.top; page >= 1 && top <= TYPE_AREA.top + header + 2; page--) {
    const rules = rulesAcross(pdf, page, x);
    if (rules.length < 2) break;
    top = rules.filter((y) => y < rules.at(-1)! - 1).at(-1)!;
    height += rules.at(-1)! - top;
  }
  // On: the cell runs to the foot of the table here and goes on under the header of the next page.
  for (let page = breach.page, bottom = box.bottom; bottom >= rulesAcross(pdf, page, x).at(-1)! - 1; ) {
    const rules = rulesAcross(pdf, ++page, x);
    const start = rules[0]! + header;
    const end = rules.find((y) => y > start + 2);
    if (!rules.length || end === undefined) break;
    height += end - start;
    bottom = end;
  }
  const typeHeight = TYPE_AREA.bottom - TYPE_AREA.top;
  if (header + height > typeHeight) return true;
  const firstColumn = verticalRuns(pdf, breach.page, box.left).some((r) => r.top <= box.top + 1 && r.bottom >= box.bottom - 1) &&
    !(segmentCache.get(pdf)!.get(breach.page) ?? []).some((s) => Math.abs(s.x1 - s.x2) < 0.1 && s.x1 < box.left - 1 && s.y1 < box.bottom && s.y2 > box.top);
  return firstColumn && tableHeight(pdf, breach.page, box) > typeHeight - HEADING_LINE;
}

const breachCache = new Map<string, Breach[]>();
const libreOfficeBreaches = (pdf: string): Breach[] => {
  if (!breachCache.has(pdf)) breachCache.set(pdf, checkLayout(pdf, { rules: LIBREOFFICE_RULES }));
  return breachCache.get(pdf)!;
};

function breachesOf(pdf: string): string {
  return libreOfficeBreaches(pdf)
    .filter((b) => b.kind !== 'empty-group' || !unavoidable(pdf, b))
    .map((b) => `p.${b.page} ${b.kind}: ${b.detail}`)
    .join('\n');
}

/** Lines of body text above the 成文日期 on its page, the 署名 among them. */
function linesAboveDate(pdf: string): number {
  const words = pdfWordList(pdf);
  const lines: Array<{ page: number; y: number; text: string; right: number }> = [];
  for (const w of words) {
    const line = lines.find((l) => l.page === w.page && Math.abs(l.y - w.yMin) < 3);
    if (line) {
      line.text += w.text;
      line.right = Math.max(line.right, w.xMax);
    } else lines.push({ page: w.page, y: w.yMin, text: w.text, right: w.xMax });
  }
  const date = lines.filter((l) => /^\d{4}年\d{1,2}月\d{1,2}日$/.test(l.text) && l.right > TYPE_AREA.right - 120).at(-1)!;
  return lines.filter((l) => l.page === date.page && l.y < date.y - 5).length;
}

/** 表三's rows in a DOCX: for each, whether its paragraphs keep with the next (all, none, or some). */
function table3Keeps(docx: string): Array<'all' | 'none' | 'some'> {
  const xml = strFromU8(unzipSync(new Uint8Array(readFileSync(docx)))['word/document.xml']!);
  const table = xml.match(/<w:tbl>.*?<\/w:tbl>/gs)!.find((t) => t.includes('不予公开'))!;
  return table.match(/<w:tr>.*?<\/w:tr>/gs)!.map((row) => {
    const paragraphs = row.match(/<w:p>.*?<\/w:p>/gs)!;
    const kept = paragraphs.filter((p) => p.includes('<w:keepNext/>')).length;
    return kept === paragraphs.length ? 'all' : kept === 0 ? 'none' : 'some';
  });
}

const examples: Array<{ file: string; pdf: string }> = [];
const docxOfSeed = new Map<number, string>();
const seeds: Array<{ seed: number; pdf: string }> = [];
let withoutGroupKeeps = '';

beforeAll(async () => {
  const docx: string[] = [];
  for (const file of EXAMPLES) {
    const path = join(ROOT, file);
    docx.push(await docxOf(readFileSync(path, 'utf8'), path, `${file.replace(/^data\//, '').replaceAll('/', '_').replace(/\.yaml$/, '')}.docx`));
  }
  for (const seed of LIBREOFFICE_SEEDS) {
    const data = join(work, `seed-${seed}.yaml`);
    const { yaml } = corpusReport(seed);
    writeFileSync(data, yaml);
    docx.push(await docxOf(yaml, data, `seed-${seed}.docx`));
    docxOfSeed.set(seed, docx.at(-1)!);
  }
  // 2020's 表三 with the keeps taken out of its vMerge continuation cells, the first cell of a group's later rows.
  docx.push(edited(docx[0]!, 'no-group-keeps.docx', (xml) => xml.replace(/(<w:vMerge w:val="continue"\/>(?:(?!<\/w:tc>).)*?)<w:keepNext\/>/g, '$1')));
  const pdfs = libreOfficePdfs(docx, work, fallbackFonts(work), join(work, 'profile'));
  EXAMPLES.forEach((file, i) => examples.push({ file, pdf: pdfs[i]! }));
  LIBREOFFICE_SEEDS.forEach((seed, i) => seeds.push({ seed, pdf: pdfs[EXAMPLES.length + i]! }));
  withoutGroupKeeps = pdfs.at(-1)!;
}, 300_000);

describe('LibreOffice lays out our DOCX by the keep rules', () => {
  it.each(EXAMPLES.map((file, i) => ({ file, i })))('$file: no heading or 落款 stranded, no empty page, no figure broken, no group label lost', ({ i }) => {
    expect(breachesOf(examples[i]!.pdf)).toBe('');
  });

  it(`generated reports, seeds ${LIBREOFFICE_SEEDS.join(', ')}: the same`, () => {
    const failures = seeds.map(({ seed, pdf }) => ({ seed, pdf, breaches: breachesOf(pdf) })).filter((f) => f.breaches);
    expect(failures.map((f) => `seed ${f.seed} (${f.pdf}):\n${f.breaches}`).join('\n\n')).toBe('');
  });

  it('the sample holds 7-digit figures, a 表三 cut over pages, and a 落款 with only three lines above it', () => {
    expect(LIBREOFFICE_SEEDS.map((seed) => corpusReport(seed).digits)).toContain(7);
    const cut = seeds.filter(({ pdf }) => libreOfficeBreaches(pdf).some((b) => b.kind === 'empty-group'));
    expect(cut.length).toBeGreaterThan(0);
    const tight = seeds.filter(({ pdf }) => linesAboveDate(pdf) <= 4);
    expect(tight.length, 'seeds whose 落款 has at most three lines above it').toBeGreaterThanOrEqual(3);
  });

  it('keeps a row with the next through every paragraph in it, the continuation cells of merged cells included', () => {
    // 2020's 表三 fits on a page: every row but the last keeps with the next.
    const whole = table3Keeps(join(docxDir, '2020.docx'));
    expect(whole).toEqual([...whole.slice(0, -1).map(() => 'all'), 'none']);
    // Seed 6's 7-digit 表三 is taller than a page: kept within its groups, free between them.
    const tall = table3Keeps(docxOfSeed.get(6)!);
    expect(tall).not.toContain('some');
    expect(tall.filter((k) => k === 'none').length).toBeGreaterThan(2);
    expect(tall.filter((k) => k === 'all').length).toBeGreaterThan(10);
  });

  it('loses 2020\'s group labels when the continuation cells carry no keep (LibreOffice reads a row\'s keep from its first cell)', () => {
    const avoidable = libreOfficeBreaches(withoutGroupKeeps).filter((b) => b.kind === 'empty-group' && !unavoidable(withoutGroupKeeps, b));
    expect(avoidable.length).toBeGreaterThan(0);
  });
});
