/**
 * pdfmake's document and renderer for the PDF writer, with the patches that `applyLibraryPatches()` switched on put
 * in place before they are first used: pdfkit finds the shared fontkit when it loads, and the modules of its
 * encryption and of pdfmake's SVG drawing wait until used.
 *
 * The writer lays out every line and every rule itself (src/writers/pdf/draw-pages.ts), so it uses pdfmake's
 * `PDFDocument` (pdfkit with pdfmake's font handling) and `Renderer` (which draws pages of positioned lines and
 * vectors) and not its layout engine: `pdfmake`'s own entry point, which loads that engine, is never loaded. Both
 * classes are pdfmake's modules rather than its documented API, so they are used only with the one version they
 * were written against: pdfmake's entry in library-patches.ts (`pdfmake-deferred-svg-qr`) pins it, and start-up
 * stops when another is installed.
 */
import { createRequire } from 'node:module';
import { shareFontkitWithPdfkit } from './fontkit-shared-faces.js';
import { deferPdfkitCrypto, deferPdfmakeSvgAndQr } from './deferred-modules.js';

const require = createRequire(import.meta.url);

/** What the writer uses of pdfkit's document, as pdfmake's `PDFDocument` extends it. */
export interface PdfDocument {
  provideFont(family: string, bold: boolean, italics: boolean): PdfFont;
  switchToPage(index: number): void;
  on(event: 'data', listener: (chunk: Buffer) => void): this;
  on(event: 'end' | 'error', listener: (error?: Error) => void): this;
  end(): void;
}

/** A font as pdfkit holds it: its ascender (thousandths of the size), and the width of a text as pdfkit sets it. */
export interface PdfFont {
  ascender: number;
  widthOfString(text: string, size: number): number;
}

export interface PdfmakeRenderer {
  renderPages(pages: readonly object[]): void;
}

export interface Pdfmake {
  PDFDocument: new (
    fonts: object,
    images: object,
    patterns: object,
    attachments: object,
    options: object,
    virtualfs: null,
  ) => PdfDocument;
  Renderer: new (document: PdfDocument) => PdfmakeRenderer;
}

let pdfmake: Pdfmake | undefined;

export function loadPdfmake(): Pdfmake {
  if (pdfmake) return pdfmake;
  shareFontkitWithPdfkit();
  deferPdfkitCrypto();
  deferPdfmakeSvgAndQr();
  const load = (file: string) => (require(`pdfmake/js/${file}.js`) as { default: unknown }).default;
  return (pdfmake = { PDFDocument: load('PDFDocument') as Pdfmake['PDFDocument'], Renderer: load('Renderer') as Pdfmake['Renderer'] });
}
