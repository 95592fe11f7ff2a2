/**
 * A signature field added to pdfmake's pdfkit document before it is written: the signature dictionary with
 * ByteRange and Contents placeholders, and a widget that keeps PDF/A-1b valid (print flag and a non-empty
 * appearance stream, which @signpdf's pdfkit placeholder lacks; libraries.md §2.2).
 */
import { ANNOTATION_FLAGS, DEFAULT_BYTE_RANGE_PLACEHOLDER, SIG_FLAGS, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';

/** Room for the CMS: certificate chain and RSA-4096 signature fit with plenty to spare. */
export const SIGNATURE_LENGTH = 16384;

export interface PlaceholderOptions {
  reason: string;
  name: string;
  location: string;
  contactInfo: string;
  signingTime: Date;
  /** Widget rectangle in PDF user space, [x1, y1, x2, y2]; [0, 0, 0, 0] for an invisible signature. */
  rect?: [number, number, number, number];
}

interface PdfKitInternals {
  ref(data: Record<string, unknown>): { end(data?: string): void; data: Record<string, unknown> };
  initForm(): void;
  _acroform?: unknown;
  _root: { data: { AcroForm: { data: { Fields: unknown[]; DR?: unknown } } } };
  page: { dictionary: unknown; annotations: unknown[] };
}

export function addSignaturePlaceholder(document: unknown, options: PlaceholderOptions): void {
  const pdf = document as PdfKitInternals;
  const rect = options.rect ?? [0, 0, 0, 0];
  const signature = pdf.ref({
    Type: 'Sig',
    Filter: 'Adobe.PPKLite',
    SubFilter: SUBFILTER_ETSI_CADES_DETACHED,
    ByteRange: [0, DEFAULT_BYTE_RANGE_PLACEHOLDER, DEFAULT_BYTE_RANGE_PLACEHOLDER, DEFAULT_BYTE_RANGE_PLACEHOLDER],
    Contents: Buffer.alloc(SIGNATURE_LENGTH),
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
