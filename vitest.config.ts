import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

// Integration and browser tests get one throwaway Neo4j per project (started by the global setup unless
// NEO4J_URI is set, stopped after); unit tests need none and start in a second.
const neo4j = { globalSetup: ['tests/support/global-setup.ts'] };

export default defineConfig({
  resolve: {
    // graphql 16 ships CommonJS (`main`) and ESM (`module`) builds. Node, and so Apollo Server, loads the
    // CommonJS one; Vite would give our sources the ESM one, and graphql refuses types from "another realm".
    // One instance, as in production.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    // Test files of a project share its database: run them one after another so counts and loads don't
    // interleave (and the 2-core machine is not oversubscribed).
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 240_000,
    teardownTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'integration', include: ['tests/integration/**/*.test.ts'], ...neo4j } },
      { extends: true, test: { name: 'browser', include: ['tests/browser/**/*.test.ts'], ...neo4j } },
    ],
  },
});
