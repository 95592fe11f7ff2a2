/**
 * What a `{{…}}` may print: a number, a string or a date. Every output expression of a template or a narrative is
 * rewritten, before it is compiled, into a call of the `print` guard below, which refuses anything else (an object
 * such as a 表三 row, a list, a narrative field, true/false, an empty value) with the expression's line and
 * column. Helpers that return markup (`cell`, `row`, …) pass through as Handlebars safe strings. `log` is refused
 * where it is written, so templates never write to the console.
 */
import Handlebars from 'handlebars';
import { formatChineseDate } from './dates.js';

export const PRINT_HELPER = '__print';

/** Helpers that are never available in templates or narrative text. */
const FORBIDDEN_HELPERS = new Set(['log']);

/** A narrative field in the template context: it can be tested with {{#if}}, but never printed. */
export class NarrativeField {
  constructor(readonly path: string) {}
}

/** An error at an expression, shaped like Handlebars' own (lineNumber, 0-based column). */
export class ExpressionError extends Error {
  constructor(
    message: string,
    readonly lineNumber: number,
    readonly column: number,
  ) {
    super(message);
  }
}

/** Parses template text and guards every output expression; syntax errors throw Handlebars' own error. */
export function parseGuarded(text: string): hbs.AST.Program {
  const ast = Handlebars.parse(text);
  guardProgram(ast, text.split('\n'));
  return ast;
}

function guardProgram(program: hbs.AST.Program | undefined, lines: string[]): void {
  if (!program) return;
  program.body = program.body.map((statement) => {
    if (statement.type === 'BlockStatement') {
      const block = statement as hbs.AST.BlockStatement;
      refuseForbidden(block.path, block.loc);
      guardProgram(block.program, lines);
      guardProgram(block.inverse, lines);
      return block;
    }
    if (statement.type === 'ContentStatement') {
      // `\{{…}}` and raw blocks would print the braces themselves.
      const content = statement as hbs.AST.ContentStatement;
      if (content.value.includes('{{')) throw new ExpressionError('「{{」会原样印出（前面的 \\ 或 {{{{raw}}}} 使它不被展开），请删去或写成完整的表达式', content.loc.start.line, content.loc.start.column);
      return statement;
    }
    if (statement.type !== 'MustacheStatement') return statement;
    const mustache = statement as hbs.AST.MustacheStatement;
    refuseForbidden(mustache.path, mustache.loc);
    return guardedMustache(mustache, lines);
  });
}

function refuseForbidden(path: hbs.AST.Expression, loc: hbs.AST.SourceLocation): void {
  const name = path.type === 'PathExpression' ? (path as hbs.AST.PathExpression).original : '';
  if (FORBIDDEN_HELPERS.has(name)) throw new ExpressionError(`模板中不能使用「${name}」`, loc.start.line, loc.start.column);
}

/** {{path a b=c}} → {{__print (path a b=c) line=… column=… source="…"}}; {{x}} → {{__print x …}}. */
function guardedMustache(mustache: hbs.AST.MustacheStatement, lines: string[]): hbs.AST.MustacheStatement {
  const loc = mustache.loc;
  const call = mustache.params.length > 0 || (mustache.hash?.pairs.length ?? 0) > 0;
  const value: hbs.AST.Expression = call
    ? ({ type: 'SubExpression', path: mustache.path, params: mustache.params, hash: mustache.hash, loc } as hbs.AST.SubExpression)
    : mustache.path;
  const pair = (key: string, v: hbs.AST.Expression) => ({ type: 'HashPair', key, value: v, loc }) as hbs.AST.HashPair;
  const number = (n: number) => ({ type: 'NumberLiteral', value: n, original: n, loc }) as hbs.AST.NumberLiteral;
  const string = (s: string) => ({ type: 'StringLiteral', value: s, original: s, loc }) as hbs.AST.StringLiteral;
  return {
    ...mustache,
    path: { type: 'PathExpression', data: false, depth: 0, parts: [PRINT_HELPER], original: PRINT_HELPER, loc } as hbs.AST.PathExpression,
    params: [value],
    hash: {
      type: 'Hash',
      pairs: [
        pair('line', number(loc.start.line)),
        pair('column', number(loc.start.column)),
        pair('source', string(sourceOf(lines, loc))),
        pair('name', string(call || mustache.path.type !== 'PathExpression' ? '' : (mustache.path as hbs.AST.PathExpression).original)),
        // A missing name is reported at the name itself, inside the braces.
        pair('nameLine', number(mustache.path.loc.start.line)),
        pair('nameColumn', number(mustache.path.loc.start.column)),
      ],
      loc,
    },
  };
}

/** The text of an expression, `{{` to `}}`, on one line. */
function sourceOf(lines: string[], loc: hbs.AST.SourceLocation): string {
  if (loc.start.line === loc.end.line) return lines[loc.start.line - 1]!.slice(loc.start.column, loc.end.column);
  const first = lines[loc.start.line - 1]!.slice(loc.start.column);
  return `${first.trim()}…`;
}

interface PrintOptions {
  hash: { line: number; column: number; source: string; name: string; nameLine: number; nameColumn: number };
}

/** Registers the guard every rewritten expression calls. */
export function registerPrintGuard(env: typeof Handlebars): void {
  env.registerHelper(PRINT_HELPER, (value: unknown, options: PrintOptions) => {
    const reason = unprintable(value);
    if (reason === undefined) return value instanceof Date ? formatChineseDate(value.toISOString().slice(0, 10)) : value;
    const { line, column, source, name, nameLine, nameColumn } = options.hash;
    // Handlebars' strict mode does not reach helper arguments: a missing name arrives here as undefined.
    if (value === undefined && name) throw new ExpressionError(`引用了不存在的数据项「${name}」`, nameLine, nameColumn);
    throw new ExpressionError(`${source} ${reason}`, line, column);
  });
  // Handlebars' log helper writes to the console; templates get no such helper.
  env.unregisterHelper('log');
}

/** Why a value cannot be printed, or undefined when it can. */
function unprintable(value: unknown): string | undefined {
  if (typeof value === 'string') return value.includes('{{') ? `的值「${value.slice(0, 30)}」中含有不会展开的「{{」` : undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : '不是有效的数字';
  if (value instanceof Handlebars.SafeString) return undefined;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '不是有效的日期' : undefined;
  if (value instanceof NarrativeField) return `是叙述文字，不能用 {{…}} 再次插入（模板中请用 {{narrative "${value.path}"}}）`;
  if (value === null || value === undefined) return '没有值，不能印出';
  if (typeof value === 'boolean') return '是「是/否」值，不能印出';
  if (typeof value === 'function') return '不是数据项，不能印出';
  if (Array.isArray(value)) return '是一组数据（列表），不能直接印出，请写出其中具体的一项';
  if (typeof value === 'object') {
    const keys = Object.keys(value).slice(0, 3);
    const hint = keys.length ? `，如 .${keys.join('、.')}` : '';
    return `是一组数据，不能直接印出，请写出其中具体的一项${hint}`;
  }
  return '不是数字、文字或日期，不能印出';
}
