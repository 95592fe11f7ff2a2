/**
 * The document docx packs around every report's body (package-parts.ts): its section, footers and settings. Used by
 * `npm run build` (write-package-parts.ts) and the tests, never while a report is written.
 */
import { AlignmentType, Document, DocumentGridType, Footer, Packer, PageNumber, Paragraph, TextRun, type FileChild } from 'docx';
import { PAGE, twips } from '../../layout/page.js';
import { PAGE_NUMBER_SIZE } from '../../layout/typography.js';
import { STYLE_ID } from './docx-styles.js';
import { OWN_PARTS, type PackagePart } from './package-parts.js';
import { unzipSync } from 'fflate';

/**
 * w:charSpace of the 文档网格. Word takes the grid's character pitch as the Normal size plus charSpace/4096 pt and
 * sets as many characters a line as whole pitches fit the text width: 28 for any value from −842 (15.79 pt) down to
 * −3071 (just above 15.25 pt, where 29 would fit). LibreOffice 7.4 reckons the pitch from a larger base and sets 27
 * characters for any value above about −2850 (measured: −2800 gives 27, −2900 gives 28). −2900 gives 28 in both.
 * Body text does not snap to the character grid (docx-styles.ts), so the pitch only draws Word's grid lines.
 */
export const GRID_CHAR_SPACE = -2900;

/**
 * The document docx packs: the section (A4, margins, the 22 × 28 文档网格, page number footers) and, but in the
 * tests, no body. `children` is for the tests, which have docx write a body too, to compare with ours.
 */
export function packageDocument(children: FileChild[] = []): Document {
  return new Document({
    evenAndOddHeaderAndFooters: true,
    sections: [
      {
        properties: {
          page: {
            size: { width: twips(PAGE.width), height: twips(PAGE.height) },
            margin: {
              top: twips(PAGE.margin.top),
              bottom: twips(PAGE.margin.bottom),
              left: twips(PAGE.margin.left),
              right: twips(PAGE.margin.right),
              header: twips(PAGE.margin.top / 2),
              footer: twips(PAGE.margin.bottom - PAGE.pageNumberGap - PAGE_NUMBER_SIZE),
            },
          },
          grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: twips(PAGE.linePitch), charSpace: GRID_CHAR_SPACE },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children,
      },
    ],
  });
}

/** "— N —" in 4号 半角宋体 (GB/T 9704 §7.5), odd pages right and even pages left, one character in from the 版心 edge. */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const inset = twips(PAGE_NUMBER_SIZE);
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE_ID.footer,
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: inset } : { left: inset },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

/** The parts as docx writes them now, in the order of its zip file; those report-gen writes itself left empty. */
export async function docxPackageParts(): Promise<PackagePart[]> {
  const parts = unzipSync(new Uint8Array(await Packer.toBuffer(packageDocument())));
  return Object.entries(parts).map(([path, data]) => ({ path, text: OWN_PARTS.has(path) ? '' : Buffer.from(data).toString('utf8') }));
}

