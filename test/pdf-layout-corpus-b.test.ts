/**
 * The page rules of docs/layout.md on generated reports, seeds 101 to 200 (the corpus is split in two files so
 * that both halves run at once). A failure names its seed; test/helpers/layout-corpus.ts rebuilds it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runCorpus, type CorpusRun } from './helpers/layout-corpus-run.js';

describe('generated reports, seeds 101 to 200', () => {
  let run: CorpusRun;
  beforeAll(async () => {
    run = await runCorpus(101, 200);
  }, 900_000);

  it('cover figures of 1 to 7 digits', () => {
    expect([...run.digits].sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('break no page rule', () => {
    expect(run.failures.join('\n\n')).toBe('');
  });
});
