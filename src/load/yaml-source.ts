/**
 * Reads a YAML file keeping positions, so that every later finding can name file:line:col.
 */
import { isCollection, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type ErrorCode, type Node, type Scalar } from 'yaml';
import { errorFinding, EXIT, ReportError, type Finding, type SourcePosition } from '../report-error/finding.js';
import type { DataPath, SourceMap } from '../contracts/source-map.js';
import { readInputText } from './read-input.js';
import { displayPath } from '../report-error/display-path.js';

export type { DataPath };

export class YamlSource implements SourceMap {
  private constructor(
    /** The path as shown to the user (relative to the working directory). */
    readonly displayPath: string,
    readonly absolutePath: string,
    readonly text: string,
    readonly document: Document.Parsed,
    private readonly lines: LineCounter,
  ) {}

  /** `what` names the kind of file in messages (数据文件, 机关信息文件, 配置文件). */
  static read(file: string, what = '数据文件'): YamlSource {
    const shown = displayPath(file);
    return YamlSource.parse(readInputText(file, { what, displayPath: shown }), shown, file);
  }

  static parse(typed: string, displayPath: string, absolutePath = displayPath): YamlSource {
    // Offsets into the text are the parser's offsets: both count from after a byte-order mark.
    const text = typed.replace(/^\uFEFF/, '');
    const lines = new LineCounter();
    const document = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
    const source = new YamlSource(displayPath, absolutePath, text, document, lines);
    const first = document.errors.find((e) => e.code === 'RESOURCE_EXHAUSTION') ?? document.errors[0];
    if (first) throw new ReportError([explainSyntaxError(source, first.code, first.pos[0])], EXIT.unusableInput);
    const deep = tooDeep(document.contents);
    if (deep) {
      throw new ReportError([errorFinding('YAML', `YAML 格式错误：括号或缩进嵌套超过 ${MAX_DEPTH} 层`, source.positionAtOffset(deep.range?.[0] ?? 0))], EXIT.unusableInput);
    }
    if (!isMap(document.contents)) {
      throw new ReportError(
        [errorFinding('YAML', '数据文件的顶层应为“键: 值”映射（注意冒号应为半角“:”并后跟空格）', source.positionAtOffset(0))],
        EXIT.unusableInput,
      );
    }
    return source;
  }

  toJS(): unknown {
    try {
      return this.document.toJS({ maxAliasCount: 100 });
    } catch (e) {
      // The yaml library's only failures here are aliases: one without its anchor, or too many expansions.
      const unresolved = /Unresolved alias/i.test((e as Error).message);
      let alias: Node | undefined;
      visit(this.document, { Alias: (_key, node) => void (alias ??= node) });
      const message = unresolved
        ? 'YAML 格式错误：别名（*名称）前面没有对应的锚点（&名称）'
        : 'YAML 格式错误：别名（*名称）展开的次数过多；请直接写出内容，不要用别名';
      throw new ReportError([errorFinding('YAML', message, this.positionAtOffset(alias?.range?.[0] ?? 0))], EXIT.unusableInput);
    }
  }

  positionAtOffset(offset: number): SourcePosition {
    const { line, col } = this.lines.linePos(offset);
    return { file: this.displayPath, line, col };
  }

  /** The node at a data path, or the deepest existing ancestor when the path does not exist. */
  nodeAt(path: DataPath): { node: Node | null; exact: boolean } {
    let node: unknown = this.document.contents;
    for (let i = 0; i < path.length; i++) {
      const next = childNode(node, path[i]!);
      if (next === undefined) return { node: node as Node, exact: false };
      node = next;
    }
    return { node: node as Node, exact: true };
  }

  has(path: DataPath): boolean {
    return this.nodeAt(path).exact;
  }

  /** Position of the value at a path (or of its nearest existing ancestor). */
  positionOf(path: DataPath): SourcePosition {
    const { node } = this.nodeAt(path);
    const offset = node?.range?.[0] ?? 0;
    return this.positionAtOffset(offset);
  }

  /** Position of the key of a mapping entry, for unknown-key findings. */
  positionOfKey(path: DataPath): SourcePosition {
    const parent = this.nodeAt(path.slice(0, -1)).node;
    const key = path[path.length - 1];
    if (isMap(parent)) {
      for (const item of parent.items) {
        if (isPair(item) && isScalar(item.key) && String(item.key.value) === String(key) && item.key.range) {
          return this.positionAtOffset(item.key.range[0]);
        }
      }
    }
    return this.positionOf(path);
  }

