/**
 * The composition root: connects (or starts) Neo4j, prepares the schema and the knowledge, and serves
 * GraphQL over HTTP. `stop()` undoes it all in reverse order.
 */
import type { Config, Neo4jConnection } from './config/config.ts';
import { createDriver, Database } from './database/database.ts';
import { loadStatements } from './database/statements.ts';
import { createHttpServer } from './http/server.ts';
import { knowledgeFilesIn, loadKnowledgeFiles, type LoadResult } from './knowledge/loader.ts';
import type { Logger } from './logging/logger.ts';
import { startLocalNeo4j, type LocalNeo4j } from './neo4j-local/local-neo4j.ts';

export interface RunningApp {
  /** Base URL, such as http://127.0.0.1:4000. */
  url: string;
  db: Database;
  knowledge: LoadResult[];
  timings: { neo4jMs: number; totalMs: number };
  stop(): Promise<void>;
}

export async function startApp(config: Config, log: Logger): Promise<RunningApp> {
  const started = Date.now();
  // tsx turns source maps on, which makes every `new Error().stack` map frames back to TypeScript; the Neo4j
  // driver captures a stack for each query it runs, so in production (where stacks never reach a client) this
  // was ~2 % of the server's CPU under load. Development keeps TypeScript positions in its traces.
  if (config.env === 'production') process.setSourceMapsEnabled(false);
  const cleanups: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch((error) => log.error({ err: error }, 'shutdown step failed'));
  };
  try {
    const { connection, local } = await connectNeo4j(config, log);
    if (local) cleanups.push(() => local.stop());
    const neo4jMs = Date.now() - started;

    const db = new Database(createDriver(connection, config, log), loadStatements(), {
      database: connection.database,
      queryTimeoutMs: config.database.queryTimeoutMs,
    });
    cleanups.push(() => db.close());
    await db.driver.verifyConnectivity({ database: connection.database }).catch((error: Error) => {
      throw new Error(`Cannot reach Neo4j at ${connection.uri} (database ${connection.database}): ${error.message}`);
    });
    await db.ensureSchema();
    const knowledge = config.knowledge.autoload ? await loadKnowledgeFiles(db, knowledgeFilesIn(config.knowledge.dir), log, { batchRows: config.knowledge.batchRows }) : [];

    const { app } = await createHttpServer(config, db, log);
    cleanups.push(() => app.close());
    const address = await app.listen({ host: config.http.host, port: config.http.port });
    const url = address.replace('[::1]', 'localhost');
    return { url, db, knowledge, timings: { neo4jMs, totalMs: Date.now() - started }, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function connectNeo4j(config: Config, log: Logger): Promise<{ connection: Neo4jConnection; local?: LocalNeo4j }> {
  if (config.neo4j) {
    log.info({ uri: config.neo4j.uri, database: config.neo4j.database }, 'Using the Neo4j server given by NEO4J_URI');
    return { connection: config.neo4j };
  }
  const local = await startLocalNeo4j(config.localNeo4j, log);
  return { connection: local.connection, local };
}
