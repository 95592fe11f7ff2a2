/**
 * While a template set renders, each template's output is wrapped in marks (noncharacters, never in text), so the
 * markup reader can name the template behind an error in the markup; each line of a template's own text starts with
 * a line mark, so the reader can name the line too. The marks are taken out before anything else reads the markup;
 * what remains is where each template's output lies and where each of its lines begins.
 */
/** Noncharacters (never in text) around each template's output while rendering. */
export const MARK_START = '\uFDD0';
export const MARK_BODY = '\uFDD1';
export const MARK_END = '\uFDD2';
/** Before each line of a template's own text: MARK_LINE, the line number, MARK_BODY. */
export const MARK_LINE = '\uFDD3';

export interface Region {
  file: string;
  start: number;
  end: number;
  /** Where each line of the template's own text begins in the output, in output order. */
  lines: Array<{ at: number; line: number }>;
}

/** The markup without its template marks, and the region of the output each template wrote. */
export function unmark(marked: string, files: readonly string[]): { text: string; regions: Region[] } {
  const regions: Region[] = [];
  const open: Array<Omit<Region, 'end'>> = [];
  let text = '';
  const pattern = /\uFDD0(\d+)\uFDD1|\uFDD3(\d+)\uFDD1|\uFDD2/g;
  let last = 0;
  for (const match of marked.matchAll(pattern)) {
    text += marked.slice(last, match.index);
    last = match.index! + match[0].length;
    if (match[1] !== undefined) open.push({ file: files[Number(match[1])]!, start: text.length, lines: [] });
    else if (match[2] !== undefined) open[open.length - 1]?.lines.push({ at: text.length, line: Number(match[2]) });
    else {
      const region = open.pop();
      if (region) regions.push({ ...region, end: text.length });
    }
  }
  return { text: text + marked.slice(last), regions };
}

/** The innermost region holding an index: the template that wrote that piece of markup. */
export function regionAt(regions: readonly Region[], index: number): Region | undefined {
  let best: Region | undefined;
  for (const region of regions) {
    if (region.start <= index && index < region.end && (!best || region.end - region.start <= best.end - best.start)) best = region;
  }
  return best;
}

/** The template line that wrote the output at an index of a region: the last line mark before it. */
export function lineAt(region: Region, index: number): number | undefined {
  let line: number | undefined;
  for (const mark of region.lines) {
    if (mark.at > index) break;
    line = mark.line;
  }
  return line;
}

/** Puts a line mark before each line of a template's own text (its content statements), after all other rewriting. */
export function markLines(node: unknown): void {
  if (!node || typeof node !== 'object') return;
  const n = node as { type?: string; value?: string; original?: string; loc?: hbs.AST.SourceLocation };
  if (n.type === 'ContentStatement' && typeof n.value === 'string' && n.loc) {
    if (!n.value) return;
    // Whitespace control may have stripped the start of the text (the rest of a standalone {{#if}} line).
    const stripped = typeof n.original === 'string' ? n.original.slice(0, Math.max(0, n.original.indexOf(n.value))) : '';
    let line = n.loc.start.line + (stripped.match(/\n/g)?.length ?? 0);
    n.value = `${MARK_LINE}${line}${MARK_BODY}${n.value.replace(/\n(?=.)/gs, () => `\n${MARK_LINE}${++line}${MARK_BODY}`)}`;
    return;
  }
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) value.forEach(markLines);
    else if (value && typeof value === 'object' && 'type' in value) markLines(value);
  }
}
