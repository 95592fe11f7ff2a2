/**
 * Reads the template markup (a small, documented subset of HTML, see README "Template markup") into the
 * document model. Section numbers are generated here, never typed.
 */
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import type { Align, Block, TableBlock, TableCell, TableRow } from '../model/document.js';
import { errorFinding, ReportError } from '../report-error/finding.js';
import { CJK_OR_PUNCT } from './cjk.js';
import { chineseNumber } from './numbering.js';
import { endTagScan, scanTags, startTagScan } from './tag-scan.js';

/** Every element the markup may contain (README "Template markup"). */
export const MARKUP_ELEMENTS: ReadonlySet<string> = new Set([
  'h1', 'h2', 'h3', 'p', 'br', 'section-list', 'table', 'colgroup', 'col', 'thead', 'tbody', 'tr', 'th', 'td',
  'page-break', 'colophon', 'line', 'signature', 'org', 'date',
]);

const ALIGNS = new Set<Align>(['left', 'center', 'right', 'justify']);
const PARAGRAPH_ROLES = new Set(['body', 'heading', 'subheading', 'title']);

/** Where a piece of markup was written: the template file, and its line and column when known. */
export interface MarkupSource {
  file: string;
  line?: number;
  col?: number;
}

/** The template that wrote the markup at an index, for messages; `tag` (such as “<td”) helps find the column. */
export type MarkupOrigin = (index: number, tag?: string) => MarkupSource | undefined;

/** While reading: where the markup came from, and the block being read (what a message names by default). */
let origin: MarkupOrigin | undefined;
let currentBlock: ChildNode | undefined;

export function readMarkup(markup: string, from?: MarkupOrigin): Block[] {
  origin = from;
  try {
    // The parser would quietly close what is left open and drop stray close tags; the markup must not rely on that.
    const lineStarts = [0, ...[...markup.matchAll(/\n/g)].map((m) => m.index! + 1)];
    const unbalanced = (message: string, at: { line: number; col: number }): never =>
      failAt(`模板输出的标记有误：${message}`, lineStarts[at.line - 1]! + at.col - 1);
    endTagScan(scanTags(startTagScan(), markup, { line: 1, col: 1 }, MARKUP_ELEMENTS, unbalanced), unbalanced);
    const document = parseDocument(markup, { xmlMode: true, decodeEntities: true, recognizeSelfClosing: true, withStartIndices: true });
    const reader = new MarkupReader();
    reader.readChildren(document.children);
    return reader.finish();
  } finally {
    origin = undefined;
    currentBlock = undefined;
  }
}

class MarkupReader {
  private readonly blocks: Block[] = [];
  private sectionCount = 0;
  private subsectionCount = 0;
  private lastHeading = '';
  /** Paragraph indices whose <section-list/> waits for the full list of section headings. */
  private readonly sectionLists: Array<{ index: number; parts: Array<string | null>; separator: string }> = [];
  private readonly sectionTitles: string[] = [];

  readChildren(nodes: ChildNode[]): void {
    for (const node of nodes) {
      if (node.type === 'text') {
        if (node.data.trim()) fail(`正文文字必须放在 <p> 等元素中：“${node.data.trim().slice(0, 20)}”`, node);
        continue;
      }
      if (node.type !== 'tag') continue;
      this.readBlock(node);
    }
  }

  finish(): Block[] {
    for (const { index, parts, separator } of this.sectionLists) {
      const block = this.blocks[index];
      if (block?.kind === 'paragraph') block.text = parts.map((p) => p ?? this.sectionTitles.join(separator)).join('');
    }
    return this.blocks;
  }

