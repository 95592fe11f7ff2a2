/**
 * Every place where report-gen reaches into a library's internals, with the library version it was written and
 * tested against. A patch relies on names and shapes that a library may change in any release, so each one is
 * applied only to that exact version (checked at start-up, `check-library-versions.ts`). docs/architecture.md
 * (Library patches) says why each exists.
 */

export type PatchName =
  | 'fontkit-shared-faces'
  | 'fontkit-glyf-on-demand'
  | 'fontkit-deferred-brotli'
  | 'pdfmake-deferred-svg-qr'
  | 'pdfkit-signature-field'
  | 'pdfkit-deferred-crypto';

export interface LibraryPatch {
  name: PatchName;
  /** The npm package patched. */
  library: string;
  /** The one version the patch was written for. */
  version: string;
  /** The packages through which the library is loaded, outermost first: the copy they load is the one checked. */
  loadedBy?: readonly string[];
  /** The file holding the patch, for the message. */
  file: string;
}

export const LIBRARY_PATCHES: readonly LibraryPatch[] = [
  { name: 'fontkit-shared-faces', library: 'fontkit', version: '2.0.4', loadedBy: ['pdfmake', 'pdfkit'], file: 'src/patches/fontkit-shared-faces.ts' },
  { name: 'fontkit-glyf-on-demand', library: 'fontkit', version: '2.0.4', loadedBy: ['pdfmake', 'pdfkit'], file: 'src/patches/fontkit-glyf-on-demand.ts' },
  { name: 'fontkit-deferred-brotli', library: 'fontkit', version: '2.0.4', loadedBy: ['pdfmake', 'pdfkit'], file: 'src/patches/deferred-modules.ts' },
  { name: 'pdfmake-deferred-svg-qr', library: 'pdfmake', version: '0.3.11', file: 'src/patches/deferred-modules.ts' },
  { name: 'pdfkit-signature-field', library: 'pdfkit', version: '0.19.1', loadedBy: ['pdfmake'], file: 'src/patches/pdfkit-signature-field.ts' },
  { name: 'pdfkit-deferred-crypto', library: 'pdfkit', version: '0.19.1', loadedBy: ['pdfmake'], file: 'src/patches/deferred-modules.ts' },
];
