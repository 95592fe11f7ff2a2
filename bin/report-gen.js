#!/usr/bin/env node
import { statSync } from 'node:fs';
import module from 'node:module';

// Node 22.1 and later keep V8's compiled code between runs, so a cold build need not compile report-gen and its
// libraries again; Node 20 has no such cache and goes on as before.
module.enableCompileCache?.();
// A batch optimises less eagerly (src/batch/batch-tuning.ts), set before the modules that do the work are loaded.
const tuning = await import('../dist/batch/batch-tuning.js');
if (tuning.isBatchBuild(process.argv.slice(2))) tuning.tuneForBatch();
// REPORT_GEN_NO_BUNDLE=1 runs the compiled modules, whose paths a CPU profile can tell apart (npm run bench).
await import(!process.env.REPORT_GEN_NO_BUNDLE && bundleIsCurrent() ? '../dist/app/main.js' : '../dist/cli/main.js');

/** The bundle `npm run build` makes (src/bundle/write-bundle.ts), unless the compiled modules are newer. */
function bundleIsCurrent() {
  const modified = (path) => statSync(new URL(path, import.meta.url), { throwIfNoEntry: false })?.mtimeMs;
  const bundle = modified('../dist/app/main.js');
  return bundle !== undefined && bundle >= (modified('../dist/cli/main.js') ?? Infinity);
}
