/**
 * What the DOCX writer decides for each block, before any XML: the properties of each paragraph, the grid, widths,
 * merges and keeps of each table. write-docx.ts and docx-table.ts make these parts; wordml.ts writes them.
 */
import type { Align } from '../../model/document.js';

export interface Indent {
  left?: number;
  right?: number;
  firstLine?: number;
  firstLineChars?: number;
}

/** A run: a line break, then the text (either may be absent). */
export interface RunPart {
  text?: string;
  breakBefore?: boolean;
}

/** A paragraph's properties, each written only when given. */
export interface ParagraphPart {
  kind: 'paragraph';
  style: string;
  keepNext?: boolean;
  pageBreakBefore?: boolean;
  /** An exact-height frame anchored to the margins, text wrapping around it (the 版记). */
  frame?: { width: number; height: number; x: number; y: number };
  /** Single rules above and below, in eighths of a point. */
  rules?: number;
  /** A right-aligned tab stop, in twips. */
  rightTab?: number;
  spacingBefore?: number;
  indent?: Indent;
  align?: Align;
  runs: RunPart[];
}

export interface CellParagraph {
  align: Align;
  indent?: number;
  /** No text: the empty paragraph of a merge's continuation cell. */
  text?: string;
}

export interface CellPart {
  width: number;
  colSpan: number;
  merge?: 'restart' | 'continue';
  /** Figures never wrap. */
  noWrap: boolean;
  paragraphs: CellParagraph[];
}

export interface TablePart {
  kind: 'table';
  /** Column widths in twips, adding up to the text width. */
  widths: number[];
  /** The paragraph style of the table's type size. */
  style: string;
  /** Left and right cell margin in twips. */
  margin: number;
  rows: Array<{ header: boolean; /** Every paragraph of the row keeps with the next row. */ kept: boolean; cells: CellPart[] }>;
}

export type BodyPart = ParagraphPart | TablePart | { kind: 'pageBreak' };