  private readBlock(el: Element): void {
    currentBlock = el;
    switch (el.name) {
      case 'h1':
        this.blocks.push({ kind: 'title', lines: lines(el).filter((l) => l) });
        return;
      case 'h2': {
        const text = inlineText(el);
        this.sectionCount++;
        this.subsectionCount = 0;
        const number = `${chineseNumber(this.sectionCount)}、`;
        this.sectionTitles.push(text);
        this.lastHeading = number + text;
        this.blocks.push({ kind: 'heading', level: 1, number, text });
        return;
      }
      case 'h3': {
        this.subsectionCount++;
        this.blocks.push({ kind: 'heading', level: 2, number: `（${chineseNumber(this.subsectionCount)}）`, text: inlineText(el) });
        return;
      }
      case 'p': {
        const { parts, separator } = paragraphParts(el);
        const align = attr(el, 'align') ?? 'justify';
        if (!ALIGNS.has(align as Align)) fail(`<p align="${align}"> 不受支持（可用 left、center、right、justify）`);
        const role = attr(el, 'role') ?? 'body';
        if (!PARAGRAPH_ROLES.has(role)) fail(`<p role="${role}"> 不受支持（可用 body、heading、subheading、title）`);
        if (parts.includes(null)) this.sectionLists.push({ index: this.blocks.length, parts, separator });
        const text = parts.map((p) => p ?? '').join('');
        this.blocks.push({ kind: 'paragraph', text, indent: attr(el, 'indent') !== 'no', align: align as Align, role: role as 'body' });
        return;
      }
      case 'table':
        this.blocks.push(readTable(el, this.lastHeading));
        return;
      case 'page-break':
        this.blocks.push({ kind: 'pageBreak' });
        return;
      case 'colophon': {
        const lines = elements(el).map((line) => {
          if (line.name !== 'line') fail('<colophon> 中只能有 <line left="…" right="…"/>', line);
          return { left: attr(line, 'left') ?? '', right: attr(line, 'right') ?? '' };
        });
        this.blocks.push({ kind: 'colophon', lines });
        return;
      }
      case 'signature': {
        const org = childElement(el, 'org');
        const date = childElement(el, 'date');
        if (!org || !date) fail('<signature> 需要 <org> 和 <date> 两个子元素');
        this.blocks.push({ kind: 'signature', org: inlineText(org), date: inlineText(date) });
        return;
      }
      default:
        fail(`模板输出中有不支持的元素 <${el.name}>`);
    }
  }
}

function readTable(el: Element, caption: string): TableBlock {
  const columns: number[] = [];
  const rows: TableRow[] = [];
  const visit = (parent: Element, header: boolean) => {
    for (const child of elements(parent)) {
      if (child.name === 'colgroup') {
        for (const col of elements(child)) columns.push(Number(attr(col, 'width') ?? 1));
      } else if (child.name === 'thead') visit(child, true);
      else if (child.name === 'tbody') visit(child, false);
      else if (child.name === 'tr') rows.push(readRow(child, header));
      else fail(`<table> 中有不支持的元素 <${child.name}>`, child);
    }
  };
  visit(el, false);
  const table: TableBlock = { kind: 'table', caption: attr(el, 'caption') ?? caption, columns, rows };
  assertRectangular(table);
  return table;
}

function readRow(tr: Element, header: boolean): TableRow {
  const cells: TableCell[] = elements(tr).map((td) => {
    if (td.name !== 'td' && td.name !== 'th') fail(`<tr> 中只能有 <td> 或 <th>，出现了 <${td.name}>`, td);
    const align = attr(td, 'align') ?? 'center';
    if (!ALIGNS.has(align as Align)) fail(`<${td.name} align="${align}"> 不受支持`, td);
    const cell: TableCell = {
      lines: lines(td),
      rowSpan: positive(attr(td, 'rowspan')),
      colSpan: positive(attr(td, 'colspan')),
      align: align as Align,
      header: td.name === 'th',
      indent: 0,
    };
    const path = attr(td, 'data-path');
    if (path) cell.dataPath = path;
    const indent = Number(attr(td, 'indent') ?? 0);
    if (!Number.isInteger(indent) || indent < 0) fail(`<${td.name} indent="${attr(td, 'indent')}"> 应为非负整数`, td);
    cell.indent = indent;
    return cell;
  });
  return { cells, header };
}

