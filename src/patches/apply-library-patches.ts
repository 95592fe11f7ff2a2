/**
 * The one entry point of the library patches. The command line and every worker thread call
 * `applyLibraryPatches()` first: it checks that each patched library is the very version its patch was written
 * for, and switches the patches on. Each patch is put in place when its library is first used, through
 * `src/patches/` (`loadPdfmake`, `createFace`), so loading a library early or late changes nothing,
 * and a command that never lays out a PDF never loads pdfmake.
 */
import { displayPath } from '../output/output-paths.js';
import { errorFinding, EXIT, ReportError } from '../report-error/finding.js';
import { installedLibrary } from './installed-version.js';
import { LIBRARY_PATCHES, type LibraryPatch, type PatchName } from './library-patches.js';

let enabled: ReadonlySet<PatchName> | undefined;

/**
 * Checks the versions and switches the patches on; `names` picks some of them (the equivalence tests compare
 * output with and without each). Fails with one message, exit code 3, when a library differs.
 */
export function applyLibraryPatches(names: readonly PatchName[] = LIBRARY_PATCHES.map((p) => p.name)): void {
  const patches = LIBRARY_PATCHES.filter((p) => names.includes(p.name));
  const wrong = mismatches(patches);
  if (wrong.length > 0) {
    throw new ReportError(
      [errorFinding('PATCH', `内部错误：report-gen 修补过的库版本不对：${wrong.join('；')}。请在 report-gen 的目录中运行「npm ci」，按 package-lock.json 重新安装依赖`)],
      EXIT.internal,
    );
  }
  enabled = new Set(patches.map((p) => p.name));
}

/** One sentence per library copy whose installed version is not the one its patches were written for. */
function mismatches(patches: readonly LibraryPatch[]): string[] {
  const byCopy = new Map<string, LibraryPatch[]>();
  for (const patch of patches) {
    const key = [...(patch.loadedBy ?? []), patch.library].join('/');
    byCopy.set(key, [...(byCopy.get(key) ?? []), patch]);
  }
  return [...byCopy.values()].flatMap((group) => {
    const { library, version, loadedBy } = group[0]!;
    const installed = installedLibrary(library, loadedBy);
    if (installed.version === version) return [];
    const files = group.map((p) => p.file).join('、');
    return [`已安装的「${library}」为 ${installed.version} 版（${displayPath(installed.file)}），而 ${files} 是按 ${version} 版的内部结构编写的`];
  });
}

/** Whether a patch is on. Using a patched library before `applyLibraryPatches()` is a bug in report-gen. */
export function isPatchApplied(name: PatchName): boolean {
  if (!enabled) throw new Error(`applyLibraryPatches() was not called before ${name}'s library was used`);
  return enabled.has(name);
}
