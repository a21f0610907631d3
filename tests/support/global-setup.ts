/**
 * Starts a throwaway local Neo4j for the test run (a free port, a temporary data folder) and stops it after,
 * or uses NEO4J_URI when it is set. Test files receive the connection with `inject('neo4j')`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig, type Neo4jConnection } from '../../src/config/config.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { startLocalNeo4j } from '../../src/neo4j-local/local-neo4j.ts';
import { freePort } from './free-port.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: Neo4jConnection;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const config = loadConfig();
  if (config.neo4j) {
    project.provide('neo4j', config.neo4j);
    return async () => undefined;
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kg-test-neo4j-'));
  const log = createLogger(process.env.TEST_LOG_LEVEL ?? 'warn');
  const local = await startLocalNeo4j({ dir, boltPort: await freePort(), heap: '768m', pageCache: '256m', startTimeoutMs: 180_000 }, log);
  project.provide('neo4j', local.connection);
  return async () => {
    await local.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
