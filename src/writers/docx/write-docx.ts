/**
 * The DOCX writer: the document model → a Word document laid out per GB/T 9704-2012 that a clerk can edit as
 * their own: Word's built-in styles restyled (docx-styles.ts), a font table that degrades to Chinese faces
 * (font-table.ts), the 22 × 28 文档网格, keep rules in Word's own paragraph and row properties.
 */
import { AlignmentType, DocumentGridType, Document, Footer, Packer, PageNumber, Paragraph, TextRun, type FileChild } from 'docx';
import { PAGE, twips } from '../../layout/page.js';
import { placeSignature, textCells } from '../../layout/signature.js';
import { PAGE_NUMBER_SIZE, ROLE_STYLES } from '../../layout/typography.js';
import { officeFaceNames, officeFaces } from '../../fonts/office-faces.js';
import type { Block, ColophonBlock, ReportDocument } from '../../model/document.js';
import { BODY_CHARACTER_SPACING_TWIPS, STYLE_ID, stylesXml } from './docx-styles.js';
import { tablePart } from './docx-table.js';
import type { BodyPart, ParagraphPart, RunPart } from './docx-parts.js';
import { fontTableXml } from './font-table.js';
import { corePropertiesXml, setZipEntryTimes, zipEntry } from './reproducible-zip.js';
import { bodyXml } from './wordml.js';

/**
 * w:charSpace of the 文档网格. Word takes the grid's character pitch as the Normal size plus charSpace/4096 pt and
 * sets as many characters a line as whole pitches fit the text width: 28 for any value from −842 (15.79 pt) down to
 * −3071 (just above 15.25 pt, where 29 would fit). LibreOffice 7.4 reckons the pitch from a larger base and sets 27
 * characters for any value above about −2850 (measured: −2800 gives 27, −2900 gives 28). −2900 gives 28 in both.
 * Body text does not snap to the character grid (docx-styles.ts), so the pitch only draws Word's grid lines.
 */
export const GRID_CHAR_SPACE = -2900;

/**
 * The package is docx's: styles, numbering, settings, footers, relationships and content types. The body is
 * written here (wordml.ts): docx's object model cost nine tenths of the writer's time for a body it would write
 * byte for byte the same (test/docx-body.test.ts). docx packs a document with an empty body, and the body goes
 * into docx's own document.xml before its section properties.
 */
export async function writeDocx(document: ReportDocument): Promise<Buffer> {
  const fontSet = document.meta.fonts ?? 'official';
  const faces = officeFaceNames(fontSet);
  const { head, tail } = await emptyDocumentXml();
  const core = corePropertiesXml({
    title: document.meta.title,
    subject: document.meta.subject,
    creator: document.meta.author,
    created: document.meta.created,
    language: document.meta.language,
  });
  const usedFaces = [faces.body, faces.title, faces.heading, faces.subheading, faces.table, faces.latin];
  const faceEntries = officeFaces(usedFaces);
  const withAlternatives = officeFaces([...usedFaces, ...faceEntries.flatMap((f) => (f.altName && /[^\x00-\x7f]/.test(f.altName) ? [f.altName] : []))]);
  const packed = await Packer.toBuffer(packageDocument(), false, [
    { path: 'docProps/core.xml', data: core },
    { path: 'word/styles.xml', data: stylesXml(faces, fontSet === 'windows') },
    { path: 'word/fontTable.xml', data: fontTableXml(withAlternatives) },
    { path: 'word/document.xml', data: head + bodyXml(bodyParts(document.blocks)) + tail },
  ]);
  return setZipEntryTimes(packed, document.meta.created);
}

/** The blocks as paragraphs, tables and page breaks. */
export function bodyParts(blocks: readonly Block[]): BodyPart[] {
  const keepWithSignature = linesKeptWithSignature(blocks);
  const parts: BodyPart[] = [];
  let breakBefore = false;
  blocks.forEach((block, i) => {
    if (block.kind === 'pageBreak') {
      breakBefore = true;
      return;
    }
    parts.push(...blockParts(block, { breakBefore, keepNext: keepWithSignature.has(i) }));
    breakBefore = false;
  });
  if (breakBefore) parts.push({ kind: 'pageBreak' });
  return parts;
}

/**
 * The document docx packs: the section (A4, margins, the 22 × 28 文档网格, page number footers) and no body. Its
 * document.xml is the same for every report; the other parts are docx's. `children` is for the tests, which
 * have docx write a body too, to compare with the one written here.
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

let emptyDocument: Promise<{ head: string; tail: string }> | undefined;

/** docx's document.xml of the package document, cut where the body's children go: before w:sectPr. */
function emptyDocumentXml(): Promise<{ head: string; tail: string }> {
  emptyDocument ??= Packer.toBuffer(packageDocument()).then((zip) => {
    const xml = zipEntry(zip, 'word/document.xml').toString('utf8');
    const at = xml.indexOf('<w:body>') + '<w:body>'.length;
    if (at < '<w:body>'.length || !xml.startsWith('<w:sectPr', at)) throw new Error('docx wrote an unexpected document.xml for an empty body');
    return { head: xml.slice(0, at), tail: xml.slice(at) };
  });
  return emptyDocument;
}

