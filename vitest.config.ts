import { defineConfig } from 'vitest/config';

/**
 * Two tiers. `unit`: in-process tests that need no external tool and start no process (`npm run test:unit`,
 * seconds). `cli`: everything else, which runs the built command line and the Debian oracles. `npm test` runs both.
 */
const UNIT = ['test/unit/**/*.test.ts', 'test/model-tables.test.ts', 'test/paginate.test.ts', 'test/templates.test.ts', 'test/t1-mutation.test.ts'];

export default defineConfig({
  test: {
    // Fails the run if any message printed by report-gen in the suite is English prose.
    globalSetup: ['test/global-setup.ts'],
    // In-process tests get the library patches as every entry point of report-gen applies them.
    setupFiles: ['test/helpers/apply-patches.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'unit', include: UNIT, testTimeout: 60_000, pool: 'threads', isolate: false } },
      { extends: true, test: { name: 'cli', include: ['test/**/*.test.ts'], exclude: UNIT } },
    ],
  },
});
