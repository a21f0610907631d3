/**
 * `npx tsx bench/peer/check-equivalence.ts`: do our server and the peer give the same answers? Starts a
 * throwaway Neo4j with the article graph, our server (bench/server-process.ts) and the peer
 * (bench/peer/peer-process.ts) as child processes over it, runs each benchmark operation against both for a
 * few ids, prints both normalized answers, whether they match, and the database statements each request sent
 * (ours from the response's `databaseRoundTrips`, reported outside production; the peer's from its counter),
 * then stops everything. Exits non-zero on any mismatch.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FromServer } from '../server-process.ts';
import { canonicalJson, OPERATIONS, sameAnswer, type BenchOperation, type GraphQLResponse, type OperationName, type Variables } from './operations.ts';
import type { FromPeer, ToPeer } from './peer-process.ts';
import { startTempNeo4j, type TempNeo4j } from './temp-neo4j.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));

const CASES: Record<OperationName, Variables[]> = {
  EntityLookup: [{ id: 'nvidia' }, { id: 'xai' }, { id: 'elon-musk' }, { id: 'no-such-entity' }],
  Search: [{ text: 'nvidia' }, { text: 'elon musk' }, { text: 'h100' }, { text: 'dakota du nord' }],
  Neighborhood: [{ id: 'nvidia' }, { id: 'xai' }, { id: 'elon-musk' }],
  ShortestPath: [{ from: 'elon-musk', to: 'grok' }, { from: 'nvidia', to: 'xai' }, { from: 'tesla', to: 'grok' }, { from: 'elon-musk', to: 'no-such-entity' }],
  Nested: [{ id: 'nvidia' }, { id: 'xai' }, { id: 'elon-musk' }],
};

interface Child {
  process: ChildProcess;
  url: string;
}

async function startChild(script: string, env: NodeJS.ProcessEnv): Promise<Child> {
  const child = fork(script, { env, execArgv: process.execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${path.basename(script)} exited during start-up (code ${String(code)})`)));
    child.on('message', (message: FromServer | FromPeer) => {
      if (message.type === 'ready') resolve(message.url);
      if (message.type === 'failed') reject(new Error(`${path.basename(script)} failed to start: ${message.message}`));
    });
  }).catch(async (error: unknown) => {
    await stopChild(child);
    throw error;
  });
  return { process: child, url };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  if (child.connected) child.send({ type: 'stop' } satisfies ToPeer);
  else child.kill('SIGTERM');
  await exited;
}

function peerStatements(peer: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    const onMessage = (message: FromPeer) => {
      if (message.type !== 'memory') return;
      peer.off('message', onMessage);
      resolve(message.statements);
    };
    peer.on('message', onMessage);
    peer.send({ type: 'memory' } satisfies ToPeer);
  });
}

async function post(url: string, query: string, variables: Variables): Promise<GraphQLResponse & { extensions?: { databaseRoundTrips?: number } }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse;
}

/** Runs one case on both servers; prints both answers and the statements sent; true when they match. */
async function checkCase(op: BenchOperation, variables: Variables, ours: Child, peer: Child): Promise<boolean> {
  const oursResponse = await post(ours.url, op.ours, variables);
  const before = await peerStatements(peer.process);
  const peerResponse = await post(peer.url, op.peer, op.peerVariables(variables));
  const peerSent = (await peerStatements(peer.process)) - before;
  const [a, b] = [op.normalizeOurs(oursResponse), op.normalizePeer(peerResponse)];
  const match = sameAnswer(a, b);
  console.log(`\n${match ? 'MATCH   ' : 'MISMATCH'} ${op.name} ${JSON.stringify(variables)}: statements ours ${String(oursResponse.extensions?.databaseRoundTrips ?? '?')}, peer ${peerSent}`);
  console.log(`  ours: ${canonicalJson(a)}`);
  console.log(`  peer: ${match ? '(same)' : canonicalJson(b)}`);
  return match;
}

async function checkAll(ours: Child, peer: Child): Promise<number> {
  let mismatches = 0;
  for (const op of OPERATIONS) {
    // Once unmeasured: the first request of each kind may include one-off work.
    await post(peer.url, op.peer, op.peerVariables(CASES[op.name][0] ?? {}));
    for (const variables of CASES[op.name]) if (!(await checkCase(op, variables, ours, peer))) mismatches += 1;
  }
  return mismatches;
}

/** NEO4J_URI (with NEO4J_USERNAME/NEO4J_PASSWORD) to use a running Neo4j; else a throwaway one. */
async function neo4jToUse(): Promise<TempNeo4j> {
  const { NEO4J_URI: uri, NEO4J_USERNAME: username = 'neo4j', NEO4J_PASSWORD: password, NEO4J_DATABASE: database = 'neo4j' } = process.env;
  if (!uri) return startTempNeo4j();
  if (!password) throw new Error('NEO4J_PASSWORD is required with NEO4J_URI');
  // Our server loads the article on start (KNOWLEDGE_AUTOLOAD), so the graph is there before any check.
  return { connection: { uri, username, password, database }, stop: async () => {} };
}

async function main(): Promise<number> {
  const neo4j = await neo4jToUse();
  const children: Child[] = [];
  const stopAll = async () => {
    for (const child of children.splice(0)) await stopChild(child.process);
    await neo4j.stop();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stopAll().finally(() => process.exit(130)));
  try {
    const { uri, username, password, database } = neo4j.connection;
    const db = { NEO4J_URI: uri, NEO4J_USERNAME: username, NEO4J_PASSWORD: password, NEO4J_DATABASE: database, HOST: '127.0.0.1', PORT: '0' };
    // Development mode: our server then reports its database round trips per response.
    children.push(await startChild(path.join(HERE, '..', 'server-process.ts'), { ...process.env, ...db, NODE_ENV: 'development', LOG_LEVEL: 'warn' }));
    children.push(await startChild(path.join(HERE, 'peer-process.ts'), { ...process.env, ...db }));
    const [ours, peer] = children as [Child, Child];
    console.log(`Peer statements at start-up (version and APOC checks): ${await peerStatements(peer.process)}`);
    const mismatches = await checkAll(ours, peer);
    console.log(`\n${mismatches === 0 ? 'All answers match.' : `${mismatches} mismatch(es).`}`);
    return mismatches === 0 ? 0 : 1;
  } finally {
    await stopAll();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
