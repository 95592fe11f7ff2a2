/**
 * docx stamps the current time into docProps/core.xml and every zip entry. Rewrite both with a fixed time,
 * so the same input always gives the same bytes.
 */
import { unzipSync, zipSync, type Zippable } from 'fflate';

export function fixTimestamps(docx: Uint8Array, when: Date): Buffer {
  const files = unzipSync(docx);
  const iso = when.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const core = files['docProps/core.xml'];
  if (core) {
    const xml = new TextDecoder().decode(core).replace(
      /(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g,
      (_m, open: string, _tag: string, close: string) => `${open}${iso}${close}`,
    );
    files['docProps/core.xml'] = new TextEncoder().encode(xml);
  }
  const entries: Zippable = {};
  for (const [name, data] of Object.entries(files)) entries[name] = [data, { mtime: when, level: 6 }];
  return Buffer.from(zipSync(entries));
}
