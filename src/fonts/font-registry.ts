/**
 * Maps each role to one loaded face. Every face file is read and parsed once per process, however many
 * roles or documents use it.
 */
import { statSync } from 'node:fs';
import { basename, relative } from 'node:path';
import type * as fontkit from 'fontkit';
import { createFace } from '../patches/fontkit-shared-faces.js';
import { readFaceData, type FaceData } from '../patches/fontkit-glyf-on-demand.js';
import { errorFinding, EXIT, ReportError } from '../report-error/finding.js';
import { defaultFaces, type FaceSource } from './faces.js';
import { FONT_ROLES, isLatin, type FontRole } from './font-role.js';
import { describeSystemError } from '../report-error/system-error.js';
import { characterLength } from '../markup/characters.js';

/** A font inside the working folder relative to it, any other by its full path. */
const displayPath = (file: string) => {
  const shown = relative(process.cwd(), file);
  return shown && !shown.startsWith('..') ? shown : file;
};

export interface LoadedFace {
  source: FaceSource;
  /** Key unique per face (file + PostScript name). */
  key: string;
  data: Buffer;
  font: fontkit.Font;
  /** Ascent and descent per 1000 units of em. */
  ascent: number;
  descent: number;
  displayName: string;
}

const faceCache = new Map<string, LoadedFace>();

/** The largest font file read: a CJK collection is some 20 MB. */
const MAX_FONT_BYTES = 128 * 1024 * 1024;

function loadFace(source: FaceSource): LoadedFace {
  const key = `${source.file}#${source.postscriptName ?? ''}`;
  const cached = faceCache.get(key);
  if (cached) return cached;
  const fail = (message: string) => new ReportError([errorFinding('FONT', `字体 ${displayPath(source.file)} ${message}`, source.at)], EXIT.unusableInput);
  let read: FaceData;
  try {
    const kind = statSync(source.file);
    if (!kind.isFile()) throw fail('不是普通文件；请指定 .ttf、.otf 或 .ttc 字体文件');
    if (kind.size > MAX_FONT_BYTES) throw fail(`超过 ${MAX_FONT_BYTES / 1024 / 1024} MB，不像是字体文件`);
    read = readFaceData(source.file, kind.size);
  } catch (error) {
    if (error instanceof ReportError) throw error;
    throw new ReportError([errorFinding('FONT', describeSystemError(error, displayPath(source.file), '读取字体'), source.at)], EXIT.unusableInput);
  }
  const data = read.data;
  let opened: ReturnType<typeof createFace>;
  try {
    if (source.postscriptName) {
      const whole = createFace(data);
      if ('fonts' in whole) {
        const names = (whole.fonts as fontkit.Font[]).map((f) => f.postscriptName);
        if (!names.includes(source.postscriptName)) throw fail(`中没有名为 ${source.postscriptName} 的字体；可用的名称：${names.join('、')}`);
      }
    }
    opened = createFace(data, source.postscriptName);
  } catch (error) {
    if (error instanceof ReportError) throw error;
    throw fail('不是可识别的字体文件（应为 .ttf、.otf 或 .ttc），或已损坏');
  }
  if (!opened || !('hasGlyphForCodePoint' in opened)) {
    const names = opened && 'fonts' in opened ? (opened.fonts as fontkit.Font[]).map((f) => f.postscriptName).join('、') : '';
    throw fail(`是字体集合（.ttc/.otc），需要用「name」指定其中的一个字体${names ? `，可用的名称：${names}` : ''}`);
  }
  const font = opened as fontkit.Font;
  read.attach(font);
  const face: LoadedFace = {
    source,
    key,
    data,
    font,
    ascent: (font.ascent * 1000) / font.unitsPerEm,
    descent: (font.descent * 1000) / font.unitsPerEm,
    displayName: font.postscriptName || basename(source.file),
  };
  faceCache.set(key, face);
  return face;
}

export class FontRegistry {
  private constructor(private readonly faces: Record<FontRole, LoadedFace>) {}

  static create(overrides: Partial<Record<FontRole, FaceSource>> = {}): FontRegistry {
    const sources = { ...defaultFaces(), ...overrides };
    const faces = Object.fromEntries(FONT_ROLES.map((role) => [role, loadFace(sources[role])])) as Record<FontRole, LoadedFace>;
    return new FontRegistry(faces);
  }

  face(role: FontRole): LoadedFace {
    return this.faces[role];
  }

  /** Distinct faces in use (for writers that register each face once). */
  distinctFaces(): LoadedFace[] {
    return [...new Map(FONT_ROLES.map((r) => [this.faces[r].key, this.faces[r]])).values()];
  }

  /** Characters of `text` that the face serving them (role face, or the Latin face for ASCII) cannot draw. */
  missingGlyphs(role: FontRole, text: string): Array<{ char: string; face: LoadedFace }> {
    const missing = new Map<string, LoadedFace>();
    // Each distinct character is looked up once: a long text repeats a few thousand characters. Code points are
    // read by index, so that a long text makes no string per character.
    const seen = new Set<number>([0x0a]);
    for (let i = 0; i < text.length; i += characterLength(text, i)) {
      const codePoint = text.codePointAt(i)!;
      if (seen.has(codePoint)) continue;
      seen.add(codePoint);
      const char = String.fromCodePoint(codePoint);
      const face = isLatin(char) ? this.faces.latin : this.faces[role];
      if (!face.font.hasGlyphForCodePoint(codePoint)) missing.set(char, face);
    }
    return [...missing].map(([char, face]) => ({ char, face }));
  }
}
