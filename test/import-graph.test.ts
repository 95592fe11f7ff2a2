/** The folders of src/ import each other without cycles, so that each can be read, tested and replaced from below. */
import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describeCycle, folderCycles, folderGraph } from './helpers/import-graph.js';
import { tempDir } from './helpers/cli.js';

describe('import graph of src/ folders', () => {
  it('has no cycle between folders', () => {
    const graph = folderGraph(resolve('src'));
    expect(graph.size).toBeGreaterThan(10);
    const cycles = folderCycles(graph).map((cycle) => `${cycle.join(' → ')}\n${describeCycle(graph, cycle)}`);
    expect(cycles.join('\n\n'), 'folder cycles').toBe('');
  });

  it('finds a cycle made of a static, a type-only and a dynamic import, and names the files', () => {
    const root = tempDir('import-graph');
    const write = (path: string, text: string) => {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), text);
    };
    write('a/one.ts', "import { two } from '../b/two.js';\n");
    write('b/two.ts', "import type {\n  Three,\n} from '../c/three.js';\nexport const two = 2;\n");
    write('c/three.ts', "export type Three = 3;\nexport const load = () => import('../a/one.js');\n");
    write('d/four.ts', "// import { two } from '../b/two.js';\nimport { two } from '../b/two.js';\n");
    const graph = folderGraph(root);
    const cycles = folderCycles(graph);
    expect(cycles).toEqual([['a', 'b', 'c', 'a']]);
    expect(describeCycle(graph, cycles[0]!)).toBe('a → b  (a/one.ts)\nb → c  (b/two.ts)\nc → a  (c/three.ts)');
  });
});
