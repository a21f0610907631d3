/**
 * The PEER under benchmark: @neo4j/graphql 7 with bench/peer/type-defs.graphql on Apollo Server 5
 * (standalone), over an existing Neo4j. Same IPC protocol as bench/server-process.ts, plus `statements`:
 *   → { type: 'ready', url } | { type: 'failed', message }
 *   ← { type: 'memory' }  → { type: 'memory', rss, heapUsed, gcForced, statements }
 *   ← { type: 'stop' }, the parent going away, SIGINT or SIGTERM → stops the server and exits.
 * `statements` counts every Cypher statement sent since start (start-up checks included: take differences).
 *
 * Environment: NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD (required), NEO4J_DATABASE (default neo4j),
 * PORT (default 0: a free port), on 127.0.0.1. Run alone: `npx tsx bench/peer/peer-process.ts`.
 */
import { readFileSync } from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import neo4j, { type Driver } from 'neo4j-driver';
import { countingDriver, type StatementCounter } from './counting-driver.ts';

export type ToPeer = { type: 'memory' } | { type: 'stop' };
export type FromPeer =
  | { type: 'ready'; url: string }
  | { type: 'failed'; message: string }
  | { type: 'memory'; rss: number; heapUsed: number; gcForced: boolean; statements: number };

interface RunningPeer {
  url: string;
  stop(): Promise<void>;
}

const TYPE_DEFS = new URL('./type-defs.graphql', import.meta.url);

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required: the peer connects to an existing Neo4j (NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD)`);
  return value;
}

function port(): number {
  const value = Number(process.env.PORT ?? 0);
  if (!Number.isInteger(value) || value < 0 || value > 65535) throw new Error(`PORT must be 0 to 65535, not ${process.env.PORT}`);
  return value;
}

function connect(counter: StatementCounter): { driver: Driver; database: string } {
  const uri = requiredEnv('NEO4J_URI');
  const auth = neo4j.auth.basic(requiredEnv('NEO4J_USERNAME'), requiredEnv('NEO4J_PASSWORD'));
  // Pool size as our server's, so neither side waits on connections the other has.
  const driver = neo4j.driver(uri, auth, { maxConnectionPoolSize: 50, userAgent: 'kg-bench-peer/0.1' });
  return { driver: countingDriver(driver, counter), database: process.env.NEO4J_DATABASE ?? 'neo4j' };
}

async function startPeer(counter: StatementCounter): Promise<RunningPeer> {
  const { driver, database } = connect(counter);
  try {
    const neoSchema = new Neo4jGraphQL({ typeDefs: readFileSync(TYPE_DEFS, 'utf8'), driver });
    // Checks the Neo4j version and APOC once, so requests need not; creates no index or constraint.
    await neoSchema.checkNeo4jCompat({ sessionConfig: { database } });
    const schema = await neoSchema.getSchema();
    // Production-like whatever NODE_ENV says; our handlers stop the server (Apollo's own would re-raise the signal).
    const server = new ApolloServer({
      schema,
      introspection: false,
      includeStacktraceInErrorResponses: false,
      stopOnTerminationSignals: false,
    });
    const { url } = await startStandaloneServer(server, {
      listen: { host: '127.0.0.1', port: port() },
      context: async () => ({ sessionConfig: { database } }),
    });
    const stop = async () => {
      await server.stop();
      await driver.close();
    };
    return { url: url.replace(/\/$/, ''), stop };
  } catch (error) {
    await driver.close();
    throw error;
  }
}

function serveParent(): void {
  const counter: StatementCounter = { statements: 0 };
  const send = (message: FromPeer) => process.send?.(message);
  const starting = startPeer(counter);
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      const peer = await starting.catch(() => undefined);
      await peer?.stop();
      process.exit(0);
    })());
  process.on('disconnect', () => void stop());
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  process.on('message', (message: ToPeer) => {
    if (message.type === 'stop') void stop();
    if (message.type === 'memory') send({ type: 'memory', ...memory(), statements: counter.statements });
  });
  starting.then(
    (peer) => {
      send({ type: 'ready', url: peer.url });
      if (!process.send) console.log(`Peer ready at ${peer.url}/graphql`);
    },
    (error: unknown) => {
      send({ type: 'failed', message: (error as Error).message });
      if (!process.send) console.error((error as Error).message);
      process.exit(1);
    },
  );
}

/** Memory after a full GC when --expose-gc allows, so a round's garbage neither hides nor fakes growth. */
function memory(): { rss: number; heapUsed: number; gcForced: boolean } {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  return { rss, heapUsed, gcForced: gc !== undefined };
}

serveParent();
