/**
 * A throwaway Neo4j for the peer checks: started in a temporary folder on a free Bolt port (never the
 * developer's 7687 or .neo4j/), 1g heap, with the article knowledge loaded the way the app loads it.
 * `stop()` stops the JVM and removes the folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Neo4jConnection } from '../../src/config/config.ts';
import { PROJECT_ROOT } from '../../src/config/config.ts';
import { createDriver, Database } from '../../src/database/database.ts';
import { loadStatements } from '../../src/database/statements.ts';
import { knowledgeFilesIn, loadKnowledgeFile } from '../../src/knowledge/loader.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { startLocalNeo4j } from '../../src/neo4j-local/local-neo4j.ts';
import { freePort } from '../../tests/support/free-port.ts';

export interface TempNeo4j {
  connection: Neo4jConnection;
  stop(): Promise<void>;
}

export async function startTempNeo4j(): Promise<TempNeo4j> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kg-peer-neo4j-'));
  const log = createLogger('warn');
  const settings = { dir, boltPort: await freePort(), heap: '1g', pageCache: '512m', startTimeoutMs: 180_000 };
  const local = await startLocalNeo4j(settings, log).catch((error: unknown) => {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  });
  const stop = async () => {
    await local.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await loadArticle(local.connection);
    return { connection: local.connection, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Our schema (constraints and the `entity_search` full-text index) and the article, as `npm start` writes them. */
async function loadArticle(connection: Neo4jConnection): Promise<void> {
  const config = { database: { connectionTimeoutMs: 10_000 } } as Parameters<typeof createDriver>[1];
  const db = new Database(createDriver(connection, config, createLogger('warn')), loadStatements(), {
    database: connection.database,
    queryTimeoutMs: 60_000,
  });
  try {
    await db.ensureSchema();
    for (const file of knowledgeFilesIn(path.join(PROJECT_ROOT, 'data/knowledge'))) await loadKnowledgeFile(db, file);
  } finally {
    await db.close();
  }
}
