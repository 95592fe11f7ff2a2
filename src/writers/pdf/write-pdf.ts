/**
 * The PDF writer: the document model → pdfmake → PDF bytes, laid out per GB/T 9704-2012.
 */
import './line-rendering.js';
import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { FontRegistry } from '../../fonts/font-registry.js';
import type { Block, ColophonBlock, ParagraphBlock, ReportDocument } from '../../model/document.js';
import { PAGE } from '../../layout/page.js';
import { placeSignature } from '../../layout/signature.js';
import { PAGE_NUMBER_SIZE, ROLE_STYLES } from '../../layout/typography.js';
import { pdfFaces, type PdfFaces } from './pdf-fonts.js';
import { fitsOnPage, keptWhole, KeptWholeOverflow } from './kept-whole.js';
import { measureTable, pdfTable, tableHeight } from './pdf-table.js';
import { textRuns } from './text-runs.js';

/**
 * GB/T 9704 sets 28 characters of 3号 on a 156 mm line, 15.79 pt a character, which 16 pt glyphs cannot do
 * without condensing (Word condenses the spacing). pdfmake positions each Chinese character by its measured
 * width and ignores character spacing between one-character words, so the PDF sets body text at the grid pitch.
 */
const BODY_GRID_SIZE = PAGE.charPitch;
const TITLE_PITCH = 36;
const SIGNATURE_ID = 'signature';
/** Space a heading takes above a table at the top of a page, as a share of the page. */
const TABLE_TOP_RATIO = 0.1;

export interface PdfOptions {
  /** PDF/A-1b (ISO 19005-1, GB/T 23286.1) for long-term archiving. */
  archival?: boolean;
  /**
   * Called with pdfkit's document after layout, before it is written (to add a signature field), with where the
   * 落款 was placed: its page (1-based) and box in points from the page's top left.
   */
  beforeWrite?: (pdfkitDocument: unknown, signature?: SignaturePlace) => void;
}

export interface SignaturePlace {
  page: number;
  left: number;
  top: number;
  width: number;
  height: number;
}

/** pdfkit writes title, author and subject unescaped into the XMP metadata of PDF/A files (libraries.md §4). */
const xmpSafe = (text: string) => text.replace(/&/g, '＆').replace(/</g, '＜').replace(/>/g, '＞');

export async function writePdf(document: ReportDocument, fonts: FontRegistry, options: PdfOptions = {}): Promise<Buffer> {
  const split = new Set<number>();
  for (;;) {
    try {
      return await renderPdf(document, fonts, options, split);
    } catch (error) {
      if (!(error instanceof KeptWholeOverflow)) throw error;
      split.add(error.blockIndex);
    }
  }
}

async function renderPdf(document: ReportDocument, fonts: FontRegistry, options: PdfOptions, split: ReadonlySet<number>): Promise<Buffer> {
  const faces = pdfFaces(fonts);
  const meta = options.archival
    ? { title: xmpSafe(document.meta.title), author: xmpSafe(document.meta.author), subject: xmpSafe(document.meta.subject) }
    : document.meta;
  let signature: SignaturePlace | undefined;
  const definition: TDocumentDefinitions = {
    ...(options.archival ? { subset: 'PDF/A-1b' as const, version: '1.4' as const } : {}),
    pageSize: 'A4',
    pageMargins: [PAGE.margin.left, PAGE.margin.top, PAGE.margin.right, PAGE.margin.bottom],
    info: {
      title: meta.title,
      author: meta.author,
      subject: meta.subject,
      creator: 'report-gen',
      producer: 'report-gen',
      creationDate: document.meta.created,
      modDate: document.meta.created,
    },
    language: document.meta.language,
    defaultStyle: { font: faces.family('body') },
    content: blocksToContent(document.blocks, faces, split),
    footer: (page: number) => pageNumber(page, faces),
    pageBreakBefore: (node, context) => {
      if (node.id === SIGNATURE_ID) {
        const at = node.startPosition;
        signature = { page: at.pageNumber, left: PAGE.margin.left, top: at.top, width: PAGE.textWidth, height: 3 * PAGE.linePitch };
      }
      // A heading never ends a page, nor stays behind when its table moves on.
      if (node.headlineLevel) {
        const next = context.getFollowingNodesOnPage()[0];
        return node.pageNumbers.length === 1 && (!next || Boolean(next.table && next.pageNumbers.length > 1));
      }
      // A table with row spans that would cross a page starts on a new one (pdfmake drops borders when a page
      // break falls inside a rowSpan group, upstream #2270). Near the top of a page it may only follow its heading.
      if (node.table && hasRowSpans(node.table.body)) {
        return node.pageNumbers.length > 1 && node.startPosition.verticalRatio > TABLE_TOP_RATIO;
      }
      return false;
    },
  };
  const output = pdfmake.createPdf(definition, options.beforeWrite ? { bufferPages: true } : {});
  if (options.beforeWrite) options.beforeWrite(await output.getStream(), signature);
  return output.getBuffer();
}

function hasRowSpans(body: unknown): boolean {
  return Array.isArray(body) && body.some((row) => Array.isArray(row) && row.some((cell) => (cell as { rowSpan?: number })?.rowSpan));
}