  /** The literal source text of a scalar (keeps "0.00" and "01234" as typed). */
  sourceTextOf(path: DataPath): string | undefined {
    const { node, exact } = this.nodeAt(path);
    if (!exact || !isScalar(node) || !node.range) return undefined;
    return this.text.slice(node.range[0], node.range[1]).trim();
  }

  /**
   * Position of a character inside a string scalar, given its line and column within the parsed string
   * (both 1-based). Handles block scalars (| and >) and single-line plain or quoted scalars.
   */
  positionInString(path: DataPath, line: number, col: number): SourcePosition {
    const { node, exact } = this.nodeAt(path);
    if (!exact || !isScalar(node) || !node.range) return this.positionOf(path);
    const start = this.lines.linePos(node.range[0]);
    const block = node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED';
    if (!block) {
      const quoteShift = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE' ? 1 : 0;
      return { file: this.displayPath, line: start.line + line - 1, col: (line === 1 ? start.col + quoteShift : 1) + col - 1 };
    }
    const sourceLines = this.text.split('\n');
    const contentLineIndex = start.line + line - 1; // header line (|) is start.line; content follows (0-based index = 1-based number)
    const sourceLine = sourceLines[contentLineIndex] ?? '';
    // Only ASCII spaces indent YAML; full-width spaces (首行缩进) belong to the text.
    const indent = /^ */.exec(sourceLine)![0].length;
    return { file: this.displayPath, line: contentLineIndex + 1, col: indent + col };
  }

  /**
   * Position of the character at `index` of a string scalar's value. Literal blocks map line by line; folded
   * blocks and multi-line plain or quoted scalars join lines, so there the character is found in the source.
   */
  positionOfIndex(path: DataPath, value: string, index: number): SourcePosition {
    const { node, exact } = this.nodeAt(path);
    const before = value.slice(0, index).split('\n');
    // A one-line quoted scalar: escapes ("\"", '') make the source longer than the value, so walk them.
    if (exact && isScalar(node) && node.range && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && !this.spansLines(node.range)) {
      const offset = quotedOffset(this.text.slice(node.range[0], node.range[1]), node.type, index);
      if (offset !== undefined) return this.positionAtOffset(node.range[0] + offset);
    }
    if (!exact || !isScalar(node) || !node.range || node.type === 'BLOCK_LITERAL' || !this.spansLines(node.range)) {
      return this.positionInString(path, before.length, before[before.length - 1]!.length + 1);
    }
    const needle = /^[^\s]{1,4}/.exec(value.slice(index))?.[0] ?? value[index] ?? '';
    const occurrence = value.slice(0, index).split(needle).length - 1;
    const slice = this.text.slice(node.range[0], node.range[1]);
    let at = -1;
    for (let k = 0; k <= occurrence; k++) {
      at = slice.indexOf(needle, at + 1);
      if (at < 0) return this.positionOf(path);
    }
    return this.positionAtOffset(node.range[0] + at);
  }

  private spansLines(range: [number, number, number]): boolean {
    return this.text.slice(range[0], range[1]).includes('\n');
  }

  /** Every number scalar with its path and the text it was typed as (0x10, 01234, 1e3 are numbers to YAML). */
  *numbers(): Generator<{ path: DataPath; value: number; typed: string }> {
    for (const { path, node } of walkScalars(this.document.contents, [])) {
      if (typeof node.value === 'number' && node.range) yield { path, value: node.value, typed: this.text.slice(node.range[0], node.range[1]).trim() };
    }
  }

  /** Every string scalar with its path, for tracing a character back to the data. */
  *strings(): Generator<{ path: DataPath; value: string }> {
    yield* walkStrings(this.document.contents, []);
  }
}

/**
 * Where the value's UTF-16 index `index` lies in the source of a one-line quoted scalar (quotes included):
 * `''` is one quote in single quotes; in double quotes `\x..`, `\u....` and `\U........` are one character
 * (two units beyond the BMP) and any other escape is two source characters for one.
 */
