/**
 * The context templates and narrative expressions see: the checked data with each narrative field replaced by a
 * marker. `{{#if text.other}}` still works, but the raw text can never be printed again through `{{text.other}}`
 * (its expressions unexpanded, its paragraphs unread); `{{narrative "text.other"}}` prints it.
 */
import { NarrativeField } from './printed-values.js';

export function templateContext(context: Record<string, unknown>): Record<string, unknown> {
  const text = context.text;
  if (!text || typeof text !== 'object') return context;
  const fields = Object.fromEntries(
    Object.entries(text).map(([key, value]) => [key, typeof value === 'string' && value.trim() ? new NarrativeField(`text.${key}`) : false]),
  );
  return { ...context, text: fields };
}
