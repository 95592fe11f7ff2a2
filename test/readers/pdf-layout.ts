/**
 * A layout checker for our PDFs, independent of the writer: it reads the words and their boxes with poppler's
 * `pdftotext -bbox` and the drawn rules with `pdftocairo -svg`, and reports every breach of the page rules of
 * docs/layout.md with its page and position:
 * - text outside the type area (the page number line excepted);
 * - a heading as the last line of a page;
 * - a 落款 with fewer than two lines of body text above it on its page;
 * - a figure broken over lines inside a cell;
 * - a table row taller than its content needs;
 * - a rule that ends in the open (a table border not closed at a page break);
 * - a page more than 35 % blank (the last page of the body and the page before an 附件 excepted);
 * - an empty page.
 *
 * Two more rules are checked when asked for (`LayoutOptions.rules`), for PDFs that other software laid out:
 * - a row-spanning cell with no text (a group label that a page break left blank on the continuation page);
 * - an 附件 title on a page without the start of its table.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pdfWordList, type PdfWord } from './pdf.js';

const mm = (v: number) => (v * 72) / 25.4;
export const TYPE_AREA = { left: mm(28), right: mm(28 + 156), top: mm(37), bottom: mm(37 + 225) };
const TYPE_HEIGHT = TYPE_AREA.bottom - TYPE_AREA.top;

export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface Breach {
  page: number;
  kind: BreachKind;
  detail: string;
  /** The cell, for an empty row-spanning cell. */
  box?: { left: number; top: number; right: number; bottom: number };
}

export type BreachKind =
  | 'outside' | 'heading-last' | 'signature-alone' | 'figure-wrapped' | 'row-stretched' | 'open-border' | 'blank' | 'empty-page'
  | 'empty-group' | 'appendix-apart';

/** The rules checked by default: every rule of docs/layout.md that our own PDF keeps. */
export const PDF_RULES: ReadonlySet<BreachKind> = new Set<BreachKind>([
  'outside', 'heading-last', 'signature-alone', 'figure-wrapped', 'row-stretched', 'open-border', 'blank', 'empty-page',
]);

export interface LayoutOptions {
  /** The kinds of breach to report; PDF_RULES when not given. */
  rules?: ReadonlySet<BreachKind>;
}

/** Stroked straight lines per page (1-based), in points from the page's top left. */
export function pdfSegments(file: string): Map<number, Segment[]> {
  const dir = mkdtempSync(join(tmpdir(), 'layout-'));
  try {
    execFileSync('pdftocairo', ['-svg', file, join(dir, 'page.svg')]);
    const svg = readFileSync(join(dir, 'page.svg'), 'utf8');
    const pages = new Map<number, Segment[]>();
    let page = 0;
    for (const line of svg.split('\n')) {
      if (line.includes('<page>')) page++;
      if (!line.includes('stroke-width')) continue;
      const d = /d="([^"]*)"/.exec(line)?.[1];
      if (!d) continue;
      const m = /matrix\(([^)]*)\)/.exec(line)?.[1]?.split(',').map(Number) ?? [1, 0, 0, 1, 0, 0];
      const [a, b, c, dd, e, f] = m as [number, number, number, number, number, number];
      const at = (x: number, y: number) => [a * x + c * y + e, b * x + dd * y + f] as const;
      for (const part of d.matchAll(/M ([-\d.]+) ([-\d.]+) L ([-\d.]+) ([-\d.]+)/g)) {
        const [x1, y1] = at(Number(part[1]), Number(part[2]));
        const [x2, y2] = at(Number(part[3]), Number(part[4]));
        const list = pages.get(Math.max(page, 1)) ?? [];
        list.push({ x1: Math.min(x1, x2), y1: Math.min(y1, y2), x2: Math.max(x1, x2), y2: Math.max(y1, y2) });
        pages.set(Math.max(page, 1), list);
      }
    }
    return pages;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface TextLine {
  page: number;
  words: PdfWord[];
  text: string;
  yMin: number;
  yMax: number;
  xMin: number;
  xMax: number;
}

