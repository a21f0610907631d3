/**
 * What every command-line tool does around its work: connect to the Neo4j that NEO4J_URI names, or start the
 * local one for the occasion; make sure the schema exists; run; then close the driver and stop what it started.
 */
import type { Config } from '../config/config.ts';
import { createDriver, Database } from '../database/database.ts';
import { loadStatements } from '../database/statements.ts';
import type { Logger } from '../logging/logger.ts';
import { startLocalNeo4j, type LocalNeo4j } from '../neo4j-local/local-neo4j.ts';

export async function withDatabase<T>(config: Config, log: Logger, work: (db: Database) => Promise<T>): Promise<T> {
  let local: LocalNeo4j | undefined;
  let db: Database | undefined;
  try {
    if (!config.neo4j) local = await startLocalNeo4j(config.localNeo4j, log);
    const connection = config.neo4j ?? local!.connection;
    db = new Database(createDriver(connection, config, log), loadStatements(), { database: connection.database, queryTimeoutMs: config.database.queryTimeoutMs });
    await db.ensureSchema();
    return await work(db);
  } finally {
    await db?.close();
    await local?.stop();
  }
}
