/**
 * word/fontTable.xml: every face the document names, with charset, family, pitch, PANOSE and an alternative
 * name, so that Word, WPS and LibreOffice on a PC without the face substitute a Chinese face of its kind.
 */
import { escapeMarkup } from '../../markup/escape.js';
import type { OfficeFace } from '../../fonts/office-faces.js';

export function fontTableXml(faces: readonly OfficeFace[]): string {
  const entries = faces.map(
    (face) =>
      `<w:font w:name="${escapeMarkup(face.name)}">` +
      (face.altName ? `<w:altName w:val="${escapeMarkup(face.altName)}"/>` : '') +
      `<w:panose1 w:val="${face.panose1}"/><w:charset w:val="${face.charset}"/>` +
      `<w:family w:val="${face.family}"/><w:pitch w:val="${face.pitch}"/></w:font>`,
  );
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    entries.join('') +
    '</w:fonts>'
  );
}
