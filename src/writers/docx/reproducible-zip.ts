/**
 * Zip files as the DOCX writer needs them.
 * - Parts are compressed by Node's zlib (deflate, its default level): native code, where fflate's deflate in
 *   JavaScript cost a cold build some 40 ms before V8 had compiled it. The parts that are the same in every DOCX are
 *   compressed once, by `npm run build` (package-parts.ts).
 * - fflate's streaming `Zip` lays out the archive from the compressed parts (its documented `ZipInputFile`, with
 *   size, CRC and method given): a local header, the data and a data descriptor for each part, then the central
 *   directory.
 * - docx stamps the current time into docProps/core.xml, and fflate the current local time into every entry. We
 *   supply core.xml ourselves and rewrite the entries' DOS time stamps in place, so the same input always gives the
 *   same bytes on any time zone.
 */
import { Zip, type ZipInputFile } from 'fflate';
import { crc32, deflateRawSync } from 'node:zlib';
import { escapeMarkup } from '../../markup/escape.js';

/** A part ready for the archive: its deflated bytes, and the CRC-32 and length of the bytes before. */
export interface DeflatedPart {
  data: Uint8Array<ArrayBuffer>;
  crc: number;
  size: number;
}

export function deflatedPart(content: Uint8Array): DeflatedPart {
  return { data: deflateRawSync(content), crc: crc32(content), size: content.length };
}

/** A zip archive of deflated parts, in the order given, every entry dated `when`. */
export function zipDeflated(parts: ReadonlyArray<DeflatedPart & { path: string }>, when: Date): Buffer {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure ??= error;
    else chunks.push(chunk);
  });
  for (const part of parts) {
    const file: ZipInputFile = { filename: part.path, size: part.size, crc: part.crc, compression: 8 };
    zip.add(file);
    // Zip.add gives the file its ondata; the whole part is one final chunk.
    file.ondata!(null, part.data, true);
  }
  zip.end();
  if (failure) throw failure;
  return setZipEntryTimes(Buffer.concat(chunks), when);
}

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
