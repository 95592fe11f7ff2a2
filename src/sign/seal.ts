/**
 * The seal image for a visible seal over the 落款, as a red seal sits on a printed report. PDF/A-1 forbids
 * transparency, so the image becomes a stencil mask (a 1-bit image mask), which the PDF writer paints in red: the
 * 落款 stays readable between its strokes, and the file stays PDF/A-1b.
 */
import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { errorFinding, EXIT, ReportError } from '../report-error/finding.js';

export interface SealMask {
  width: number;
  height: number;
  /** Rows of bits, most significant first; 1 where the seal is inked. */
  bits: Buffer;
}

/** Inked pixels: opaque enough and clearly not white. */
export function readSealMask(file: string): SealMask {
  let png: PNG;
  try {
    png = PNG.sync.read(readFileSync(file));
  } catch (error) {
    throw new ReportError([errorFinding('SEAL', `无法读取印章图片 ${file}：应为 PNG 图片，此文件不是或已损坏`)], EXIT.unusableInput);
  }
  const rowBytes = Math.ceil(png.width / 8);
  const bits = Buffer.alloc(rowBytes * png.height);
  for (let y = 0; y < png.height; y++) {
    for (let x = 0; x < png.width; x++) {
      const i = (y * png.width + x) * 4;
      const [r, g, b, a] = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!, png.data[i + 3]!];
      if (a > 127 && r + g + b < 3 * 230) bits[y * rowBytes + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  return { width: png.width, height: png.height, bits };
}
