/**
 * The PDF's own page layout (docs/layout.md "Pages"). Every block's lines and every table row's height are known
 * before anything is placed (line-break.ts, pdf-table.ts), so pages are decided here, once, and draw-pages.ts places
 * each page's content. The rules:
 * - a heading keeps with the first two lines of what follows it (a table: its header and two rows);
 * - a paragraph leaves no single line at the foot or the head of a page;
 * - a table flows under the text and is cut between rows into pieces that each repeat the header;
 * - the 落款 has at least two lines of the body above it on its page: when it does not fit, the last lines of the
 *   paragraph before it go over with it (GB/T 9704 §7.3.5.4);
 * - a page break at the top of a page adds no empty page.
 */
import type { Align, Block, ColophonBlock, TableBlock } from '../../model/document.js';
import type { RunStyle } from './text-runs.js';
import { PAGE } from '../../layout/page.js';
import type { TableMetrics } from './pdf-table.js';
import { cutTable, pieceHeight, startHeight } from './table-pieces.js';

/** Lines of a block of text, as the paginator sees them. */
export interface TextItem {
  kind: 'text';
  block: Block;
  lines: string[];
  /** What each line falls short of its measure, in points (line-break.ts): the space a justified line spreads. */
  shortfalls?: number[];
  /** Face, size and pitch the lines are set in. */
  style: RunStyle;
  align: Align;
  /** Indent of the first line, in points. */
  indent: number;
  pitch: number;
  /** Space below the last line. */
  after: number;
  /** Headings and title lines: never the last thing on a page. */
  keepWithNext: boolean;
  /** Body paragraphs may be split between lines. */
  splittable: boolean;
}

export type Item =
  | TextItem
  | { kind: 'table'; block: TableBlock; metrics: TableMetrics }
  | { kind: 'break' }
  | { kind: 'signature'; block: Block; height: number }
  | { kind: 'colophon'; block: ColophonBlock; height: number };

/** What goes on a page: a whole item, some lines of a text, or some rows of a table. */
export type Placement =
  | { kind: 'text'; item: TextItem; from: number; to: number }
  | { kind: 'table'; metrics: TableMetrics; from: number; to: number }
  | { kind: 'whole'; item: Extract<Item, { kind: 'signature' | 'colophon' }> };

/** The type area's height, less a hair so that rounding never pushes the last line over. */
const PAGE_HEIGHT = PAGE.textHeight - 0.5;
/** Lines a paragraph keeps together at the foot and at the head of a page. */
const MIN_LINES = 2;

const textHeight = (item: TextItem, from: number, to: number) => (to - from) * item.pitch + (to === item.lines.length ? item.after : 0);

export function paginate(items: Item[]): Placement[][] {
  const pages: Placement[][] = [[]];
  let used = 0;
  const page = () => pages.at(-1)!;
  const newPage = () => {
    if (page().length > 0) pages.push([]);
    used = 0;
  };
  const place = (placement: Placement, height: number) => {
    page().push(placement);
    used += height;
  };
  const room = () => PAGE_HEIGHT - used;

  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    switch (item.kind) {
      case 'break':
        newPage();
        break;
      case 'text': {
        if (!item.splittable || item.keepWithNext) {
          const need = textHeight(item, 0, item.lines.length) + (item.keepWithNext ? leastStart(items, i + 1) : 0);
          if (used > 0 && need > room()) newPage();
          place({ kind: 'text', item, from: 0, to: item.lines.length }, textHeight(item, 0, item.lines.length));
          break;
        }
        let from = 0;
        while (from < item.lines.length) {
          const left = item.lines.length - from;
          if (textHeight(item, from, item.lines.length) <= room()) {
            place({ kind: 'text', item, from, to: item.lines.length }, textHeight(item, from, item.lines.length));
            break;
          }
          const fit = Math.floor((room() + 0.01) / item.pitch);
          let take = Math.min(fit, left - MIN_LINES);
          if (take < MIN_LINES) {
            if (used > 0) {
              newPage();
              continue;
            }
            take = Math.max(1, fit);
          }
          place({ kind: 'text', item, from, to: from + take }, take * item.pitch);
          from += take;
          newPage();
        }
        break;
      }
      case 'table': {
        let pieces = cutTable(item.metrics, room(), PAGE_HEIGHT);
        const wanted = Math.min(MIN_LINES, item.metrics.rowHeights.length - item.metrics.headerRows);
        if (used > 0 && pieces[0]!.to - pieces[0]!.from < wanted) {
          newPage();
          pieces = cutTable(item.metrics, room(), PAGE_HEIGHT);
        }
        pieces.forEach((piece, n) => {
          if (n > 0) newPage();
          if (piece.to > piece.from) place({ kind: 'table', metrics: item.metrics, from: piece.from, to: piece.to }, piece.height);
        });
        break;
      }
      case 'signature': {
        if (item.height > room()) pages.push([]);
        const short = MIN_LINES - bodyLines(page());
        if (short > 0 && pages.length > 1) used = bringLinesOver(pages.at(-2)!, page(), short);
        place({ kind: 'whole', item }, item.height);
        break;
      }
      case 'colophon':
        if (item.height > room()) newPage();
        place({ kind: 'whole', item }, item.height);
        break;
    }
  }
  return pages;
}

