/**
 * Two data files whose outputs would land on the same path (a/白沙镇/2022.yaml and b/石门乡/2022.yaml outside a
 * `data` folder both map to out/2022.*) are refused before anything is built, naming both. The same file given
 * twice is built once. On Windows and macOS, whose file systems ignore case, paths differing only in case collide.
 */
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { EXIT, errorFinding, ReportError } from '../report-error/finding.js';
import { displayPath, outputBase } from './output-paths.js';

export interface PlannedReport {
  file: string;
  outDir: string;
  mirrorFrom?: string;
}

/** The reports without repeats of the same file; throws when two different files share an output path. */
export function refuseOutputCollisions<T extends PlannedReport>(reports: readonly T[]): T[] {
  const byOutput = new Map<string, T>();
  const seenFiles = new Set<string>();
  const kept: T[] = [];
  const problems: string[] = [];
  for (const report of reports) {
    const real = realPath(report.file);
    if (seenFiles.has(real)) continue;
    seenFiles.add(real);
    const base = outputBase(report.file, report.outDir, report.mirrorFrom);
    const key = foldCase(resolve(base).normalize('NFC'));
    const earlier = byOutput.get(key);
    if (earlier) {
      problems.push(`${displayPath(earlier.file)} 和 ${displayPath(report.file)} 的输出都会写到 ${displayPath(base)}.*，后者会覆盖前者`);
    } else {
      byOutput.set(key, report);
      kept.push(report);
    }
  }
  if (problems.length) {
    const findings = problems.map((p) => errorFinding('OUTPUT', `${p}；请把数据文件放在 data/<机关>/ 下，或分开生成到不同的输出文件夹（-o）`));
    throw new ReportError(findings, EXIT.unusableInput);
  }
  return kept;
}

function realPath(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return resolve(file);
  }
}

function foldCase(path: string): string {
  return process.platform === 'win32' || process.platform === 'darwin' ? path.toLowerCase() : path;
}
