/**
 * The HTML writer: the document model → one self-contained page for a government portal, with real tables
 * (rowspan/colspan as in the DOCX and PDF, captions, th with scope, headers on data cells), inline CSS, no
 * scripts and no external requests.
 */
import { isFigure } from '../../layout/table-columns.js';
import type { Block, ReportDocument, TableBlock, TableCell } from '../../model/document.js';
import { escapeMarkup as escape } from '../../markup/escape.js';
import { REPORT_CSS } from './report-style.js';
import { tableHeaders } from './table-headers.js';

export function writeHtml(document: ReportDocument): Buffer {
  let tableCount = 0;
  const body = document.blocks
    .map((block) => {
      if (block.kind === 'table') return table(block, ++tableCount);
      return blockHtml(block);
    })
    .filter(Boolean)
    .join('\n');
  const html = `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="author" content="${escape(document.meta.author)}">
<meta name="description" content="${escape(document.meta.subject)}">
<title>${escape(document.meta.title)}</title>
<style>
${REPORT_CSS}
</style>
</head>
<body>
<main class="report">
${body}
</main>
</body>
</html>
`;
  return Buffer.from(html, 'utf8');
}

function blockHtml(block: Exclude<Block, TableBlock>): string {
  switch (block.kind) {
    case 'title':
      return `<h1>${block.lines.map(escape).join('<br>')}</h1>`;
    case 'heading':
      return block.level === 1 ? `<h2>${escape(block.number + block.text)}</h2>` : `<h3>${escape(block.number + block.text)}</h3>`;
    case 'paragraph': {
      if (block.role === 'title') return `<h2 class="attachment-title">${escape(block.text)}</h2>`;
      if (block.role === 'heading') return `<p class="label">${escape(block.text)}</p>`;
      const classes = [block.indent ? '' : 'noindent', block.align === 'center' ? 'center' : block.align === 'right' ? 'right' : ''].filter(Boolean);
      return `<p${classes.length ? ` class="${classes.join(' ')}"` : ''}>${escape(block.text)}</p>`;
    }
    case 'signature':
      return `<p class="signature">${escape(block.org)}<br>${escape(block.date)}</p>`;
    case 'colophon':
      return block.lines.map((line) => `<footer class="colophon"><span>${escape(line.left)}</span><span>${escape(line.right)}</span></footer>`).join('\n');
    case 'pageBreak':
      return '<div class="page-break" aria-hidden="true"></div>';
  }
}

const classes = (names: Array<string | false>) => {
  const kept = names.filter(Boolean);
  return kept.length ? ` class="${kept.join(' ')}"` : '';
};

/**
 * The one-column label right before a body row's figures: it stays in view while a wide table scrolls sideways (a
 * label spanning several columns would hide the figures it names).
 */
const rowLabel = (inRow: Array<{ cell: TableCell }>, cell: TableCell) => {
  const i = inRow.findIndex((p) => p.cell === cell);
  return !cell.header && cell.colSpan === 1 && !isFigure(cell) && i >= 0 && inRow[i + 1] !== undefined && isFigure(inRow[i + 1]!.cell);
};

function table(block: TableBlock, index: number): string {
  const { cells, headersOf, isHeader } = tableHeaders(block);
  const ids = new Map<TableCell, string>();
  cells.forEach(({ cell }, i) => ids.set(cell, `t${index}c${i + 1}`));
  const captionId = `t${index}-caption`;
  const width = block.columns.length > 10 ? ' class="widest"' : block.columns.length > 4 ? ' class="wide"' : '';
  const total = block.columns.reduce((a, b) => a + b, 0);
  const colgroup = block.columns.map((w) => `<col style="width:${((w / total) * 100).toFixed(2)}%">`).join('');

  const rowHtml = (r: number) => {
    const inRow = cells.filter((p) => p.row === r);
    return `<tr>${inRow
      .map(({ cell }) => {
        const spans = `${cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : ''}${cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : ''}`;
        const align = classes([cell.align === 'left' && 'left', isFigure(cell) && 'figure', rowLabel(inRow, cell) && 'row-label']);
        const indent = cell.indent ? ` style="padding-left:${0.4 + cell.indent}em"` : '';
        const text = cell.lines.map(escape).join('<br>');
        if (isHeader(cell)) {
          const scope = cell.header ? (cell.colSpan > 1 ? 'colgroup' : 'col') : cell.rowSpan > 1 ? 'rowgroup' : 'row';
          return `<th id="${ids.get(cell)}" scope="${scope}"${spans}${align}${indent}>${text}</th>`;
        }
        const headers = (headersOf.get(cell) ?? []).map((h) => ids.get(h)).join(' ');
        return `<td headers="${headers}"${spans}${align}>${text}</td>`;
      })
      .join('')}</tr>`;
  };

  const headRows = block.rows.findIndex((row) => !row.header);
  const theadCount = headRows < 0 ? block.rows.length : headRows;
  const head = theadCount ? `<thead>\n${Array.from({ length: theadCount }, (_, r) => rowHtml(r)).join('\n')}\n</thead>\n` : '';
  const bodyRows = Array.from({ length: block.rows.length - theadCount }, (_, i) => rowHtml(theadCount + i)).join('\n');
  return `<div class="table-scroll" role="region" aria-labelledby="${captionId}" tabindex="0">
<table${width}>
<caption id="${captionId}">${escape(block.caption)}</caption>
<colgroup>${colgroup}</colgroup>
${head}<tbody>
${bodyRows}
</tbody>
</table>
</div>`;
}
