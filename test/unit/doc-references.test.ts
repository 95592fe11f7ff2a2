/**
 * Every `§` reference in the project resolves inside the repository: `formats.md §2.4` to a numbered heading of
 * docs/formats.md (likewise libraries.md, layout.md, architecture.md), and a clause of GB/T 9704 (`GB/T 9704
 * §7.3.5.1`, or a bare `§7.4`) to a row of the clause table in docs/formats.md. A reference takes the nearest
 * document named before it in the same paragraph; a bare one in docs/x.md means x.md itself.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const GBT = 'GB/T 9704';

/** The project's own text files (code, templates, docs, data), relative to the root. */
function projectFiles(dir = ''): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = dir ? `${dir}/${name}` : name;
    if (['node_modules', 'dist', 'out', '.git', 'corpus'].includes(name)) return [];
    if (statSync(join(ROOT, path)).isDirectory()) return projectFiles(path);
    return /\.(ts|mts|js|mjs|hbs|md|yaml)$/.test(name) ? [path] : [];
  });
}

const docText = (name: string) => readFileSync(join(ROOT, 'docs', name), 'utf8');

/** Section numbers of a document: "## 5. Layout" and "### 5.1 Page" give 5 and 5.1. */
const sectionsOf = (name: string) => new Set([...docText(name).matchAll(/^#{1,6}\s+(\d+(?:\.\d+)*)\.?\s/gm)].map((m) => m[1]!));

/** Clauses of GB/T 9704 that docs/formats.md explains: rows of its clause table, "| §7.3.5.1 | …". */
const clauses = () => new Set([...docText('formats.md').matchAll(/^\|\s*§(\d+(?:\.\d+)*)\s*\|/gm)].map((m) => m[1]!));

interface Reference {
  file: string;
  line: number;
  target: string;
  section: string;
}

function references(file: string, text: string): Reference[] {
  const out: Reference[] = [];
  for (const match of text.matchAll(/§\s?(\d+(?:\.\d+)*)/g)) {
    const index = match.index!;
    const lineStart = text.lastIndexOf('\n', index) + 1;
    // The clause table of docs/formats.md defines clauses; it does not refer to them.
    if (file === 'docs/formats.md' && /^\|\s*$/.test(text.slice(lineStart, index))) continue;
    const before = text.slice(Math.max(0, index - 160), index).split(/\n\s*\n/).at(-1)!;
    const named = [...before.matchAll(/([\w-]+\.md)|GB\/T 9704|RFC \d+/g)].at(-1);
    const own = file.startsWith('docs/') ? file.slice('docs/'.length) : GBT;
    const target = named ? (named[1] ?? (named[0].startsWith('RFC') ? named[0] : GBT)) : own;
    out.push({ file, line: text.slice(0, index).split('\n').length, target, section: match[1]!.replace(/\.$/, '') });
  }
  return out;
}

describe('§ references', () => {
  // This file's own examples are not references.
  const all = projectFiles().filter((f) => f !== 'test/unit/doc-references.test.ts').flatMap((file) => references(file, readFileSync(join(ROOT, file), 'utf8')));

  it('are found in the code, the templates and the docs', () => {
    const files = new Set(all.map((r) => r.file.split('/')[0]));
    expect([...files]).toEqual(expect.arrayContaining(['src', 'templates', 'docs']));
    expect(all.filter((r) => r.target === 'formats.md').length).toBeGreaterThan(10);
    expect(all.filter((r) => r.target === GBT).length).toBeGreaterThan(5);
  });

  it('each name a section that exists in docs/', () => {
    const dangling = all.filter((r) => {
      // A public standard other than GB/T 9704 (an RFC) is cited by its own number, as published.
      if (r.target.startsWith('RFC ')) return false;
      if (r.target === GBT) return !clauses().has(r.section);
      if (!existsSync(join(ROOT, 'docs', r.target))) return true;
      return !sectionsOf(r.target).has(r.section);
    });
    expect(dangling.map((r) => `${r.file}:${r.line} ${r.target} §${r.section}`)).toEqual([]);
  });

  it('tell a missing section, a missing clause and a missing document apart from a present one', () => {
    const refs = (text: string) => references('src/x.ts', text).map((r) => `${r.target} §${r.section}`);
    expect(refs('(formats.md §2.4, §3.4) and GB/T 9704 §7.4; then §7.5')).toEqual(['formats.md §2.4', 'formats.md §3.4', `${GBT} §7.4`, `${GBT} §7.5`]);
    expect(refs('libraries.md §2.1\n\nA new paragraph: §7.3.5.1')).toEqual(['libraries.md §2.1', `${GBT} §7.3.5.1`]);
    expect(sectionsOf('formats.md').has('2.4')).toBe(true);
    expect(sectionsOf('formats.md').has('9.9')).toBe(false);
    expect(clauses().has('7.3.5.1')).toBe(true);
    expect(clauses().has('7.3.9')).toBe(false);
  });
});
