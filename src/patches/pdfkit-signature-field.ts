/**
 * Patch `pdfkit-signature-field` (pdfkit 0.19.1, its `_acroform`, `_root` and `page.xobjects`). pdfkit has no
 * API for a signature field or an image mask, so the PDF writer adds them to pdfmake's pdfkit document, after
 * layout and before it is written, through these two functions:
 * - a signature field: the signature dictionary with ByteRange and Contents placeholders, and a widget that keeps
 *   PDF/A-1b valid (print flag and a non-empty appearance stream, which @signpdf's pdfkit placeholder lacks);
 * - a stencil mask (a 1-bit image mask painted in one colour), which PDF/A-1 allows where transparency it does not.
 */
import { ANNOTATION_FLAGS, DEFAULT_BYTE_RANGE_PLACEHOLDER, SIG_FLAGS, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';

export interface SignatureFieldOptions {
  reason: string;
  name: string;
  location: string;
  contactInfo: string;
  signingTime: Date;
  /** Bytes reserved for the CMS in /Contents. */
  contentsLength: number;
}

/** A rectangle in PDF user space (y up), [x1, y1, x2, y2]. */
export type PdfRect = [number, number, number, number];

interface PdfKitInternals {
  ref(data: Record<string, unknown>): { end(data?: string): void; data: Record<string, unknown> };
  initForm(): void;
  _acroform?: unknown;
  _root: { data: { AcroForm: { data: { Fields: unknown[]; DR?: unknown } } } };
  page: { dictionary: unknown; annotations: unknown[] };
}

/** Adds the field on the current page, its widget over `rect`; [0, 0, 0, 0] for an invisible signature. */
export function addSignatureField(document: unknown, options: SignatureFieldOptions, rect: PdfRect = [0, 0, 0, 0]): void {
  const pdf = document as PdfKitInternals;
  const signature = pdf.ref({
    Type: 'Sig',
    Filter: 'Adobe.PPKLite',
    SubFilter: SUBFILTER_ETSI_CADES_DETACHED,
    ByteRange: [0, DEFAULT_BYTE_RANGE_PLACEHOLDER, DEFAULT_BYTE_RANGE_PLACEHOLDER, DEFAULT_BYTE_RANGE_PLACEHOLDER],
    Contents: Buffer.alloc(options.contentsLength),
    Reason: new String(options.reason),
    M: options.signingTime,
    ContactInfo: new String(options.contactInfo),
    Name: new String(options.name),
    Location: new String(options.location),
  });
  signature.end();
  if (!pdf._acroform) pdf.initForm();
  const form = pdf._root.data.AcroForm;
  form.data = { Type: 'AcroForm', SigFlags: SIG_FLAGS.SIGNATURES_EXIST | SIG_FLAGS.APPEND_ONLY, Fields: form.data.Fields, DR: form.data.DR } as never;
  const appearance = pdf.ref({ Type: 'XObject', Subtype: 'Form', BBox: [0, 0, rect[2] - rect[0], rect[3] - rect[1]], Resources: {} });
  appearance.end('q Q'); // non-empty, or pdfkit writes a dictionary instead of a stream
  const widget = pdf.ref({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    Rect: rect,
    F: ANNOTATION_FLAGS.PRINT,
    AP: { N: appearance },
    V: signature,
    T: new String(`Signature${form.data.Fields.length + 1}`),
    P: pdf.page.dictionary,
  });
  pdf.page.annotations.push(widget);
  form.data.Fields.push(widget);
  widget.end();
}

/** A 1-bit image: rows of bits, most significant first; 1 where the colour is painted. */
export interface StencilMask {
  width: number;
  height: number;
  bits: Buffer;
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

/**
 * Paints the mask in `colour` (PDF rg operands) on the current page with its centre at (x, y), measured from the
 * page's top left as pdfkit measures (its content is y-down), `size` points wide. Returns the rectangle it covers.
 */
export function drawStencilMask(document: unknown, mask: StencilMask, centre: { x: number; y: number }, size: number, colour: string): PdfRect {
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
  pdf.addContent(`q ${colour} rg ${size.toFixed(2)} 0 0 ${(-height).toFixed(2)} ${x.toFixed(2)} ${(top + height).toFixed(2)} cm /Seal Do Q`);
  const pageHeight = pdf.page.height;
  return [x, pageHeight - (top + height), x + size, pageHeight - top];
}