/** Every row must cover exactly the declared columns once spans are taken into account. */
function assertRectangular(table: TableBlock): void {
  const width = table.columns.length;
  if (width === 0) fail(`表格「${table.caption}」缺少 <colgroup> 列宽定义`);
  const covered: number[] = new Array(table.rows.length).fill(0);
  table.rows.forEach((row, r) => {
    for (const cell of row.cells) {
      for (let dr = 0; dr < cell.rowSpan; dr++) {
        if (r + dr >= table.rows.length) fail(`表格「${table.caption}」第 ${r + 1} 行的 rowspan 超出了表格`);
        covered[r + dr]! += cell.colSpan;
      }
    }
  });
  covered.forEach((n, r) => {
    if (n !== width) fail(`表格「${table.caption}」第 ${r + 1} 行占 ${n} 列，应为 ${width} 列`);
  });
}

function elements(el: Element): Element[] {
  return el.children.filter((c): c is Element => c.type === 'tag');
}

function childElement(el: Element, name: string): Element | undefined {
  return elements(el).find((c) => c.name === name);
}

function attr(el: Element, name: string): string | undefined {
  return el.attribs[name];
}

function positive(value: string | undefined): number {
  const n = value === undefined ? 1 : Number(value);
  if (!Number.isInteger(n) || n < 1) fail(`跨行或跨列数应为正整数，实际为 “${value}”`);
  return n;
}

/** Text of an element split at <br/>, with template white space folded. */
function lines(el: Element): string[] {
  const out: string[] = [''];
  const walk = (nodes: ChildNode[]) => {
    for (const node of nodes) {
      if (node.type === 'text') out[out.length - 1] += node.data;
      else if (node.type === 'tag' && node.name === 'br') out.push('');
      else if (node.type === 'tag') walk(node.children);
    }
  };
  walk(el.children);
  return out.map(foldWhitespace);
}

function inlineText(el: Element): string {
  return lines(el).join('');
}

/** Paragraph text pieces; null marks a <section-list/>, whose headings are joined with its separator. */
function paragraphParts(el: Element): { parts: Array<string | null>; separator: string } {
  const parts: Array<string | null> = [];
  let separator = '、';
  let text = '';
  for (const node of el.children) {
    if (node.type === 'text') text += node.data;
    else if (node.type === 'tag' && node.name === 'section-list') {
      parts.push(foldWhitespace(text));
      parts.push(null);
      separator = attr(node, 'separator') ?? separator;
      text = '';
    } else if (node.type === 'tag') fail(`<p> 中有不支持的元素 <${node.name}>`, node);
  }
  parts.push(foldWhitespace(text));
  return { parts, separator };
}

/** Template line breaks vanish between Chinese characters and become one space elsewhere. */
export function foldWhitespace(text: string): string {
  return text
    .replace(/[ \t\r\n]+/g, (space, offset: number, whole: string) => {
      const before = whole[offset - 1];
      const after = whole[offset + space.length];
      if (before === undefined || after === undefined) return '';
      if (!space.includes('\n')) return space;
      return CJK_OR_PUNCT.test(before) || CJK_OR_PUNCT.test(after) ? '' : ' ';
    });
}

/** A markup error, naming the template that wrote the node (by default the block being read). */
function fail(message: string, at: ChildNode | undefined = currentBlock): never {
  return failAt(message, at?.startIndex ?? undefined, at && 'name' in at ? `<${at.name}` : undefined);
}

/** A markup error at the template file and line that wrote it; the file alone when the line is not known. */
function failAt(message: string, index: number | undefined, tag?: string): never {
  const source = index === undefined ? undefined : origin?.(index, tag);
  if (source?.line !== undefined) throw new ReportError([errorFinding('MARKUP', message, { file: source.file, line: source.line, col: source.col ?? 1 })]);
  throw new ReportError([errorFinding('MARKUP', source ? `${message}（出自模板 ${source.file}）` : message)]);
}
