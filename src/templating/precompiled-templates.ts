/**
 * The built-in templates, compiled by `npm run build` (write-precompiled-templates.ts) and kept in
 * dist/precompiled-templates.json, so that a build does not run Handlebars' compiler on them: a cold build spent
 * some 60 ms compiling templates it never changes. A template is found by the digest of its text (with the script,
 * Handlebars' version and the compile options), so a copy of a built-in template in a project's own folder is found
 * too, and a template changed since the build, or one of a user's own, is compiled as before (template-set.ts).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { installedFile } from '../load/install-root.js';
import { COMPILE_OPTIONS, prepareTemplate } from './compile-template.js';
import type { Script } from './script.js';
import { BUILTIN_TEMPLATE_ROOT, readTemplateText } from './template-files.js';

export const PRECOMPILED_TEMPLATES_FILE = installedFile('dist', 'precompiled-templates.json');

export interface PrecompiledTemplate {
  /** Handlebars' precompiled template specification: JavaScript source of an object. */
  spec: string;
  /** The partials the template names, where it names them. */
  references: Array<{ name: string | undefined; line: number; col: number }>;
}

const VARIANT = `${Handlebars.VERSION}\0${JSON.stringify(COMPILE_OPTIONS)}`;

/** What identifies a compiled template: its text, the script of its own words, the compiler and its options. */
export function templateDigest(text: string, script: Script): string {
  return createHash('sha256').update(VARIANT).update('\0').update(script).update('\0').update(text).digest('base64');
}

/** A template's text compiled, as the build step keeps it. */
export function precompileTemplate(text: string, file: string, script: Script): PrecompiledTemplate {
  const { ast, references } = prepareTemplate(text, file, script);
  return {
    spec: Handlebars.precompile(ast, COMPILE_OPTIONS) as string,
    references: references.map(({ name, at }) => ({ name, line: at.line ?? 1, col: at.col ?? 1 })),
  };
}

const SCRIPTS: readonly Script[] = ['simplified', 'traditional'];

/** Every built-in template compiled in both scripts, by digest: what `npm run build` keeps. */
export function builtInTemplates(): Record<string, PrecompiledTemplate> {
  const compiled: Record<string, PrecompiledTemplate> = {};
  const files = readdirSync(BUILTIN_TEMPLATE_ROOT, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.hbs'))
    .sort();
  for (const file of files) {
    const path = join(BUILTIN_TEMPLATE_ROOT, file);
    const text = readTemplateText(path);
    for (const script of SCRIPTS) compiled[templateDigest(text, script)] = precompileTemplate(text, path, script);
  }
  return compiled;
}

let kept: Map<string, PrecompiledTemplate> | undefined;

/** The compiled template for this text and script, when `npm run build` kept one. */
export function precompiledTemplate(text: string, script: Script): PrecompiledTemplate | undefined {
  if (!kept) {
    try {
      kept = new Map(Object.entries(JSON.parse(readFileSync(PRECOMPILED_TEMPLATES_FILE, 'utf8')) as Record<string, PrecompiledTemplate>));
    } catch {
      // No file (a build step skipped): every template is compiled when it is loaded, as a user's own are.
      kept = new Map();
    }
  }
  return kept.get(templateDigest(text, script));
}

/** The specification object Handlebars' `template()` takes, from its source. */
export function templateSpec(spec: string): TemplateSpecification {
  return new Function(`return ${spec};`)() as TemplateSpecification;
}

type TemplateSpecification = Parameters<typeof Handlebars.template>[0];
