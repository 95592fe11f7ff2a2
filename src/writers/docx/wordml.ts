/**
 * WordprocessingML elements as text, written the way the docx library writes them (docx 9.15: attributes in the
 * order given, an element without content closed as `<name/>`, the same characters escaped, numbers floored), so
 * that the body report-gen writes itself is byte for byte what docx would write for the same paragraphs and tables
 * (docs/architecture.md, "The DOCX writer").
 */

import type { Align } from '../../model/document.js';
import type { BodyPart, CellParagraph, ParagraphPart, RunPart, TablePart } from './docx-parts.js';

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };

/** Escapes markup characters and drops the control characters XML 1.0 cannot hold (tab and line ends stay). */
export const escapeXml = (value: string): string => value.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (char) => ESCAPES[char] ?? '');

export type AttributeValue = string | number;
/** An attribute, or nothing (left out, as docx leaves out an undefined option). */
export type Attribute = readonly [name: string, value: AttributeValue] | undefined;

/** A measure in twips or a count: docx writes numbers floored to integers. */
export const whole = (value: number): number => Math.floor(value);

export function element(name: string, attributes: readonly Attribute[] = [], content = ''): string {
  let open = `<${name}`;
  for (const attribute of attributes) if (attribute) open += ` ${attribute[0]}="${escapeXml(String(attribute[1]))}"`;
  return content ? `${open}>${content}</${name}>` : `${open}/>`;
}

/** `w:val` of an element such as `w:pStyle` or `w:jc`. */
export const valued = (name: string, value: AttributeValue): string => element(name, [['w:val', value]]);

/** w:jc values. */
const JUSTIFICATION = { left: 'left', center: 'center', right: 'right', justify: 'both' } as const satisfies Record<Align, string>;

const PAGE_BREAK = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>';

/** The children of w:body. */
export function bodyXml(parts: readonly BodyPart[]): string {
  let body = '';
  for (const part of parts) body += part.kind === 'paragraph' ? paragraphXml(part) : part.kind === 'table' ? tableXml(part) : PAGE_BREAK;
  return body;
}

function runXml(run: RunPart): string {
  return `<w:r>${run.breakBefore ? '<w:br/>' : ''}${run.text === undefined ? '' : `<w:t xml:space="preserve">${escapeXml(run.text)}</w:t>`}</w:r>`;
}

const measure = (name: string, value: number | undefined): Attribute => (value === undefined ? undefined : [name, whole(value)]);

/** A paragraph, its properties in the order of CT_PPr. */
export function paragraphXml(p: ParagraphPart): string {
  const rule = (side: string) => element(side, [['w:val', 'single'], ['w:color', '000000'], ['w:sz', p.rules!], ['w:space', 0]]);
  const properties =
    valued('w:pStyle', p.style) +
    (p.keepNext ? '<w:keepNext/>' : '') +
    (p.pageBreakBefore ? '<w:pageBreakBefore/>' : '') +
    (p.frame
      ? element('w:framePr', [
          ['w:w', p.frame.width],
          ['w:h', p.frame.height],
          ['w:x', p.frame.x],
          ['w:y', p.frame.y],
          ['w:hAnchor', 'margin'],
          ['w:vAnchor', 'margin'],
          ['w:hRule', 'exact'],
          ['w:wrap', 'around'],
        ])
      : '') +
    (p.rules === undefined ? '' : element('w:pBdr', [], rule('w:top') + rule('w:bottom'))) +
    (p.rightTab === undefined ? '' : element('w:tabs', [], element('w:tab', [['w:val', 'right'], measure('w:pos', p.rightTab)]))) +
    (p.spacingBefore === undefined ? '' : element('w:spacing', [['w:before', p.spacingBefore]])) +
    (p.indent
      ? element('w:ind', [
          measure('w:left', p.indent.left),
          measure('w:right', p.indent.right),
          measure('w:firstLine', p.indent.firstLine),
          measure('w:firstLineChars', p.indent.firstLineChars),
        ])
      : '') +
    (p.align ? valued('w:jc', JUSTIFICATION[p.align]) : '');
  return `<w:p>${element('w:pPr', [], properties)}${p.runs.map(runXml).join('')}</w:p>`;
}

const RULE = [['w:val', 'single'], ['w:color', '000000'], ['w:sz', 4]] as const;
const TABLE_BORDERS = element('w:tblBorders', [], ['w:top', 'w:left', 'w:bottom', 'w:right', 'w:insideH', 'w:insideV'].map((side) => element(side, RULE)).join(''));
const width = (name: string, twips: number) => element(name, [['w:type', 'dxa'], ['w:w', whole(twips)]]);

/** A table: fixed layout, centred, single rules, its grid, rows that never split. */
export function tableXml(table: TablePart): string {
  const style = valued('w:pStyle', table.style);
  const total = table.widths.reduce((a, b) => a + b, 0);
  const properties =
    width('w:tblW', total) +
    valued('w:jc', 'center') +
    TABLE_BORDERS +
    element('w:tblLayout', [['w:type', 'fixed']]) +
    element('w:tblCellMar', [], width('w:top', 0) + width('w:left', table.margin) + width('w:bottom', 0) + width('w:right', table.margin));
  const columns = table.widths.map((w) => element('w:gridCol', [['w:w', whole(w)]])).join('');
  const rows = table.rows.map((row) => {
    const paragraph = (p: CellParagraph) =>
      `<w:p>${element('w:pPr', [], style + (row.kept ? '<w:keepNext/>' : '') + (p.indent ? element('w:ind', [['w:left', whole(p.indent)]]) : '') + valued('w:jc', JUSTIFICATION[p.align]))}${
        p.text === undefined ? '' : runXml({ text: p.text })
      }</w:p>`;
    const cells = row.cells.map((cell) => {
      const cellProperties =
        width('w:tcW', cell.width) +
        (cell.colSpan > 1 ? valued('w:gridSpan', cell.colSpan) : '') +
        (cell.merge ? valued('w:vMerge', cell.merge) : '') +
        (cell.noWrap ? '<w:noWrap/>' : '') +
        valued('w:vAlign', 'center');
      // Word needs a paragraph in every cell.
      return `<w:tc>${element('w:tcPr', [], cellProperties)}${cell.paragraphs.map(paragraph).join('') || '<w:p/>'}</w:tc>`;
    });
    return `<w:tr>${element('w:trPr', [], '<w:cantSplit/>' + (row.header ? '<w:tblHeader/>' : ''))}${cells.join('')}</w:tr>`;
  });
  return `<w:tbl>${element('w:tblPr', [], properties)}${element('w:tblGrid', [], columns)}${rows.join('')}</w:tbl>`;
}
