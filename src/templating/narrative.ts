/**
 * Narrative text from the data file: plain paragraphs separated by blank lines, `##` lines as numbered
 * sub-headings (a typed （一） is dropped), numbered items (「1.」「（1）」 at the start of a line) as paragraphs of
 * their own, and Handlebars expressions that quote statistics. It becomes escaped markup.
 */
import Handlebars from 'handlebars';
import { errorFinding, type Finding } from '../report-error/finding.js';
import type { DataPath, SourceMap } from '../contracts/source-map.js';
import { CJK_OR_PUNCT } from '../markup/cjk.js';
import { escapeMarkup } from '../markup/escape.js';
import { explainHandlebarsReason, locateHandlebarsError } from './handlebars-errors.js';
import { registerTextHelpers, TEXT_HELPER_NAMES } from './helpers.js';
import { ExpressionError, parseGuarded } from './printed-values.js';
import { templateContext } from './template-context.js';

const narrativeEnv = Handlebars.create();
registerTextHelpers(narrativeEnv);
const KNOWN_HELPERS = Object.fromEntries(TEXT_HELPER_NAMES.map((n) => [n, true]));

/** Replace `{{…}}` expressions by statistics; an unknown name is an error finding at its place in the YAML. */
export function expandNarrative(text: string, context: object, source: SourceMap, path: DataPath): string | Finding {
  // Without an expression Handlebars would give the text back unchanged, after compiling it to a function.
  if (!text.includes('{{')) return text;
  try {
    return compiledNarrative(text)(templateContext(context as Record<string, unknown>));
  } catch (error) {
    const located = locateHandlebarsError(error);
    // Handlebars names only the last segment of a missing name, and none at all when a middle one is missing.
    const missing = error instanceof ExpressionError ? undefined : firstUnresolved(text, context);
    const where = path[0] === 'text' ? '正文' : `「${path.join('.')}」`;
    if (missing) return errorFinding('TEMPLATE', `${where}中的表达式有误：引用了不存在的数据项「${missing.expression}」`, source.positionOfIndex(path, text, missing.index));
    const { line, col } = /语法错误/.test(located.reason) ? (unclosedMustache(text) ?? located) : located;
    const at = source.positionInString(path, line, col);
    return errorFinding('TEMPLATE', `${where}中的表达式有误：${explainHandlebarsReason(located.reason)}`, at);
  }
}

/**
 * Narratives compiled, by their text: a process that builds or checks the same file again (`--watch`, `check`
 * then `build`) compiles each narrative once. Bounded, as a long watch sees many texts.
 */
const compiledNarratives = new Map<string, Handlebars.TemplateDelegate>();
const COMPILED_NARRATIVES_KEPT = 500;

function compiledNarrative(text: string): Handlebars.TemplateDelegate {
  let compiled = compiledNarratives.get(text);
  if (!compiled) {
    compiled = narrativeEnv.compile(parseGuarded(text), { strict: true, knownHelpersOnly: true, knownHelpers: KNOWN_HELPERS, noEscape: true });
    if (compiledNarratives.size >= COMPILED_NARRATIVES_KEPT) compiledNarratives.clear();
    compiledNarratives.set(text, compiled);
  }
  return compiled;
}

/** The first `{{name}}` whose name does not lead to a value in the context, with the index of the name. */
function firstUnresolved(text: string, context: object): { expression: string; index: number } | undefined {
  for (const match of text.matchAll(/\{\{\s*([\w.@/-]+)\s*\}\}/g)) {
    const expression = match[1]!;
    let node: unknown = context;
    for (const key of expression.split(/[./]/)) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
    if (node === undefined) return { expression, index: match.index! + match[0].indexOf(expression) };
  }
  return undefined;
}

/** Line and column (1-based) of the first `{{` that is not closed before the next `{{` or the end. */
function unclosedMustache(text: string): { line: number; col: number } | undefined {
  for (let i = text.indexOf('{{'); i >= 0; i = text.indexOf('{{', i + 2)) {
    const close = text.indexOf('}}', i + 2);
    const next = text.indexOf('{{', i + 2);
    if (close < 0 || (next >= 0 && next < close)) {
      const before = text.slice(0, i).split('\n');
      return { line: before.length, col: before[before.length - 1]!.length + 1 };
    }
  }
  return undefined;
}

/** Joins wrapped lines of one paragraph: no space between Chinese characters, one space otherwise. */
export function joinWrappedLines(lines: string[]): string {
  let out = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    if (out && !(CJK_OR_PUNCT.test(out.at(-1)!) || CJK_OR_PUNCT.test(line[0]!))) out += ' ';
    out += line;
  }
  return out;
}

/** `## 主动公开` or `##主动公开` (a clerk's input method often drops the space); never `###`. */
const HEADING = /^\s*##(?!#)\s*(\S.*)$/;
/** A number typed before a sub-heading, which is numbered （一）（二）… automatically. */
const TYPED_SUBHEADING_NUMBER = /^(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+[、.．])\s*/;
/** A numbered item (「1.」「2、」「（1）」) at the start of a line begins its own paragraph; 「1.5万元」 does not. */
const NUMBERED_ITEM = /^[\s\u3000]*(?:[0-9０-９]{1,2}[.．、](?![0-9０-９])|[（(][0-9０-９]{1,2}[）)])/;

/**
 * The sub-heading a narrative line sets, as printed (without `##` and without a typed number), or undefined for
 * any other line. Build and `init --from` read sub-headings by this one rule.
 */
export function subHeadingOf(line: string): string | undefined {
  const heading = HEADING.exec(line);
  return heading ? heading[1]!.trim().replace(TYPED_SUBHEADING_NUMBER, '') : undefined;
}

/** Plain narrative text → markup of <h3> and <p> elements. */
export function narrativeToMarkup(text: string): string {
  const parts: string[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    const joined = joinWrappedLines(paragraph);
    if (joined) parts.push(`<p>${escapeMarkup(joined)}</p>`);
    paragraph = [];
  };
  for (const line of text.split(/\r?\n/)) {
    const heading = subHeadingOf(line);
    if (heading !== undefined) {
      flush();
      parts.push(`<h3>${escapeMarkup(heading)}</h3>`);
    } else if (!line.trim()) {
      flush();
    } else {
      if (NUMBERED_ITEM.test(line)) flush();
      paragraph.push(line);
    }
  }
  flush();
  return parts.join('\n');
}