/** Words grouped into printed lines (same page, overlapping vertically, outside tables). */
function textLines(words: PdfWord[]): TextLine[] {
  const lines: TextLine[] = [];
  for (const word of [...words].sort((p, q) => p.page - q.page || p.yMin - q.yMin || p.xMin - q.xMin)) {
    const line = lines.find((l) => l.page === word.page && Math.abs(l.yMin - word.yMin) < 3);
    if (line) {
      line.words.push(word);
      line.xMin = Math.min(line.xMin, word.xMin);
      line.xMax = Math.max(line.xMax, word.xMax);
      line.yMax = Math.max(line.yMax, word.yMax);
    } else lines.push({ page: word.page, words: [word], text: '', yMin: word.yMin, yMax: word.yMax, xMin: word.xMin, xMax: word.xMax });
  }
  for (const line of lines) line.text = line.words.sort((p, q) => p.xMin - q.xMin).map((w) => w.text).join('');
  return lines.sort((p, q) => p.page - q.page || p.yMin - q.yMin);
}

const isPageNumberWord = (word: PdfWord) => word.yMin > TYPE_AREA.bottom - 2 && /^(—|\d+)$/.test(word.text);
const isPageNumber = (line: TextLine) => line.words.every(isPageNumberWord);
const HEADING = /^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)/;
const DATE = /^\d{4}年\d{1,2}月\d{1,2}日$/;

function insideTable(word: PdfWord, segments: Segment[]): boolean {
  const cx = (word.xMin + word.xMax) / 2;
  const cy = (word.yMin + word.yMax) / 2;
  const above = segments.some((s) => s.y1 === s.y2 && s.y1 <= cy && s.x1 <= cx && s.x2 >= cx);
  const below = segments.some((s) => s.y1 === s.y2 && s.y1 >= cy && s.x1 <= cx && s.x2 >= cx);
  const left = segments.some((s) => s.x1 === s.x2 && s.x1 <= cx && s.y1 <= cy && s.y2 >= cy);
  const right = segments.some((s) => s.x1 === s.x2 && s.x1 >= cx && s.y1 <= cy && s.y2 >= cy);
  return above && below && left && right;
}

/** The rectangle of rules around a point. */
function cellAround(x: number, y: number, segments: Segment[]) {
  const h = segments.filter((s) => Math.abs(s.y1 - s.y2) < 0.1 && s.x1 <= x + 0.1 && s.x2 >= x - 0.1);
  const v = segments.filter((s) => Math.abs(s.x1 - s.x2) < 0.1 && s.y1 <= y + 0.1 && s.y2 >= y - 0.1);
  const top = Math.max(...h.filter((s) => s.y1 <= y).map((s) => s.y1));
  const bottom = Math.min(...h.filter((s) => s.y1 >= y).map((s) => s.y1));
  const left = Math.max(...v.filter((s) => s.x1 <= x).map((s) => s.x1));
  const right = Math.min(...v.filter((s) => s.x1 >= x).map((s) => s.x1));
  return { top, bottom, left, right };
}

/** The cells of the tables on a page: the rectangles of rules around each gap between neighbouring rules. */
function tableCells(segments: Segment[]): Array<ReturnType<typeof cellAround>> {
  const distinct = (values: number[]) => [...new Set(values.map((v) => Math.round(v * 2) / 2))].sort((a, b) => a - b);
  const xs = distinct(segments.filter((s) => Math.abs(s.x1 - s.x2) < 0.1).map((s) => s.x1));
  const ys = distinct(segments.filter((s) => Math.abs(s.y1 - s.y2) < 0.1).map((s) => s.y1));
  const cells = new Map<string, ReturnType<typeof cellAround>>();
  for (let i = 1; i < xs.length; i++) {
    for (let j = 1; j < ys.length; j++) {
      const x = (xs[i - 1]! + xs[i]!) / 2;
      const y = (ys[j - 1]! + ys[j]!) / 2;
      if (xs[i]! - xs[i - 1]! < 3 || ys[j]! - ys[j - 1]! < 3) continue;
      const cell = cellAround(x, y, segments);
      if (![cell.top, cell.bottom, cell.left, cell.right].every(Number.isFinite)) continue;
      // Slivers between a table's doubled outer rules are no cells.
      if (cell.right - cell.left < 6 || cell.bottom - cell.top < 6) continue;
      cells.set(`${cell.left.toFixed(1)},${cell.top.toFixed(1)},${cell.right.toFixed(1)},${cell.bottom.toFixed(1)}`, cell);
    }
  }
  return [...cells.values()];
}

