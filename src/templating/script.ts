/**
 * The script of the text the tool generates: simplified (the default) or traditional (`script: traditional` in the
 * data file, for a report written in traditional characters). Generated text (the templates' own words, the
 * document title) is converted with OpenCC's simplified → traditional tables; the data's own text is printed as
 * written, since converting text that is already traditional could change characters that exist in both scripts.
 */
import { createRequire } from 'node:module';
import type { Converter as MakeConverter } from 'opencc-js/cn2t';

export type Script = 'simplified' | 'traditional';

let toTraditional: ((text: string) => string) | undefined;

/** Generated text in the report's script. */
export function inScript(text: string, script: Script): string {
  if (script === 'simplified') return text;
  const convert = (toTraditional ??= loadConverter());
  return convert(text);
}

/**
 * OpenCC's tables are two megabytes of script, needed only by a report in traditional characters: they are loaded
 * on first use, not with the program (the bundle keeps opencc-js outside, src/bundle/write-bundle.ts).
 */
function loadConverter(): (text: string) => string {
  const { Converter } = createRequire(import.meta.url)('opencc-js/cn2t') as { Converter: typeof MakeConverter };
  return Converter({ from: 'cn', to: 't' });
}

export function scriptOf(data: Record<string, unknown>): Script {
  return data.script === 'traditional' ? 'traditional' : 'simplified';
}

/** Converts the template's own text (not its expressions, so not the data) to another script. */
export function convertContent(node: unknown, script: Script): void {
  if (!node || typeof node !== 'object') return;
  const n = node as { type?: string; value?: string; original?: string };
  if (n.type === 'ContentStatement' && typeof n.value === 'string') {
    n.value = inScript(n.value, script);
    if (typeof n.original === 'string') n.original = inScript(n.original, script);
    return;
  }
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) value.forEach((v) => convertContent(v, script));
    else if (value && typeof value === 'object' && 'type' in value) convertContent(value, script);
  }
}
