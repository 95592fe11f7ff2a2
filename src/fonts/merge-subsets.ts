/**
 * One TrueType face from the unicode-range subsets a web font is published in (one WOFF2 file per range, all
 * cut from the same face): every mapped glyph's outline, as fontkit decodes it, is written as a simple TrueType
 * glyph into one glyf table with one cmap; the tables the subsets share are copied from the first.
 * The result depends only on the input files, so a PDF using it stays byte-identical.
 */
import type * as Fontkit from 'fontkit';
import { createFace } from '../patches/fontkit-shared-faces.js';

/** A table of the (decompressed) source face, as stored. */
function rawTable(font: Fontkit.Font, tag: string): Buffer {
  const entry = (font as unknown as { directory: { tables: Record<string, { length: number }> } }).directory.tables[tag];
  const stream = (font as unknown as { _getTableStream(t: string): { pos: number; buffer: Uint8Array } })._getTableStream(tag);
  return Buffer.from(stream.buffer.subarray(stream.pos, stream.pos + entry!.length));
}

function metric(glyph: Fontkit.Glyph): Buffer {
  const entry = Buffer.alloc(4);
  entry.writeUInt16BE(Math.round(glyph.advanceWidth), 0);
  entry.writeInt16BE(Math.round(glyph.bbox.minX === Infinity ? 0 : glyph.bbox.minX), 2);
  return entry;
}

const pad4 = (b: Buffer) => (b.length % 4 ? Buffer.concat([b, Buffer.alloc(4 - (b.length % 4))]) : b);

function checksum(b: Buffer): number {
  const padded = pad4(b);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  return sum;
}

/** cmap with one format 12 subtable (Windows, Unicode full repertoire). */
function cmapTable(map: Array<[number, number]>): Buffer {
  const groups: Array<[number, number, number]> = [];
  for (const [cp, gid] of map) {
    const last = groups[groups.length - 1];
    if (last && cp === last[1] + 1 && gid === last[2] + (cp - last[0])) last[1] = cp;
    else groups.push([cp, cp, gid]);
  }
  const sub = Buffer.alloc(16 + 12 * groups.length);
  sub.writeUInt16BE(12, 0);
  sub.writeUInt32BE(sub.length, 4);
  sub.writeUInt32BE(groups.length, 12);
  groups.forEach(([start, end, gid], i) => {
    sub.writeUInt32BE(start, 16 + 12 * i);
    sub.writeUInt32BE(end, 20 + 12 * i);
    sub.writeUInt32BE(gid, 24 + 12 * i);
  });
  const head = Buffer.alloc(12);
  head.writeUInt16BE(1, 2);
  head.writeUInt16BE(3, 4);
  head.writeUInt16BE(10, 6);
  head.writeUInt32BE(12, 8);
  return Buffer.concat([head, sub]);
}

/** Merges the subsets (WOFF2, WOFF, TTF or OTF with glyf outlines) of one face into one TrueType font. */
/**
 * A simple TrueType glyph from a glyph's outline (quadratic, as in glyf: moveTo/lineTo/quadraticCurveTo/closePath).
 * Composite glyphs come out as simple ones, their components resolved in the outline.
 */
function encodeGlyph(path: Fontkit.Glyph['path']): Buffer {
  const contours: Array<Array<{ x: number; y: number; on: boolean }>> = [];
  let contour: Array<{ x: number; y: number; on: boolean }> = [];
  const close = () => {
    if (contour.length) contours.push(contour);
    contour = [];
  };
  // An on-curve point halfway between two off-curve points is implied in glyf; leaving it out keeps it exact.
  let lastControl: [number, number] | undefined;
  let lastEnd: [number, number] | undefined;
  for (const { command, args } of path.commands as Array<{ command: string; args: number[] }>) {
    const r = args.map(Math.round);
    if (command === 'moveTo') {
      close();
      contour.push({ x: r[0]!, y: r[1]!, on: true });
      lastControl = undefined;
    } else if (command === 'lineTo') {
      contour.push({ x: r[0]!, y: r[1]!, on: true });
      lastControl = undefined;
    } else if (command === 'quadraticCurveTo') {
      const implied =
        lastControl && lastEnd && lastEnd[0] === (lastControl[0] + args[0]!) / 2 && lastEnd[1] === (lastControl[1] + args[1]!) / 2 && contour[contour.length - 1]?.on;
      if (implied) contour.pop();
      contour.push({ x: r[0]!, y: r[1]!, on: false }, { x: r[2]!, y: r[3]!, on: true });
      lastControl = [args[0]!, args[1]!];
      lastEnd = [args[2]!, args[3]!];
    } else if (command === 'closePath') close();
    else throw new Error(`unexpected outline command ${command}`);
  }
  close();
  if (!contours.length) return Buffer.alloc(0);
  const points = contours.flat();
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const header = Buffer.alloc(10 + 2 * contours.length + 2);
  header.writeInt16BE(contours.length, 0);
  header.writeInt16BE(Math.min(...xs), 2);
  header.writeInt16BE(Math.min(...ys), 4);
  header.writeInt16BE(Math.max(...xs), 6);
  header.writeInt16BE(Math.max(...ys), 8);
  let end = -1;
  contours.forEach((c, i) => header.writeUInt16BE((end += c.length), 10 + 2 * i));
  header.writeUInt16BE(0, 10 + 2 * contours.length);
  const flags = Buffer.from(points.map((p) => (p.on ? 1 : 0)));
  const coords = Buffer.alloc(4 * points.length);
  let x = 0;
  let y = 0;
  points.forEach((p, i) => {
    coords.writeInt16BE(p.x - x, 2 * i);
    x = p.x;
  });
  points.forEach((p, i) => {
    coords.writeInt16BE(p.y - y, 2 * points.length + 2 * i);
    y = p.y;
  });
  return Buffer.concat([header, flags, coords]);
}

