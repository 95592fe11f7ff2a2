/**
 * Build step (`npm run build`, after tsc): bundles the command line and its batch worker entry into dist/app/,
 * with esbuild. A cold build then reads a few files instead of some hundreds of modules (docs/architecture.md,
 * "Speed"). The libraries that `src/patches/` changes (pdfmake, pdfkit, fontkit, docx) stay outside the bundle,
 * loaded from node_modules as before, so that their versions are checked and their modules patched where the
 * patches look for them; so do piscina (it starts its workers from its own files), exceljs (large, and loaded
 * only by the workbook commands) and opencc-js (two megabytes of tables, loaded only for a report in traditional
 * characters). Modules that only some commands need are split into chunks loaded on first use.
 *
 * Files of the installation (templates/, schema/, the built 楷体 face) are found through `installRoot()`, which
 * holds for a module at any depth, bundled or not.
 * `bin/report-gen.js` runs the bundle when it is at least as new as dist/cli/main.js.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { installRoot } from '../load/install-root.js';

const root = installRoot();
const out = join(root, 'dist', 'app');
rmSync(out, { recursive: true, force: true });
try {
  // esbuild runs a binary of its own, installed for this platform as an optional package: an installation
  // without it (npm --omit=optional) still works, from the compiled modules, only its cold start is slower.
  const { build } = await import('esbuild');
  await build({
    entryPoints: {
      main: join(root, 'dist', 'cli', 'main.js'),
      'build-worker': join(root, 'dist', 'batch', 'build-worker.js'),
    },
    outdir: out,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['pdfmake', 'pdfmake/*', 'pdfkit', 'fontkit', 'docx', 'piscina', 'exceljs', 'opencc-js', 'opencc-js/*'],
    // CommonJS libraries in an ES module bundle call `require` for Node's own modules.
    banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
    logLevel: 'warning',
    legalComments: 'none',
  });
} catch (error) {
  rmSync(out, { recursive: true, force: true });
  process.stderr.write(`report-gen: 未能生成 dist/app/ 下的合并模块（${error instanceof Error ? error.message.split('\n')[0] : String(error)}），命令行将使用 dist/ 下的各个模块，启动稍慢\n`);
}