/** Lines of body text on a page. */
function bodyLines(page: Placement[]): number {
  return page.reduce((n, p) => n + (p.kind === 'text' && p.item.splittable ? p.to - p.from : 0), 0);
}

/** Height of what stands on a page. */
function pageHeight(page: Placement[]): number {
  return page.reduce((height, p) => height + placementHeight(p), 0);
}

function placementHeight(p: Placement): number {
  if (p.kind === 'text') return textHeight(p.item, p.from, p.to);
  if (p.kind === 'table') return pieceHeight(p.metrics, p.from, p.to);
  return p.item.height;
}

/**
 * Moves `need` lines of body text from the foot of page `from` to the head of page `to`, for the 落款 on `to`: the
 * last lines of the paragraphs there (a paragraph's whole piece when fewer than two of its lines would stay behind),
 * and any heading those lines belong under. Page `from` always keeps something. Returns the new height of `to`.
 */
function bringLinesOver(from: Placement[], to: Placement[], need: number): number {
  const moved: Placement[] = [];
  let lines = 0;
  while (lines < need && from.length > 0) {
    const last = from.at(-1)!;
    // A heading goes over with the text under it, and the lines still wanted come from the text above it.
    if (last.kind === 'text' && last.item.keepWithNext && moved.length > 0 && from.length > 1) {
      moved.unshift(from.pop()!);
      continue;
    }
    if (last.kind !== 'text' || !last.item.splittable) break;
    const count = last.to - last.from;
    const wanted = need - lines;
    // Lines that go over are never a paragraph's single last line, nor leave a single first line behind.
    let take = Math.min(count, Math.max(wanted, MIN_LINES));
    if (count - take < MIN_LINES) take = count;
    if (take === count && from.length === 1) take = Math.min(take, count - MIN_LINES);
    if (take <= 0) break;
    moved.unshift({ kind: 'text', item: last.item, from: last.to - take, to: last.to });
    if (take === count) from.pop();
    else from[from.length - 1] = { ...last, to: last.to - take };
    lines += take;
  }
  // A heading never stays at the foot of the page when its text goes over.
  while (moved.length > 0 && from.length > 1) {
    const last = from.at(-1)!;
    if (last.kind !== 'text' || !last.item.keepWithNext) break;
    moved.unshift(from.pop()!);
  }
  // Pieces of one paragraph that meet again are one piece.
  const merged = [...moved, ...to.splice(0)].reduce<Placement[]>((out, p) => {
    const prev = out.at(-1);
    if (prev?.kind === 'text' && p.kind === 'text' && prev.item === p.item && prev.to === p.from) out[out.length - 1] = { ...prev, to: p.to };
    else out.push(p);
    return out;
  }, []);
  to.push(...merged);
  return pageHeight(to);
}

/** The least of item `i` that must stand on the page after a heading: two lines, or a table's header and two rows. */
function leastStart(items: Item[], i: number): number {
  const item = items[i];
  if (!item) return 0;
  switch (item.kind) {
    case 'text':
      if (item.keepWithNext) return textHeight(item, 0, item.lines.length) + leastStart(items, i + 1);
      if (!item.splittable || item.lines.length <= 2 * MIN_LINES - 1) return textHeight(item, 0, item.lines.length);
      return MIN_LINES * item.pitch;
    case 'table':
      return startHeight(item.metrics);
    case 'signature':
      return item.height;
    default:
      return 0;
  }
}

