/**
 * The one place that talks to Neo4j: runs named statements from cypher/ with parameters, reads as auto-commit
 * queries (routed to followers in a cluster), writes in write transactions of named statements (see `write`),
 * each with a transaction timeout. No other module opens a session or a transaction.
 */
import neo4j, { Neo4jError, type Driver, type RecordShape } from 'neo4j-driver';
import type { Config, Neo4jConnection } from '../config/config.ts';
import type { Logger } from '../logging/logger.ts';
import { classifyDatabaseError } from './errors.ts';
import {
  renderStatement,
  SCHEMA_STATEMENT_FILES,
  type ReadStatementName,
  type SchemaStatementName,
  type StatementName,
  type StatementSlots,
  type Statements,
  type WriteStatementName,
} from './statements.ts';

export type Params = Record<string, unknown>;

/** Called once per statement sent: used to count database round trips per GraphQL request. */
export type RoundTripObserver = (statement: ReadStatementName | AssembledStatementName) => void;

/** Statements assembled per request from fragments under cypher/ (named after their fragment folder). */
export type AssembledStatementName = 'read/entity-tree';

/** What a write transaction offers its work: named write statements, nothing else. */
export interface WriteTransaction {
  /** Runs one named write statement (its `{{label}}` / `{{type}}` slots from `slots`) and returns its records. */
  run<R extends RecordShape = RecordShape>(statement: WriteStatementName, params: Params, slots?: StatementSlots): Promise<R[]>;
}

export interface WriteOptions {
  timeoutMs?: number;
  /** Receives the session's bookmark once the transaction committed (causal consistency across instances). */
  onBookmark?: (bookmark: string) => void;
}

export class Database {
  /** Read statements sent since start: for metrics, and for tests that prove a request sent none. */
  readonly stats: { statements: number };

  constructor(
    readonly driver: Driver,
    private readonly statements: Statements,
    private readonly settings: { database: string; queryTimeoutMs: number },
    /** Bookmarks every read waits for (see withBookmarks); none by default. */
    private readonly readBookmarks: () => readonly string[] = () => [],
    stats: { statements: number } = { statements: 0 },
  ) {
    this.stats = stats;
  }

  /**
   * The same database whose reads wait for `bookmarks` (asked at each read, so writes made meanwhile by the
   * same request count too): a request's repository reads what the client, or the request itself, wrote.
   */
  withBookmarks(bookmarks: () => readonly string[]): Database {
    return new Database(this.driver, this.statements, this.settings, bookmarks, this.stats);
  }

  statement(name: StatementName | SchemaStatementName): string {
    const text = this.statements.get(name);
    if (text === undefined) throw new Error(`No Cypher statement named ${name}`);
    return text;
  }

  /** Runs one read statement as an auto-commit query in a read session and returns its records as plain objects. */
  async read<T extends RecordShape>(name: ReadStatementName, params: Params, observe?: RoundTripObserver): Promise<T[]> {
    return this.readText(name, this.statement(name), params, observe);
  }

  /** Runs a statement assembled from cypher/ fragments (see entity-tree.ts), like `read`. */
  async readText<T extends RecordShape>(name: ReadStatementName | AssembledStatementName, text: string, params: Params, observe?: RoundTripObserver): Promise<T[]> {
    observe?.(name);
    this.stats.statements += 1;
    try {
      // An auto-commit query: RUN and PULL in one exchange, where a managed transaction adds BEGIN and a
      // separate COMMIT exchange (measured 20-25 % slower per read). A read has nothing to roll back, and a
      // failure is answered at once (the client may retry) rather than retried here.
      const bookmarks = [...this.readBookmarks()];
      const session = this.driver.session({ database: this.settings.database, defaultAccessMode: neo4j.session.READ, ...(bookmarks.length ? { bookmarks } : {}) });
      const result = await session
        .run(text, withIntegers(params), { timeout: this.settings.queryTimeoutMs, metadata: { app: 'kg-graphql-server', statement: name } })
        .finally(() => session.close());
      return result.records.map((record) => record.toObject() as T);
    } catch (error) {
      throw classifyDatabaseError(error);
    }
  }

