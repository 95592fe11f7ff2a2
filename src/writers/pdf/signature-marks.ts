/**
 * What the PDF writer adds for signing, once the pages are laid out: the seal over the 落款 and the signature
 * field to be signed. The signer asks for them through the writer's options; the drawing into pdfkit's document
 * is the patch `pdfkit-signature-field`.
 */
import type { ReportDocument } from '../../model/document.js';
import { PAGE } from '../../layout/page.js';
import { placeSignature, textCells } from '../../layout/signature.js';
import type { SignaturePlace } from './draw-pages.js';
import { addSignatureField, drawStencilMask, type PdfRect, type SignatureFieldOptions, type StencilMask } from '../../patches/pdfkit-signature-field.js';

/** A seal image to draw over the 落款, `size` points wide. */
export interface SealOptions {
  mask: StencilMask;
  size: number;
}

/** The seal's red, close to the 印泥 red of printed seals. */
const SEAL_RED = '0.90 0.05 0.05';

/**
 * Where the seal's centre goes, in points from the top left of the 落款's page: over the middle of the
 * 发文机关署名, a little above the line between name and date, so that both sit just below the seal's centre
 * (GB/T 9704 §7.3.5.1: 居中下压发文机关署名和成文日期).
 */
function sealCentre(document: ReportDocument, place: SignaturePlace): { x: number; y: number } {
  const block = document.blocks.find((b) => b.kind === 'signature');
  if (!block || block.kind !== 'signature') return { x: place.left + place.width / 2, y: place.top };
  const { orgRightIndent } = placeSignature(block.org, block.date);
  const orgWidth = textCells(block.org) * PAGE.charPitch;
  return { x: PAGE.width - PAGE.margin.right - orgRightIndent * PAGE.charPitch - orgWidth / 2, y: place.top + 0.7 * PAGE.linePitch };
}

/**
 * Draws the seal on the 落款's page (when the document has a 落款) and adds the signature field there, its widget
 * on the seal; without a seal the field is invisible, on the last page.
 */
export function addSignatureMarks(
  pdf: unknown,
  document: ReportDocument,
  place: SignaturePlace | undefined,
  options: { seal?: SealOptions; signatureField?: SignatureFieldOptions },
): void {
  let rect: PdfRect | undefined;
  if (options.seal && place) {
    (pdf as { switchToPage(index: number): void }).switchToPage(place.page - 1);
    rect = drawStencilMask(pdf, options.seal.mask, sealCentre(document, place), options.seal.size, SEAL_RED);
  }
  if (options.signatureField) addSignatureField(pdf, options.signatureField, rect);
}
