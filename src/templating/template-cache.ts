/** One compiled template set per lookup chain and process (a batch shares it between townships). */
import type { ReportFormat } from '../formats/format.js';
import { templateChain, type TemplateChain } from './template-chain.js';
import type { Script } from './script.js';
import { TemplateSet } from './template-set.js';

const cache = new Map<string, TemplateSet>();

export function templateSetFor(format: ReportFormat, dataFile: string, script: Script = 'simplified'): { set: TemplateSet; chain: TemplateChain } {
  const chain = templateChain(dataFile, format);
  const key = [script, ...chain.folders, '', ...chain.confine].join('\n');
  let set = cache.get(key);
  if (!set) {
    set = new TemplateSet(chain.folders, chain.confine, script);
    cache.set(key, set);
  }
  return { set, chain };
}

/** Forget compiled templates (after a template file changed, for --watch). */
export function clearTemplateCache(): void {
  cache.clear();
}