  /**
   * Runs `work` as ONE write transaction of named write statements: all of it commits, or none of it. This is
   * the shape of every write (a knowledge load, later each mutation): one call, one transaction. The driver
   * retries `work` whole on transient failures (deadlocks, a leader switch), so `work` must only run
   * statements. `name` tags the transaction (SHOW TRANSACTIONS lists it with metadata `work: 'write'`).
   * An error `work` throws itself (not the database's) rolls the transaction back and reaches the caller as it is.
   */
  async write<T>(name: string, work: (tx: WriteTransaction) => Promise<T>, options: WriteOptions = {}): Promise<T> {
    const session = this.driver.session({ database: this.settings.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      const result = await session.executeWrite(
        (tx) =>
          work({
            run: async <R extends RecordShape>(statement: WriteStatementName, params: Params, slots?: StatementSlots) => {
              const result = await tx.run<R>(renderStatement(this.statement(statement), statement, slots), params);
              return result.records.map((record) => record.toObject());
            },
          }),
        { timeout: options.timeoutMs ?? this.settings.queryTimeoutMs * 30, metadata: { app: 'kg-graphql-server', work: 'write', name } },
      );
      const bookmark = session.lastBookmarks().at(-1);
      if (bookmark !== undefined) options.onBookmark?.(bookmark);
      return result;
    } catch (error) {
      // The work's own errors (a conflict, a rollback on purpose) are the caller's to read, not failures.
      if (!(error instanceof Neo4jError)) throw error;
      throw classifyDatabaseError(error);
    } finally {
      await session.close();
    }
  }

  /** Creates the constraints and indexes, idempotently (every statement says IF NOT EXISTS). */
  async ensureSchema(): Promise<void> {
    const session = this.driver.session({ database: this.settings.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      // Schema changes cannot share a transaction with each other's data, so each runs on its own.
      for (const name of SCHEMA_STATEMENT_FILES) await session.run(this.statement(name));
    } catch (error) {
      throw classifyDatabaseError(error);
    } finally {
      await session.close();
    }
  }

  /** True when the database answers a query (a read transaction, so a cluster member that can serve reads). */
  async ping(): Promise<boolean> {
    try {
      await this.driver.executeQuery(this.statement('read/ping'), {}, { database: this.settings.database, routing: neo4j.routing.READ });
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}

/**
 * JavaScript numbers travel to Neo4j as floats, and LIMIT or range bounds refuse `20.0`: whole numbers among
 * the top-level parameters are sent as Cypher integers.
 */
function withIntegers(params: Params): Params {
  return Object.fromEntries(
    Object.entries(params).map(([key, value]) => [key, typeof value === 'number' && Number.isSafeInteger(value) ? neo4j.int(value) : value]),
  );
}

/** The driver for `connection`; of the config it reads only the connection timeout. */
export function createDriver(connection: Neo4jConnection, config: { database: Pick<Config['database'], 'connectionTimeoutMs'> }, log: Logger): Driver {
  return neo4j.driver(connection.uri, neo4j.auth.basic(connection.username, connection.password), {
    // Our numbers fit in doubles; plain JS numbers keep records simple.
    disableLosslessIntegers: true,
    connectionTimeout: config.database.connectionTimeoutMs,
    connectionAcquisitionTimeout: config.database.connectionTimeoutMs,
    // Fail fast while the database is down instead of retrying for the default 30 s.
    maxTransactionRetryTime: 2_000,
    maxConnectionPoolSize: 50,
    userAgent: 'kg-graphql-server/0.1',
    logging: {
      level: 'warn',
      logger: (level, message) => log[level === 'error' ? 'error' : 'warn']({ component: 'neo4j-driver' }, message),
    },
  });
}
