/** The same input gives byte-identical DOCX and PDF, on any time zone; SOURCE_DATE_EPOCH sets the time stamp. */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, runCli, tempDir } from './helpers/cli.js';
import { readDocxPart } from './readers/docx.js';
import { requireTools } from './helpers/require-tool.js';

requireTools('pdfinfo');

function build(env: Record<string, string> = {}) {
  const dir = tempDir('determinism');
  const result = runCli(['build', join(ROOT, 'data/2021.yaml'), '-o', dir], { env });
  expect(result.code, result.stderr).toBe(0);
  return { docx: readFileSync(join(dir, '2021.docx')), pdf: readFileSync(join(dir, '2021.pdf')) };
}

describe('deterministic output', () => {
  let first: ReturnType<typeof build>;
  let second: ReturnType<typeof build>;
  beforeAll(() => {
    first = build({ TZ: 'UTC' });
    second = build({ TZ: 'Asia/Shanghai' });
  });

  it('builds byte-identical files twice', () => {
    expect(first.docx.equals(second.docx)).toBe(true);
    expect(first.pdf.equals(second.pdf)).toBe(true);
  });

  it('stamps the 成文日期 as creation time unless SOURCE_DATE_EPOCH is set', () => {
    const core = readDocxPart(first.docx, 'docProps/core.xml');
    expect(core).toMatch(/<dcterms:created[^>]*>\d{4}-\d{2}-\d{2}T16:00:00Z</);
    const stamped = build({ SOURCE_DATE_EPOCH: '1700000000' });
    expect(readDocxPart(stamped.docx, 'docProps/core.xml')).toContain('2023-11-14T22:13:20Z');
    const pdfFile = join(tempDir('determinism'), 'stamped.pdf');
    writeFileSync(pdfFile, stamped.pdf);
    expect(execFileSync('pdfinfo', ['-isodates', pdfFile], { encoding: 'utf8' })).toMatch(/^CreationDate:\s+2023-11-14T22:13:20Z$/m);
  });
});
