/**
 * What a template file's text goes through before Handlebars compiles it: parsed with every output expression
 * guarded (printed-values.ts), its markup checked, its own words converted to the report's script, each text line
 * marked with its line number (template-marks.ts), and the partials it names listed.
 */
import { displayPath as show } from '../report-error/display-path.js';
import { errorFinding, ReportError, type SourcePosition } from '../report-error/finding.js';
import { checkTemplateMarkup } from './check-template-markup.js';
import { explainHandlebarsReason, locateHandlebarsError } from './handlebars-errors.js';
import { HELPER_NAMES } from './helpers.js';
import { parseGuarded, PRINT_HELPER } from './printed-values.js';
import { convertContent, type Script } from './script.js';
import { markLines } from './template-marks.js';

export const COMPILE_OPTIONS = {
  strict: true,
  knownHelpersOnly: true,
  knownHelpers: Object.fromEntries([...HELPER_NAMES, PRINT_HELPER].map((n) => [n, true])),
  preventIndent: true,
} as const;

export interface PartialReference {
  /** Undefined for a partial named by an expression. */
  name: string | undefined;
  at: SourcePosition;
}

/** The syntax tree Handlebars compiles, and the partials the template names; errors name `file`. */
export function prepareTemplate(text: string, file: string, script: Script): { ast: hbs.AST.Program; references: PartialReference[] } {
  let ast: hbs.AST.Program;
  try {
    ast = parseGuarded(text);
  } catch (error) {
    const { line, col, reason } = locateHandlebarsError(error);
    throw new ReportError([errorFinding('TEMPLATE', `模板错误：${explainHandlebarsReason(reason)}`, { file: show(file), line, col })]);
  }
  checkTemplateMarkup(ast, show(file));
  if (script !== 'simplified') convertContent(ast, script);
  markLines(ast);
  return { ast, references: partialReferences(ast, file) };
}

function partialReferences(ast: hbs.AST.Program, file: string): PartialReference[] {
  const found: PartialReference[] = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as { type?: string; name?: hbs.AST.Expression; loc?: hbs.AST.SourceLocation };
    if ((n.type === 'PartialStatement' || n.type === 'PartialBlockStatement') && n.name) {
      const at = { file: show(file), line: n.loc?.start.line ?? 1, col: (n.loc?.start.column ?? 0) + 1 };
      found.push({ name: n.name.type === 'PathExpression' ? (n.name as hbs.AST.PathExpression).original : undefined, at });
    }
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === 'object' && 'type' in value) visit(value);
    }
  };
  visit(ast);
  return found;
}
