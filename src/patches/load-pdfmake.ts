/**
 * pdfmake for the PDF writer, with the patches that `applyLibraryPatches()` switched on put in place before it is
 * first used: pdfkit finds the shared fontkit when pdfmake loads it, its encryption's modules wait until used, and
 * the Renderer spreads justified lines.
 */
import { createRequire } from 'node:module';
import type Pdfmake from 'pdfmake';
import { isPatchApplied } from './apply-library-patches.js';
import { shareFontkitWithPdfkit } from './fontkit-shared-faces.js';
import { deferPdfkitCrypto, deferPdfmakeSvgAndQr } from './deferred-modules.js';
import { renderJustifiedLine, type RenderLine } from './pdfmake-justify-lines.js';

const require = createRequire(import.meta.url);
let pdfmake: typeof Pdfmake | undefined;

export function loadPdfmake(): typeof Pdfmake {
  if (pdfmake) return pdfmake;
  shareFontkitWithPdfkit();
  deferPdfkitCrypto();
  deferPdfmakeSvgAndQr();
  const loaded = require('pdfmake') as typeof Pdfmake;
  const renderer = (require('pdfmake/js/Renderer.js') as { default: { prototype: { renderLine: RenderLine } } }).default.prototype;
  if (isPatchApplied('pdfmake-justify-lines')) renderer.renderLine = renderJustifiedLine(renderer.renderLine);
  return (pdfmake = loaded);
}
