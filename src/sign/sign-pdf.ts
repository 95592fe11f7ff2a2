/**
 * Signed archival PDFs: the report rendered as PDF/A-1b with a signature field, then signed (PAdES B-B) over the
 * whole file by @signpdf with our CMS.
 */
import { SignPdf } from '@signpdf/signpdf';
import { Signer } from '@signpdf/utils';
import type { FontRegistry } from '../fonts/font-registry.js';
import type { ReportDocument } from '../model/document.js';
import { writePdf } from '../writers/pdf/write-pdf.js';
import { createPadesSignature } from './cms.js';
import type { SigningIdentity } from './p12.js';
import { addSignaturePlaceholder } from './placeholder.js';

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
}

export async function renderSignedPdf(document: ReportDocument, fonts: FontRegistry, identity: SigningIdentity, options: SignOptions): Promise<Buffer> {
  const unsigned = await writePdf(document, fonts, {
    archival: true,
    beforeWrite: (pdf) =>
      addSignaturePlaceholder(pdf, {
        reason: options.reason,
        name: document.meta.author,
        location: options.location,
        contactInfo: document.meta.author,
        signingTime: options.signingTime,
      }),
  });
  return new SignPdf().sign(unsigned, new PadesSigner(identity), options.signingTime);
}
