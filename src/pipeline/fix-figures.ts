/**
 * `check --fix`: literal figures of the narrative that agree with their table cell become the `{{…}}` expression
 * of that cell, so that they stay in step when the table changes. The data file is edited in place, character
 * by character: every other byte (comments, alignment, quoting) stays. Nothing is written when any figure or
 * outcome word disagrees with the tables, or when the edited file would not print exactly the same text.
 */
import { writeFileAtomic } from '../output/atomic-write.js';
import { YamlSource } from '../load/yaml-source.js';
import { checkSource, type CheckedReport } from './check-report.js';
import { findFalseClaims, findNarrativeFigures } from '../check/t1/find-figures.js';

export type FixOutcome =
  | { written: true; replaced: Array<{ figure: string; expression: string; line: number; col: number }> }
  | { written: false; reason: 'nothing' | 'disagrees' | 'unsafe' };

export function fixNarrativeFigures(report: CheckedReport): FixOutcome {
  const { source, data, statistics } = report;
  const texts = data.text;
  const figures = findNarrativeFigures(texts, statistics.tree, data.year);
  if (figures.some((f) => !f.agrees) || findFalseClaims(texts, statistics.tree).length > 0) return { written: false, reason: 'disagrees' };
  const lineStarts = [0];
  for (let i = 0; i < source.text.length; i++) if (source.text[i] === '\n') lineStarts.push(i + 1);
  const edits = figures
    .filter((f) => f.expression)
    .map((f) => {
      const at = source.positionOfIndex(['text', f.key], texts[f.key] as string, f.index);
      return { offset: lineStarts[at.line - 1]! + at.col - 1, figure: f.figure, expression: f.expression!, line: at.line, col: at.col };
    });
  if (edits.length === 0) return { written: false, reason: 'nothing' };
  if (edits.some((e) => source.text.slice(e.offset, e.offset + e.figure.length) !== e.figure)) return { written: false, reason: 'unsafe' };

  let text = source.text;
  for (const e of [...edits].sort((a, b) => b.offset - a.offset)) {
    text = `${text.slice(0, e.offset)}{{${e.expression}}}${text.slice(e.offset + e.figure.length)}`;
  }
  // The edited file must print exactly what the old one printed.
  const edited = checkSource(YamlSource.parse(text, source.displayPath, source.absolutePath), { crossYear: false });
  const same = report.narratives.size === edited.narratives.size && [...report.narratives].every(([k, v]) => edited.narratives.get(k) === v);
  if (!same) return { written: false, reason: 'unsafe' };
  writeFileAtomic(source.absolutePath, text);
  return { written: true, replaced: edits.map(({ figure, expression, line, col }) => ({ figure, expression, line, col })) };
}
