/**
 * A TrueType face read without its glyph outlines: the `glyf` table, most of a CJK face's bytes (some 12 of the
 * 14 MB of Noto Serif SC), is read from the file only where a glyph the process uses lies. A report uses a few
 * hundred of a face's 30,000–65,000 glyphs, so a build reads a few MB of its four CJK faces rather than 53 MB.
 *
 * The face's buffer has the file's full size; every table but `glyf` is read at once, and the outline of a glyph
 * is read (in 4 KB blocks) when fontkit first makes that glyph (`_getBaseGlyph`, through which every glyph of a
 * TrueType face is made: shaping, metrics, outlines, pdfkit's subsets). Bytes are those of the file, so the PDF is
 * unchanged. Collections, CFF faces and files whose table directory does not add up are read whole.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { errorFinding, EXIT, ReportError } from '../report-error/finding.js';
import { isPatchApplied } from './apply-library-patches.js';

const BLOCK = 4096;

export interface FaceData {
  data: Buffer;
  /** Makes `font` read outlines as its glyphs are made; a no-op for a file read whole. */
  attach(font: object): void;
}

interface Glyf {
  start: number;
  end: number;
}

/** Reads `length` bytes at `position` into `data` at the same offset. */
function readAt(fd: number, data: Buffer, position: number, length: number): void {
  let done = 0;
  while (done < length) {
    const got = readSync(fd, data, position + done, length - done, position + done);
    if (got === 0) throw new Error(`font file ended at ${position + done} of ${data.length} bytes`);
    done += got;
  }
}

/** The `glyf` table's extent from the table directory of a TrueType file, when it is one and it adds up. */
function glyfOf(head: Buffer, size: number): Glyf | undefined {
  const version = head.readUInt32BE(0);
  if (version !== 0x00010000 && version !== 0x74727565 /* 'true' */) return undefined;
  const tables = head.readUInt16BE(4);
  if (head.length < 12 + 16 * tables) return undefined;
  for (let i = 0; i < tables; i++) {
    const record = 12 + 16 * i;
    if (head.toString('latin1', record, record + 4) !== 'glyf') continue;
    const start = head.readUInt32BE(record + 8);
    const length = head.readUInt32BE(record + 12);
    return start >= 12 + 16 * tables && start + length <= size ? { start, end: start + length } : undefined;
  }
  return undefined;
}

interface TrueTypeFace {
  loca?: { offsets: ArrayLike<number> };
  _glyphs?: Record<number, unknown>;
  _getBaseGlyph(id: number, characters?: number[]): unknown;
}

export function readFaceData(file: string, size: number): FaceData {
  const fd = openSync(file, 'r');
  let keepOpen = false;
  try {
    const data = Buffer.alloc(size);
    readAt(fd, data, 0, Math.min(size, 12));
    const directory = size >= 12 ? 12 + 16 * data.readUInt16BE(4) : 0;
    if (directory > 12 && directory <= size) readAt(fd, data, 12, directory - 12);
    // Only the faces shared with pdfkit get the hook that reads outlines: a face pdfkit parsed by itself from this
    // buffer would take the unread outlines for empty ones.
    const onDemand = isPatchApplied('fontkit-glyf-on-demand') && isPatchApplied('fontkit-shared-faces');
    const glyf = size >= 12 && onDemand ? glyfOf(data.subarray(0, directory), size) : undefined;
    if (!glyf) {
      readAt(fd, data, 0, size);
      return { data, attach: () => undefined };
    }
    readAt(fd, data, directory, glyf.start - directory);
    readAt(fd, data, glyf.end, size - glyf.end);
    const loaded = new Uint8Array(Math.ceil((glyf.end - glyf.start) / BLOCK));
    const written = fstatSync(fd).mtimeMs;
    const ensure = (from: number, to: number) => {
      const first = Math.floor((from - glyf.start) / BLOCK);
      const last = Math.floor((to - 1 - glyf.start) / BLOCK);
      for (let block = first; block <= last; block++) {
        if (loaded[block]) continue;
        // Runs of missing blocks are read in one call.
        let end = block;
        while (end + 1 <= last && !loaded[end + 1]) end++;
        // Outlines of a file rewritten since its tables were read would not belong to them.
        if (fstatSync(fd).mtimeMs !== written) throw new ReportError([errorFinding('FONT', `字体 ${file} 在生成过程中被改动；请重新运行`)], EXIT.unusableInput);
        const at = glyf.start + block * BLOCK;
        readAt(fd, data, at, Math.min(glyf.start + (end + 1) * BLOCK, glyf.end) - at);
        loaded.fill(1, block, end + 1);
        block = end;
      }
    };
    keepOpen = true;
    return {
      data,
      attach(font) {
        const face = font as TrueTypeFace;
        const outline = (id: number) => {
          const offsets = face.loca?.offsets;
          const from = offsets?.[id];
          const to = offsets?.[id + 1];
          if (from === undefined || to === undefined || to <= from) return;
          // An offset past the table (a damaged face) reads the whole table, as a full read would have had it.
          if (glyf.start + to <= glyf.end) ensure(glyf.start + from, glyf.start + to);
          else ensure(glyf.start, glyf.end);
        };
        // Glyphs made while the face was opened (fontkit's and our own set-up) are read now.
        for (const id of Object.keys(face._glyphs ?? {})) outline(Number(id));
        const make = face._getBaseGlyph;
        face._getBaseGlyph = function (this: TrueTypeFace, id: number, characters?: number[]) {
          outline(id);
          return make.call(this, id, characters);
        };
      },
    };
  } finally {
    // The file stays open while its outlines may still be read: for the life of the process, as the face does.
    if (!keepOpen) closeSync(fd);
  }
}
