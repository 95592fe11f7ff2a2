import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Fails the run if any message printed by report-gen in the suite is English prose.
    globalSetup: ['test/global-setup.ts'],
    // In-process tests get the library patches as every entry point of report-gen applies them.
    setupFiles: ['test/helpers/apply-patches.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
