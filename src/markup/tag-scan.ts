/**
 * Reads the tags of markup text as it streams past, keeping the elements still open. Used on each template file
 * as written (pieces of text between expressions, with positions) and on the whole markup a render produced.
 * Every element must be one the markup reader supports, and every close tag must close the element opened last.
 */
export interface TagPosition {
  /** 1-based. */
  line: number;
  /** 1-based. */
  col: number;
}

export interface OpenElement {
  name: string;
  at: TagPosition;
}

export interface TagScan {
  stack: OpenElement[];
  /** Text of a tag being read (from `<`), with expressions inside it stood in for by `x`. */
  tag: string;
  tagAt: TagPosition | undefined;
  quote: string;
  /** Inside <!-- … -->. */
  comment: boolean;
}

export type TagFailure = (message: string, at: TagPosition) => never;

export function startTagScan(): TagScan {
  return { stack: [], tag: '', tagAt: undefined, quote: '', comment: false };
}

export function copyTagScan(scan: TagScan): TagScan {
  return { ...scan, stack: [...scan.stack] };
}

export function sameTagScan(a: TagScan, b: TagScan): boolean {
  return a.tag === b.tag && a.comment === b.comment && a.stack.length === b.stack.length && a.stack.every((e, i) => e.name === b.stack[i]!.name);
}

/** Reads `text`, which starts at `start`; returns the state after it. */
export function scanTags(entry: TagScan, text: string, start: TagPosition, elements: ReadonlySet<string>, fail: TagFailure): TagScan {
  const scan = copyTagScan(entry);
  let { line, col } = start;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (scan.comment) {
      if (text.startsWith('-->', i)) scan.comment = false;
    } else if (scan.tag) {
      scan.tag += ch;
      if (scan.quote) {
        if (ch === scan.quote) scan.quote = '';
      } else if (ch === '"' || ch === "'") scan.quote = ch;
      else if (ch === '>') {
        readTag(scan, scan.tag, scan.tagAt!, elements, fail);
        scan.tag = '';
        scan.tagAt = undefined;
      }
    } else if (text.startsWith('<!--', i)) {
      scan.comment = true;
    } else if (ch === '<') {
      scan.tag = '<';
      scan.tagAt = { line, col };
    }
    if (ch === '\n') {
      line++;
      col = 1;
    } else col++;
  }
  return scan;
}

/** The end of the text: nothing may be left open. */
export function endTagScan(scan: TagScan, fail: TagFailure): void {
  if (scan.tag && scan.tagAt) fail(`标记 ${scan.tag.slice(0, 20)}… 没有以「>」结束`, scan.tagAt);
  const open = scan.stack.at(-1);
  if (open) fail(`<${open.name}> 没有闭合（缺少 </${open.name}>）`, open.at);
}

function readTag(scan: TagScan, tag: string, at: TagPosition, elements: ReadonlySet<string>, fail: TagFailure): void {
  const close = /^<\/\s*([^\s>]+)\s*>$/.exec(tag);
  if (close) {
    const name = close[1]!;
    const open = scan.stack.pop();
    if (!open) fail(`</${name}> 前没有对应的 <${name}>`, at);
    if (open.name !== name) fail(`</${name}> 与前面未闭合的 <${open.name}>（第 ${open.at.line} 行）不配对`, at);
    return;
  }
  const opening = /^<([^\s/>]+)[\s\S]*?(\/?)>$/.exec(tag);
  if (!opening) fail(`无法识别的标记 ${tag.slice(0, 30)}`, at);
  const name = opening[1]!;
  if (!elements.has(name)) fail(`不支持的元素 <${name}>（可用的元素见 README「Template markup」）`, at);
  if (!opening[2]) scan.stack.push({ name, at });
}
