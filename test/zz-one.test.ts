import { writeFileSync } from 'node:fs';
import { it } from 'vitest';
import { FontRegistry } from '../src/fonts/font-registry.js';
import { YamlSource } from '../src/load/yaml-source.js';
import { prepareFromSource } from '../src/pipeline/prepare-report.js';
import { writePdf } from '../src/writers/pdf/write-pdf.js';
import { corpusReport } from './helpers/layout-corpus.js';
import { checkLayout, pdfSegments } from './readers/pdf-layout.js';
import { pdfWordList } from './readers/pdf.js';
it('one', async () => {
  for (const seed of (process.env.SEEDS ?? '6').split(',').map(Number)) {
    const r = corpusReport(seed);
    const path = `/tmp/seed-${seed}.yaml`;
    writeFileSync(path, r.yaml);
    let t = performance.now();
    const p = prepareFromSource(YamlSource.parse(r.yaml, path, path));
    writeFileSync(`/tmp/seed-${seed}.pdf`, await writePdf(p.document, FontRegistry.create()));
    const tBuild = performance.now() - t; t = performance.now();
    pdfWordList(`/tmp/seed-${seed}.pdf`); const tWords = performance.now() - t; t = performance.now();
    pdfSegments(`/tmp/seed-${seed}.pdf`); const tSeg = performance.now() - t; t = performance.now();
    const b = checkLayout(`/tmp/seed-${seed}.pdf`); const tCheck = performance.now() - t;
    console.log('RESULT', seed, JSON.stringify(b), `build ${tBuild|0} words ${tWords|0} seg ${tSeg|0} check ${tCheck|0}`);
  }
});
