/**
 * Reads a YAML file keeping positions, so that every later finding can name file:line:col.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { errorFinding, EXIT, ReportError, type SourcePosition } from '../report-error/finding.js';

export type DataPath = ReadonlyArray<string | number>;

export class YamlSource {
  private constructor(
    /** The path as shown to the user (relative to the working directory). */
    readonly displayPath: string,
    readonly absolutePath: string,
    readonly text: string,
    readonly document: Document.Parsed,
    private readonly lines: LineCounter,
  ) {}

  static read(file: string): YamlSource {
    const displayPath = relative(process.cwd(), file) || file;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw new ReportError([errorFinding('FILE', `无法读取数据文件 ${displayPath}`)], EXIT.unusableInput);
    }
    return YamlSource.parse(text, displayPath, file);
  }

  static parse(text: string, displayPath: string, absolutePath = displayPath): YamlSource {
    const lines = new LineCounter();
    const document = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
    const source = new YamlSource(displayPath, absolutePath, text, document, lines);
    const first = document.errors[0];
    if (first) {
      const colon = fullWidthColonKey(text, first.pos[0]);
      if (colon !== undefined) {
        throw new ReportError([errorFinding('YAML', 'YAML 格式错误：键后应为半角冒号“: ”，此处是全角冒号“：”', source.positionAtOffset(colon))], EXIT.unusableInput);
      }
      const unclosed = unclosedBracketBefore(text, first.pos[0]);
      if (unclosed !== undefined) {
        throw new ReportError([errorFinding('YAML', 'YAML 格式错误：方括号或花括号没有闭合', source.positionAtOffset(unclosed))], EXIT.unusableInput);
      }
      const at = source.positionAtOffset(first.pos[0]);
      throw new ReportError([errorFinding('YAML', `YAML 格式错误：${describeYamlError(first.code, first.message)}`, at)], EXIT.unusableInput);
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
      throw new ReportError([errorFinding('YAML', `YAML 无法展开：${(e as Error).message}`, this.positionAtOffset(0))], EXIT.unusableInput);
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

  /** Every string scalar with its path, for tracing a character back to the data. */
  *strings(): Generator<{ path: DataPath; value: string }> {
    yield* walkStrings(this.document.contents, []);
  }
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
  if (isScalar(node)) {
    if (typeof node.value === 'string') yield { path: [...path], value: node.value };
  } else if (isMap(node)) {
    for (const item of node.items) {
      if (isPair(item) && isScalar(item.key)) yield* walkStrings(item.value, [...path, String(item.key.value)]);
    }
  } else if (isSeq(node)) {
    for (let i = 0; i < node.items.length; i++) yield* walkStrings(node.items[i], [...path, i]);
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
  return open[0];
}

const YAML_ERRORS: Record<string, string> = {
  DUPLICATE_KEY: '键重复',
  TAB_AS_INDENT: '不能用制表符（Tab）缩进，请用空格',
  BAD_INDENT: '缩进不正确',
  MULTILINE_IMPLICIT_KEY: '键不能跨行（检查冒号是否为半角“:”，其后是否有空格）',
  BLOCK_AS_IMPLICIT_KEY: '键的写法不正确（检查缩进与冒号）',
  MISSING_CHAR: '缺少字符（如引号或括号未闭合）',
  UNEXPECTED_TOKEN: '出现意外的字符',
  BAD_SCALAR_START: '值的开头字符不合法（含特殊字符的文字请加引号）',
};

function describeYamlError(code: string, message: string): string {
  const known = YAML_ERRORS[code];
  const firstLine = message.split('\n')[0] ?? message;
  return known ? `${known}（${code}）` : `${firstLine}（${code}）`;
}
