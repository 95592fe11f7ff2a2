/**
 * Patches `pdfkit-deferred-crypto` (pdfkit 0.19.1), `fontkit-deferred-brotli` (fontkit 2.0.4) and
 * `pdfmake-deferred-svg-qr` (pdfmake 0.3.11): modules that these libraries require as they load, for features
 * report-gen's documents never use, are loaded when first used instead. pdfkit requires AES and SHA-2
 * (@noble/ciphers, @noble/hashes) for encrypting a PDF, fontkit the Brotli decoder for reading a WOFF2 face, and
 * pdfmake its SVG renderer, an XML parser for measuring SVG and its QR code encoder; loading them builds cipher
 * tables, unpacks a dictionary and compiles some 200 KB of script, some 65 ms of every cold build that writes a
 * PDF. Each is put in the module cache, before its library loads, as a stand-in that loads the real module at its
 * first use (a property read or a call) and passes everything through to it; the libraries read those modules'
 * properties and call them only when they encrypt, read WOFF2, or draw an SVG or a QR code (libraries.md §1.3).
 *
 * pdfmake, compiled by Babel, reads `__esModule` of some of these modules as it loads (`_interopRequireDefault`):
 * their stand-ins answer it as the real module does, without loading it (`ES_MODULES`, checked by a test).
 */
import Module, { createRequire } from 'node:module';
import { isPatchApplied } from './apply-library-patches.js';

const require = createRequire(import.meta.url);

/** Modules whose real copy has been loaded through a stand-in (for tests). */
export const loadedThroughStandIn = new Set<string>();

/** Modules that export `__esModule: true`, whose stand-ins are asked for it as their library loads. */
export const ES_MODULES: ReadonlySet<string> = new Set(['./3rd-party/svg-to-pdfkit.js', './qrEnc.js']);

/** Puts a stand-in for each module (resolved from `from`) in the module cache, unless it is there already. */
function defer(from: string, specifiers: readonly string[]): void {
  const resolve = createRequire(from).resolve;
  for (const specifier of specifiers) {
    const path = resolve(specifier);
    if (require.cache[path]) continue;
    let real: unknown;
    const load = (): object => {
      if (real === undefined) {
        // The stand-in leaves the cache so that the real module is loaded, and stays in the library's hands.
        delete require.cache[path];
        real = require(path) as unknown;
        loadedThroughStandIn.add(specifier);
      }
      return real as object;
    };
    const standIn = new Module(path);
    standIn.filename = path;
    standIn.loaded = true;
    // A function, so that a module whose export is a function (the Brotli decoder) can be called through it.
    const esModule = ES_MODULES.has(specifier);
    standIn.exports = new Proxy(function deferred() {}, {
      get: (_target, key) => (key === '__esModule' && esModule && real === undefined ? true : Reflect.get(load(), key)),
      has: (_target, key) => Reflect.has(load(), key),
      apply: (_target, self, args: unknown[]) => Reflect.apply(load() as (...a: unknown[]) => unknown, self, args),
    });
    require.cache[path] = standIn;
  }
}

/** Before pdfkit loads (through pdfmake): its encryption's modules. */
export function deferPdfkitCrypto(): void {
  if (!isPatchApplied('pdfkit-deferred-crypto')) return;
  const pdfkitFile = createRequire(require.resolve('pdfmake')).resolve('pdfkit');
  if (require.cache[pdfkitFile]) return;
  defer(pdfkitFile, ['@noble/ciphers/aes', '@noble/hashes/sha2', '@noble/hashes/utils']);
}

/** Before fontkit loads: its WOFF2 reader's Brotli decoder. */
export function deferFontkitBrotli(): void {
  if (!isPatchApplied('fontkit-deferred-brotli')) return;
  const fontkitFile = require.resolve('fontkit');
  if (require.cache[fontkitFile]) return;
  defer(fontkitFile, ['brotli/decompress.js']);
}

/**
 * Before pdfmake's renderer loads: its SVG renderer (svg-to-pdfkit) and XML parser (xmldoc), used to draw and
 * measure an SVG image, and its QR code encoder. The writer's documents hold neither.
 */
export function deferPdfmakeSvgAndQr(): void {
  if (!isPatchApplied('pdfmake-deferred-svg-qr')) return;
  const pdfmakeJs = require.resolve('pdfmake/js/Renderer.js');
  if (require.cache[pdfmakeJs]) return;
  defer(pdfmakeJs, ['./3rd-party/svg-to-pdfkit.js', './qrEnc.js']);
  defer(require.resolve('pdfmake/js/SVGMeasure.js'), ['xmldoc']);
}
