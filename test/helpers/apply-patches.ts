/** Tests that use the writers in-process use the libraries as every entry point of report-gen does: patched. */
import { applyLibraryPatches } from '../../src/patches/apply-library-patches.js';

applyLibraryPatches();
