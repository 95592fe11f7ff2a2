/**
 * A heading and the table after it as one unbreakable block, so that the pair moves to a new page in the layout
 * pass that finds it does not fit. Left to `pageBreakBefore`, each such move costs pdfmake another layout of the
 * whole document, from the first page.
 *
 * pdfmake lays an unbreakable block out as one piece and silently drops a block taller than a page. So a pair is
 * kept whole only when it is estimated to fit on a page, and pdfmake's layout of the block is checked: a pair taller
 * than a page stops the layout with `KeptWholeOverflow`, and the document is laid out again with that pair apart.
 * Import this module before pdfmake lays anything out.
 */
// pdfkit must find the shared fontkit when these pdfmake modules load it.
import '../../fonts/shared-fontkit.js';
import { createRequire } from 'node:module';
import type { Content, ContentTable } from 'pdfmake/interfaces.js';
import type { HeadingBlock } from '../../model/document.js';
import { PAGE } from '../../layout/page.js';

/** Property of a kept-whole block: the heading's index among the document's blocks. */
const BLOCK_INDEX = 'keptWholeBlockIndex';

export class KeptWholeOverflow extends Error {
  constructor(readonly blockIndex: number) {
    super(`heading and table at block ${blockIndex} exceed a page`);
  }
}

/** Whether a heading and a table of the given estimated height fit on one page. */
export function fitsOnPage(heading: HeadingBlock, tableHeight: number): boolean {
  const headingLines = Math.ceil([...(heading.number + heading.text)].length / (PAGE.charsPerLine - 2));
  return headingLines * PAGE.linePitch + tableHeight <= PAGE.textHeight;
}

export function keptWhole(heading: Content, table: ContentTable, blockIndex: number): Content {
  return { stack: [heading, table], unbreakable: true, [BLOCK_INDEX]: blockIndex } as Content;
}

interface Context {
  y: number;
  getCurrentPosition(): { pageInnerHeight: number };
}

interface LayoutBuilder {
  processVerticalContainer(node: Record<string, unknown>): void;
  writer: { context(): Context; contextStack: Context[] };
}

const require = createRequire(import.meta.url);
const LayoutBuilder = (require('pdfmake/js/LayoutBuilder.js') as { default: { prototype: LayoutBuilder } }).default;
const processVerticalContainer = LayoutBuilder.prototype.processVerticalContainer;

// An unbreakable stack is laid out in a context of its own, with no page end, before pdfmake places it on a page.
LayoutBuilder.prototype.processVerticalContainer = function (this: LayoutBuilder, node) {
  processVerticalContainer.call(this, node);
  const blockIndex = node[BLOCK_INDEX];
  if (typeof blockIndex !== 'number') return;
  const page = this.writer.contextStack.at(-1)!.getCurrentPosition();
  if (this.writer.context().y > page.pageInnerHeight) throw new KeptWholeOverflow(blockIndex);
};
