/**
 * word/styles.xml of the DOCX, written whole: Word's built-in style ids (Normal, Title, Heading1, Heading2,
 * Footer) restyled to GB/T 9704 with no colours, so that the navigation pane, an inserted 目录 and "apply the
 * heading style" work as a Word user expects, and Chinese-named styles for table text, 落款 and 版记. The
 * document defaults carry the body style, so that text typed by hand comes out as 正文.
 */
import { tableSteps } from '../../layout/table-columns.js';
import { escapeMarkup } from '../../markup/escape.js';
import { PAGE, twips } from '../../layout/page.js';
import { PAGE_NUMBER_SIZE, ROLE_STYLES, TABLE_FONT_SIZES } from '../../layout/typography.js';
import type { FontRole } from '../../fonts/font-role.js';
import type { TextRole } from '../../model/document.js';

export const STYLE_ID = {
  title: 'Title',
  heading: 'Heading1',
  subheading: 'Heading2',
  body: 'Normal',
  table: 'TableText',
  signature: 'Signature',
  colophon: 'Colophon',
  footer: 'Footer',
} as const satisfies Record<TextRole | 'signature' | 'colophon' | 'footer', string>;

/** The sizes a wide table steps down to when its figures do not fit (layout/table-columns.ts). */
export const TABLE_STEP_SIZES = tableSteps(Number.MAX_SAFE_INTEGER).map((step) => step.size);

export const halfPoints = (pt: number): number => Math.round(pt * 2);

/** Table text of each size has a style of its own, so that cells carry no run properties. */
export const tableStyleId = (size: number): string =>
  size === ROLE_STYLES.table.size ? STYLE_ID.table : `${STYLE_ID.table}${halfPoints(size)}`;

/** Two characters of first-line indent: in characters for Word's grid, in twips for readers without one. */
const FIRST_LINE_INDENT = `<w:ind w:firstLineChars="200" w:firstLine="${twips(2 * PAGE.charPitch)}"/>`;
const NO_INDENT = '<w:ind w:firstLineChars="0" w:firstLine="0"/>';
const EXACT_PITCH = `<w:spacing w:before="0" w:after="0" w:line="${twips(PAGE.linePitch)}" w:lineRule="exact"/>`;
/** No automatic space between Chinese and Latin text or digits: 「2021年1月1日」, not 「2021 年 1 月 1 日」. */
const NO_AUTO_SPACE = '<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>';
/**
 * Body text keeps 28 characters a line by −0.25 pt character spacing (16 pt characters at a 15.79 pt pitch),
 * and does not snap to the character grid: Word would fit it either way, but LibreOffice lays a character larger
 * than the grid pitch over two grid cells, 14 a line. The grid itself still tells Word 22 lines × 28 characters.
 */
export const BODY_CHARACTER_SPACING_TWIPS = -5;
const BODY_SPACING = `<w:spacing w:val="${BODY_CHARACTER_SPACING_TWIPS}"/>`;
const NO_SPACING = '<w:spacing w:val="0"/>';
const NO_SNAP = '<w:snapToGrid w:val="0"/>';
const LANG = '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>';

export const rFonts = (eastAsia: string, latin: string): string => {
  const e = escapeMarkup(eastAsia);
  const l = escapeMarkup(latin);
  return `<w:rFonts w:ascii="${l}" w:hAnsi="${l}" w:eastAsia="${e}" w:cs="${l}"/>`;
};

const size = (pt: number) => `<w:sz w:val="${halfPoints(pt)}"/><w:szCs w:val="${halfPoints(pt)}"/>`;

interface StyleSpec {
  id: string;
  name: string;
  basedOn?: string;
  next?: string;
  isDefault?: boolean;
  /** Shown in the style gallery. */
  quick?: boolean;
  pPr?: string;
  rPr?: string;
}

function style(s: StyleSpec): string {
  return (
    `<w:style w:type="paragraph"${s.isDefault ? ' w:default="1"' : ''} w:styleId="${s.id}">` +
    `<w:name w:val="${escapeMarkup(s.name)}"/>` +
    (s.basedOn ? `<w:basedOn w:val="${s.basedOn}"/>` : '') +
    (s.next ? `<w:next w:val="${s.next}"/>` : '') +
    (s.quick ? '<w:qFormat/>' : '') +
    (s.pPr ? `<w:pPr>${s.pPr}</w:pPr>` : '') +
    (s.rPr ? `<w:rPr>${s.rPr}</w:rPr>` : '') +
    '</w:style>'
  );
}

