/**
 * The few helpers templates may use. They print statistics by data path, so a cell and its data can be
 * traced both ways, and they escape everything that comes from data. A path is looked up with Handlebars' own
 * `lookupProperty` or in a Map, so no helper reaches an inherited property (`constructor`, `__proto__`).
 */
import Handlebars from 'handlebars';
import { APPEAL_RESULTS, APPLICANT_COLUMNS } from '../formats/shared/fields.js';
import { escapeMarkup } from '../markup/escape.js';
import { formatChineseDate, isCalendarDate } from './dates.js';
import { ExpressionError, PRINT_HELPER, registerPrintGuard } from './printed-values.js';

export interface RenderRuntime {
  /** Display text of every statistic cell by dotted data path. */
  cells: ReadonlyMap<string, string>;
  /** Narrative markup by dotted data path (already expanded and escaped). */
  narratives: ReadonlyMap<string, string>;
}

/** The helpers a template may call by name. */
export const HELPER_NAMES = ['cell', 'row', 'appeal', 'narrative', 'date', 'optional'] as const;

type Options = Handlebars.HelperOptions & {
  data: { runtime: RenderRuntime };
  lookupProperty: (parent: unknown, name: string) => unknown;
  loc?: { start: { line: number; column: number } };
};

function valueCell(runtime: RenderRuntime, path: unknown, attrs = ''): string {
  const text = typeof path === 'string' ? runtime.cells.get(path) : undefined;
  if (text === undefined) throw new Error(`"${String(path)}" not defined in statistics`);
  return `<td data-path="${escapeMarkup(path as string)}"${attrs}>${escapeMarkup(text)}</td>`;
}

function pathArgument(helper: string, path: unknown, options: Options): string {
  if (typeof path === 'string' && path) return path;
  throw new ExpressionError(`「${helper}」需要用引号写出的数据项名称，实际为 ${describe(path)}`, options.loc?.start.line ?? 1, options.loc?.start.column ?? 0);
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `「${value.slice(0, 30)}」`;
  if (value === null || value === undefined) return '空值';
  return typeof value === 'object' ? '一组数据' : `「${String(value).slice(0, 30)}」`;
}

/** Helpers narrative text may use too: the print guard and {{date}}. */
export const TEXT_HELPER_NAMES = [PRINT_HELPER, 'date'] as const;

/** Registers the print guard and {{date}} (narrative text and templates). */
export function registerTextHelpers(env: typeof Handlebars): void {
  registerPrintGuard(env);
  /** {{date issued}}: 2022-01-20 → 2022年1月20日; anything but a real calendar date is an error. */
  env.registerHelper('date', (iso: unknown, options: Options) => {
    if (!isCalendarDate(iso)) {
      throw new ExpressionError(`「date」需要 YYYY-MM-DD 形式的真实日期，实际为 ${describe(iso)}`, options.loc?.start.line ?? 1, options.loc?.start.column ?? 0);
    }
    return formatChineseDate(iso);
  });
}

/** Registers every template helper and the print guard on a Handlebars environment. */
export function registerHelpers(env: typeof Handlebars): void {
  registerTextHelpers(env);
  /** {{cell "active.licensing" colspan=3}}: one value cell. */
  env.registerHelper('cell', (path: unknown, options: Options) => {
    const span = options.hash.colspan ? ` colspan="${Number(options.hash.colspan)}"` : '';
    return new env.SafeString(valueCell(options.data.runtime, pathArgument('cell', path, options), span));
  });
  /** {{row "requests.received"}}: the six applicant cells and the computed 总计 of a 表三 row. */
  env.registerHelper('row', (path: unknown, options: Options) => {
    const base = pathArgument('row', path, options);
    const keys = [...APPLICANT_COLUMNS.map((c) => c.key), 'total'];
    return new env.SafeString(keys.map((k) => valueCell(options.data.runtime, `${base}.${k}`)).join(''));
  });
  /** {{appeal "appeals.review"}}: the four result cells and the computed 总计 of a 表四 block. */
  env.registerHelper('appeal', (path: unknown, options: Options) => {
    const base = pathArgument('appeal', path, options);
    const keys = [...APPEAL_RESULTS.map((r) => r.key), 'total'];
    return new env.SafeString(keys.map((k) => valueCell(options.data.runtime, `${base}.${k}`)).join(''));
  });
  /** {{narrative "text.overview"}}: paragraphs and numbered sub-headings from the data file. */
  env.registerHelper('narrative', (path: unknown, options: Options) => {
    return new env.SafeString(options.data.runtime.narratives.get(pathArgument('narrative', path, options)) ?? '');
  });
  /** {{optional "statistics.filled_by.head"}}: a value that may be absent; absent prints nothing. */
  env.registerHelper('optional', (path: unknown, options: Options) => {
    const value = pathArgument('optional', path, options)
      .split('.')
      .reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? options.lookupProperty(node, key) : undefined), options.data.root);
    // What is present must be printable like any other value; the print guard checks it.
    return value === undefined || value === null ? '' : value;
  });
}