function bodyRuns(text: string, faces: PdfFaces, role: 'body' | 'heading' | 'subheading') {
  return textRuns(text, faces, { role, size: Math.min(ROLE_STYLES[role].size, BODY_GRID_SIZE), pitch: PAGE.linePitch });
}

/** Each heading with the table after it as one block where they fit on a page, unless `split` says otherwise. */
function blocksToContent(blocks: readonly Block[], faces: PdfFaces, split: ReadonlySet<number>): Content[] {
  const content: Content[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const next = blocks[i + 1];
    if (block.kind === 'heading' && next?.kind === 'table' && !split.has(i)) {
      const metrics = measureTable(next, faces);
      if (fitsOnPage(block, tableHeight(next, faces, metrics))) {
        content.push(keptWhole(blockToContent(block, faces), pdfTable(next, faces, metrics), i));
        i += 1; // the table is in the block
        continue;
      }
    }
    content.push(blockToContent(block, faces));
  }
  return content;
}

function blockToContent(block: Block, faces: PdfFaces): Content {
  const indent = 2 * PAGE.charPitch;
  switch (block.kind) {
    case 'title':
      return {
        text: textRuns(block.lines.join('\n'), faces, { role: 'title', size: ROLE_STYLES.title.size, pitch: TITLE_PITCH }),
        alignment: 'center',
        margin: [0, 0, 0, PAGE.linePitch],
      };
    case 'heading':
      return {
        text: bodyRuns(block.number + block.text, faces, block.level === 1 ? 'heading' : 'subheading'),
        leadingIndent: indent,
        headlineLevel: block.level,
      };
    case 'paragraph':
      return paragraph(block, faces);
    case 'table':
      return pdfTable(block, faces);
    case 'pageBreak':
      return { text: '', pageBreak: 'after' };
    case 'colophon':
      // An empty row keeps the foot of the page free (or moves to a new page), then the 版记 is drawn there.
      return [
        { table: { widths: ['*'], heights: [colophonHeight(block)], body: [[{ text: '' }]], dontBreakRows: true }, layout: 'noBorders' },
        colophonContent(block, faces),
      ];
    case 'signature': {
      const place = placeSignature(block.org, block.date);
      return {
        stack: [
          { text: bodyRuns(block.org, faces, 'body'), alignment: 'right', margin: [0, 0, place.orgRightIndent * PAGE.charPitch, 0] },
          { text: bodyRuns(block.date, faces, 'body'), alignment: 'right', margin: [0, 0, place.dateRightIndent * PAGE.charPitch, 0] },
        ],
        margin: [0, PAGE.linePitch, 0, 0],
        unbreakable: true,
        id: SIGNATURE_ID,
      } as Content;
    }
  }
}

function paragraph(block: ParagraphBlock, faces: PdfFaces): Content {
  const leadingIndent = block.indent ? 2 * PAGE.charPitch : 0;
  if (block.role === 'title') {
    return {
      text: textRuns(block.text, faces, { role: 'title', size: ROLE_STYLES.title.size, pitch: TITLE_PITCH }),
      alignment: block.align,
      leadingIndent,
      margin: [0, 0, 0, PAGE.linePitch],
    };
  }
  return { text: bodyRuns(block.text, faces, block.role), leadingIndent, alignment: block.align };
}

const COLOPHON_LINE = 26;
const colophonHeight = (block: ColophonBlock) => block.lines.length * COLOPHON_LINE + 2;

/** 版记: 4号 lines between rules, the last rule on the bottom edge of the 版心 (GB/T 9704 §7.4). */
function colophonContent(block: ColophonBlock, faces: PdfFaces): Content {
  const style = { role: 'body' as const, size: PAGE_NUMBER_SIZE, pitch: PAGE_NUMBER_SIZE * 1.3 };
  const inset = ROLE_STYLES.body.size;
  const gap = (COLOPHON_LINE - style.pitch) / 2;
  const rule = (width: number): Content => ({ canvas: [{ type: 'line', x1: 0, y1: 0, x2: PAGE.textWidth, y2: 0, lineWidth: width }] });
  const stack: Content[] = [rule(1)];
  block.lines.forEach((line, i) => {
    if (i > 0) stack.push(rule(0.7));
    stack.push({
      columns: [
        { text: textRuns(line.left, faces, style), margin: [inset, 0, 0, 0] },
        { text: textRuns(line.right, faces, style), alignment: 'right', margin: [0, 0, inset, 0] },
      ],
      margin: [0, gap, 0, gap],
    });
  });
  stack.push(rule(1));
  return { absolutePosition: { x: PAGE.margin.left, y: PAGE.margin.top + PAGE.textHeight - colophonHeight(block) }, stack };
}

/** "— N —", 4号, odd pages right and even pages left, one character in from the 版心 edge, 7 mm below it. */
function pageNumber(page: number, faces: PdfFaces): Content {
  const inset = PAGE_NUMBER_SIZE;
  return {
    text: textRuns(`— ${page} —`, faces, { role: 'body', size: PAGE_NUMBER_SIZE, pitch: PAGE_NUMBER_SIZE * 1.2 }),
    alignment: page % 2 === 1 ? 'right' : 'left',
    margin: [PAGE.margin.left + inset, PAGE.pageNumberGap - PAGE_NUMBER_SIZE * 0.6, PAGE.margin.right + inset, 0],
  };
}
