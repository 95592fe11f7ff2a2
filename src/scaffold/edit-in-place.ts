/**
 * Changes values of a YAML file in place and leaves every other byte as it was: text, comments, flow style and
 * the column of trailing comments. yaml's Document API would re-print the whole file, so the values are found
 * through its CST (concrete syntax tree, which keeps every source token with its offset) and replaced there. A
 * key the file does not have yet is added on a line of its own below its siblings (or inside their braces).
 */
import { CST, isMap, isScalar, isSeq, parseDocument, Parser, type Node } from 'yaml';

export interface ValueEdit {
  path: ReadonlyArray<string | number>;
  /** The new value as YAML source, e.g. `3`, `0.50`, `~`. */
  text: string;
}

interface Splice {
  offset: number;
  length: number;
  text: string;
}

export function editInPlace(text: string, edits: readonly ValueEdit[]): string {
  // Offsets count from after a byte-order mark, which the file keeps.
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  return bom + editText(text.slice(bom.length), edits);
}

function editText(source: string, edits: readonly ValueEdit[]): string {
  const document = [...new Parser().parse(source)].find((t): t is CST.Document => t.type === 'document');
  if (!document) throw new Error('editInPlace: the YAML file has no document');
  const splices: Splice[] = [];
  const missing: ValueEdit[] = [];
  for (const edit of edits) {
    const found = findToken(document.value, edit.path);
    if (found === undefined) missing.push(edit);
    else splices.push(spliceFor(found, edit.text));
  }
  let text = applySplices(source, splices);
  for (const edit of missing) text = insertMissing(text, edit);
  return text;
}

type Found = { token: CST.Token } | { after: number };

/** The scalar token at a path, or the place just after `key:` when the key has no value; undefined when absent. */
function findToken(node: CST.Token | undefined, path: ReadonlyArray<string | number>): Found | undefined {
  let current = node;
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!;
    if (!current) return undefined;
    const items = collectionItems(current);
    if (!items) return undefined;
    let item: CST.CollectionItem | undefined;
    if (typeof key === 'number') item = items.list === 'seq' ? items.items.filter((it) => it.value)[key] : undefined;
    else if (items.list === 'map') item = items.items.find((it) => it.key && keyText(it.key) === key);
    if (!item) return undefined;
    if (!item.value) {
      const indicator = item.sep?.find((t) => t.type === 'map-value-ind');
      if (i < path.length - 1 || !indicator) return undefined;
      return { after: indicator.offset + indicator.source.length };
    }
    current = item.value;
  }
  return current ? { token: current } : undefined;
}

function collectionItems(token: CST.Token): { list: 'map' | 'seq'; items: CST.CollectionItem[] } | undefined {
  if (token.type === 'block-map') return { list: 'map', items: token.items };
  if (token.type === 'block-seq') return { list: 'seq', items: token.items };
  if (token.type === 'flow-collection') return { list: token.start.source === '{' ? 'map' : 'seq', items: token.items };
  return undefined;
}

function keyText(key: CST.Token): string | undefined {
  return CST.isScalar(key) ? String(CST.resolveAsScalar(key)?.value ?? '') : undefined;
}

function spliceFor(found: Found, text: string): Splice {
  if ('after' in found) return { offset: found.after, length: 0, text: ` ${text}` };
  const token = found.token;
  if (!CST.isScalar(token) || token.type === 'block-scalar') throw new Error(`editInPlace: value at offset ${token.offset} is not a one-line scalar`);
  return { offset: token.offset, length: token.source.length, text };
}

/**
 * Applies replacements from the end of the file backwards. When a line's length changes and a comment follows
 * after at least two spaces, those spaces absorb the change, so aligned comments stay aligned.
 */
