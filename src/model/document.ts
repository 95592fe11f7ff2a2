/**
 * The document model: what every writer consumes. Templates decide the content; the markup reader turns
 * their output into these blocks; writers decide only typography.
 */

/** Typographic role of a piece of text; writers map roles to faces and sizes. */
export type TextRole = 'title' | 'heading' | 'subheading' | 'body' | 'table';

export type Align = 'left' | 'center' | 'right' | 'justify';

export interface TitleBlock {
  kind: 'title';
  /** One entry per printed line. */
  lines: string[];
}

export interface HeadingBlock {
  kind: 'heading';
  /** 1 → 一、 (黑体), 2 → （一） (楷体). */
  level: 1 | 2;
  /** The generated number with its punctuation, e.g. "一、" or "（二）". */
  number: string;
  text: string;
}

export interface ParagraphBlock {
  kind: 'paragraph';
  text: string;
  /** First-line indent of two characters (正文) unless false. */
  indent: boolean;
  align: Align;
  /** Typeface role: body text, or an unnumbered line set like a title or heading (附件, 附件标题). */
  role: 'body' | 'heading' | 'subheading' | 'title';
}

export interface TableCell {
  /** Lines of the cell text; a line break in the markup starts a new entry. */
  lines: string[];
  rowSpan: number;
  colSpan: number;
  align: Align;
  header: boolean;
  /** Data path of a value cell, e.g. "requests.received.natural_person"; absent on labels. */
  dataPath?: string;
  /** Left indent in characters (levels of the legacy 统计表). */
  indent: number;
}

export interface TableRow {
  /** Only the cells that start in this row; positions covered by spans are omitted. */
  cells: TableCell[];
  header: boolean;
}

export interface TableBlock {
  kind: 'table';
  /** The heading the table belongs to (for captions and accessibility). */
  caption: string;
  /** Relative column widths; writers scale them to the text width. */
  columns: number[];
  rows: TableRow[];
}

export interface PageBreakBlock {
  kind: 'pageBreak';
}

/** 发文机关署名 and 成文日期, placed by the writers per GB/T 9704 §7.3.5. */
export interface SignatureBlock {
  kind: 'signature';
  org: string;
  date: string;
}

/** 版记: lines between separator rules at the foot of the last page (GB/T 9704 §7.4). */
export interface ColophonBlock {
  kind: 'colophon';
  /** Each line: text at the left (indented one character) and at the right (indented one character). */
  lines: Array<{ left: string; right: string }>;
}

export type Block = TitleBlock | HeadingBlock | ParagraphBlock | TableBlock | PageBreakBlock | SignatureBlock | ColophonBlock;

export interface DocumentMeta {
  title: string;
  author: string;
  subject: string;
  /** Fixed creation time, so output is byte-identical for the same input. */
  created: Date;
  language: 'zh-CN';
  /** Face names the DOCX asks for: the official faces, or those of a stock Windows (org profile `fonts`). */
  fonts?: 'official' | 'windows';
}

export interface ReportDocument {
  meta: DocumentMeta;
  blocks: Block[];
}
