/**
 * The script of the text the tool generates: simplified (the default) or traditional (`script: traditional` in the
 * data file, for a report written in traditional characters). Generated text (the templates' own words, the
 * document title) is converted with OpenCC's simplified → traditional tables; the data's own text is printed as
 * written, since converting text that is already traditional could change characters that exist in both scripts.
 */
import { Converter } from 'opencc-js/cn2t';

export type Script = 'simplified' | 'traditional';

let toTraditional: ((text: string) => string) | undefined;

/** Generated text in the report's script. */
export function inScript(text: string, script: Script): string {
  if (script === 'simplified') return text;
  const convert = (toTraditional ??= Converter({ from: 'cn', to: 't' }));
  return convert(text);
}

export function scriptOf(data: Record<string, unknown>): Script {
  return data.script === 'traditional' ? 'traditional' : 'simplified';
}
