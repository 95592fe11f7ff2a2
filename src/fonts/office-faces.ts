/**
 * The face names a DOCX asks Word or WPS for, per font role (the same roles a user maps to font files for the
 * PDF), and what Word's font table says about each face, so that a PC without it substitutes a Chinese face of
 * the same kind: charset 86 (GB2312), family, pitch, PANOSE and an alternative name.
 *
 * `official` names the faces GB/T 9704 practice asks for (仿宋_GB2312, 楷体_GB2312, 方正小标宋简体), which offices
 * install; `windows` names the faces every stock Windows has (仿宋, 楷体, 黑体, 宋体).
 */
import { LATIN_FACE, ROLE_STYLES } from '../layout/typography.js';
import type { FontRole } from './font-role.js';

export type OfficeFontSet = 'official' | 'windows';

export const OFFICE_FONT_SETS: readonly OfficeFontSet[] = ['official', 'windows'];

export function officeFaceNames(set: OfficeFontSet): Record<FontRole, string> {
  if (set === 'windows') return { title: '宋体', heading: '黑体', subheading: '楷体', body: '仿宋', table: '宋体', latin: LATIN_FACE };
  return {
    title: ROLE_STYLES.title.officialFace,
    heading: ROLE_STYLES.heading.officialFace,
    subheading: ROLE_STYLES.subheading.officialFace,
    body: ROLE_STYLES.body.officialFace,
    table: ROLE_STYLES.table.officialFace,
    latin: LATIN_FACE,
  };
}

export interface OfficeFace {
  name: string;
  /** The face Word tries when `name` is not installed. */
  altName?: string;
  /** w:charset: 86 = GB2312, 00 = ANSI. */
  charset: '86' | '00';
  family: 'modern' | 'roman' | 'swiss' | 'auto';
  pitch: 'fixed' | 'variable';
  panose1: string;
}

/** What Word's own font table writes for these faces (PANOSE from the faces' OS/2 tables). */
const FACES: readonly OfficeFace[] = [
  { name: '仿宋_GB2312', altName: '仿宋', charset: '86', family: 'modern', pitch: 'fixed', panose1: '02010609030101010101' },
  { name: '仿宋', charset: '86', family: 'modern', pitch: 'fixed', panose1: '02010609060101010101' },
  { name: '楷体_GB2312', altName: '楷体', charset: '86', family: 'modern', pitch: 'fixed', panose1: '02010609030101010101' },
  { name: '楷体', charset: '86', family: 'modern', pitch: 'fixed', panose1: '02010609060101010101' },
  { name: '黑体', altName: 'SimHei', charset: '86', family: 'modern', pitch: 'fixed', panose1: '02010609060101010101' },
  { name: '方正小标宋简体', altName: '宋体', charset: '86', family: 'auto', pitch: 'variable', panose1: '02000000000000000000' },
  { name: '宋体', altName: 'SimSun', charset: '86', family: 'auto', pitch: 'variable', panose1: '02010600030101010101' },
  { name: LATIN_FACE, charset: '00', family: 'roman', pitch: 'variable', panose1: '02020603050405020304' },
];

/** Font table entries for the faces a document names, each once, in role order; unknown names get GB2312 defaults. */
export function officeFaces(names: readonly string[]): OfficeFace[] {
  return [...new Set(names)].map(
    (name) => FACES.find((face) => face.name === name) ?? { name, charset: '86', family: 'auto', pitch: 'variable', panose1: '02010600030101010101' },
  );
}
