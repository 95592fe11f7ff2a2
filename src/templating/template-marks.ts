/**
 * While a template set renders, each template's output is wrapped in marks (noncharacters, never in text), so the
 * markup reader can name the template behind an error in the markup. The marks are taken out before anything
 * else reads the markup; what remains is where each template's output lies.
 */
/** Noncharacters (never in text) around each template's output while rendering. */
export const MARK_START = '\uFDD0';
export const MARK_BODY = '\uFDD1';
export const MARK_END = '\uFDD2';

export interface Region {
  file: string;
  start: number;
  end: number;
}

/** The markup without its template marks, and the region of the output each template wrote. */
export function unmark(marked: string, files: readonly string[]): { text: string; regions: Region[] } {
  const regions: Region[] = [];
  const open: Array<{ file: string; start: number }> = [];
  let text = '';
  const pattern = /\uFDD0(\d+)\uFDD1|\uFDD2/g;
  let last = 0;
  for (const match of marked.matchAll(pattern)) {
    text += marked.slice(last, match.index);
    last = match.index! + match[0].length;
    if (match[1] !== undefined) open.push({ file: files[Number(match[1])]!, start: text.length });
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
