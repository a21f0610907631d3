/**
 * `npm run load -- --bulk`: refuses what the bulk path cannot do safely (a remote Neo4j, a running one, a store
 * holding data without --overwrite), then bulk-loads, starts the local Neo4j, builds the schema, answers a first
 * query, prints every phase's time and stops the Neo4j it started.
 */
import net from 'node:net';
import type { Config } from '../config/config.ts';
import { createDriver, Database } from '../database/database.ts';
import { loadStatements } from '../database/statements.ts';
import { bulkLoadKnowledgeFiles, startAfterBulkLoad } from '../knowledge/bulk/bulk-load.ts';
import type { Logger } from '../logging/logger.ts';
import { localDatabaseHoldsData } from '../neo4j-local/bulk-import.ts';

export class BulkLoadRefusedError extends Error {
  override name = 'BulkLoadRefusedError';
}

export async function bulkLoad(config: Config, files: readonly string[], overwrite: boolean, log: Logger): Promise<number> {
  if (config.neo4j) throw new BulkLoadRefusedError('the bulk path writes the store files of the local Neo4j; against NEO4J_URI use `npm run load`');
  const settings = config.localNeo4j;
  if (await portInUse(settings.boltPort)) {
    throw new BulkLoadRefusedError(`the local Neo4j (or something else) is listening on port ${settings.boltPort}: stop it first; the bulk path replaces the store files of a stopped Neo4j`);
  }
  if (!overwrite && localDatabaseHoldsData(settings)) {
    throw new BulkLoadRefusedError(`the local Neo4j in ${settings.dir} already holds a database: add --overwrite to replace it with the files' graph, or use \`npm run load\` to add the files to it`);
  }
  const result = await bulkLoadKnowledgeFiles(files, settings, log);
  const { neo4j, schemaMs } = await startAfterBulkLoad(settings, log);
  try {
    const firstQueryMs = await firstQuery(neo4j.connection, config, log);
    const s = (ms: number) => (ms / 1000).toFixed(1);
    const total = result.ms.total + neo4j.startupMs + schemaMs + firstQueryMs;
    console.log(
      `bulk ${result.relations.toLocaleString('en-US')} relations: validate ${s(result.ms.validate)} s, csv ${s(result.ms.csv)} s, import ${s(result.ms.import)} s, ` +
        `start ${s(neo4j.startupMs)} s, schema ${s(schemaMs)} s, first query ${s(firstQueryMs)} s, total ${s(total)} s`,
    );
    console.log(`  ${result.files} files, ${result.entities} entities, ${result.facts} facts, ${result.citations} citations`);
  } finally {
    await neo4j.stop();
  }
  return 0;
}

/** A search on the imported graph's full-text index: the time until the database answers a real read. */
async function firstQuery(connection: Config['neo4j'] & object, config: Config, log: Logger): Promise<number> {
  const started = Date.now();
  const db = new Database(createDriver(connection, config, log), loadStatements(), { database: connection.database, queryTimeoutMs: config.database.queryTimeoutMs });
  try {
    await db.read('read/search-entities', { query: 'a*', kinds: null, offset: 0, limit: 10 });
  } finally {
    await db.close();
  }
  return Date.now() - started;
}

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}
