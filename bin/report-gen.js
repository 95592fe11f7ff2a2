#!/usr/bin/env node
import module from 'node:module';

// Node 22.1 and later keep V8's compiled code between runs, so a cold build need not compile report-gen and its
// libraries again; Node 20 has no such cache and goes on as before.
module.enableCompileCache?.();
// A batch runs in a child process with one V8 helper thread (src/batch/small-pool.ts).
const pool = await import('../dist/batch/small-pool.js');
if (pool.isBatchBuild(process.argv.slice(2)) && !pool.hasPoolSize()) process.exitCode = await pool.rerunWithSmallPool();
else {
  pool.stopWithParent();
  await import('../dist/cli/main.js');
}