function quotedOffset(source: string, type: 'QUOTE_DOUBLE' | 'QUOTE_SINGLE', index: number): number | undefined {
  let unit = 0;
  let i = 1;
  while (i < source.length - 1) {
    if (unit === index) return i;
    if (type === 'QUOTE_SINGLE' && source[i] === "'" && source[i + 1] === "'") {
      i += 2;
      unit += 1;
    } else if (type === 'QUOTE_DOUBLE' && source[i] === '\\') {
      const kind = source[i + 1];
      const length = kind === 'x' ? 4 : kind === 'u' ? 6 : kind === 'U' ? 10 : 2;
      unit += kind === 'U' && parseInt(source.slice(i + 2, i + 10), 16) > 0xffff ? 2 : 1;
      i += length;
    } else {
      const width = source.codePointAt(i)! > 0xffff ? 2 : 1;
      i += width;
      unit += width;
    }
  }
  return unit === index ? i : undefined;
}

function childNode(node: unknown, key: string | number): unknown {
  if (isMap(node)) {
    for (const item of node.items) {
      if (isPair(item) && isScalar(item.key) && String(item.key.value) === String(key)) return item.value ?? undefined;
    }
    return undefined;
  }
  if (isSeq(node) && typeof key === 'number') return node.items[key];
  return undefined;
}

function* walkStrings(node: unknown, path: Array<string | number>): Generator<{ path: DataPath; value: string }> {
  for (const scalar of walkScalars(node, path)) if (typeof scalar.node.value === 'string') yield { path: scalar.path, value: scalar.node.value };
}

/** Every scalar value below a node (keys excepted), depth first, without recursion: nesting depth is the input's. */
function* walkScalars(root: unknown, rootPath: Array<string | number>): Generator<{ path: DataPath; node: Scalar }> {
  const stack: Array<{ node: unknown; path: Array<string | number> }> = [{ node: root, path: rootPath }];
  while (stack.length) {
    const { node, path } = stack.pop()!;
    if (isScalar(node)) yield { path, node };
    else if (isMap(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) {
        const item = node.items[i];
        if (isPair(item) && isScalar(item.key)) stack.push({ node: item.value, path: [...path, String(item.key.value)] });
      }
    } else if (isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push({ node: node.items[i], path: [...path, i] });
    }
  }
}

/** The offset of a full-width colon after a key (`year：2021`) on a line up to the error, if any. */
function fullWidthColonKey(text: string, errorOffset: number): number | undefined {
  const end = text.indexOf('\n', errorOffset);
  const pattern = /^[ \t]*[A-Za-z_][\w-]*[ \t]*(：)/gm;
  for (const match of text.slice(0, end < 0 ? text.length : end).matchAll(pattern)) return match.index! + match[0].length - 1;
  return undefined;
}

/**
 * The offset of a `[` or `{` left open on a line before `errorOffset` (outside quotes and comments): the yaml
 * library reports such a bracket only where the next line fails to parse.
 */
function unclosedBracketBefore(text: string, errorOffset: number): number | undefined {
  const open: number[] = [];
  let quote: string | undefined;
  for (let i = 0; i < Math.min(errorOffset, text.length); i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote) quote = undefined;
      else if (ch === '\n') quote = undefined;
      continue;
    }
    if (ch === '"' || ch === "'") {
      if (open.length) quote = ch;
    } else if (ch === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      while (i < text.length && text[i] !== '\n') i++;
      i--;
    } else if ((ch === '[' || ch === '{') && /(^|[:,\-[{])\s*$/.test(text.slice(Math.max(0, i - 40), i).split('\n').pop()!)) {
      open.push(i); // a flow collection starts only after a key, a dash, a comma or another bracket
    }
    else if ((ch === ']' || ch === '}') && open.length) open.pop();
  }
  // A bracket open on the error's own line is not the cause: the parser would have said so there.
  const first = open[0];
  return first !== undefined && text.slice(first, errorOffset).includes('\n') ? first : undefined;
}

/** The deepest nesting a report needs is five levels; anything far deeper is not a report. */
const MAX_DEPTH = 32;

/** The first node nested deeper than MAX_DEPTH, walked without recursion. */
function tooDeep(root: unknown): Node | undefined {
  const stack: Array<{ node: unknown; depth: number }> = [{ node: root, depth: 0 }];
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    if (!isCollection(node)) continue;
    if (depth >= MAX_DEPTH) return node;
    for (const item of node.items) stack.push({ node: isPair(item) ? item.value : item, depth: depth + 1 });
  }
  return undefined;
}

/**
 * One Chinese finding for a YAML syntax error, at the place the user has to change. The parser notices some slips
 * later than where they are: a key without its colon, a bracket left open on an earlier line.
 */
