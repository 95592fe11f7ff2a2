/**
 * The registry's faces for one PDF: each distinct face under a family name of its own, as pdfmake's document
 * registers fonts, and which family serves a role.
 */
import type { FontRegistry, LoadedFace } from '../../fonts/font-registry.js';
import type { FontRole } from '../../fonts/font-role.js';

/** pdfmake's font descriptors: a face's bytes, and its PostScript name when the file is a collection. */
export type FontDescriptors = Record<string, { normal: [Buffer, string] | [Buffer] }>;

export interface PdfFaces {
  family(role: FontRole): string;
  face(role: FontRole): LoadedFace;
  descriptors(): FontDescriptors;
}

export function pdfFaces(fonts: FontRegistry): PdfFaces {
  const families = new Map<string, string>();
  const descriptors: FontDescriptors = {};
  for (const face of fonts.distinctFaces()) {
    const family = `face${families.size}`;
    families.set(face.key, family);
    descriptors[family] = { normal: face.source.postscriptName ? [face.data, face.source.postscriptName] : [face.data] };
  }
  return {
    family: (role) => families.get(fonts.face(role).key)!,
    face: (role) => fonts.face(role),
    descriptors: () => descriptors,
  };
}
