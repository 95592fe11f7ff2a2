/**
 * The page rules of docs/layout.md on generated reports, seeds 1 to 100 (the corpus is split in two files so that
 * both halves run at once). A failure names its seed; test/helpers/layout-corpus.ts rebuilds it.
 */
import { describeCorpus } from './helpers/layout-corpus-run.js';
import { requireTools } from './helpers/require-tool.js';

requireTools('pdftotext', 'pdfinfo', 'pdftocairo');

describeCorpus(1, 100);
