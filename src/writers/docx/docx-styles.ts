/**
 * Paragraph styles of the DOCX: official face names per role, sizes in half-points, the 28.95 pt line grid.
 */
import { AlignmentType, LineRuleType, type IParagraphStyleOptions } from 'docx';
import { PAGE, twips } from '../../layout/page.js';
import { LATIN_FACE, ROLE_STYLES, TABLE_FONT_SIZES } from '../../layout/typography.js';
import type { TextRole } from '../../model/document.js';

export const STYLE_ID: Record<TextRole, string> = {
  title: 'ReportTitle',
  heading: 'ReportHeading1',
  subheading: 'ReportHeading2',
  body: 'ReportBody',
  table: 'ReportTable',
};

/** -0.25 pt per character: 28 characters of 16 pt fit the 156 mm line (libraries.md §2). */
export const BODY_CHARACTER_SPACING_TWIPS = -5;

export const halfPoints = (pt: number): number => Math.round(pt * 2);

/** Table text of each size has a style of its own, so that cells carry no run properties. */
export const tableStyleId = (size: number): string =>
  size === ROLE_STYLES.table.size ? STYLE_ID.table : `${STYLE_ID.table}${halfPoints(size)}`;

export const fontsFor = (role: TextRole) => ({
  ascii: LATIN_FACE,
  hAnsi: LATIN_FACE,
  cs: LATIN_FACE,
  eastAsia: ROLE_STYLES[role].officialFace,
});

const exactPitch = { line: twips(PAGE.linePitch), lineRule: LineRuleType.EXACT, before: 0, after: 0 };
const firstLineIndent = { firstLine: twips(2 * PAGE.charPitch) };

export function paragraphStyles(): IParagraphStyleOptions[] {
  const run = (role: TextRole, extra: object = {}) => ({
    font: fontsFor(role),
    size: halfPoints(ROLE_STYLES[role].size),
    language: { value: 'en-US', eastAsia: 'zh-CN' },
    ...extra,
  });
  return [
    {
      id: STYLE_ID.title,
      name: 'Report Title',
      run: run('title'),
      paragraph: { alignment: AlignmentType.CENTER, spacing: { line: twips(36), lineRule: LineRuleType.EXACT, before: 0, after: twips(PAGE.linePitch) } },
    },
    {
      id: STYLE_ID.heading,
      name: 'Report Heading 1',
      basedOn: STYLE_ID.body,
      next: STYLE_ID.body,
      run: run('heading', { characterSpacing: BODY_CHARACTER_SPACING_TWIPS }),
      paragraph: { keepNext: true, outlineLevel: 0 },
    },
    {
      id: STYLE_ID.subheading,
      name: 'Report Heading 2',
      basedOn: STYLE_ID.body,
      next: STYLE_ID.body,
      run: run('subheading', { characterSpacing: BODY_CHARACTER_SPACING_TWIPS }),
      paragraph: { keepNext: true, outlineLevel: 1 },
    },
    {
      id: STYLE_ID.body,
      name: 'Report Body',
      run: run('body', { characterSpacing: BODY_CHARACTER_SPACING_TWIPS }),
      paragraph: { alignment: AlignmentType.JUSTIFIED, spacing: exactPitch, indent: firstLineIndent },
    },
    {
      id: STYLE_ID.table,
      name: 'Report Table Text',
      run: run('table'),
      paragraph: { spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 }, alignment: AlignmentType.CENTER },
    },
    ...Object.values(TABLE_FONT_SIZES)
      .filter((size) => size !== ROLE_STYLES.table.size)
      .map((size) => ({ id: tableStyleId(size), name: `Report Table Text ${size} pt`, basedOn: STYLE_ID.table, run: { size: halfPoints(size) } })),
  ];
}
