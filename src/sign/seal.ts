/**
 * A visible seal over the 落款, as a red seal sits on a printed report. PDF/A-1 forbids transparency, so the seal
 * image becomes a stencil mask (a 1-bit image mask painted in red): the 落款 stays readable between its strokes,
 * and the file stays PDF/A-1b.
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

interface PdfKitPage {
  xobjects: Record<string, unknown>;
  height: number;
}

interface PdfKitDocument {
  ref(data: Record<string, unknown>): { end(data?: Buffer): void };
  page: PdfKitPage;
  addContent(content: string): void;
}

/** The seal's red, close to the 印泥 red of printed seals. */
const SEAL_RED = '0.90 0.05 0.05';

/**
 * Draws the mask on the current page with its centre at (x, y), measured from the page's top left as pdfkit
 * measures (its content is y-down), `size` points wide. Returns the rectangle in PDF user space (y-up).
 */
export function drawSeal(document: unknown, mask: SealMask, centre: { x: number; y: number }, size: number): [number, number, number, number] {
  const pdf = document as PdfKitDocument;
  const image = pdf.ref({
    Type: 'XObject',
    Subtype: 'Image',
    Width: mask.width,
    Height: mask.height,
    ImageMask: true,
    BitsPerComponent: 1,
    Decode: [1, 0],
  });
  image.end(mask.bits);
  pdf.page.xobjects.Seal = image;
  const height = (size * mask.height) / mask.width;
  const x = centre.x - size / 2;
  const top = centre.y - height / 2;
  // The image's own y runs up; pdfkit's page runs down, so the image is placed flipped, as pdfkit's image() does.
  pdf.addContent(`q ${SEAL_RED} rg ${size.toFixed(2)} 0 0 ${(-height).toFixed(2)} ${x.toFixed(2)} ${(top + height).toFixed(2)} cm /Seal Do Q`);
  const pageHeight = pdf.page.height;
  return [x, pageHeight - (top + height), x + size, pageHeight - top];
}
