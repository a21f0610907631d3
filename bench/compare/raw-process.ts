/**
 * The RAW side as its own process (so its memory is measured apart from the benchmark's): a repository on
 * neo4j-driver, driven by the parent over IPC.
 *   → { type: 'ready' } | { type: 'failed', message }
 *   ← { type: 'answer', op, variables }      → { type: 'answer', response } | { type: 'error', message }
 *   ← { type: 'run', op, variableSets, loop } → { type: 'result', result }
 *   ← { type: 'write', op, cell, i }          → { type: 'written' } | { type: 'error', message }
 *   ← { type: 'runWrites', op, cell, loop }   → { type: 'result', result }  (request i writes `cell`'s i-th ids)
 *   ← { type: 'memory' }                      → { type: 'memory', rss, heapUsed, gcForced, statements }
 *   ← { type: 'stop' } or the parent going away → closes the driver and exits.
 * Environment: NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE, as for the server.
 */
import { loadConfig } from '../../src/config/config.ts';
import { createDriver, Database } from '../../src/database/database.ts';
import { KnowledgeGraphRepository } from '../../src/database/repository.ts';
import { loadStatements } from '../../src/database/statements.ts';
import { createLogger } from '../../src/logging/logger.ts';
import type { OperationName, Variables } from '../peer/operations.ts';
import { runClosedLoop, type LoopOptions, type LoopResult } from './closed-loop.ts';
import { RAW_OPERATIONS } from './raw-operations.ts';
import { rawWrites } from './raw-writes.ts';
import type { WriteOperationName } from '../write-operations.ts';

export type ToRaw =
  | { type: 'answer'; op: OperationName; variables: Variables }
  | { type: 'run'; op: OperationName; variableSets: Variables[]; loop: LoopOptions }
  | { type: 'write'; op: WriteOperationName; cell: string; i: number }
  | { type: 'runWrites'; op: WriteOperationName; cell: string; loop: LoopOptions }
  | { type: 'memory' }
  | { type: 'stop' };
export type FromRaw =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  | { type: 'answer'; response: unknown }
  | { type: 'written' }
  | { type: 'error'; message: string }
  | { type: 'result'; result: LoopResult }
  | { type: 'memory'; rss: number; heapUsed: number; gcForced: boolean; statements: number };

const send = (message: FromRaw) => process.send?.(message);
const config = loadConfig();
if (!config.neo4j) {
  send({ type: 'failed', message: 'NEO4J_URI is required: the raw side connects to the benchmark Neo4j' });
  process.exit(1);
}
const connection = config.neo4j;
const db = new Database(createDriver(connection, config, createLogger('warn')), loadStatements(), {
  database: connection.database,
  queryTimeoutMs: config.database.queryTimeoutMs,
});
const repository = new KnowledgeGraphRepository(db);
const writes = rawWrites(db);
const limits = { maxNeighborhoodNodes: config.limits.maxNeighborhoodNodes };

async function handle(message: ToRaw): Promise<void> {
  if (message.type === 'stop') {
    await db.close();
    process.exit(0);
  }
  if (message.type === 'memory') {
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const { rss, heapUsed } = process.memoryUsage();
    send({ type: 'memory', rss, heapUsed, gcForced: gc !== undefined, statements: db.stats.statements });
    return;
  }
  if (message.type === 'write') {
    try {
      await writes[message.op](message.cell, message.i);
      send({ type: 'written' });
    } catch (error) {
      send({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    }
    return;
  }
  if (message.type === 'runWrites') {
    const { op, cell } = message;
    send({ type: 'result', result: await runClosedLoop((i) => writes[op](cell, i), message.loop) });
    return;
  }
  const operation = RAW_OPERATIONS[message.op];
  if (message.type === 'answer') {
    try {
      send({ type: 'answer', response: await operation(repository, message.variables, limits) });
    } catch (error) {
      send({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    }
    return;
  }
  const sets = message.variableSets;
  const result = await runClosedLoop(async (i) => void (await operation(repository, sets[i % sets.length]!, limits)), message.loop);
  send({ type: 'result', result });
}

process.on('message', (message: ToRaw) => void handle(message));
process.on('disconnect', () => void db.close().then(() => process.exit(0)));
db.ping().then(
  (ok) => send(ok ? { type: 'ready' } : { type: 'failed', message: `Neo4j does not answer on ${connection.uri}` }),
  (error: unknown) => send({ type: 'failed', message: String(error) }),
);
