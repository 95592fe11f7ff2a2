/**
 * Loads a format's templates: its own folder first, then templates/shared. Every file is parsed up front, and
 * every error is reported with the template file and line that caused it.
 */
import { existsSync, readdirSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { displayPath as show } from '../report-error/display-path.js';
import Handlebars from 'handlebars';
import { errorFinding, ReportError } from '../report-error/finding.js';
import type { MarkupSource } from '../markup/read-markup.js';
import { explainHandlebarsReason, locateHandlebarsError } from './handlebars-errors.js';
import { COMPILE_OPTIONS, prepareTemplate, type PartialReference } from './compile-template.js';
import { precompiledTemplate, templateSpec, type PrecompiledTemplate } from './precompiled-templates.js';
import { registerHelpers, type RenderRuntime } from './helpers.js';
import type { Script } from './script.js';
import { checkedTemplateFile, readTemplateText } from './template-files.js';
import { lineAt, MARK_BODY, MARK_END, MARK_START, regionAt, unmark, type Region } from './template-marks.js';
import { templateContext } from './template-context.js';

interface TaggedError extends Error {
  templateFile?: string;
}

export class TemplateSet {
  /** Template name → file that serves it. */
  readonly files = new Map<string, string>();
  /** Names of the templates the last render used, in first-use order. */
  readonly used = new Set<string>();
  private readonly env = Handlebars.create();
  /** Partials each template names, with where it names them. */
  private readonly references = new Map<string, PartialReference[]>();
  private readonly main: Handlebars.TemplateDelegate;

  /**
   * @param folders template folders, nearest first
   * @param confine folders every template file must really lie in (after following links); by default the
   *   template folders themselves
   */
  constructor(
    folders: readonly string[],
    confine: readonly string[] = folders,
    /** The script of the templates' own text; data printed through them is left as written. */
    private readonly script: Script = 'simplified',
    /** Where compiled templates are looked up before compiling one (the built-in ones, kept by `npm run build`). */
    private readonly precompiled: (text: string, script: Script) => PrecompiledTemplate | undefined = precompiledTemplate,
  ) {
    registerHelpers(this.env);
    const allowed = confine.flatMap((folder) => (existsSync(folder) ? [realpathSync(folder)] : []));
    // Earlier folders win: register the later ones first, so earlier ones overwrite them.
    for (const folder of [...folders].reverse()) {
      if (!existsSync(folder)) continue;
      for (const entry of readdirSync(folder)) {
        if (entry.endsWith('.hbs')) this.files.set(entry.slice(0, -4), checkedTemplateFile(join(folder, entry), allowed));
      }
    }
    const report = this.files.get('report');
    if (!report) throw new ReportError([errorFinding('TEMPLATE', `模板目录中缺少 report.hbs：${folders.map(show).join('、')}`)]);
    for (const [name, file] of this.files) {
      if (name !== 'report') this.env.registerPartial(name, this.compileFile(name, file) as unknown as Handlebars.Template);
    }
    this.main = this.compileFile('report', report);
    this.checkReachablePartials();
  }

  /**
   * The template file and line that wrote the markup at an index of the last render (the innermost partial), and the
   * column of `tag` on that line when it is written there.
   */
  readonly originOf = (index: number, tag?: string): MarkupSource | undefined => {
    const region = regionAt(this.regions, index);
    if (!region) return undefined;
    const line = lineAt(region, index);
    if (line === undefined) return { file: show(region.file) };
    const text = this.sources.get(region.file)?.split('\n')[line - 1] ?? '';
    const col = tag ? text.indexOf(tag) : -1;
    return { file: show(region.file), line, col: col < 0 ? 1 : [...text.slice(0, col)].length + 1 };
  };
  /** Each template file's text, for the columns of markup errors. */
  private readonly sources = new Map<string, string>();

  private regions: Region[] = [];
  /** Files by marker number. */
  private readonly markedFiles: string[] = [];

  render(context: object, runtime: RenderRuntime): string {
    this.used.clear();
    try {
      const marked = this.main(templateContext(context as Record<string, unknown>), { data: { runtime } });
      const { text, regions } = unmark(marked, this.markedFiles);
      this.regions = regions;
      return text;
    } catch (error) {
      if (error instanceof ReportError) throw error;
      const file = (error as TaggedError).templateFile ?? this.files.get('report')!;
      const { line, col, reason } = locateHandlebarsError(error);
      throw new ReportError([errorFinding('TEMPLATE', `模板错误：${explainHandlebarsReason(reason)}`, { file: show(file), line, col })]);
    }
  }

  private compileFile(name: string, file: string): Handlebars.TemplateDelegate {
    const text = readTemplateText(file);
    this.sources.set(file, text);
    const kept = this.precompiled(text, this.script);
    let compiled: Handlebars.TemplateDelegate;
    if (kept) {
      this.references.set(name, kept.references.map(({ name, line, col }) => ({ name, at: { file: show(file), line, col } })));
      compiled = this.env.template(templateSpec(kept.spec));
    } else {
      const { ast, references } = prepareTemplate(text, file, this.script);
      this.references.set(name, references);
      compiled = this.env.compile(ast, COMPILE_OPTIONS);
    }
    const marker = this.markedFiles.push(file) - 1;
    return (context: unknown, options?: Handlebars.RuntimeOptions) => {
      this.used.add(name);
      try {
        // Each template's output is marked, so the markup reader can name the file behind a markup error.
        return `${MARK_START}${marker}${MARK_BODY}${compiled(context, options)}${MARK_END}`;
      } catch (error) {
        const tagged = error as TaggedError;
        if (tagged && typeof tagged === 'object' && !(error instanceof ReportError) && !tagged.templateFile) tagged.templateFile = file;
        throw error;
      }
    };
  }

  /** Every partial reachable from report.hbs must be a template of this set, named plainly (no path escapes). */
  private checkReachablePartials(): void {
    const seen = new Set<string>();
    const visit = (name: string) => {
      if (seen.has(name)) return;
      seen.add(name);
      for (const ref of this.references.get(name) ?? []) {
        if (ref.name === undefined) throw new ReportError([errorFinding('TEMPLATE', '模板错误：模板片段名必须直接写出，不能由表达式计算', ref.at)]);
        if (/[\\/]|^\.\.?$/.test(ref.name)) {
          throw new ReportError([errorFinding('TEMPLATE', `模板错误：模板片段名「${ref.name}」不能含路径（不能跳出模板目录）`, ref.at)]);
        }
        if (!this.files.has(ref.name)) throw new ReportError([errorFinding('TEMPLATE', `模板错误：找不到模板片段「${ref.name}」`, ref.at)]);
        visit(ref.name);
      }
    };
    visit('report');
  }
}
