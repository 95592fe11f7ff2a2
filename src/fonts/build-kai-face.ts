/**
 * Build step (`npm run build`, which `npm install` runs): writes the 楷体 face for level-2 headings, LXGW WenKai
 * (SIL OFL 1.1), as one TrueType file merged from the unicode-range WOFF2 subsets npm publishes it in. Skipped
 * when the file is already there for the same package version.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { KAI_FACE_FILE } from './faces.js';
import { mergeSubsets } from './merge-subsets.js';
import { applyLibraryPatches } from '../patches/apply-library-patches.js';

applyLibraryPatches();
const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve('lxgw-wenkai-webfont/package.json'));
const version = (JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string }).version;
const stamp = `${KAI_FACE_FILE}.version`;

if (!existsSync(KAI_FACE_FILE) || !existsSync(stamp) || readFileSync(stamp, 'utf8') !== version) {
  const dir = join(packageDir, 'files');
  const subsets = readdirSync(dir)
    .filter((f) => /^lxgwwenkai-regular-subset-\d+\.woff2$/.test(f))
    .sort((a, b) => Number(/(\d+)\.woff2$/.exec(a)![1]) - Number(/(\d+)\.woff2$/.exec(b)![1]));
  mkdirSync(dirname(KAI_FACE_FILE), { recursive: true });
  writeFileSync(KAI_FACE_FILE, mergeSubsets(subsets.map((f) => readFileSync(join(dir, f)))));
  writeFileSync(stamp, version);
}
