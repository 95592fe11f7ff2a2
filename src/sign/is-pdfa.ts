/**
 * Whether a PDF declares PDF/A-1 level B (or A, which includes B) in the XMP metadata of its catalog, read
 * through the PDF's structure with pdf-lib. PDF/A-1 forbids filters on the metadata stream, so a filtered one
 * does not count.
 */
import { PDFDict, PDFName, PDFRawStream } from 'pdf-lib';
import { loadPdfQuietly } from './load-pdf-quietly.js';

export async function declaresPdfA1b(pdf: Buffer): Promise<boolean> {
  const document = await loadPdfQuietly(pdf);
  if (!document) return false;
  const metadata = document.catalog.lookup(PDFName.of('Metadata'));
  if (!(metadata instanceof PDFRawStream) || (metadata.dict as PDFDict).has(PDFName.of('Filter'))) return false;
  const xmp = Buffer.from(metadata.contents).toString('utf8');
  const part = /pdfaid:part(?:="|>)\s*(\d+)/.exec(xmp)?.[1];
  const conformance = /pdfaid:conformance(?:="|>)\s*([A-Za-z])/.exec(xmp)?.[1];
  return part === '1' && (conformance === 'B' || conformance === 'A' || conformance === 'b' || conformance === 'a');
}