function explainSyntaxError(source: YamlSource, code: ErrorCode, offset: number): Finding {
  const text = source.text;
  const fail = (message: string, at: number) => errorFinding('YAML', `YAML 格式错误：${message}`, source.positionAtOffset(at));
  if (code === 'RESOURCE_EXHAUSTION') return fail(`括号或缩进嵌套超过 ${MAX_DEPTH} 层`, offset);
  const colon = fullWidthColonKey(text, offset);
  if (colon !== undefined) return fail('键后应为半角冒号“: ”，此处是全角冒号“：”', colon);
  const missing = MISSING_COLON_SIGNS.includes(code) ? keyWithoutColon(text, offset) : undefined;
  if (missing) return fail(`“${missing.key}”后面缺少半角冒号，应写作“${missing.key}: ”`, missing.at);
  if (code === 'UNEXPECTED_TOKEN' && text[offset] === ',') {
    return fail(/^\s*[,\]}]/.test(text.slice(offset + 1)) || /[[{,]\s*$/.test(text.slice(0, offset)) ? '两个逗号之间（或括号边上）少了一个值，请删去多余的逗号或补上数字' : '此处多了一个逗号', offset);
  }
  const unclosed = unclosedBracketBefore(text, offset);
  if (unclosed !== undefined) return fail('方括号或花括号没有闭合', unclosed);
  return fail(YAML_ERRORS[code] ?? '无法识别此处的写法（含特殊字符的文字请加引号）', offset);
}

/** The errors the parser gives for a key typed without its colon, on its line or the next. */
const MISSING_COLON_SIGNS: readonly ErrorCode[] = ['MISSING_CHAR', 'MULTILINE_IMPLICIT_KEY', 'BAD_INDENT', 'BLOCK_AS_IMPLICIT_KEY'];

/**
 * A mapping key typed without its colon (`fees 10`) on the error's line or the line before it: the parser then
 * fails on that line or on the next one.
 */
function keyWithoutColon(text: string, offset: number): { key: string; at: number } | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const previousStart = lineStart > 0 ? text.lastIndexOf('\n', lineStart - 2) + 1 : lineStart;
  for (const start of [lineStart, previousStart]) {
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end < 0 ? text.length : end).replace(/\r$/, '');
    const match = /^([ \t]*(?:- +)?)([A-Za-z_][\w-]*)[ \t]+([^\s:#][^:#]*)(#.*)?$/.exec(line);
    if (match && !match[3]!.trimEnd().endsWith(':')) return { key: match[2]!, at: start + match[1]!.length + match[2]!.length };
  }
  return undefined;
}

const YAML_ERRORS: Partial<Record<ErrorCode, string>> = {
  DUPLICATE_KEY: '键重复',
  TAB_AS_INDENT: '不能用制表符（Tab）缩进，请用空格',
  BAD_INDENT: '缩进不正确（同一层的键应从同一列开始）',
  MULTILINE_IMPLICIT_KEY: '键不能跨行（检查冒号是否为半角“:”，其后是否有空格）',
  BLOCK_AS_IMPLICIT_KEY: '键的写法不正确（检查缩进与冒号）',
  MISSING_CHAR: '缺少字符（如引号或括号未闭合，或键后缺少冒号）',
  UNEXPECTED_TOKEN: '出现意外的字符',
  BAD_SCALAR_START: '值的开头字符不合法（含特殊字符的文字请加引号）',
  MULTIPLE_DOCS: '一个文件只能有一份数据：第二个“---”之后的内容请删去，或另存为一个文件',
  BAD_DQ_ESCAPE: '双引号中的反斜杠（\\）写法不正确；路径请用单引号或正斜杠 /',
  BAD_ALIAS: '别名（*名称）写法不正确',
  ALIAS_PROPS: '别名（*名称）不能带标记',
  BAD_DIRECTIVE: '以 % 开头的指令不正确',
  BAD_PROP_ORDER: '锚点（&）和标记（!）的位置不正确',
  BLOCK_IN_FLOW: '方括号或花括号内不能换用缩进的写法',
  KEY_OVER_1024_CHARS: '键太长',
  MULTIPLE_ANCHORS: '一个值只能有一个锚点（&名称）',
  MULTIPLE_TAGS: '一个值只能有一个标记（!名称）',
  NON_STRING_KEY: '键应为文字',
  TAG_RESOLVE_FAILED: '无法识别的标记（!名称）；请去掉以 ! 开头的标记',
  BAD_COLLECTION_TYPE: '标记（!名称）与值的类型不符；请去掉以 ! 开头的标记',
  IMPOSSIBLE: '无法识别此处的写法',
};
