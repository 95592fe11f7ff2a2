/**
 * The built-in templates as `npm run build` compiles them (dist/precompiled-templates.json) render exactly what the
 * same templates compiled when loaded render: on every example and 40 generated reports, in both scripts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { YamlSource } from '../../src/load/yaml-source.js';
import { checkSource, type CheckedReport } from '../../src/pipeline/check-report.js';
import { narrativeToMarkup } from '../../src/templating/narrative.js';
import { builtInTemplates, precompiledTemplate, PRECOMPILED_TEMPLATES_FILE } from '../../src/templating/precompiled-templates.js';
import type { Script } from '../../src/templating/script.js';
import { templateChain } from '../../src/templating/template-chain.js';
import { BUILTIN_TEMPLATE_ROOT } from '../../src/templating/template-files.js';
import { TemplateSet } from '../../src/templating/template-set.js';
import { ROOT } from '../helpers/cli.js';
import { corpusReport } from '../helpers/layout-corpus.js';
import { readdirSync } from 'node:fs';

const EXAMPLES = ['data/2020.yaml', 'data/2021.yaml', 'data/dongfeng/2011.yaml', 'data/xinfeng/2017.yaml', 'data/example-county/nanhu/2021.yaml', 'data/example-county/county/2021.yaml'];
const SCRIPTS: Script[] = ['simplified', 'traditional'];

/** The markup of a checked report rendered by its template chain, with or without the compiled templates. */
function render(checked: CheckedReport, script: Script, precompiled: boolean): string {
  const chain = templateChain(checked.source.absolutePath, checked.format);
  const set = new TemplateSet(chain.folders, chain.confine, script, precompiled ? undefined : () => undefined);
  const narratives = new Map([...checked.narratives].map(([path, text]) => [path, narrativeToMarkup(text)]));
  return set.render(checked.context, { cells: checked.statistics.cells, narratives });
}

function compare(checked: CheckedReport, where: string): void {
  for (const script of SCRIPTS) {
    const compiledNow = render(checked, script, false);
    expect(compiledNow.length, where).toBeGreaterThan(1000);
    expect(render(checked, script, true), `${where}, ${script}`).toBe(compiledNow);
  }
}

describe('the built-in templates, compiled at npm run build', () => {
  it('are kept as they compile now', () => {
    expect(JSON.parse(readFileSync(PRECOMPILED_TEMPLATES_FILE, 'utf8'))).toEqual(builtInTemplates());
  });

  it('are found for every built-in template file, in both scripts, and not for a changed text', () => {
    const files = readdirSync(BUILTIN_TEMPLATE_ROOT, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.hbs'));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = readFileSync(join(BUILTIN_TEMPLATE_ROOT, file), 'utf8');
      for (const script of SCRIPTS) expect(precompiledTemplate(text, script), `${file} ${script}`).toBeDefined();
      expect(precompiledTemplate(`${text} `, 'simplified'), file).toBeUndefined();
    }
  });

  it('render what the templates compiled when loaded render, for every example', () => {
    for (const file of EXAMPLES) compare(checkSource(YamlSource.read(join(ROOT, file))), file);
  });

  it('render what the templates compiled when loaded render, for generated reports (seeds 1–40)', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const file = join(ROOT, 'data', `corpus-${seed}.yaml`);
      compare(checkSource(YamlSource.parse(corpusReport(seed).yaml, file, file)), `seed ${seed}`);
    }
  });
});
