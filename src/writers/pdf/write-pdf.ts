/**
 * The PDF writer: the document model → pdfmake → PDF bytes, laid out per GB/T 9704-2012.
 */
import { loadPdfmake } from '../../patches/load-pdfmake.js';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { FontRegistry } from '../../fonts/font-registry.js';
import type { Align, Block, ColophonBlock, ReportDocument } from '../../model/document.js';
import { PAGE } from '../../layout/page.js';
import { placeSignature } from '../../layout/signature.js';
import { PAGE_NUMBER_SIZE, ROLE_STYLES } from '../../layout/typography.js';
import { pdfFaces, type PdfFaces } from './pdf-fonts.js';
import { measureTable, pdfTable } from './pdf-table.js';
import { joinLines, lineRuns, textRuns, type RunStyle } from './text-runs.js';
import { breakLinesMeasured } from './line-break.js';
import { runsMeasure } from './measure-text.js';
import { paginate, type Item, type Placement, type TextItem } from './paginate.js';
import { addSignatureMarks, type SealOptions, type SignaturePlace } from './signature-marks.js';
import type { SignatureFieldOptions } from '../../patches/pdfkit-signature-field.js';

/**
 * GB/T 9704 sets 28 characters of 3号 on a 156 mm line, 15.79 pt a character, which 16 pt glyphs cannot do
 * without condensing (Word condenses the spacing). pdfmake positions each Chinese character by its measured
 * width and ignores character spacing between one-character words, so the PDF sets body text at the grid pitch.
 */
const BODY_GRID_SIZE = PAGE.charPitch;
const TITLE_PITCH = 36;
const SIGNATURE_ID = 'signature';
/**
 * A justified line that falls short of the measure by no more than this (points) is left as it is, which no eye
 * sees. A full line of 28 Chinese characters at the grid pitch fills 156 mm exactly and falls short by rounding
 * alone: left as it is, it stays one run, where a spread line needs its last character as a run of its own.
 */
const JUSTIFY_SLACK = 0.1;

export interface PdfOptions {
  /** PDF/A-1b (ISO 19005-1, GB/T 23286.1) for long-term archiving. */
  archival?: boolean;
  /** Reserve a signature field, to be signed once the file is written: on the seal, or invisible. */
  signatureField?: SignatureFieldOptions;
  /** Draw this seal over the 落款. */
  seal?: SealOptions;
}

/** pdfkit writes title, author and subject unescaped into the XMP metadata of PDF/A files (libraries.md §3). */
const xmpSafe = (text: string) => text.replace(/&/g, '＆').replace(/</g, '＜').replace(/>/g, '＞');

export async function writePdf(document: ReportDocument, fonts: FontRegistry, options: PdfOptions = {}): Promise<Buffer> {
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
    content: pagesToContent(paginate(toItems(document.blocks, faces)), faces),
    footer: (page: number) => pageNumber(page, faces),
    pageBreakBefore: (node) => {
      if (node.id === SIGNATURE_ID) {
        const at = node.startPosition;
        signature = { page: at.pageNumber, left: PAGE.margin.left, top: at.top, width: PAGE.textWidth, height: 3 * PAGE.linePitch };
      }
      return false;
    },
  };
  const marked = options.signatureField !== undefined || options.seal !== undefined;
  const output = loadPdfmake().createPdf(definition, marked ? { bufferPages: true } : {});
  if (marked) addSignatureMarks(await output.getStream(), document, signature, options);
  return output.getBuffer();
}

function bodyRuns(text: string, faces: PdfFaces, role: 'body' | 'heading' | 'subheading') {
  return textRuns(text, faces, textStyle(role));
}

/** How each role's text is set: face role, size and line pitch. */
function textStyle(role: 'title' | 'body' | 'heading' | 'subheading'): RunStyle {
  return role === 'title'
    ? { role: 'title', size: ROLE_STYLES.title.size, pitch: TITLE_PITCH }
    : { role, size: Math.min(ROLE_STYLES[role].size, BODY_GRID_SIZE), pitch: PAGE.linePitch };
}

/** The blocks as the paginator sees them: lines of text broken here, tables measured. */
function toItems(blocks: readonly Block[], faces: PdfFaces): Item[] {
  const indent = 2 * PAGE.charPitch;
  const text = (block: Block, content: string, role: TextRole, align: Align, first: number, options: Partial<TextItem>): Item => {
    const style = textStyle(role);
    const measure = runsMeasure(faces, style.role, style.size);
    const { lines, shortfalls } = breakLinesMeasured(content, measure, PAGE.textWidth, first);
    return { kind: 'text', block, lines, shortfalls, style, align, indent: first, pitch: style.pitch, after: 0, keepWithNext: false, splittable: false, ...options };
  };
  return blocks.map((block): Item => {
    switch (block.kind) {
      case 'title':
        return text(block, block.lines.join('\n'), 'title', 'center', 0, { after: PAGE.linePitch, keepWithNext: true });
      case 'heading':
        return text(block, block.number + block.text, block.level === 1 ? 'heading' : 'subheading', 'left', indent, { keepWithNext: true });
      case 'paragraph': {
        const first = block.indent ? indent : 0;
        return block.role === 'body'
          ? text(block, block.text, 'body', block.align, first, { splittable: true })
          : text(block, block.text, block.role, block.align, first, { keepWithNext: true, after: block.role === 'title' ? PAGE.linePitch : 0 });
      }
      case 'table':
        return { kind: 'table', block, metrics: measureTable(block, faces) };
      case 'pageBreak':
        return { kind: 'break' };
      case 'signature':
        return { kind: 'signature', block, height: 3 * PAGE.linePitch };
      case 'colophon':
        return { kind: 'colophon', block, height: colophonHeight(block) };
    }
  });
}

type TextRole = 'title' | 'body' | 'heading' | 'subheading';

/** The paginated document as pdfmake content: each page after the first starts with a page break. */
function pagesToContent(pages: Placement[][], faces: PdfFaces): Content[] {
  const content: Content[] = [];
  pages.forEach((page, n) => {
    page.forEach((placement, i) => {
      const node = placementToContent(placement, faces) as Content & { pageBreak?: string };
      if (n > 0 && i === 0) node.pageBreak = 'before';
      content.push(node);
    });
  });
  return content;
}

function placementToContent(placement: Placement, faces: PdfFaces): Content {
  if (placement.kind === 'table') return pdfTable(placement.metrics, faces, placement.from, placement.to);
  if (placement.kind === 'whole') return blockToContent(placement.item.block, faces);
  const { item, from, to } = placement;
  const lines = [];
  // Every line of a justified paragraph but its last fills the measure: those that fall short of it are spread.
  const stretch = (l: number) => item.align === 'justify' && (item.shortfalls?.[l] ?? 0) > JUSTIFY_SLACK;
  for (let l = from; l < to; l++) lines.push(lineRuns(item.lines[l]!, faces, item.style, stretch(l)));
  return {
    text: joinLines(lines),
    alignment: item.align === 'justify' ? 'left' : item.align,
    leadingIndent: from === 0 ? item.indent : 0,
    margin: [0, 0, 0, to === item.lines.length ? item.after : 0],
    ...(item.block.kind === 'heading' ? { headlineLevel: item.block.level } : {}),
  } as Content;
}

/** The blocks the paginator places whole: the 落款 and the 版记. */
function blockToContent(block: Block, faces: PdfFaces): Content {
  switch (block.kind) {
    case 'colophon':
      // An empty row keeps the foot of the page free, then the 版记 is drawn there.
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
    default:
      throw new Error(`block ${block.kind} is not placed whole`);
  }
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
