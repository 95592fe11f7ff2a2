/** One compiled template set per lookup chain and process (a batch shares it between townships). */
import type { ReportFormat } from '../formats/format.js';
import { templateFolders } from './template-chain.js';
import { TemplateSet } from './template-set.js';

const cache = new Map<string, TemplateSet>();

export function templateSetFor(format: ReportFormat, dataFile: string): TemplateSet {
  const folders = templateFolders(dataFile, format);
  const key = folders.join('\n');
  let set = cache.get(key);
  if (!set) {
    set = new TemplateSet(folders);
    cache.set(key, set);
  }
  return set;
}

/** Forget compiled templates (after a template file changed, for --watch). */
export function clearTemplateCache(): void {
  cache.clear();
}
