/**
 * Archive folder names come from the organisation's name, made safe: no path separators, no characters Windows
 * forbids, no control characters (NUL included), no leading or trailing dots and spaces (so never `.` or `..`), no
 * reserved device names (CON, NUL, COM1, …), and at most 80 UTF-8 bytes, a long name keeping a hash of the whole
 * so that two long names stay apart. `insideArchive` then refuses any path that would leave the archive folder.
 */
import { createHash } from 'node:crypto';
import { relative, resolve, isAbsolute } from 'node:path';
import { errorFinding, EXIT, ReportError } from '../report-error/finding.js';

const MAX_BYTES = 80;
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

export function folderName(name: string): string {
  let safe = name
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
    .replace(/[\\/:*?"<>|\s]+/g, '_')
    .replace(/^[.\s_]+|[.\s]+$/g, '');
  if (RESERVED.test(safe)) safe = `_${safe}`;
  if (Buffer.byteLength(safe) > MAX_BYTES) {
    const hash = createHash('sha256').update(name).digest('hex').slice(0, 8);
    let cut = '';
    for (const ch of safe) {
      if (Buffer.byteLength(cut + ch) > MAX_BYTES - 9) break;
      cut += ch;
    }
    safe = `${cut}-${hash}`;
  }
  return safe || `org-${createHash('sha256').update(name).digest('hex').slice(0, 8)}`;
}

/** `parts` joined below `root`; refuses a result that is not strictly inside it. */
export function insideArchive(root: string, ...parts: string[]): string {
  const base = resolve(root);
  const path = resolve(base, ...parts);
  const rel = relative(base, path);
  if (!rel || rel.startsWith('..') || isAbsolute(rel)) {
    throw new ReportError([errorFinding('ARCHIVE', `归档路径 ${path} 不在归档目录 ${base} 之内`)], EXIT.internal);
  }
  return path;
}