interface Placement {
  /** Starts a new page (a page break in the markup before it). */
  breakBefore: boolean;
  /** Kept on the page of the 落款 that follows. */
  keepNext: boolean;
}

/**
 * The paragraphs kept on the 落款's page (GB/T 9704 §7.3.5.4: the 落款 never stands alone): the body paragraph
 * before it, and the one before that when the last is a single line, so at least two lines of text come along.
 */
function linesKeptWithSignature(blocks: readonly Block[]): Set<number> {
  const kept = new Set<number>();
  const at = blocks.findIndex((b) => b.kind === 'signature');
  let lines = 0;
  for (let i = at - 1; i >= 0 && lines < 2; i--) {
    const block = blocks[i]!;
    if (block.kind !== 'paragraph' && block.kind !== 'heading') break;
    kept.add(i);
    const text = block.kind === 'paragraph' ? block.text : block.number + block.text;
    lines += Math.max(1, Math.ceil((textCells(text) + 2) / PAGE.charsPerLine));
  }
  return kept;
}

/** A paragraph's text is one run, and no run when empty. */
const runsOf = (text: string): RunPart[] => (text ? [{ text }] : []);

function blockParts(block: Block, place: Placement): BodyPart[] {
  const keep = { ...(place.breakBefore ? { pageBreakBefore: true } : {}), ...(place.keepNext ? { keepNext: true } : {}) };
  const paragraph = (p: Omit<ParagraphPart, 'kind'>): ParagraphPart => ({ kind: 'paragraph', ...p });
  switch (block.kind) {
    case 'title':
      return [paragraph({ style: STYLE_ID.title, ...keep, runs: block.lines.map((text, i) => ({ text, ...(i > 0 ? { breakBefore: true } : {}) })) })];
    case 'heading':
      return [paragraph({ style: block.level === 1 ? STYLE_ID.heading : STYLE_ID.subheading, ...keep, runs: runsOf(block.number + block.text) })];
    case 'paragraph':
      return [
        paragraph({
          style: STYLE_ID[block.role],
          ...keep,
          ...(block.indent ? {} : { indent: { firstLine: 0, firstLineChars: 0 } }),
          ...(block.align !== 'justify' || block.role === 'title' ? { align: block.align } : {}),
          runs: runsOf(block.text),
        }),
      ];
    case 'colophon':
      return [colophon(block)];
    case 'table':
      return [...(place.breakBefore ? [{ kind: 'pageBreak' as const }] : []), tablePart(block)];
    case 'pageBreak':
      return [];
    case 'signature': {
      // The 署名 is right-aligned; the 成文日期 is placed by its first character, two characters right of the
      // 署名's first (§7.3.5.1), so that the width of its digits, whatever face serves them, cannot move it.
      const signature = placeSignature(block.org, block.date);
      const advance = ROLE_STYLES.body.size + BODY_CHARACTER_SPACING_TWIPS / 20;
      const orgStart = PAGE.textWidth - signature.orgRightIndent * PAGE.charPitch - textCells(block.org) * advance;
      return [
        paragraph({
          style: STYLE_ID.signature,
          keepNext: true,
          spacingBefore: twips(PAGE.linePitch),
          indent: { right: twips(signature.orgRightIndent * PAGE.charPitch) },
          runs: runsOf(block.org),
        }),
        paragraph({
          style: STYLE_ID.signature,
          // Its right end keeps the two characters of 右空 in Word; the right indent gives them to a renderer
          // that spaces digits from Chinese (LibreOffice), which would otherwise wrap 「日」 onto a line of its own.
          indent: { left: twips(orgStart + 2 * PAGE.charPitch), right: -twips(2 * PAGE.charPitch) },
          align: 'left',
          runs: runsOf(block.date),
        }),
      ];
    }
  }
}

/** 版记 in a frame on the bottom edge of the 版心, between rules (GB/T 9704 §7.4). */
function colophon(block: ColophonBlock): ParagraphPart {
  const lineHeight = twips(26);
  const height = lineHeight * block.lines.length;
  const inset = twips(ROLE_STYLES.body.size);
  return {
    kind: 'paragraph',
    style: STYLE_ID.colophon,
    frame: { width: twips(PAGE.textWidth), height, x: 0, y: twips(PAGE.textHeight) - height },
    rules: 8,
    rightTab: twips(PAGE.textWidth) - inset,
    indent: { left: inset, firstLine: 0, firstLineChars: 0 },
    runs: block.lines.flatMap((line, i) => [...(i > 0 ? [{ breakBefore: true }] : []), { text: `${line.left}\t${line.right}` }]),
  };
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
