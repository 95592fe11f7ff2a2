/**
 * Test support: reads a DOCX the way Word lays it out — its zip parts, its body-level tables
 * (w:tblGrid, w:gridSpan, w:vMerge, w:tblHeader, w:cantSplit) resolved into an HTML-like
 * rowspan/colspan grid, and its body paragraphs with their direct run formatting.
 *
 * Only direct formatting is reported (no style inheritance is resolved). Elements are matched
 * by namespace + local name, so any prefix (normally `w:`) and Strict OOXML both work.
 */
import { unzipSync } from 'fflate';
import { DOMParser, type Element, type Node } from '@xmldom/xmldom';

export interface DocxCell {
  /** All w:t text; paragraphs joined with '\n', w:br / w:cr as '\n', w:tab as '\t'. */
  text: string;
  /** w:tcPr/w:gridSpan, default 1. */
  gridSpan: number;
  /** w:tcPr/w:vMerge: 'restart', 'continue' (also when w:val is absent), or null when absent. */
  vMerge: 'restart' | 'continue' | null;
  /** w:tcPr/w:tcW in twips; only present when its w:type is dxa (or absent). */
  width?: number;
}

export interface DocxRow {
  /** w:trPr/w:tblHeader is on (repeat as header row). */
  isHeader: boolean;
  /** w:trPr/w:cantSplit is on. */
  cantSplit: boolean;
  cells: DocxCell[];
  /** w:trPr/w:gridBefore (grid columns skipped before the first cell); only present when > 0. */
  gridBefore?: number;
}

export interface DocxTable {
  /** w:tblGrid/w:gridCol/@w:w, in twips. */
  gridCols: number[];
  rows: DocxRow[];
}

/** A cell of the logical (HTML-like) grid: only cells that start in a row are listed. */
export interface GridCell {
  text: string;
  rowSpan: number;
  colSpan: number;
  /** 0-based grid column where the cell starts. */
  col: number;
}

export interface DocxRun {
  text: string;
  /** w:rPr/w:rFonts attributes by local name: ascii, hAnsi, eastAsia, cs, hint, …. */
  fonts: Record<string, string>;
  /** w:rPr/w:sz/@w:val (half-points). */
  sizeHalfPt?: number;
  /** w:rPr/w:lang attributes by local name: val, eastAsia, bidi. */
  lang?: Record<string, string>;
}

export interface DocxParagraph {
  /** Run text joined (w:br as '\n', w:tab as '\t'). */
  text: string;
  /** w:pPr/w:pStyle/@w:val (the style id). */
  style?: string;
  runs: DocxRun[];
}

const W_NAMESPACES: readonly string[] = [
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
];

/** Returns one part of the package (e.g. 'word/document.xml') decoded as UTF-8. */
export function readDocxPart(docx: Buffer, path: string): string {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(new Uint8Array(docx.buffer, docx.byteOffset, docx.byteLength), { filter: (f) => f.name === path });
  } catch (error) {
    throw new Error(`readDocxPart: not a readable zip/DOCX (${(error as Error).message})`);
  }
  const part = files[path];
  if (!part) throw new Error(`readDocxPart: the DOCX has no part "${path}"`);
  return new TextDecoder('utf-8').decode(part);
}

/** Every body-level w:tbl (not nested in another table), in document order. */
export function docxTables(docx: Buffer): DocxTable[] {
  return blockChildren(documentBody(docx), 'tbl').map(readTable);
}

/** Resolves w:gridSpan / w:vMerge into the logical grid a `<td rowspan colspan>` spec describes. */
export function logicalGrid(table: DocxTable): GridCell[][] {
  const open = new Map<number, GridCell>(); // vertical merge groups still open, by start column
  return table.rows.map((row) => {
    const out: GridCell[] = [];
    const continued = new Set<number>();
    let col = row.gridBefore ?? 0;
    for (const cell of row.cells) {
      const group = open.get(col);
      if (cell.vMerge === 'continue' && group) {
        group.rowSpan++;
        continued.add(col);
      } else {
        // A 'continue' with nothing above to continue starts a cell of its own (as Word does).
        const start: GridCell = { text: cell.text, rowSpan: 1, colSpan: cell.gridSpan, col };
        out.push(start);
        if (cell.vMerge !== null) {
          open.set(col, start);
          continued.add(col);
        }
      }
      col += cell.gridSpan;
    }
    for (const key of [...open.keys()]) if (!continued.has(key)) open.delete(key);
    return out;
  });
}

/**
 * Body paragraphs outside tables (w:body > w:p, including those wrapped in block-level
 * content controls), with each run's direct formatting.
 */
export function docxParagraphs(docx: Buffer): DocxParagraph[] {
  return blockChildren(documentBody(docx), 'p').map((p) => {
    const runs = runsOf(p).map(readRun);
    const style = wVal(child(child(p, 'pPr'), 'pStyle'));
    return { text: runs.map((r) => r.text).join(''), ...(style !== null ? { style } : {}), runs };
  });
}

// ---------------------------------------------------------------------------------------------

function parseXml(xml: string, what: string): Element {
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(`${what}: ${message}`);
    },
  }).parseFromString(xml, 'text/xml');
  if (!doc.documentElement) throw new Error(`${what}: no root element`);
  return doc.documentElement;
}

function documentBody(docx: Buffer): Element {
  const root = parseXml(readDocxPart(docx, 'word/document.xml'), 'word/document.xml');
  const body = child(root, 'body');
  if (!body) throw new Error('word/document.xml has no w:body');
  return body;
}