function applySplices(source: string, splices: Splice[]): string {
  let text = source;
  const byLine = new Map<number, Splice[]>();
  for (const splice of splices) {
    const lineStart = source.lastIndexOf('\n', splice.offset - 1) + 1;
    byLine.set(lineStart, [...(byLine.get(lineStart) ?? []), splice]);
  }
  for (const lineStart of [...byLine.keys()].sort((a, b) => b - a)) {
    const onLine = byLine.get(lineStart)!.sort((a, b) => b.offset - a.offset);
    const lineEnd = lineEndAt(source, lineStart);
    const lastEnd = onLine[0]!.offset + onLine[0]!.length;
    const delta = onLine.reduce((n, s) => n + s.text.length - s.length, 0);
    let rest = source.slice(lastEnd, lineEnd);
    const comment = /^([^'"#]*?[^ '"#]|)( {2,})(#.*)$/.exec(rest) ?? /^()( {2,})(#.*)$/.exec(rest);
    if (comment && delta !== 0) {
      const spaces = Math.max(comment[2]!.length - delta, 1);
      rest = `${comment[1]}${' '.repeat(spaces)}${comment[3]}`;
    }
    let line = source.slice(lineStart, lastEnd);
    for (const splice of onLine) {
      const at = splice.offset - lineStart;
      line = line.slice(0, at) + splice.text + line.slice(at + splice.length);
    }
    text = text.slice(0, lineStart) + line + rest + text.slice(lineEnd);
  }
  return text;
}

/** Where the line holding `from` ends, before its \n or \r\n. */
function lineEndAt(text: string, from: number): number {
  const at = text.indexOf('\n', from);
  if (at < 0) return text.length;
  return text[at - 1] === '\r' ? at - 1 : at;
}

/** Adds a key (and any parents it lacks) below the deepest mapping of its path that the file has. */
function insertMissing(text: string, edit: ValueEdit): string {
  const document = parseDocument(text);
  let node: unknown = document.contents;
  let depth = 0;
  for (; depth < edit.path.length; depth++) {
    const next = isMap(node) || isSeq(node) ? node.get(edit.path[depth], true) : undefined;
    if (next === undefined || next === null) break;
    node = next;
  }
  const rest = edit.path.slice(depth);
  if (isSeq(node) && node.flow && rest.length === 1 && rest[0] === node.items.length) {
    const last = node.items[node.items.length - 1] as Node | undefined;
    const at = last?.range ? last.range[1] : text.indexOf('[', node.range![0]) + 1;
    return `${text.slice(0, at)}${last ? ', ' : ''}${edit.text}${text.slice(at)}`;
  }
  if (!isMap(node) || rest.some((k) => typeof k !== 'string')) {
    throw new Error(`editInPlace: cannot add ${edit.path.join('.')} to this file`);
  }
  const pairs = node.items;
  if (node.flow) {
    const nested = rest.slice(1).reduceRight<string>((inner, key) => `{ ${key}: ${inner} }`, edit.text);
    const last = pairs[pairs.length - 1];
    const lastValue = last?.value as Node | null | undefined;
    const at = lastValue?.range ? lastValue.range[1] : text.indexOf('{', node.range![0]) + 1;
    return `${text.slice(0, at)}${last ? ', ' : ' '}${rest[0]}: ${nested}${last ? '' : ' '}${text.slice(at)}`;
  }
  const firstKey = pairs[0]?.key as Node | undefined;
  const lastValue = pairs[pairs.length - 1]?.value as Node | null | undefined;
  const keyStart = firstKey?.range?.[0];
  const indent = keyStart === undefined ? depth * 2 : keyStart - (text.lastIndexOf('\n', keyStart - 1) + 1);
  const end = lastValue?.range?.[1] ?? (isScalar(pairs[pairs.length - 1]?.key) ? (pairs[pairs.length - 1]!.key as Node).range![1] : node.range![1]);
  const at = lineEndAt(text, Math.max(end - 1, 0));
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = rest.map((key, i) => `${' '.repeat(indent + 2 * i)}${key}:${i === rest.length - 1 ? ` ${edit.text}` : ''}`);
  return `${text.slice(0, at)}${eol}${lines.join(eol)}${text.slice(at)}`;
}
