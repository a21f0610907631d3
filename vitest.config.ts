import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql 16 ships CommonJS (`main`) and ESM (`module`) builds. Node, and so Apollo Server, loads the
    // CommonJS one; Vite would give our sources the ESM one, and graphql refuses types from "another realm".
    // One instance, as in production.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
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