/** Merges the subsets (WOFF2, WOFF or TTF with glyf outlines) of one face into one TrueType font. */
export function mergeSubsets(files: readonly Buffer[]): Buffer {
  const glyphs: Buffer[] = [];
  const metrics: Buffer[] = [];
  const map = new Map<number, number>();
  let first: Fontkit.Font | undefined;
  for (const data of files) {
    const font = createFace(data) as Fontkit.Font;
    if (!first) {
      first = font;
      glyphs.push(encodeGlyph(font.getGlyph(0).path));
      metrics.push(metric(font.getGlyph(0)));
    }
    for (const cp of [...font.characterSet].sort((a, b) => a - b)) {
      if (map.has(cp)) continue;
      const glyph = font.glyphForCodePoint(cp);
      if (glyph.id === 0) continue;
      map.set(cp, glyphs.length);
      glyphs.push(encodeGlyph(glyph.path));
      metrics.push(metric(glyph));
    }
  }
  if (!first) throw new Error('no subset files');
  const loca = Buffer.alloc(4 * (glyphs.length + 1));
  let at = 0;
  const padded = glyphs.map((g) => pad4(g));
  padded.forEach((g, i) => {
    loca.writeUInt32BE(at, 4 * i);
    at += g.length;
  });
  loca.writeUInt32BE(at, 4 * glyphs.length);
  const head = rawTable(first, 'head');
  head.writeUInt32BE(0, 8);
  head.writeInt16BE(1, 50);
  const hhea = rawTable(first, 'hhea');
  hhea.writeUInt16BE(glyphs.length, 34);
  hhea.writeUInt16BE(Math.max(...metrics.map((m) => m.readUInt16BE(0))), 10);
  const maxp = rawTable(first, 'maxp');
  maxp.writeUInt16BE(glyphs.length, 4);
  const post = Buffer.alloc(32);
  rawTable(first, 'post').copy(post, 0, 0, 32);
  post.writeUInt32BE(0x00030000, 0);
  const tables: Array<[string, Buffer]> = [
    ['OS/2', rawTable(first, 'OS/2')],
    ['cmap', cmapTable([...map].sort((a, b) => a[0] - b[0]))],
    ['glyf', Buffer.concat(padded)],
    ['head', head],
    ['hhea', hhea],
    ['hmtx', Buffer.concat(metrics)],
    ['loca', loca],
    ['maxp', maxp],
    ['name', rawTable(first, 'name')],
    ['post', post],
  ];
  const headerLength = 12 + 16 * tables.length;
  const header = Buffer.alloc(headerLength);
  header.writeUInt32BE(0x00010000, 0);
  header.writeUInt16BE(tables.length, 4);
  const log2 = Math.floor(Math.log2(tables.length));
  header.writeUInt16BE(16 * 2 ** log2, 6);
  header.writeUInt16BE(log2, 8);
  header.writeUInt16BE(16 * tables.length - 16 * 2 ** log2, 10);
  let offset = headerLength;
  const bodies: Buffer[] = [];
  tables.forEach(([tag, data], i) => {
    const record = 12 + 16 * i;
    header.write(tag, record, 'latin1');
    header.writeUInt32BE(checksum(data), record + 4);
    header.writeUInt32BE(offset, record + 8);
    header.writeUInt32BE(data.length, record + 12);
    bodies.push(pad4(data));
    offset += pad4(data).length;
  });
  const font = Buffer.concat([header, ...bodies]);
  const headAt = header.readUInt32BE(12 + 16 * 3 + 8);
  font.writeUInt32BE((0xb1b0afba - checksum(font)) >>> 0, headAt + 8);
  return font;
}
