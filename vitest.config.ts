import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // One Neo4j for the whole run (started here unless NEO4J_URI is set), stopped after.
    globalSetup: ['tests/support/global-setup.ts'],
    include: ['tests/**/*.test.ts'],
    // Test files share that database: run them one after another so counts and loads don't interleave.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 240_000,
    teardownTimeout: 120_000,
  },
});
