/** Reads a DOCX the way Word does: its parts, its tables (w:gridSpan, w:vMerge) and their logical grid. */
import { unzipSync } from 'fflate';
import { DOMParser, type Element } from '@xmldom/xmldom';

export interface DocxCell {
  text: string;
  gridSpan: number;
  vMerge: 'restart' | 'continue' | null;
  /** Left indent of the first paragraph, in twips. */
  indentLeft: number;
}

export interface DocxRow {
  isHeader: boolean;
  cantSplit: boolean;
  cells: DocxCell[];
}

export interface DocxTable {
  gridCols: number[];
  rows: DocxRow[];
}

export interface GridCell {
  text: string;
  rowSpan: number;
  colSpan: number;
  col: number;
}

export function readDocxPart(docx: Buffer, path: string): string {
  const files = unzipSync(new Uint8Array(docx), { filter: (f) => f.name === path });
  const part = files[path];
  if (!part) throw new Error(`no part ${path} in the DOCX`);
  return new TextDecoder().decode(part);
}

const children = (el: Element, name: string): Element[] =>
  Array.from(el.childNodes).filter((n): n is Element => n.nodeType === 1 && (n as Element).tagName === name);

const descendants = (el: Element, name: string): Element[] => Array.from(el.getElementsByTagName(name));

function cellText(tc: Element): string {
  return children(tc, 'w:p')
    .map((p) =>
      descendants(p, 'w:r')
        .flatMap((r) => Array.from(r.childNodes))
        .map((n) => {
          const e = n as Element;
          if (e.tagName === 'w:t') return e.textContent ?? '';
          if (e.tagName === 'w:br') return '\n';
          return '';
        })
        .join(''),
    )
    .join('\n');
}

export function docxTables(docx: Buffer): DocxTable[] {
  const xml = new DOMParser().parseFromString(readDocxPart(docx, 'word/document.xml'), 'text/xml');
  const body = xml.getElementsByTagName('w:body')[0]!;
  return children(body as unknown as Element, 'w:tbl').map((tbl) => ({
    gridCols: descendants(children(tbl, 'w:tblGrid')[0]!, 'w:gridCol').map((c) => Number(c.getAttribute('w:w'))),
    rows: children(tbl, 'w:tr').map((tr) => {
      const trPr = children(tr, 'w:trPr')[0];
      return {
        isHeader: onOff(trPr, 'w:tblHeader'),
        cantSplit: onOff(trPr, 'w:cantSplit'),
        cells: children(tr, 'w:tc').map((tc) => {
          const tcPr = children(tc, 'w:tcPr')[0];
          const span = tcPr && children(tcPr, 'w:gridSpan')[0];
          const merge = tcPr && children(tcPr, 'w:vMerge')[0];
          const mergeValue = merge ? (merge.getAttribute('w:val') === 'restart' ? 'restart' : 'continue') : null;
          const ind = descendants(tc, 'w:ind')[0];
          return {
            text: cellText(tc),
            gridSpan: span ? Number(span.getAttribute('w:val')) : 1,
            vMerge: mergeValue,
            indentLeft: Number(ind?.getAttribute('w:left') ?? ind?.getAttribute('w:start') ?? 0),
          };
        }),
      };
    }),
  }));
}

/** A WordprocessingML on/off property: present and not w:val="0|false|off". */
function onOff(parent: Element | undefined, name: string): boolean {
  const el = parent && children(parent, name)[0];
  return Boolean(el) && !['0', 'false', 'off'].includes(el!.getAttribute('w:val') ?? '');
}

/** Resolves vMerge into row spans: each row lists the cells that start in it, as in HTML. */
export function logicalGrid(table: DocxTable): GridCell[][] {
  const positioned = table.rows.map((row) => {
    let col = 0;
    return row.cells.map((cell) => {
      const at = { ...cell, col };
      col += cell.gridSpan;
      return at;
    });
  });
  return positioned.map((row, r) =>
    row
      .filter((cell) => cell.vMerge !== 'continue')
      .map((cell) => {
        let rowSpan = 1;
        if (cell.vMerge === 'restart') {
          while (positioned[r + rowSpan]?.some((c) => c.col === cell.col && c.vMerge === 'continue')) rowSpan++;
        }
        return { text: cell.text, rowSpan, colSpan: cell.gridSpan, col: cell.col };
      }),
  );
}
