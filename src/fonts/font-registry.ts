/**
 * Maps each role to one loaded face. Every face file is read and parsed once per process, however many
 * roles or documents use it.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type * as fontkit from 'fontkit';
import { createFace } from './shared-fontkit.js';
import { errorFinding, EXIT, ReportError } from '../report-error/finding.js';
import { defaultFaces, type FaceSource } from './faces.js';
import { FONT_ROLES, isLatin, type FontRole } from './font-role.js';

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

function loadFace(source: FaceSource): LoadedFace {
  const key = `${source.file}#${source.postscriptName ?? ''}`;
  const cached = faceCache.get(key);
  if (cached) return cached;
  let face: LoadedFace;
  try {
    const data = readFileSync(source.file);
    const opened = createFace(data, source.postscriptName);
    if (!('hasGlyphForCodePoint' in opened)) {
      throw new Error('字体集合（.ttc/.otc）需要用 name 指定其中的字体（PostScript 名称）');
    }
    const font = opened as fontkit.Font;
    face = {
      source,
      key,
      data,
      font,
      ascent: (font.ascent * 1000) / font.unitsPerEm,
      descent: (font.descent * 1000) / font.unitsPerEm,
      displayName: font.postscriptName || basename(source.file),
    };
  } catch (error) {
    throw new ReportError([errorFinding('FONT', `无法读取字体 ${source.file}：${(error as Error).message}`)], EXIT.unusableInput);
  }
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
    for (const char of text) {
      if (char === '\n' || missing.has(char)) continue;
      const face = isLatin(char) ? this.faces.latin : this.faces[role];
      if (!face.font.hasGlyphForCodePoint(char.codePointAt(0)!)) missing.set(char, face);
    }
    return [...missing].map(([char, face]) => ({ char, face }));
  }
}
