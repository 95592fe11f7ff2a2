/**
 * Which regional glyph forms (SC, TC, JP, KR) a PDF's Noto CJK text was set in. The Noto CJK collections share
 * one CFF table between their regional faces, so pdffonts names every embedded subset "NotoSansCJKjp-…" whatever
 * face was chosen; what tells them apart is the glyph each face's cmap gives a character. LibreOffice names its
 * embedded glyphs by CID ("cid12345") and maps codes to characters in /ToUnicode, so each character's glyph can be
 * compared with the glyph each regional face gives it.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as Fontkit from 'fontkit';

const require = createRequire(import.meta.url);
const fontkit = require('fontkit') as typeof Fontkit;

const COLLECTIONS = {
  Sans: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  Serif: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc',
} as const;
const REGIONS = ['sc', 'tc', 'jp', 'kr'] as const;
export type Region = (typeof REGIONS)[number];

export interface GlyphFormCount {
  /** Characters whose regional forms differ, by the region whose glyph was used (first match, SC first). */
  byRegion: Partial<Record<Region, number>>;
  /** Such characters set in a glyph of no regional face. */
  unknown: number;
}

export function cjkGlyphForms(pdf: string, workFile: string): GlyphFormCount {
  execFileSync('qpdf', ['--qdf', '--object-streams=disable', pdf, workFile]);
  const data = readFileSync(workFile, 'latin1');
  const objects = new Map<number, string>();
  for (const m of data.matchAll(/\n(\d+) 0 obj\n([\s\S]*?)\nendobj/g)) objects.set(Number(m[1]), m[2]!);
  const ref = (body: string, key: string) => objects.get(Number(new RegExp(`/${key} (\\d+) 0 R`).exec(body)?.[1])) ?? '';
  const faces = new Map<string, Record<Region, Fontkit.Font>>();
  const facesOf = (kind: keyof typeof COLLECTIONS) => {
    let found = faces.get(kind);
    if (!found) {
      const open = (r: Region) => fontkit.openSync(COLLECTIONS[kind], `Noto${kind}CJK${r}-Regular`) as Fontkit.Font;
      found = Object.fromEntries(REGIONS.map((r) => [r, open(r)])) as Record<Region, Fontkit.Font>;
      faces.set(kind, found);
    }
    return found;
  };
  const result: GlyphFormCount = { byRegion: {}, unknown: 0 };
  for (const body of objects.values()) {
    const name = /\/BaseFont \/(\S+)/.exec(body)?.[1] ?? '';
    if (!/\/Type \/Font/.test(body) || !/NotoS(ans|erif)CJK/.test(name)) continue;
    const kind = name.includes('Serif') ? 'Serif' : 'Sans';
    const program = ref(ref(body, 'FontDescriptor'), 'FontFile');
    const cids = new Map([...program.matchAll(/dup (\d+) \/cid(\d+) put/g)].map((m) => [Number(m[1]), Number(m[2])]));
    const toUnicode = ref(body, 'ToUnicode');
    const regional = facesOf(kind);
    for (const m of toUnicode.matchAll(/<([0-9A-Fa-f]{2,4})>\s*<([0-9A-Fa-f]{4,8})>/g)) {
      const cid = cids.get(parseInt(m[1]!, 16));
      if (cid === undefined) continue;
      const codePoint = parseInt(m[2]!, 16);
      const ids = REGIONS.map((r) => regional[r].glyphForCodePoint(codePoint).id);
      if (new Set(ids).size < 2) continue;
      const region = REGIONS.find((_, i) => ids[i] === cid);
      if (region) result.byRegion[region] = (result.byRegion[region] ?? 0) + 1;
      else result.unknown++;
    }
  }
  return result;
}
