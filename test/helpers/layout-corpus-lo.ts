/**
 * Our DOCX as LibreOffice lays it out on a PC without the official Chinese faces: the fallback fonts of this system
 * (Noto CJK, DejaVu) plus Tinos, the metric twin of Times New Roman that every Windows PC has. Many documents are
 * converted in one soffice call, since starting LibreOffice costs more than converting a report.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

/** A font set of fallbacks only, as on an office PC without the official faces: the environment for soffice. */
export function fallbackFonts(dir: string): NodeJS.ProcessEnv {
  mkdirSync(join(dir, 'fonts'), { recursive: true });
  copyFileSync(require.resolve('@expo-google-fonts/tinos/400Regular/Tinos_400Regular.ttf'), join(dir, 'fonts', 'Tinos-Regular.ttf'));
  const conf = join(dir, 'fonts.conf');
  writeFileSync(
    conf,
    `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>` +
      `<dir>${join(dir, 'fonts')}</dir><cachedir>${join(dir, 'cache')}</cachedir></fontconfig>`,
  );
  return { ...process.env, FONTCONFIG_FILE: conf };
}

/** Converts DOCX files (with distinct names) to PDF next to them in one soffice call; returns the PDFs in order. */
export function libreOfficePdfs(docx: string[], outDir: string, env: NodeJS.ProcessEnv, profile: string): string[] {
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, ...docx], {
    env,
    stdio: 'ignore',
    timeout: 300_000,
  });
  return docx.map((file) => join(outDir, file.replace(/^.*\//, '').replace(/\.docx$/, '.pdf')));
}

/**
 * Seeds of the generated corpus (layout-corpus.ts) whose DOCX is checked in LibreOffice, chosen from seeds 1 to 70
 * for what they exercise there: a 表三 of 7-digit figures taller than a page (6, 41, 55), 6-digit 表三 and 表四
 * (5, 12, 26, 47), 5-digit 表四 (4), a 落款 with only three lines of text above it on its page (4, 8, 16, 20, 30),
 * the longest narratives (1, 47, 55) and the shortest (22, 30).
 */
export const LIBREOFFICE_SEEDS = [1, 4, 5, 6, 8, 12, 16, 20, 22, 26, 30, 41, 47, 55];
