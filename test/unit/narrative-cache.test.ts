/**
 * Narratives are compiled once per text and process (src/templating/narrative.ts): the same text must give each
 * context its own values, and a broken expression the same finding every time.
 */
import { describe, expect, it } from 'vitest';
import { expandNarrative } from '../../src/templating/narrative.js';
import { YamlSource } from '../../src/load/yaml-source.js';

const text = '全年主动公开{{stats.count}}条。';
const yaml = (body: string) => `narrative:\n  text: "${body}"\n`;

describe('compiled narratives', () => {
  it('give each context its own values from one compiled text', () => {
    const source = YamlSource.parse(yaml(text), 'a.yaml');
    expect(expandNarrative(text, { stats: { count: 580 } }, source, ['narrative', 'text'])).toBe('全年主动公开580条。');
    expect(expandNarrative(text, { stats: { count: 12 } }, source, ['narrative', 'text'])).toBe('全年主动公开12条。');
  });

  it('give a broken expression the same finding, at the same place, every time', () => {
    const broken = '全年主动公开{{stats.count条。';
    const source = YamlSource.parse(yaml(broken), 'b.yaml');
    const first = expandNarrative(broken, { stats: { count: 1 } }, source, ['narrative', 'text']);
    const again = expandNarrative(broken, { stats: { count: 1 } }, source, ['narrative', 'text']);
    expect(typeof first).toBe('object');
    expect(again).toEqual(first);
  });

  it('give a missing name the same finding every time, though the text compiled', () => {
    const source = YamlSource.parse(yaml(text), 'c.yaml');
    const first = expandNarrative(text, { stats: {} }, source, ['narrative', 'text']);
    expect(first).toMatchObject({ rule: 'TEMPLATE' });
    expect(expandNarrative(text, { stats: {} }, source, ['narrative', 'text'])).toEqual(first);
    expect(expandNarrative(text, { stats: { count: 3 } }, source, ['narrative', 'text'])).toBe('全年主动公开3条。');
  });
});
