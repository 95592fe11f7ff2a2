/**
 * pdf-lib's PDFDocument.load, without the English warnings pdf-lib prints to the console about damaged objects:
 * the callers report what is wrong in their own (Chinese) words. Undefined when the file cannot be read at all.
 */
import { PDFDocument } from 'pdf-lib';

export async function loadPdfQuietly(bytes: Uint8Array): Promise<PDFDocument | undefined> {
  const warn = console.warn;
  console.warn = () => undefined;
  try {
    return await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true, throwOnInvalidObject: false });
  } catch {
    return undefined;
  } finally {
    console.warn = warn;
  }
}
