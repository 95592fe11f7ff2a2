/**
 * Test support: reads a PDF with poppler-utils — words and lines with their boxes
 * (pdftotext -bbox / -bbox-layout), fonts (pdffonts), page count and size (pdfinfo) and the
 * layout text of one page. Coordinates are PDF points with the origin at the top-left of the
 * page and y growing downwards (pdftotext's convention).
 */
import { execFileSync } from 'node:child_process';
import { DOMParser, type Element, type Node } from '@xmldom/xmldom';

export interface PdfBox {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PdfWord extends PdfBox {
  text: string;
}

export interface PdfLine extends PdfBox {
  /** The line's words joined with single spaces. */
  text: string;
  words: PdfWord[];
}

export interface PdfPage {
  width: number;
  height: number;
  /** Lines in pdftotext's reading order (flow → block → line). */
  lines: PdfLine[];
}

export interface PdfListedWord extends PdfWord {
  /** 1-based page number. */
  page: number;
}

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
}

export interface PdfInfo {
  pages: number;
  /** Size of the first page, in points. */
  pageSize: { width: number; height: number };
}

/** Pages with their lines and words, from `pdftotext -bbox-layout`. */
export function pdfWords(file: string): PdfPage[] {
  const root = parseXhtml(run('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', file, '-']), 'pdftotext -bbox-layout');
  return descendants(root, 'page').map((page) => ({
    width: numAttr(page, 'width'),
    height: numAttr(page, 'height'),
    lines: descendants(page, 'line').map((line) => {
      const words = descendants(line, 'word').map(readWord);
      return { text: words.map((w) => w.text).join(' '), ...box(line), words };
    }),
  }));
}

/** Every word with its 1-based page, from `pdftotext -bbox`. */
export function pdfWordList(file: string): PdfListedWord[] {
  const root = parseXhtml(run('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-']), 'pdftotext -bbox');
  return descendants(root, 'page').flatMap((page, index) =>
    descendants(page, 'word').map((word) => ({ page: index + 1, ...readWord(word) })),
  );
}

/** The fonts `pdffonts` lists (one entry per font object). */
export function pdfFonts(file: string): PdfFont[] {
  return parsePdffonts(run('pdffonts', [file]));
}

/**
 * Parses `pdffonts` output. Column boundaries come from the dashes line; a name longer than its
 * column pushes the rest of its line right, so each line is re-aligned on its emb/sub/uni fields.
 */
export function parsePdffonts(output: string): PdfFont[] {
  const lines = output.split(/\r?\n/);
  const dashIndex = lines.findIndex((l) => /^-+( +-+)+\s*$/.test(l));
  if (dashIndex < 0) throw new Error(`pdffonts: no dashes line in output:\n${output}`);
  const columns = [...lines[dashIndex]!.matchAll(/-+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const [name, type, encoding, emb] = columns;
  if (!name || !type || !encoding || !emb) throw new Error(`pdffonts: unexpected columns in "${lines[dashIndex]}"`);
  const flags = /\s(yes|no)\s+(yes|no)\s+(yes|no)\s+(?:\d+\s+\d+|\[none\])\s*$/;
  return lines
    .slice(dashIndex + 1)
    .filter((l) => l.trim() !== '')
    .map((line) => {
      const m = flags.exec(line);
      if (!m) throw new Error(`pdffonts: cannot parse line "${line}"`);
      const shift = m.index + 1 - emb.start;
      const slice = (c: { start: number; end: number }) => line.slice(c.start + shift, c.end + shift).trim();
      return {
        name: line.slice(0, name.end + shift).trim(),
        type: slice(type),
        embedded: m[1] === 'yes',
        subset: m[2] === 'yes',
      };
    });
}

/** Page count and first-page size (points), from `pdfinfo`. */
export function pdfInfo(file: string): PdfInfo {
  const out = run('pdfinfo', [file]);
  const pages = /^Pages:\s+(\d+)/m.exec(out);
  const size = /^Page size:\s+([\d.]+) x ([\d.]+)/m.exec(out);
  if (!pages || !size) throw new Error(`pdfinfo: unexpected output for ${file}:\n${out}`);
  return { pages: Number(pages[1]), pageSize: { width: Number(size[1]), height: Number(size[2]) } };
}

/** The text of one page (1-based) as `pdftotext -layout` renders it, without the trailing form feed. */
export function pdfPageText(file: string, page: number): string {
  const n = String(page);
  return run('pdftotext', ['-f', n, '-l', n, '-layout', '-enc', 'UTF-8', file, '-']).replace(/\f$/, '');
}

// ---------------------------------------------------------------------------------------------

function run(cmd: string, args: string[]): string {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 256 << 20, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const e = error as { message: string; stderr?: string };
    throw new Error(`${cmd} ${args.join(' ')} failed: ${e.message}${e.stderr ? `\n${e.stderr}` : ''}`);
  }
}

function parseXhtml(xhtml: string, what: string): Element {
  // Control characters that a broken ToUnicode map may produce are not allowed in XML.
  const clean = xhtml.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD');
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(`${what}: ${message}`);
    },
  }).parseFromString(clean, 'text/xml');
  if (!doc.documentElement) throw new Error(`${what}: no root element`);
  return doc.documentElement;
}

function descendants(el: Element, localName: string): Element[] {
  const out: Element[] = [];
  const visit = (node: Node): void => {
    for (const c of Array.from(node.childNodes)) {
      if (c.nodeType !== 1) continue;
      const e = c as Element;
      if (e.localName === localName) out.push(e);
      else visit(e);
    }
  };
  visit(el);
  return out;
}

function numAttr(el: Element, name: string): number {
  const raw = el.getAttribute(name);
  const value = raw === null ? NaN : Number(raw);
  if (!Number.isFinite(value)) throw new Error(`<${el.localName}> has no numeric ${name}`);
  return value;
}

function box(el: Element): PdfBox {
  return { xMin: numAttr(el, 'xMin'), yMin: numAttr(el, 'yMin'), xMax: numAttr(el, 'xMax'), yMax: numAttr(el, 'yMax') };
}

function readWord(word: Element): PdfWord {
  return { text: word.textContent ?? '', ...box(word) };
}
