/**
 * Sizes past which a report is meaningless, refused before any work starts: an annual report's section of text
 * runs to a few thousand characters, so a text value of the data file over 200,000 characters (some 250 pages of
 * 3号) is a paste gone wrong, and building it would only cost the user minutes.
 */
import type { DataPath, YamlSource } from '../load/yaml-source.js';
import { errorFinding, EXIT, ReportError } from '../report-error/finding.js';
import { characterCount } from '../markup/characters.js';

export const MAX_TEXT_CHARS = 200_000;

/** Characters of a string (code points, less the line break a block of text ends with), when over `limit`. */
export function charsOver(text: string, limit: number): number | undefined {
  if (text.length <= limit) return undefined;
  // Characters, not UTF-16 units, without the line ends at the text's end; counted without copying the text.
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0x0a) end--;
  const count = characterCount(text, 0, end);
  return count > limit ? count : undefined;
}

/** The source, when no text value in it is over the limit; `check` and `build` both refuse it otherwise. */
export function withinSizes(source: YamlSource): YamlSource {
  let found: { path: DataPath; chars: number } | undefined;
  for (const { path, value } of source.strings()) {
    const chars = charsOver(value, MAX_TEXT_CHARS);
    if (chars !== undefined) {
      found = { path, chars };
      break;
    }
  }
  if (!found) return source;
  const name = found.path.map((part) => (typeof part === 'number' ? `[${part}]` : part)).join('.').replace(/\.\[/g, '[');
  const message = `${name} 有 ${found.chars} 个字符，超过一段文字的上限 ${MAX_TEXT_CHARS} 个字符；年度报告的一节不会这么长，请检查是否误粘贴了其他内容`;
  throw new ReportError([errorFinding('SIZE', message, source.positionOf(found.path))], EXIT.unusableInput);
}
