/** One compiled template set per format and process. */
import { join } from 'node:path';
import type { ReportFormat } from '../formats/format.js';
import { BUILTIN_TEMPLATE_ROOT, TemplateSet } from './template-set.js';

const cache = new Map<string, TemplateSet>();

export function templateSetFor(format: ReportFormat): TemplateSet {
  let set = cache.get(format.id);
  if (!set) {
    set = new TemplateSet([join(BUILTIN_TEMPLATE_ROOT, format.templateDir), join(BUILTIN_TEMPLATE_ROOT, 'shared')]);
    cache.set(format.id, set);
  }
  return set;
}
