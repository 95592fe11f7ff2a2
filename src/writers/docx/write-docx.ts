/**
 * The DOCX writer: the document model → a Word document laid out per GB/T 9704-2012. It names the official
 * faces (the reader's Word supplies them) and marks text as zh-CN.
 */
import {
  AlignmentType,
  BorderStyle,
  FrameAnchorType,
  FrameWrap,
  HeightRule,
  LineRuleType,
  TabStopType,
  Document,
  Footer,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  TextRun,
  type FileChild,
} from 'docx';
import { PAGE, twips } from '../../layout/page.js';
import { placeSignature } from '../../layout/signature.js';
import { PAGE_NUMBER_SIZE, ROLE_STYLES } from '../../layout/typography.js';
import type { Block, ColophonBlock, ReportDocument } from '../../model/document.js';
import { fontsFor, halfPoints, paragraphStyles, STYLE_ID } from './docx-styles.js';
import { docxTable } from './docx-table.js';
import { corePropertiesXml, setZipEntryTimes } from './reproducible-zip.js';
import './linear-attributes.js';

export async function writeDocx(document: ReportDocument): Promise<Buffer> {
  const doc = new Document({
    creator: document.meta.author,
    lastModifiedBy: document.meta.author,
    title: document.meta.title,
    subject: document.meta.subject,
    evenAndOddHeaderAndFooters: true,
    styles: { paragraphStyles: paragraphStyles() },
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
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children: document.blocks.flatMap(blockToDocx),
      },
    ],
  });
  const core = corePropertiesXml({
    title: document.meta.title,
    subject: document.meta.subject,
    creator: document.meta.author,
    created: document.meta.created,
  });
  const packed = await Packer.toBuffer(doc, false, [{ path: 'docProps/core.xml', data: core }]);
  return setZipEntryTimes(packed, document.meta.created);
}

function blockToDocx(block: Block): FileChild[] {
  switch (block.kind) {
    case 'title':
      return [
        new Paragraph({
          style: STYLE_ID.title,
          children: block.lines.map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0 })),
        }),
      ];
    case 'heading':
      return [new Paragraph({ style: block.level === 1 ? STYLE_ID.heading : STYLE_ID.subheading, text: block.number + block.text })];
    case 'paragraph':
      return [
        new Paragraph({
          style: STYLE_ID[block.role],
          text: block.text,
          ...(block.indent ? { indent: { firstLine: twips(2 * PAGE.charPitch) } } : { indent: { firstLine: 0 } }),
          ...(block.align !== 'justify' || block.role === 'title' ? { alignment: ALIGN[block.align] } : {}),
        }),
      ];
    case 'colophon':
      return [colophon(block)];
    case 'table':
      return [docxTable(block)];
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })];
    case 'signature': {
      const place = placeSignature(block.org, block.date);
      const line = (text: string, rightChars: number, first: boolean) =>
        new Paragraph({
          style: STYLE_ID.body,
          text,
          alignment: AlignmentType.RIGHT,
          keepNext: first,
          indent: { firstLine: 0, right: twips(rightChars * PAGE.charPitch) },
          ...(first ? { spacing: { before: twips(PAGE.linePitch) } } : {}),
        });
      return [line(block.org, place.orgRightIndent, true), line(block.date, place.dateRightIndent, false)];
    }
  }
}

/** 版记 in a frame on the bottom edge of the 版心, between rules (GB/T 9704 §7.4). */
function colophon(block: ColophonBlock): Paragraph {
  const lineHeight = twips(26);
  const height = lineHeight * block.lines.length;
  const inset = twips(ROLE_STYLES.body.size);
  const rule = (size: number) => ({ style: BorderStyle.SINGLE, size, color: '000000', space: 0 });
  return new Paragraph({
    frame: {
      type: 'absolute',
      position: { x: 0, y: twips(PAGE.textHeight) - height },
      anchor: { horizontal: FrameAnchorType.MARGIN, vertical: FrameAnchorType.MARGIN },
      width: twips(PAGE.textWidth),
      height,
      rule: HeightRule.EXACT,
      wrap: FrameWrap.AROUND,
    },
    border: { top: rule(8), bottom: rule(8) },
    tabStops: [{ type: TabStopType.RIGHT, position: twips(PAGE.textWidth) - inset }],
    indent: { left: inset, firstLine: 0 },
    spacing: { line: lineHeight, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    children: block.lines.flatMap((line, i) => [
      ...(i > 0 ? [new TextRun({ break: 1 })] : []),
      new TextRun({ text: `${line.left}\t${line.right}`, size: halfPoints(PAGE_NUMBER_SIZE), font: fontsFor('body') }),
    ]),
  });
}

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, justify: AlignmentType.JUSTIFIED } as const;

/** "— N —" in 4号, odd pages right and even pages left, one character in from the 版心 edge. */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const inset = twips(PAGE_NUMBER_SIZE);
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: inset } : { left: inset },
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            size: halfPoints(PAGE_NUMBER_SIZE),
            font: fontsFor('body'),
          }),
        ],
      }),
    ],
  });
}
