/**
 * The paginated document as pdfmake's renderer draws it: every line at its place, with its runs, and every rule,
 * page by page (docs/layout.md "Pages"). The writer has broken every line and decided every page (line-break.ts,
 * paginate.ts), so all that is left is where each line, run and rule goes, which is computed here once; pdfmake's
 * layout engine, which would measure and place everything again, is not used.
 */
import type { Align, Block, ColophonBlock } from '../../model/document.js';
import type { PdfFont } from '../../patches/load-pdfmake.js';
import { LineSetter, rule, type DrawnItem, type DrawnLine, type DrawnPage } from './line-setter.js';
import { PAGE } from '../../layout/page.js';
import { placeSignature } from '../../layout/signature.js';
import { PAGE_NUMBER_SIZE, ROLE_STYLES } from '../../layout/typography.js';
import type { PdfFaces } from './pdf-fonts.js';
import type { Placement, TextItem } from './paginate.js';
import { tableItems } from './pdf-table.js';
import { lineRuns, textRuns, type RunStyle } from './text-runs.js';

/** Where the 落款 was placed: its page (1-based) and box in points from the page's top left. */
export interface SignaturePlace {
  page: number;
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * A justified line that falls short of the measure by no more than this (points) is left as it is, which no eye
 * sees. A full line of 28 Chinese characters at the grid pitch fills 156 mm exactly and falls short by rounding
 * alone: left as it is, it stays one run, where a spread line needs its last character as a run of its own.
 */
const JUSTIFY_SLACK = 0.1;

/** A4 as pdfkit and pdfmake size it, in whole hundredths of a point: the page size of every PDF report-gen writes. */
export const SHEET = { width: 595.28, height: 841.89 } as const;
/** The measure lines are aligned and spread in: the sheet's width less the side margins. */
const MEASURE = SHEET.width - PAGE.margin.left - PAGE.margin.right;

/** The pages as pdfmake's renderer draws them, and where the 落款 went. */
export function drawPages(pages: Placement[][], faces: PdfFaces, font: (family: string) => PdfFont, bodyStyle: RunStyle): { pages: DrawnPage[]; signature?: SignaturePlace } {
  const setter = new LineSetter(faces, font);
  let signature: SignaturePlace | undefined;
  const drawn = pages.map((placements, n) => {
    const items: DrawnItem[] = [];
    let y = PAGE.margin.top;
    for (const placement of placements) {
      switch (placement.kind) {
        case 'text':
          y = drawText(setter, faces, placement.item, placement.from, placement.to, y, items);
          break;
        case 'table':
          y += tableItems(placement.metrics, setter, placement.from, placement.to, { left: PAGE.margin.left, top: y }, items);
          break;
        case 'whole':
          if (placement.item.kind === 'colophon') drawColophon(setter, placement.item.block, items);
          else {
            const top = y + PAGE.linePitch;
            signature = { page: n + 1, left: PAGE.margin.left, top, width: PAGE.textWidth, height: 3 * PAGE.linePitch };
            drawSignature(setter, placement.item.block, top, bodyStyle, items);
            y += placement.item.height;
          }
          break;
      }
    }
    items.push({ type: 'line', item: pageNumber(setter, n + 1) });
    return { pageSize: { width: SHEET.width, height: SHEET.height }, items };
  });
  return { pages: drawn, ...(signature ? { signature } : {}) };
}

/** Lines `from` to `to` of a text at `y`; returns the y below them. */
function drawText(setter: LineSetter, faces: PdfFaces, item: TextItem, from: number, to: number, y: number, items: DrawnItem[]): number {
  // Every line of a justified paragraph but its last fills the measure: those that fall short of it are spread.
  const stretch = (l: number) => item.align === 'justify' && (item.shortfalls?.[l] ?? 0) > JUSTIFY_SLACK;
  const align = item.align === 'justify' ? 'left' : item.align;
  for (let l = from; l < to; l++) {
    const justify = stretch(l);
    const runs = lineRuns(item.lines[l]!, faces, item.style, justify);
    const at = { left: PAGE.margin.left, y, width: MEASURE, height: item.pitch };
    items.push({ type: 'line', item: setter.line(runs, at, { align, indent: l === from && from === 0 ? item.indent : 0, justify, last: l === to - 1 }) });
    y += item.pitch;
  }
  return y + (to === item.lines.length ? item.after : 0);
}

/** 落款: the 发文机关署名 and the 成文日期, each set right with the indents of GB/T 9704 §7.3.5. */
function drawSignature(setter: LineSetter, block: Block, top: number, style: RunStyle, items: DrawnItem[]): void {
  if (block.kind !== 'signature') return;
  const place = placeSignature(block.org, block.date);
  const lines: Array<[string, number]> = [
    [block.org, place.orgRightIndent],
    [block.date, place.dateRightIndent],
  ];
  lines.forEach(([text, indent], i) => {
    const at = { left: PAGE.margin.left, y: top + i * style.pitch, width: MEASURE - indent * PAGE.charPitch, height: style.pitch };
    items.push({ type: 'line', item: setter.line(textRuns(text, style), at, { align: 'right', last: true }) });
  });
}

const COLOPHON_LINE = 26;
export const colophonHeight = (block: ColophonBlock): number => block.lines.length * COLOPHON_LINE + 2;

/** 版记: 4号 lines between rules, the last rule on the bottom edge of the 版心 (GB/T 9704 §7.4). */
function drawColophon(setter: LineSetter, block: ColophonBlock, items: DrawnItem[]): void {
  const style: RunStyle = { role: 'body', size: PAGE_NUMBER_SIZE, pitch: PAGE_NUMBER_SIZE * 1.3 };
  const inset = ROLE_STYLES.body.size;
  const gap = (COLOPHON_LINE - style.pitch) / 2;
  const { left } = PAGE.margin;
  const right = left + PAGE.textWidth;
  const half = MEASURE / 2;
  let y = PAGE.margin.top + PAGE.textHeight - colophonHeight(block);
  items.push(rule(left, y, right, y, 1));
  block.lines.forEach((line, i) => {
    if (i > 0) items.push(rule(left, y, right, y, 0.7));
    const at = { y: y + gap, width: half - inset, height: style.pitch };
    items.push({ type: 'line', item: setter.line(textRuns(line.left, style), { ...at, left: left + inset }, { align: 'left', last: true }) });
    items.push({ type: 'line', item: setter.line(textRuns(line.right, style), { ...at, left: left + half }, { align: 'right', last: true }) });
    y += COLOPHON_LINE;
  });
  items.push(rule(left, y, right, y, 1));
}

/** "— N —", 4号, odd pages right and even pages left, one character in from the 版心 edge, 7 mm below it. */
function pageNumber(setter: LineSetter, page: number): DrawnLine {
  const inset = PAGE_NUMBER_SIZE;
  const style: RunStyle = { role: 'body', size: PAGE_NUMBER_SIZE, pitch: PAGE_NUMBER_SIZE * 1.2 };
  const left = PAGE.margin.left + inset;
  const at = { left, y: SHEET.height - PAGE.margin.bottom + PAGE.pageNumberGap - PAGE_NUMBER_SIZE * 0.6, width: SHEET.width - left - (PAGE.margin.right + inset), height: style.pitch };
  return setter.line(textRuns(`— ${page} —`, style), at, { align: page % 2 === 1 ? 'right' : 'left', last: true });
}
