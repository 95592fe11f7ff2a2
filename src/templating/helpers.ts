/**
 * The few helpers templates may use. They print statistics by data path, so a cell and its data can be
 * traced both ways, and they escape everything that comes from data.
 */
import Handlebars from 'handlebars';
import { APPEAL_RESULTS, APPLICANT_COLUMNS } from '../formats/shared/fields.js';
import { escapeMarkup } from '../markup/escape.js';
import { formatChineseDate } from './dates.js';

export interface RenderRuntime {
  /** Display text of every statistic cell by dotted data path. */
  cells: ReadonlyMap<string, string>;
  /** Narrative markup by dotted data path (already expanded and escaped). */
  narratives: ReadonlyMap<string, string>;
}

export const HELPER_NAMES = ['cell', 'row', 'appeal', 'narrative', 'date', 'optional'] as const;

type Options = Handlebars.HelperOptions & { data: { runtime: RenderRuntime } };

function valueCell(runtime: RenderRuntime, path: string, attrs = ''): string {
  const text = runtime.cells.get(path);
  if (text === undefined) throw new Error(`"${path}" not defined in statistics`);
  return `<td data-path="${escapeMarkup(path)}"${attrs}>${escapeMarkup(text)}</td>`;
}

export function registerHelpers(env: typeof Handlebars): void {
  /** {{cell "active.licensing" colspan=3}}: one value cell. */
  env.registerHelper('cell', (path: string, options: Options) => {
    const span = options.hash.colspan ? ` colspan="${Number(options.hash.colspan)}"` : '';
    return new env.SafeString(valueCell(options.data.runtime, path, span));
  });
  /** {{row "requests.received"}}: the six applicant cells and the computed 总计 of a 表三 row. */
  env.registerHelper('row', (path: string, options: Options) => {
    const keys = [...APPLICANT_COLUMNS.map((c) => c.key), 'total'];
    return new env.SafeString(keys.map((k) => valueCell(options.data.runtime, `${path}.${k}`)).join(''));
  });
  /** {{appeal "appeals.review"}}: the four result cells and the computed 总计 of a 表四 block. */
  env.registerHelper('appeal', (path: string, options: Options) => {
    const keys = [...APPEAL_RESULTS.map((r) => r.key), 'total'];
    return new env.SafeString(keys.map((k) => valueCell(options.data.runtime, `${path}.${k}`)).join(''));
  });
  /** {{narrative "text.overview"}}: paragraphs and numbered sub-headings from the data file. */
  env.registerHelper('narrative', (path: string, options: Options) => new env.SafeString(options.data.runtime.narratives.get(path) ?? ''));
  /** {{optional "statistics.filled_by.head"}}: a value that may be absent; absent prints nothing. */
  env.registerHelper('optional', (path: string, options: Options) => {
    const value = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], options.data.root);
    return value === undefined || value === null ? '' : String(value);
  });
  /** {{date issued}}: 2022-01-20 → 2022年1月20日. */
  env.registerHelper('date', (iso: unknown) => {
    if (typeof iso !== 'string') throw new Error(`"date" needs an ISO date, got ${String(iso)}`);
    return formatChineseDate(iso);
  });
}