function isElement(node: Node): node is Element {
  return node.nodeType === 1;
}

function isW(node: Node, local: string): node is Element {
  return isElement(node) && node.localName === local && W_NAMESPACES.includes(node.namespaceURI ?? '');
}

function elementChildren(el: Element): Element[] {
  return Array.from(el.childNodes).filter(isElement);
}

function child(el: Element | undefined, local: string): Element | undefined {
  return el ? elementChildren(el).find((c) => isW(c, local)) : undefined;
}

/** Children named `local`, looking through content-control / custom-XML wrappers (w:sdt, w:customXml). */
function blockChildren(el: Element, local: string): Element[] {
  const out: Element[] = [];
  for (const c of elementChildren(el)) {
    if (isW(c, local)) out.push(c);
    else if (isW(c, 'sdt')) {
      const content = child(c, 'sdtContent');
      if (content) out.push(...blockChildren(content, local));
    } else if (isW(c, 'customXml')) out.push(...blockChildren(c, local));
  }
  return out;
}

function wAttr(el: Element | undefined, local: string): string | null {
  if (!el) return null;
  if (el.namespaceURI && el.hasAttributeNS(el.namespaceURI, local)) return el.getAttributeNS(el.namespaceURI, local);
  return null;
}

function wVal(el: Element | undefined): string | null {
  return wAttr(el, 'val');
}

function intAttr(el: Element | undefined, local: string): number | null {
  const value = wAttr(el, local);
  if (value === null || value.trim() === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/** An on/off property: present and not w:val="false|0|off". */
function isOn(el: Element | undefined): boolean {
  if (!el) return false;
  const v = wVal(el);
  return v === null || !['false', '0', 'off'].includes(v.toLowerCase());
}

function attributesByLocalName(el: Element | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!el) return out;
  for (const attr of Array.from(el.attributes)) {
    if (attr.prefix === 'xmlns' || attr.name === 'xmlns') continue;
    out[attr.localName ?? attr.name] = attr.value;
  }
  return out;
}

function readTable(tbl: Element): DocxTable {
  const grid = child(tbl, 'tblGrid');
  const gridCols = grid ? elementChildren(grid).filter((c) => isW(c, 'gridCol')).map((c) => intAttr(c, 'w') ?? 0) : [];
  return { gridCols, rows: blockChildren(tbl, 'tr').map(readRow) };
}

function readRow(tr: Element): DocxRow {
  const trPr = child(tr, 'trPr');
  const gridBefore = intAttr(child(trPr, 'gridBefore'), 'val') ?? 0;
  return {
    isHeader: isOn(child(trPr, 'tblHeader')),
    cantSplit: isOn(child(trPr, 'cantSplit')),
    cells: blockChildren(tr, 'tc').map(readCell),
    ...(gridBefore > 0 ? { gridBefore } : {}),
  };
}

function readCell(tc: Element): DocxCell {
  const tcPr = child(tc, 'tcPr');
  const vMergeEl = child(tcPr, 'vMerge');
  const vMerge = vMergeEl ? (wVal(vMergeEl) === 'restart' ? 'restart' : 'continue') : null;
  const tcW = child(tcPr, 'tcW');
  const widthType = wAttr(tcW, 'type');
  const width = widthType === null || widthType === 'dxa' ? intAttr(tcW, 'w') : null;
  return {
    text: cellParagraphs(tc).map(paragraphText).join('\n'),
    gridSpan: intAttr(child(tcPr, 'gridSpan'), 'val') ?? 1,
    vMerge,
    ...(width !== null ? { width } : {}),
  };
}

/** Paragraphs of a cell in reading order, including those of tables nested in it. */
function cellParagraphs(container: Element): Element[] {
  const out: Element[] = [];
  for (const c of elementChildren(container)) {
    if (isW(c, 'p')) out.push(c);
    else if (isW(c, 'tbl') || isW(c, 'tr') || isW(c, 'tc') || isW(c, 'sdtContent') || isW(c, 'customXml')) out.push(...cellParagraphs(c));
    else if (isW(c, 'sdt')) {
      const content = child(c, 'sdtContent');
      if (content) out.push(...cellParagraphs(content));
    }
  }
  return out;
}

/** The runs of a paragraph (also inside hyperlinks, fields, insertions…), not those of nested text boxes. */
function runsOf(p: Element): Element[] {
  const out: Element[] = [];
  const visit = (el: Element): void => {
    for (const c of elementChildren(el)) {
      if (isW(c, 'r')) out.push(c);
      else if (isW(c, 'pPr') || isW(c, 'p') || isW(c, 'tbl') || isW(c, 'del') || c.localName === 'Fallback') continue;
      else visit(c);
    }
  };
  visit(p);
  return out;
}

function runText(r: Element): string {
  let text = '';
  for (const c of elementChildren(r)) {
    if (isW(c, 't')) text += c.textContent ?? '';
    else if (isW(c, 'br') || isW(c, 'cr')) text += '\n';
    else if (isW(c, 'tab')) text += '\t';
  }
  return text;
}

function paragraphText(p: Element): string {
  return runsOf(p).map(runText).join('');
}

function readRun(r: Element): DocxRun {
  const rPr = child(r, 'rPr');
  const size = intAttr(child(rPr, 'sz'), 'val');
  const langEl = child(rPr, 'lang');
  return {
    text: runText(r),
    fonts: attributesByLocalName(child(rPr, 'rFonts')),
    ...(size !== null ? { sizeHalfPt: size } : {}),
    ...(langEl ? { lang: attributesByLocalName(langEl) } : {}),
  };
}
