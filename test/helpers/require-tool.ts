/**
 * External tools a test file needs. `requireTools('pdftotext', 'soffice')` at the top of a file checks them before
 * any of its builds run; a missing one fails the file with one line naming the tool and the Debian package that
 * provides it (what `.ci/run` installs), instead of a stack trace from deep inside a reader.
 */
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { beforeAll } from 'vitest';

/** The Debian package of each tool the suite runs (see .ci/run). */
export const DEBIAN_PACKAGES = {
  pdftotext: 'poppler-utils',
  pdffonts: 'poppler-utils',
  pdfinfo: 'poppler-utils',
  pdfsig: 'poppler-utils',
  pdftoppm: 'poppler-utils',
  pdftocairo: 'poppler-utils',
  qpdf: 'qpdf',
  soffice: 'libreoffice-writer-nogui',
  chromium: 'chromium',
  java: 'default-jre-headless',
  openssl: 'openssl',
  '/usr/share/java/preflight.jar': 'libpdfbox2-java',
  '/usr/lib/libreoffice/program/libsclo.so': 'libreoffice-calc-nogui',
} as const;

export type Tool = keyof typeof DEBIAN_PACKAGES;

/** True when `tool` (a command on PATH, or an absolute file) is there. */
export function hasTool(tool: Tool): boolean {
  if (tool.startsWith('/')) return existsSync(tool);
  return (process.env.PATH ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, tool), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** The one line a missing tool fails with, or undefined when all are there. */
export function missingToolsMessage(tools: readonly Tool[]): string | undefined {
  const missing = tools.filter((t) => !hasTool(t));
  if (!missing.length) return undefined;
  const packages = [...new Set(missing.map((t) => DEBIAN_PACKAGES[t]))];
  return `missing ${missing.map((t) => `${t} (Debian package ${DEBIAN_PACKAGES[t]})`).join(', ')}: apt-get install ${packages.join(' ')}, or run .ci/run`;
}

/** Fails every test of the calling file, before its builds, when one of `tools` is missing. */
export function requireTools(...tools: Tool[]): void {
  beforeAll(() => {
    const message = missingToolsMessage(tools);
    if (!message) return;
    const error = new Error(message);
    error.stack = message; // the line says it all: no frames from this helper
    throw error;
  });
}