/** The whole styles part, for the face names of one font set. */
export function stylesXml(faces: Record<FontRole, string>, windowsTitleBold: boolean): string {
  const font = (role: TextRole) => rFonts(faces[role], faces.latin);
  const pageNumberFont = rFonts(faces.table, faces.table);
  const tableSizes = [...new Set([...Object.values(TABLE_FONT_SIZES), ...TABLE_STEP_SIZES])].filter((s) => s !== ROLE_STYLES.table.size);
  const styles = [
    style({
      id: STYLE_ID.body,
      name: 'Normal',
      isDefault: true,
      quick: true,
      pPr: `<w:widowControl/>${NO_AUTO_SPACE}${NO_SNAP}${EXACT_PITCH}${FIRST_LINE_INDENT}<w:jc w:val="both"/>`,
      rPr: `${font('body')}${BODY_SPACING}${size(ROLE_STYLES.body.size)}${LANG}`,
    }),
    style({
      id: STYLE_ID.title,
      name: 'Title',
      basedOn: STYLE_ID.body,
      next: STYLE_ID.body,
      quick: true,
      pPr:
        `<w:keepNext/><w:keepLines/>` +
        `<w:spacing w:before="0" w:after="${twips(PAGE.linePitch)}" w:line="${twips(36)}" w:lineRule="exact"/>${NO_INDENT}<w:jc w:val="center"/>`,
      rPr: `${font('title')}${windowsTitleBold ? '<w:b/><w:bCs/>' : ''}${NO_SPACING}${size(ROLE_STYLES.title.size)}`,
    }),
    style({
      id: STYLE_ID.heading,
      name: 'heading 1',
      basedOn: STYLE_ID.body,
      next: STYLE_ID.body,
      quick: true,
      pPr: '<w:keepNext/><w:keepLines/><w:outlineLvl w:val="0"/>',
      rPr: `${font('heading')}${size(ROLE_STYLES.heading.size)}`,
    }),
    style({
      id: STYLE_ID.subheading,
      name: 'heading 2',
      basedOn: STYLE_ID.body,
      next: STYLE_ID.body,
      quick: true,
      pPr: '<w:keepNext/><w:keepLines/><w:outlineLvl w:val="1"/>',
      rPr: `${font('subheading')}${size(ROLE_STYLES.subheading.size)}`,
    }),
    style({
      id: STYLE_ID.table,
      name: '表格文字',
      basedOn: STYLE_ID.body,
      quick: true,
      pPr: `<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>${NO_INDENT}<w:jc w:val="center"/>`,
      rPr: `${font('table')}${NO_SPACING}${size(ROLE_STYLES.table.size)}`,
    }),
    ...tableSizes.map((pt) =>
      style({ id: tableStyleId(pt), name: `表格文字 ${pt}磅`, basedOn: STYLE_ID.table, quick: true, rPr: size(pt) }),
    ),
    style({
      id: STYLE_ID.signature,
      name: '落款',
      basedOn: STYLE_ID.body,
      next: STYLE_ID.body,
      quick: true,
      pPr: `<w:keepLines/>${NO_INDENT}<w:jc w:val="right"/>`,
    }),
    style({
      id: STYLE_ID.colophon,
      name: '版记',
      basedOn: STYLE_ID.body,
      quick: true,
      pPr: `<w:spacing w:before="0" w:after="0" w:line="${twips(26)}" w:lineRule="exact"/><w:jc w:val="left"/>`,
      rPr: `${NO_SPACING}${size(PAGE_NUMBER_SIZE)}`,
    }),
    style({
      id: STYLE_ID.footer,
      name: 'footer',
      basedOn: STYLE_ID.body,
      pPr: `<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>${NO_INDENT}`,
      rPr: `${pageNumberFont}${NO_SPACING}${size(PAGE_NUMBER_SIZE)}`,
    }),
  ];
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    '<w:docDefaults>' +
    `<w:rPrDefault><w:rPr>${font('body')}${BODY_SPACING}${size(ROLE_STYLES.body.size)}${LANG}</w:rPr></w:rPrDefault>` +
    `<w:pPrDefault><w:pPr><w:widowControl/>${NO_AUTO_SPACE}${NO_SNAP}${EXACT_PITCH}<w:jc w:val="both"/></w:pPr></w:pPrDefault>` +
    '</w:docDefaults>' +
    styles.join('') +
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>' +
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>' +
    '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>' +
    '</w:styles>'
  );
}
