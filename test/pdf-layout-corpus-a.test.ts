/**
 * The page rules of docs/layout.md on generated reports, seeds 1 to 100 (the corpus is split in two files so that
 * both halves run at once). A failure names its seed; test/helpers/layout-corpus.ts rebuilds it.
 */
import { describeCorpus } from './helpers/layout-corpus-run.js';

describeCorpus(1, 100);
