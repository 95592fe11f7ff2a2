/**
 * Loads a format's templates: its own folder first, then templates/shared. Every file is parsed up front, and
 * every error is reported with the template file and line that caused it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import Handlebars from 'handlebars';
import { errorFinding, ReportError } from '../report-error/finding.js';
import { explainHandlebarsReason, locateHandlebarsError } from './handlebars-errors.js';
import { HELPER_NAMES, registerHelpers, type RenderRuntime } from './helpers.js';

export const BUILTIN_TEMPLATE_ROOT = new URL('../../templates/', import.meta.url).pathname;

const COMPILE_OPTIONS = {
  strict: true,
  knownHelpersOnly: true,
  knownHelpers: Object.fromEntries(HELPER_NAMES.map((n) => [n, true])),
  preventIndent: true,
} as const;

interface TaggedError extends Error {
  templateFile?: string;
}

export class TemplateSet {
  /** Template name → file that serves it. */
  readonly files = new Map<string, string>();
  private readonly env = Handlebars.create();
  private readonly main: Handlebars.TemplateDelegate;

  constructor(folders: readonly string[]) {
    registerHelpers(this.env);
    // Earlier folders win: register the later ones first, so earlier ones overwrite them.
    for (const folder of [...folders].reverse()) {
      if (!existsSync(folder)) continue;
      for (const entry of readdirSync(folder)) {
        if (entry.endsWith('.hbs')) this.files.set(entry.slice(0, -4), join(folder, entry));
      }
    }
    for (const [name, file] of this.files) {
      if (name !== 'report') this.env.registerPartial(name, this.compileFile(file) as unknown as Handlebars.Template);
    }
    const report = this.files.get('report');
    if (!report) throw new ReportError([errorFinding('TEMPLATE', `模板目录中缺少 report.hbs：${folders.map(show).join('、')}`)]);
    this.main = this.compileFile(report);
  }

  render(context: object, runtime: RenderRuntime): string {
    try {
      return this.main(context, { data: { runtime } });
    } catch (error) {
      if (error instanceof ReportError) throw error;
      const file = (error as TaggedError).templateFile ?? this.files.get('report')!;
      const { line, col, reason } = locateHandlebarsError(error);
      throw new ReportError([errorFinding('TEMPLATE', `模板错误：${explainHandlebarsReason(reason)}`, { file: show(file), line, col })]);
    }
  }

  private compileFile(file: string): Handlebars.TemplateDelegate {
    const text = readFileSync(file, 'utf8');
    try {
      Handlebars.parse(text);
    } catch (error) {
      const { line, col, reason } = locateHandlebarsError(error);
      throw new ReportError([errorFinding('TEMPLATE', `模板错误：${explainHandlebarsReason(reason)}`, { file: show(file), line, col })]);
    }
    const compiled = this.env.compile(text, COMPILE_OPTIONS);
    return (context: unknown, options?: Handlebars.RuntimeOptions) => {
      try {
        return compiled(context, options);
      } catch (error) {
        const tagged = error as TaggedError;
        if (tagged && typeof tagged === 'object' && !(error instanceof ReportError) && !tagged.templateFile) tagged.templateFile = file;
        throw error;
      }
    };
  }
}

function show(file: string): string {
  return relative(process.cwd(), file) || file;
}
