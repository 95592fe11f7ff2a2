/**
 * Signed archival PDFs: the report rendered as PDF/A-1b with a signature field, then signed (PAdES B-B) over the
 * whole file by @signpdf with our CMS.
 */
import { SignPdf } from '@signpdf/signpdf';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { Signer, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import { PDFDocument } from 'pdf-lib';
import { errorFinding, EXIT, ReportError } from '../report-error/finding.js';
import type { FontRegistry } from '../fonts/font-registry.js';
import type { ReportDocument } from '../model/document.js';
import { writePdf } from '../writers/pdf/write-pdf.js';
import { mm } from '../layout/page.js';
import { readSealMask } from './seal.js';
import { createPadesSignature } from './cms.js';
import type { SigningIdentity } from './p12.js';

/** Room for the CMS: certificate chain and RSA-4096 signature fit with plenty to spare. */
const SIGNATURE_LENGTH = 16384;

class PadesSigner extends Signer {
  constructor(private readonly identity: SigningIdentity) {
    super();
  }

  override async sign(content: Buffer): Promise<Buffer> {
    return createPadesSignature(content, this.identity);
  }
}

export interface SignOptions {
  signingTime: Date;
  reason: string;
  location: string;
  /** A seal image (PNG) drawn over the 落款; the signature field sits on it. */
  sealFile?: string;
}

/** A 4.2 cm seal, the common size of a unit's official seal. */
const SEAL_SIZE = mm(42);

/**
 * Signs an existing PDF (for example one built with --archival): pdf-lib rewrites it with a signature field whose
 * widget keeps PDF/A-1b valid (print flag and appearance, no object streams; libraries.md §2.1), then it is signed.
 */
export async function signExistingPdf(pdf: Buffer, identity: SigningIdentity, options: SignOptions & { name: string }): Promise<Buffer> {
  let document: PDFDocument;
  try {
    document = await PDFDocument.load(pdf, { updateMetadata: false });
  } catch (error) {
    throw new ReportError([errorFinding('SIGN', '无法读取 PDF：文件已损坏、已加密或不是 PDF')], EXIT.unusableInput);
  }
  if (/\/ByteRange\s*\[/.test(pdf.toString('latin1'))) {
    throw new ReportError([errorFinding('SIGN', '此 PDF 已经签章；再次签章请对数据文件签章（report-gen sign data/…yaml）')], EXIT.unusableInput);
  }
  pdflibAddPlaceholder({
    pdfDoc: document,
    reason: options.reason,
    contactInfo: options.name,
    name: options.name,
    location: options.location,
    signingTime: options.signingTime,
    signatureLength: SIGNATURE_LENGTH,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
  });
  const withField = Buffer.from(await document.save({ useObjectStreams: false }));
  return new SignPdf().sign(withField, new PadesSigner(identity), options.signingTime);
}

export async function renderSignedPdf(document: ReportDocument, fonts: FontRegistry, identity: SigningIdentity, options: SignOptions): Promise<Buffer> {
  const seal = options.sealFile ? readSealMask(options.sealFile) : undefined;
  const unsigned = await writePdf(document, fonts, {
    archival: true,
    ...(seal ? { seal: { mask: seal, size: SEAL_SIZE } } : {}),
    signatureField: {
      reason: options.reason,
      name: document.meta.author,
      location: options.location,
      contactInfo: document.meta.author,
      signingTime: options.signingTime,
      contentsLength: SIGNATURE_LENGTH,
    },
  });
  return new SignPdf().sign(unsigned, new PadesSigner(identity), options.signingTime);
}
