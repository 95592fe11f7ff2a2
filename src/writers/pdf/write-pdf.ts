/**
 * The PDF writer: the document model → lines broken and pages decided here (line-break.ts, paginate.ts) → every
 * line, run and rule placed (draw-pages.ts) → drawn by pdfmake's renderer into its pdfkit document → PDF bytes,
 * laid out per GB/T 9704-2012.
 */
import { loadPdfmake, type PdfDocument } from '../../patches/load-pdfmake.js';
import type { FontRegistry } from '../../fonts/font-registry.js';
import type { Align, Block, ReportDocument } from '../../model/document.js';
import { PAGE } from '../../layout/page.js';
import { ROLE_STYLES } from '../../layout/typography.js';
import { pdfFaces, type PdfFaces } from './pdf-fonts.js';
import { measureTable } from './pdf-table.js';
import type { RunStyle } from './text-runs.js';
import { breakLinesMeasured } from './line-break.js';
import { runsMeasure } from './measure-text.js';
import { paginate, type Item, type TextItem } from './paginate.js';
import { colophonHeight, drawPages, SHEET } from './draw-pages.js';
import { addSignatureMarks, type SealOptions } from './signature-marks.js';
import type { SignatureFieldOptions } from '../../patches/pdfkit-signature-field.js';

/**
 * GB/T 9704 sets 28 characters of 3号 on a 156 mm line, 15.79 pt a character, which 16 pt glyphs cannot do
 * without condensing (Word condenses the spacing). The PDF sets body text at the grid pitch.
 */
const BODY_GRID_SIZE = PAGE.charPitch;
const TITLE_PITCH = 36;

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
  const marked = options.signatureField !== undefined || options.seal !== undefined;
  const { PDFDocument, Renderer } = loadPdfmake();
  const pdf = new PDFDocument(faces.descriptors(), {}, {}, {}, {
    size: [SHEET.width, SHEET.height],
    pdfVersion: options.archival ? '1.4' : '1.3',
    subset: options.archival ? 'PDF/A-1b' : undefined,
    tagged: false,
    displayTitle: false,
    compress: true,
    lang: document.meta.language,
    fontLayoutCache: true,
    bufferPages: marked,
    autoFirstPage: false,
    info: {
      Producer: 'report-gen',
      Creator: 'report-gen',
      Title: meta.title,
      Author: meta.author,
      Subject: meta.subject,
      CreationDate: document.meta.created,
      ModDate: document.meta.created,
    },
    font: null,
  }, null);
  const bytes = collect(pdf);
  const { pages, signature } = drawPages(paginate(toItems(document.blocks, faces)), faces, (family) => pdf.provideFont(family, false, false), textStyle('body'));
  new Renderer(pdf).renderPages(pages);
  if (marked) addSignatureMarks(pdf, document, signature, options);
  pdf.end();
  return bytes;
}

/** The document's bytes, once it has ended. */
function collect(pdf: PdfDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    pdf.on('data', (chunk) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
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
