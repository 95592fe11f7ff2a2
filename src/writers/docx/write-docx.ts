/**
 * The DOCX writer: the document model → a Word document laid out per GB/T 9704-2012 that a clerk can edit as
 * their own: Word's built-in styles restyled (docx-styles.ts), a font table that degrades to Chinese faces
 * (font-table.ts), the 22 × 28 文档网格, keep rules in Word's own paragraph and row properties.
 */
import { PAGE, twips } from '../../layout/page.js';
import { placeSignature, textCells } from '../../layout/signature.js';
import { ROLE_STYLES } from '../../layout/typography.js';
import { officeFaceNames, officeFaces } from '../../fonts/office-faces.js';
import type { Block, ColophonBlock, ReportDocument } from '../../model/document.js';
import { BODY_CHARACTER_SPACING_TWIPS, STYLE_ID, stylesXml } from './docx-styles.js';
import { tablePart } from './docx-table.js';
import type { BodyPart, ParagraphPart, RunPart } from './docx-parts.js';
import { fontTableXml } from './font-table.js';
import { corePropertiesXml, deflatedPart, zipDeflated } from './reproducible-zip.js';
import { deflatedBytes, packageParts } from './package-parts.js';
import { bodyXml } from './wordml.js';

/**
 * The package is docx's: the parts that are the same for every report (package-parts.ts), which `npm run build`
 * has docx write once. The core properties, styles, font table and the body are written here: docx's object model
 * cost nine tenths of the writer's time for a body it would write byte for byte the same (test/docx-body.test.ts).
 * The body goes into docx's own word/document.xml, before its section properties. The parts are zipped in docx's
 * order, with the entries' times set to the report's date (reproducible-zip.ts).
 */
export function writeDocx(document: ReportDocument): Buffer {
  const fontSet = document.meta.fonts ?? 'official';
  const faces = officeFaceNames(fontSet);
  const usedFaces = [faces.body, faces.title, faces.heading, faces.subheading, faces.table, faces.latin];
  const faceEntries = officeFaces(usedFaces);
  const withAlternatives = officeFaces([...usedFaces, ...faceEntries.flatMap((f) => (f.altName && /[^\x00-\x7f]/.test(f.altName) ? [f.altName] : []))]);
  const written: Record<string, string> = {
    'docProps/core.xml': corePropertiesXml({
      title: document.meta.title,
      subject: document.meta.subject,
      creator: document.meta.author,
      created: document.meta.created,
      language: document.meta.language,
    }),
    'word/styles.xml': stylesXml(faces, fontSet === 'windows'),
    'word/fontTable.xml': fontTableXml(withAlternatives),
    'word/document.xml': withBody(documentXml(), bodyXml(bodyParts(document.blocks))),
  };
  const parts = packageParts().map((part) => {
    const own = written[part.path];
    if (own !== undefined) return { path: part.path, ...deflatedPart(Buffer.from(own, 'utf8')) };
    return { path: part.path, data: deflatedBytes(part), crc: part.crc, size: part.size };
  });
  return zipDeflated(parts, document.meta.created);
}

function documentXml(): string {
  const part = packageParts().find((p) => p.path === 'word/document.xml');
  if (!part) throw new Error('the DOCX package parts have no word/document.xml');
  return part.text;
}

/** docx's document.xml of an empty body with the body's children put before w:sectPr. */
function withBody(empty: string, body: string): string {
  const at = empty.indexOf('<w:body>') + '<w:body>'.length;
  if (at < '<w:body>'.length || !empty.startsWith('<w:sectPr', at)) throw new Error('docx wrote an unexpected document.xml for an empty body');
  return empty.slice(0, at) + body + empty.slice(at);
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
