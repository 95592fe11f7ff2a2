/**
 * Reads one input file (data, organisation profile, last year's file, template, configuration) the one way every
 * input is read: it must be a regular file (not a folder, device or pipe), no larger than a cap, and UTF-8 text.
 * A file saved as GBK, GB18030 or UTF-16 is named as such, instead of passing on garbled text.
 */
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { EXIT, errorFinding, ReportError } from '../report-error/finding.js';
import { describeSystemError } from '../report-error/system-error.js';
import { displayPath } from '../report-error/display-path.js';

/** The largest input read: a year's data file is a few KB, a template less. */
export const MAX_INPUT_BYTES = 4 * 1024 * 1024;

export interface InputRead {
  /** What the file is, for messages: 数据文件, 机关信息文件, 模板, 配置文件 … */
  what?: string;
  /** The path as the user should see it (relative to the working folder by default). */
  displayPath?: string;
}

/** The file's text without a byte-order mark; throws a ReportError (exit 2) naming the file otherwise. */
export function readInputText(file: string, options: InputRead = {}): string {
  const what = options.what ?? '数据文件';
  const shown = options.displayPath ?? displayPath(file);
  const refuse = (message: string) => new ReportError([errorFinding('FILE', message)], EXIT.unusableInput);
  let fd: number | undefined;
  try {
    // The type is asked of the path before it is opened: opening a pipe would wait for a writer.
    const kind = statSync(file);
    if (kind.isDirectory()) throw refuse(`${what} ${shown} 是文件夹，应为文件`);
    if (!kind.isFile()) throw refuse(`${what} ${shown} 不是普通文件（可能是设备或管道），请给出普通文件`);
    if (kind.size > MAX_INPUT_BYTES) throw refuse(tooLarge(what, shown));
    fd = openSync(file, 'r');
    // A file swapped after the check is still refused: the open file is checked and read only up to the cap.
    if (!fstatSync(fd).isFile()) throw refuse(`${what} ${shown} 不是普通文件（可能是设备或管道），请给出普通文件`);
    const bytes = readUpTo(fd, MAX_INPUT_BYTES + 1, kind.size);
    if (bytes.length > MAX_INPUT_BYTES) throw refuse(tooLarge(what, shown));
    const text = utf8Text(bytes);
    if (text !== undefined) return text.replace(/^\uFEFF/, '');
    const encoding = notUtf8(bytes) ?? 'binary';
    if (encoding === 'binary') throw refuse(`${what} ${shown} 不是文本文件，请检查文件是否选错`);
    throw refuse(`${what} ${shown} 不是 UTF-8 编码（疑似 ${encoding}），请另存为 UTF-8`);
  } catch (error) {
    if (error instanceof ReportError) throw error;
    throw new ReportError([errorFinding('FILE', describeSystemError(error, shown, `读取${what}`))], EXIT.unusableInput);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * The file's bytes, at most `limit` of them. The buffer starts at the size the file had when it was checked and
 * grows if the file grew since, so a small file costs a small buffer.
 */
export function readUpTo(fd: number, limit: number, expected: number): Buffer {
  let buffer = Buffer.allocUnsafe(Math.min(limit, expected + 1));
  let length = 0;
  for (;;) {
    const n = readSync(fd, buffer, length, buffer.length - length, null);
    length += n;
    if (n === 0 || length === limit) return buffer.subarray(0, length);
    if (length === buffer.length) {
      const larger = Buffer.allocUnsafe(Math.min(limit, buffer.length * 2));
      buffer.copy(larger, 0, 0, length);
      buffer = larger;
    }
  }
}

/** The text of UTF-8 bytes that hold no zero byte (UTF-16 or binary data), or undefined. */
function utf8Text(bytes: Uint8Array): string | undefined {
  if (bytes.includes(0)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function tooLarge(what: string, shown: string): string {
  return `${what} ${shown} 超过 ${MAX_INPUT_BYTES / 1024 / 1024} MB，不像是报告的输入；请检查文件是否选错`;
}

/**
 * The likely encoding of text that is not UTF-8 ('binary' for no text at all), or undefined for UTF-8 (with or
 * without a BOM).
 */
export function notUtf8(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'UTF-16LE';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'UTF-16BE';
  // UTF-16 without a BOM: ASCII text then has a zero byte in every other place, and (nearly) only there.
  const sample = bytes.subarray(0, 4096);
  const zeros = [0, 0];
  sample.forEach((byte, i) => {
    if (byte === 0) zeros[i % 2]!++;
  });
  if (zeros[0]! * 8 >= sample.length && zeros[0]! >= zeros[1]! * 8 && sample.length > 0) return 'UTF-16BE';
  if (zeros[1]! * 8 >= sample.length && zeros[1]! >= zeros[0]! * 8 && sample.length > 0) return 'UTF-16LE';
  if (zeros[0]! + zeros[1]! > 0) return 'binary';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return undefined;
  } catch {
    try {
      new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    } catch {
      return 'binary';
    }
    // GB18030 adds four-byte sequences (second byte 0x30–0x39) to GBK's two-byte ones.
    for (let i = 0; i + 1 < bytes.length; i++) {
      if (bytes[i]! >= 0x81 && bytes[i]! <= 0xfe) {
        if (bytes[i + 1]! >= 0x30 && bytes[i + 1]! <= 0x39) return 'GB18030';
        i++;
      }
    }
    return 'GBK';
  }
}
