/**
 * Registers the registry's faces with pdfmake once per process, through its virtual file system (pdfmake
 * does not accept Buffers in addFonts), and answers which pdfmake family serves a role.
 */
import { loadPdfmake } from '../../patches/load-pdfmake.js';
import type { FontRegistry, LoadedFace } from '../../fonts/font-registry.js';
import type { FontRole } from '../../fonts/font-role.js';

interface VirtualFs {
  writeFileSync(path: string, data: Buffer): void;
}

const registered = new Map<string, string>();

function familyOf(face: LoadedFace): string {
  const known = registered.get(face.key);
  if (known) return known;
  const family = `face${registered.size}`;
  const path = `fonts/${family}`;
  const pdfmake = loadPdfmake();
  (pdfmake as unknown as { virtualfs: VirtualFs }).virtualfs.writeFileSync(path, face.data);
  const file = face.source.postscriptName ? [path, face.source.postscriptName] : path;
  pdfmake.addFonts({ [family]: { normal: file, bold: file, italics: file, bolditalics: file } } as never);
  registered.set(face.key, family);
  return family;
}

export interface PdfFaces {
  family(role: FontRole): string;
  face(role: FontRole): LoadedFace;
}

export function pdfFaces(fonts: FontRegistry): PdfFaces {
  const pdfmake = loadPdfmake();
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  for (const face of fonts.distinctFaces()) familyOf(face);
  return {
    family: (role) => familyOf(fonts.face(role)),
    face: (role) => fonts.face(role),
  };
}
