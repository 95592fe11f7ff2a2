/**
 * The default faces, all from npm so that `npm install` is the whole set-up. The official faces
 * (方正小标宋简体, 黑体, 楷体_GB2312, 仿宋_GB2312) are proprietary; these are the closest freely licensed
 * stand-ins that cover GB2312 and traditional characters. A user points a role at their own files in
 * report-gen.config.yaml (see README "Fonts").
 */
import { createRequire } from 'node:module';
import { installedFile } from '../load/install-root.js';
import type { SourcePosition } from '../report-error/finding.js';
import type { FontRole } from './font-role.js';

export interface FaceSource {
  /** Absolute path of a TTF, OTF, TTC or OTC file. */
  file: string;
  /** PostScript name of the face inside a collection (.ttc/.otc). */
  postscriptName?: string;
  /** Where the configuration names this face, for messages. */
  at?: SourcePosition;
}

const require = createRequire(import.meta.url);

/**
 * LXGW WenKai, a 楷体-style face (SIL OFL 1.1), for level-2 headings. npm publishes it only as unicode-range WOFF2
 * subsets; the build merges them into this one TrueType file (build-kai-face.ts).
 */
export const KAI_FACE_FILE = installedFile('dist', 'fonts', 'LXGWWenKai-Regular.ttf');
const packaged = (pkg: string, file: string): FaceSource => ({ file: require.resolve(`${pkg}/${file}`) });

export function defaultFaces(): Record<FontRole, FaceSource> {
  const serif = (weight: string) => packaged('@expo-google-fonts/noto-serif-sc', `${weight}/NotoSerifSC_${weight}.ttf`);
  return {
    title: serif('700Bold'),
    heading: packaged('@expo-google-fonts/noto-sans-sc', '400Regular/NotoSansSC_400Regular.ttf'),
    subheading: { file: KAI_FACE_FILE },
    body: serif('400Regular'),
    table: serif('400Regular'),
    latin: packaged('@expo-google-fonts/tinos', '400Regular/Tinos_400Regular.ttf'),
  };
}