export function checkLayout(file: string, options: LayoutOptions = {}): Breach[] {
  const rules = options.rules ?? PDF_RULES;
  return allBreaches(file, rules).filter((b) => rules.has(b.kind));
}

function allBreaches(file: string, rules: ReadonlySet<BreachKind>): Breach[] {
  const words = pdfWordList(file);
  const segmentsByPage = pdfSegments(file);
  const pageCount = Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
  const breaches: Breach[] = [];
  const lines = textLines(words);
  const tableWord = new Set<PdfWord>();
  for (const word of words) if (insideTable(word, segmentsByPage.get(word.page) ?? [])) tableWord.add(word);

  // Text outside the type area.
  for (const word of words) {
    if (isPageNumberWord(word)) continue;
    if (word.xMin < TYPE_AREA.left - 1 || word.xMax > TYPE_AREA.right + 1 || word.yMin < TYPE_AREA.top - 1 || word.yMax > TYPE_AREA.bottom + 1) {
      breaches.push({ page: word.page, kind: 'outside', detail: `「${word.text}」 at x ${word.xMin.toFixed(1)}–${word.xMax.toFixed(1)}, y ${word.yMin.toFixed(1)}–${word.yMax.toFixed(1)}` });
    }
  }
  for (const [page, segments] of segmentsByPage) {
    for (const s of segments) {
      if (s.y2 > TYPE_AREA.bottom + 1 || s.y1 < TYPE_AREA.top - 1) {
        breaches.push({ page, kind: 'outside', detail: `rule at y ${s.y2.toFixed(1)}` });
      }
    }
  }

  const appendixPage = lines.find((l) => l.text === '附件' && !tableWord.has(l.words[0]!))?.page;
  const signatureLine = lines.find((l) => DATE.test(l.text) && l.xMax > TYPE_AREA.right - 120 && !l.words.some((w) => tableWord.has(w)));
  for (let page = 1; page <= pageCount; page++) {
    const onPage = lines.filter((l) => l.page === page && !isPageNumber(l));
    const body = onPage.filter((l) => !l.words.some((w) => tableWord.has(w)));
    if (onPage.length === 0) {
      breaches.push({ page, kind: 'empty-page', detail: 'no text' });
      continue;
    }
    // A heading as the last line of the page (when something follows on a later page).
    const lastLine = onPage.at(-1)!;
    if (page < pageCount && body.includes(lastLine) && HEADING.test(lastLine.text) && lastLine.xMax < TYPE_AREA.right - 40) {
      breaches.push({ page, kind: 'heading-last', detail: `「${lastLine.text}」` });
    }
    // Blank space.
    const segments = segmentsByPage.get(page) ?? [];
    const lowest = Math.max(...onPage.map((l) => l.yMax), ...segments.map((s) => s.y2));
    const blank = (TYPE_AREA.bottom - lowest) / TYPE_HEIGHT;
    const exempt = page === pageCount || page === signatureLine?.page || (appendixPage !== undefined && page === appendixPage - 1);
    if (!exempt && blank > 0.35) breaches.push({ page, kind: 'blank', detail: `${Math.round(blank * 100)} % of the type area blank` });
  }

  // The 落款: at least two lines of body text above it on its page.
  if (signatureLine) {
    const above = lines.filter((l) => l.page === signatureLine.page && l.yMax < signatureLine.yMin - 5 && !l.words.some((w) => tableWord.has(w)));
    // The line just above the date is the organisation's name.
    const bodyAbove = above.slice(0, -1).filter((l) => !HEADING.test(l.text));
    if (bodyAbove.length < 2) breaches.push({ page: signatureLine.page, kind: 'signature-alone', detail: `${bodyAbove.length} body lines above 「${signatureLine.text}」` });
  }

  // The 附件 title and the start of its table on one page.
  if (appendixPage !== undefined && !words.some((w) => w.page === appendixPage && tableWord.has(w))) {
    breaches.push({ page: appendixPage, kind: 'appendix-apart', detail: '「附件」 on a page without its table' });
  }

  // Tables: every cell that spans rows holds text (its label is printed again on a continuation page). A cell of one
  // row may be empty (the legacy 统计表 leaves some blank).
  for (const [page, segments] of rules.has('empty-group') ? segmentsByPage : new Map<number, Segment[]>()) {
    const onPage = words.filter((w) => w.page === page);
    for (const cell of tableCells(segments)) {
      const spansRows = segments.some((s) => Math.abs(s.y1 - s.y2) < 0.1 && s.y1 > cell.top + 1 && s.y1 < cell.bottom - 1 && (Math.abs(s.x1 - cell.right) < 1 || Math.abs(s.x2 - cell.left) < 1));
      if (!spansRows) continue;
      const filled = onPage.some((w) => (w.xMin + w.xMax) / 2 > cell.left && (w.xMin + w.xMax) / 2 < cell.right && (w.yMin + w.yMax) / 2 > cell.top && (w.yMin + w.yMax) / 2 < cell.bottom);
      if (!filled) breaches.push({ page, kind: 'empty-group', detail: `row-spanning cell at x ${cell.left.toFixed(1)}–${cell.right.toFixed(1)}, y ${cell.top.toFixed(1)}–${cell.bottom.toFixed(1)}`, box: cell });
    }
  }

  // Tables: figures on one line, rows no taller than their text, rules that close.
  for (const [page, segments] of segmentsByPage) {
    const cells = new Map<string, PdfWord[]>();
    for (const word of words) {
      if (word.page !== page || !tableWord.has(word)) continue;
      const cell = cellAround((word.xMin + word.xMax) / 2, (word.yMin + word.yMax) / 2, segments);
      const key = `${cell.left.toFixed(1)},${cell.top.toFixed(1)},${cell.right.toFixed(1)},${cell.bottom.toFixed(1)}`;
      cells.set(key, [...(cells.get(key) ?? []), word]);
    }
    // A row band: cells with the same top and bottom rule; it is stretched when even its fullest cell has a line to spare.
    const bands = new Map<string, { top: number; bottom: number; need: number; lines: number }>();
    for (const [key, cellWords] of cells) {
      const [left, top, right, bottom] = key.split(',').map(Number) as [number, number, number, number];
      const rows = new Set(cellWords.map((w) => Math.round(w.yMin)));
      const figures = cellWords.filter((w) => /^[\d.,]+$/.test(w.text));
      if (figures.length > 1 && figures.length === cellWords.length && rows.size > 1) {
        breaches.push({ page, kind: 'figure-wrapped', detail: `「${figures.map((w) => w.text).join('/')}」 at x ${left.toFixed(1)}–${right.toFixed(1)}, y ${top.toFixed(1)}` });
      }
      const size = Math.max(...cellWords.map((w) => w.yMax - w.yMin)) / 1.45;
      const band = `${top.toFixed(1)},${bottom.toFixed(1)}`;
      const need = rows.size * size * 1.3 + 4;
      const known = bands.get(band);
      if (!known || known.need < need) bands.set(band, { top, bottom, need, lines: rows.size });
    }
    for (const { top, bottom, need, lines: count } of bands.values()) {
      const pitch = (need - 4) / count;
      if (bottom - top <= need + pitch) continue;
      const inner = segments.some((s) => Math.abs(s.y1 - s.y2) < 0.1 && s.y1 > top + 1 && s.y1 < bottom - 1);
      if (!inner) breaches.push({ page, kind: 'row-stretched', detail: `row at y ${top.toFixed(1)}–${bottom.toFixed(1)} holds at most ${count} line(s)` });
    }
    // Every rule ends on another rule.
    const horizontal = segments.filter((s) => Math.abs(s.y1 - s.y2) < 0.1);
    const vertical = segments.filter((s) => Math.abs(s.x1 - s.x2) < 0.1);
    if (vertical.length === 0) continue;
    for (const v of vertical) {
      for (const y of [v.y1, v.y2]) {
        const closed = horizontal.some((h) => Math.abs(h.y1 - y) < 0.6 && h.x1 <= v.x1 + 0.6 && h.x2 >= v.x1 - 0.6);
        const continues = vertical.some((w) => w !== v && Math.abs(w.x1 - v.x1) < 0.1 && w.y1 <= y + 0.6 && w.y2 >= y - 0.6 && (w.y1 < v.y1 - 0.1 || w.y2 > v.y2 + 0.1));
        if (!closed && !continues) {
          breaches.push({ page, kind: 'open-border', detail: `vertical rule at x ${v.x1.toFixed(1)} ends at y ${y.toFixed(1)} on no horizontal rule` });
        }
      }
    }
  }
  return breaches;
}

/** Every PDF below a folder. */
export function pdfFilesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.pdf')).map((f) => join(dir, f));
}
