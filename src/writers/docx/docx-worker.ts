/** Worker thread entry: renders DOCX documents posted to it, so the DOCX is written while the PDF is laid out. */
import { parentPort } from 'node:worker_threads';
import type { ReportDocument } from '../../model/document.js';
import { applyLibraryPatches } from '../../patches/apply-library-patches.js';
import { writeDocx } from './write-docx.js';

applyLibraryPatches();

parentPort!.on('message', async ({ id, document }: { id: number; document: ReportDocument }) => {
  try {
    const docx = await writeDocx(document);
    parentPort!.postMessage({ id, docx }, [docx.buffer as ArrayBuffer]);
  } catch (error) {
    parentPort!.postMessage({ id, error: (error as Error).message });
  }
});
