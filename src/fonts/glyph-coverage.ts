/**
 * Every character must have a glyph in the face that will print it; a PDF with missing glyphs shows empty
 * boxes and is not valid PDF/A. A missing glyph is traced back to the data that holds the character.
 */
import type { FontRegistry, LoadedFace } from './font-registry.js';
import type { FontRole } from './font-role.js';
import type { SourceMap } from '../contracts/source-map.js';
import type { Block, ReportDocument } from '../model/document.js';
import { errorFinding, ReportError, type Finding } from '../report-error/finding.js';

const ROLE_NAMES: Record<FontRole, string> = {
  title: '标题',
  heading: '一级标题',
  subheading: '二级标题',
  body: '正文',
  table: '表格',
  latin: '西文与数字',
};

function* textsOf(block: Block): Generator<{ role: FontRole; text: string }> {
  switch (block.kind) {
    case 'title':
      yield { role: 'title', text: block.lines.join('') };
      return;
    case 'heading':
      yield { role: block.level === 1 ? 'heading' : 'subheading', text: block.number + block.text };
      return;
    case 'paragraph':
      yield { role: block.role, text: block.text };
      return;
    case 'colophon':
      for (const line of block.lines) yield { role: 'body', text: line.left + line.right };
      return;
    case 'table':
      for (const row of block.rows) for (const cell of row.cells) yield { role: 'table', text: cell.lines.join('') };
      return;
    case 'signature':
      yield { role: 'body', text: block.org + block.date };
      return;
    case 'pageBreak':
      return;
  }
}

/** Characters every Chinese face has: a face with none of them has no Chinese at all. */
const COMMON_CHINESE = '的一是在不了有和人这中大为上个国年政府报';
/** Chinese characters and the punctuation that comes with them (beyond Latin and general punctuation). */
const isChineseText = (char: string) => char.codePointAt(0)! >= 0x2e80;

function lacksChinese(face: LoadedFace): boolean {
  return [...COMMON_CHINESE].every((char) => !face.font.hasGlyphForCodePoint(char.codePointAt(0)!));
}

export function checkGlyphs(document: ReportDocument, fonts: FontRegistry, source: SourceMap): Finding[] {
  const findings: Finding[] = [];
  const reported = new Set<string>();
  // A face without Chinese is one finding naming its roles, not one per character.
  const withoutChinese = new Map<string, { face: LoadedFace; roles: Set<FontRole> }>();
  const texts = [...document.blocks.flatMap((b) => [...textsOf(b)]), { role: 'body' as FontRole, text: '— 0123456789 —' }];
  for (const { role, text } of texts) {
    for (const { char, face } of fonts.missingGlyphs(role, text)) {
      if (isChineseText(char) && lacksChinese(face)) {
        const entry = withoutChinese.get(face.key) ?? { face, roles: new Set<FontRole>() };
        entry.roles.add(role);
        withoutChinese.set(face.key, entry);
        continue;
      }
      if (reported.has(char + face.key)) continue;
      reported.add(char + face.key);
      const code = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
      const origin = locateCharacter(char, source);
      const where = origin ? '' : '（来自模板）';
      findings.push(
        errorFinding('GLYPH', `字符「${char}」（${code}）在${ROLE_NAMES[role]}字体 ${face.displayName} 中没有字形${where}；请改用其他字符，或在 report-gen.config.yaml 中为该角色指定包含此字的字体`, origin),
      );
    }
  }
  for (const { face, roles } of withoutChinese.values()) {
    const names = [...roles].map((r) => ROLE_NAMES[r]).join('、');
    findings.unshift(
      errorFinding('GLYPH', `${names}字体 ${face.displayName} 不含中文字形；请在 report-gen.config.yaml 中为该角色指定中文字体（如仿宋、宋体）`, face.source.at),
    );
  }
  return findings;
}

function locateCharacter(char: string, source: SourceMap) {
  for (const { path, value } of source.strings()) {
    const index = value.indexOf(char);
    if (index >= 0) return source.positionOfIndex(path, value, index);
  }
  return undefined;
}

/** Refuses a report that a face cannot print; every writer that embeds fonts calls this first. */
export function assertPrintable(report: { document: ReportDocument; source: SourceMap }, fonts: FontRegistry): void {
  const missing = checkGlyphs(report.document, fonts, report.source);
  if (missing.length) throw new ReportError(missing);
}
