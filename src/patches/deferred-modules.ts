/**
 * Patches `pdfkit-deferred-crypto` (pdfkit 0.19.1) and `fontkit-deferred-brotli` (fontkit 2.0.4): modules that
 * these libraries require as they load, for features report-gen's documents never use, are loaded when first
 * used instead. pdfkit requires AES and SHA-2 (@noble/ciphers, @noble/hashes) for encrypting a PDF, and fontkit
 * the Brotli decoder for reading a WOFF2 face; loading them builds cipher tables and unpacks a dictionary, some 50 ms
 * of every cold build that writes a PDF. Each is put in the module cache, before its library loads, as a stand-in
 * that loads the real module at its first use (a property read or a call) and passes everything through to it;
 * the libraries read those modules' properties and call them only when they encrypt or read WOFF2
 * (libraries.md §1.3).
 */
import Module, { createRequire } from 'node:module';
import { isPatchApplied } from './apply-library-patches.js';

const require = createRequire(import.meta.url);

/** Modules whose real copy has been loaded through a stand-in (for tests). */
export const loadedThroughStandIn = new Set<string>();

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
    standIn.exports = new Proxy(function deferred() {}, {
      get: (_target, key) => Reflect.get(load(), key),
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
