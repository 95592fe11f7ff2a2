/** A data file of the project, edited and checked in-process, with the positions of its text found independently. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkSource, type CheckedReport } from '../../../src/pipeline/check-report.js';
import { YamlSource } from '../../../src/load/yaml-source.js';
import { ROOT } from '../../helpers/cli.js';

export const readProjectFile = (file: string) => readFileSync(join(ROOT, file), 'utf8');

/** `file` after `edit`, checked as `check` would (without last year's file); every edit must change the text. */
export function checkedReport(file: string, edit?: (text: string) => string): { text: string; report: CheckedReport } {
  const original = readProjectFile(file);
  const text = edit ? edit(original) : original;
  if (edit && text === original) throw new Error(`the edit of ${file} changed nothing`);
  return { text, report: checkSource(YamlSource.parse(text, file, join(ROOT, file)), { crossYear: false }) };
}

/** What a rule receives: the source, the validated data and the computed statistics. */
export const ruleInput = (report: CheckedReport) => ({ source: report.source, data: report.data, statistics: report.statistics });

/** Line and column (1-based) of the `nth` occurrence of `needle` in `text`, at the character `offset` into it. */
export function positionOf(text: string, needle: string, offset = 0, nth = 1): { line: number; col: number } {
  let at = -1;
  for (let k = 0; k < nth; k++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`「${needle}」 is not in the text`);
  }
  const before = text.slice(0, at + offset).split('\n');
  return { line: before.length, col: before.at(-1)!.length + 1 };
}
