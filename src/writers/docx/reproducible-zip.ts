/**
 * Zip files as the DOCX writer needs them. docx stamps the current time into docProps/core.xml, and fflate, which
 * zips the package as docx does, the current local time into every entry. We supply core.xml ourselves and rewrite
 * the entries' DOS time stamps in place, so the same input always gives the same bytes on any machine, without
 * recompressing the archive.
 */
import { escapeMarkup } from '../../markup/escape.js';

export interface CoreProperties {
  title: string;
  subject: string;
  creator: string;
  created: Date;
  /** BCP 47 tag of the document's language. */
  language: string;
}

export function corePropertiesXml(p: CoreProperties): string {
  const iso = p.created.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeMarkup(p.title)}</dc:title><dc:subject>${escapeMarkup(p.subject)}</dc:subject>` +
    `<dc:creator>${escapeMarkup(p.creator)}</dc:creator><cp:lastModifiedBy>${escapeMarkup(p.creator)}</cp:lastModifiedBy>` +
    `<dc:language>${escapeMarkup(p.language)}</dc:language><cp:revision>1</cp:revision>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${iso}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${iso}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;

/** The offset of the end of central directory record. */
function endOfCentralDirectory(zip: Buffer): number {
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== END_OF_CENTRAL_DIRECTORY) end--;
  if (end < 0) throw new Error('not a zip archive');
  return end;
}

/** Sets the modification time of every entry of a zip archive (UTC wall time, DOS format). */
export function setZipEntryTimes(zip: Buffer, when: Date): Buffer {
  const time = (when.getUTCHours() << 11) | (when.getUTCMinutes() << 5) | (when.getUTCSeconds() >> 1);
  const date = ((when.getUTCFullYear() - 1980) << 9) | ((when.getUTCMonth() + 1) << 5) | when.getUTCDate();
  const end = endOfCentralDirectory(zip);
  const count = zip.readUInt16LE(end + 10);
  let entry = zip.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(entry) !== CENTRAL_DIRECTORY_ENTRY) throw new Error('broken zip central directory');
    zip.writeUInt16LE(time, entry + 12);
    zip.writeUInt16LE(date, entry + 14);
    const local = zip.readUInt32LE(entry + 42);
    if (zip.readUInt32LE(local) !== LOCAL_FILE_HEADER) throw new Error('broken zip local header');
    zip.writeUInt16LE(time, local + 10);
    zip.writeUInt16LE(date, local + 12);
    entry += 46 + zip.readUInt16LE(entry + 28) + zip.readUInt16LE(entry + 30) + zip.readUInt16LE(entry + 32);
  }
  return zip;
}
