/**
 * `npm run bench:load [-- --duration 10 --connections 32 --rounds 3 --write-percent 10] [--reads-only] [--availability]`
 * (or BENCH_DURATION, BENCH_CONNECTIONS, BENCH_ROUNDS): a bounded load benchmark.
 *
 * By default each round runs the query mix of bench/query-mix.ts twice, `duration` seconds each: reads only,
 * then with `--write-percent` (10) of the requests writes (AssertFact, UpsertEntity, RetractFact with a write
 * key, each with its own ids, about the benchmark's own entities); the reads' p99 with and without the writes
 * side by side, the server's heap after GC after each phase (flat across rounds), and every error counted:
 * the run fails on any.
 * `--reads-only`: the reads-only rounds of before, driven by autocannon (one latency for every request).
 * `--availability`: how one-entity lookups fare while clients send the most expensive operations the limits
 * allow (availability.ts).
 *
 * Every response is checked: a connection error, a non-2xx, a GraphQL error inside a 200 or wrong data fails.
 *
 * The server runs in a CHILD PROCESS (bench/server-process.ts), not in this one: autocannon in the same
 * process would share the event loop with the server (halving the throughput measured and adding its own
 * latency) and its histograms and buffers would be counted in the server's heap. The child is run with
 * --expose-gc so each memory reading follows a full GC.
 *
 * Without NEO4J_URI the child starts its own Neo4j in a temporary folder on a free Bolt port, so the run
 * never touches a developer's `npm start` (port 7687, .neo4j/); with NEO4J_URI it uses that server.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { freePort } from '../tests/support/free-port.ts';
import { measureAvailability } from './availability.ts';
import { Child } from './compare/child.ts';
import { QUERY_MIX, runLoad, runMixRounds, warmUp, type LoadResult, type MixedLoadResult, type MixRound } from './query-mix.ts';
import { graphqlClient } from './compare/http-client.ts';
import { prepareWriteTargets, WRITE_OPERATION_NAMES } from './write-operations.ts';
import type { FromServer, ToServer } from './server-process.ts';

const { values: flags } = parseArgs({
  options: {
    duration: { type: 'string' },
    connections: { type: 'string' },
    rounds: { type: 'string' },
    'write-percent': { type: 'string' },
    'reads-only': { type: 'boolean' },
    availability: { type: 'boolean' },
  },
});
function positive(name: string, flag: string | undefined, env: string | undefined, fallback: number): number {
  const value = Number(flag ?? env ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer, not ${String(flag ?? env)}`);
  return value;
}
const durationSeconds = positive('duration', flags.duration, process.env.BENCH_DURATION, 10);
const connections = positive('connections', flags.connections, process.env.BENCH_CONNECTIONS, 32);
const rounds = positive('rounds', flags.rounds, process.env.BENCH_ROUNDS, 3);
const writePercent = Number(flags['write-percent'] ?? 10);
if (![1, 2, 5, 10, 20, 25, 50].includes(writePercent)) throw new Error(`--write-percent must be one of 1, 2, 5, 10, 20, 25, 50 (one request in 100 / n), not ${flags['write-percent']}`);

type Memory = Extract<FromServer, { type: 'memory' }>;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

type Server = Child<ToServer, FromServer>;

async function startServer(): Promise<{ server: Server; url: string; tempDir?: string }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // Measure what production runs (no per-response round-trip counting), without log lines per request.
    NODE_ENV: process.env.NODE_ENV ?? 'production',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    HOST: '127.0.0.1',
    PORT: '0',
    // The load measures the server, not its rate limits (0 turns each budget off).
    RATE_LIMIT_PER_MINUTE_ANONYMOUS: '0',
    RATE_LIMIT_PER_MINUTE_KEY: '0',
    RATE_LIMIT_PER_MINUTE_WRITE: '0',
  };
  let tempDir: string | undefined;
  if (!process.env.NEO4J_URI) {
    tempDir = mkdtempSync(path.join(os.tmpdir(), 'kg-bench-neo4j-'));
    Object.assign(env, {
      NEO4J_LOCAL_DIR: tempDir,
      NEO4J_LOCAL_BOLT_PORT: String(await freePort()),
      NEO4J_LOCAL_HEAP: process.env.NEO4J_LOCAL_HEAP ?? '1g',
      NEO4J_LOCAL_PAGECACHE: process.env.NEO4J_LOCAL_PAGECACHE ?? '512m',
    });
  }
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'server-process.ts');
  try {
    const server = await Child.start<ToServer, FromServer>('the server', script, env);
    return { server, url: (server.ready as Extract<FromServer, { type: 'ready' }>).url, tempDir };
  } catch (error) {
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
    throw error;
  }
}

const serverMemory = (server: Server) => server.request<Memory>({ type: 'memory' }, ['memory']);

/** Stops the child (its app and Neo4j), then removes the temporary data folder. */
async function stopServer(server: Server, tempDir: string | undefined): Promise<void> {
  await server.stop();
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
}

function printRound(label: string, r: LoadResult, memory: Memory): void {
  console.log(
    `${label}: ${r.requestsPerSecond.toFixed(0)} req/s, p50 ${r.latencyP50Ms} ms, p99 ${r.latencyP99Ms} ms, ` +
      `${r.requests} requests, errors ${r.errors}, non-2xx ${r.non2xx}, GraphQL errors ${r.badBodies}, ` +
      `server rss ${mb(memory.rss)}, heapUsed ${mb(memory.heapUsed)}${memory.gcForced ? ' (after GC)' : ' (no forced GC)'}`,
  );
  for (const problem of r.problems) console.log(`  ! ${problem}`);
}

/** `--availability`: the lookups' p50 alone and under the heaviest allowed operations; fails when over 5x. */
async function availability(): Promise<number> {
  const { server, url, tempDir } = await startServer();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void stopServer(server, tempDir).finally(() => process.exit(130)));
  }
  try {
    const result = await measureAvailability(`${url}/graphql`, durationSeconds * 1000);
    return result.ratio <= 5 ? 0 : 1;
  } finally {
    await stopServer(server, tempDir);
  }
}

async function main(): Promise<number> {
  if (flags.availability) return availability();
  if (!flags['reads-only']) return mixed();
  console.log(`Load benchmark: ${rounds} round(s) of ${durationSeconds} s, ${connections} connections, ${QUERY_MIX.length} queries in the mix`);
  const { server, url, tempDir } = await startServer();
  // Ctrl-C or SIGTERM mid-run: stop the server (and its Neo4j) and remove its data before leaving.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void stopServer(server, tempDir).finally(() => process.exit(130)));
  }
  const results: { load: LoadResult; memory: Memory }[] = [];
  try {
    const graphqlUrl = `${url}/graphql`;
    console.log(`Server ready at ${graphqlUrl} (child process ${server.pid})`);
    const warmUpProblems = await warmUp(graphqlUrl);
    if (warmUpProblems.length > 0) {
      console.log(`The query mix fails before any load:\n  ! ${warmUpProblems.join('\n  ! ')}`);
      return 1;
    }
    const baseline = await serverMemory(server);
    console.log(`after warm-up (each query once): server rss ${mb(baseline.rss)}, heapUsed ${mb(baseline.heapUsed)}`);
    for (let round = 1; round <= rounds; round++) {
      const load = await runLoad({ url: graphqlUrl, connections, durationSeconds });
      const memory = await serverMemory(server);
      results.push({ load, memory });
      printRound(`round ${round}`, load, memory);
    }
  } finally {
    await stopServer(server, tempDir);
  }

  const first = results[0]!;
  const last = results[results.length - 1]!;
  const sum = (pick: (r: LoadResult) => number) => results.reduce((total, r) => total + pick(r.load), 0);
  const failures = sum((r) => r.errors) + sum((r) => r.non2xx) + sum((r) => r.badBodies);
  const heapRatio = last.memory.heapUsed / first.memory.heapUsed;
  console.log('\nSummary');
  console.log(`  requests ${sum((r) => r.requests)}, errors ${sum((r) => r.errors)}, non-2xx ${sum((r) => r.non2xx)}, GraphQL errors ${sum((r) => r.badBodies)}`);
  console.log(`  req/s per round: ${results.map((r) => r.load.requestsPerSecond.toFixed(0)).join(', ')}`);
  console.log(`  p99 per round (ms): ${results.map((r) => r.load.latencyP99Ms).join(', ')}`);
  console.log(`  per query (responses/bad): ${Object.entries(first.load.perQuery).map(([name, q]) => `${name} ${q.responses}/${q.bad}`).join('; ')} (round 1)`);
  // One reading per round is noisy: a 10% margin separates growth from GC timing; a leak shows as a steady climb.
  const grew = heapRatio > 1.1;
  console.log(
    `  heapUsed after GC, last/first round: ${mb(last.memory.heapUsed)} / ${mb(first.memory.heapUsed)} = ${heapRatio.toFixed(2)} ` +
      `(${grew ? 'GREW: look for a leak' : 'no growth'}); rss ${mb(first.memory.rss)} → ${mb(last.memory.rss)}`,
  );
  console.log(failures === 0 ? '  OK: every response was a successful GraphQL answer' : `  FAILED: ${failures} failed request(s)`);
  return failures === 0 ? 0 : 1;
}

const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '-');

function printPhase(label: string, r: MixedLoadResult, memory: { heapUsed: number; rss: number; gcForced: boolean }): void {
  const writes = r.writes
    ? `; writes ${r.writes.requests} (${WRITE_OPERATION_NAMES.map((op) => `${op} ${r.writesByOperation[op]}`).join(', ')}), p50 ${ms(r.writes.p50Ms)} ms, p99 ${ms(r.writes.p99Ms)} ms, errors ${r.writes.errors}`
    : '';
  console.log(
    `${label}: ${r.requestsPerSecond.toFixed(0)} req/s; reads ${r.reads.requests}, p50 ${ms(r.reads.p50Ms)} ms, p99 ${ms(r.reads.p99Ms)} ms, errors ${r.reads.errors}${writes}; ` +
      `server heapUsed ${mb(memory.heapUsed)}${memory.gcForced ? ' (after GC)' : ' (no forced GC)'}, rss ${mb(memory.rss)}`,
  );
  for (const problem of r.problems) console.log(`  ! ${problem}`);
}

/** Each round: the mix reads only, then with writes; reads' p99 side by side, heap after each phase (query-mix.ts runMixRounds). */
async function mixed(): Promise<number> {
  console.log(`Load benchmark: ${rounds} round(s), each ${durationSeconds} s reads only then ${durationSeconds} s with ${writePercent} % writes; ${connections} connections, ${QUERY_MIX.length} queries in the mix`);
  const { server, url, tempDir } = await startServer();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void stopServer(server, tempDir).finally(() => process.exit(130)));
  }
  let results: MixRound[];
  try {
    console.log(`Server ready at ${url}/graphql (child process ${server.pid})`);
    const reply = await server.request<Extract<FromServer, { type: 'key' | 'keyFailed' }>>({ type: 'issueKey', scope: 'WRITE', name: 'bench-load-writer' }, ['key', 'keyFailed']);
    if (reply.type === 'keyFailed') throw new Error(`The write key could not be made: ${reply.message}`);
    const writer = graphqlClient(url, '/graphql', 1, { authorization: `Bearer ${reply.key}` });
    try {
      await prepareWriteTargets((query, variables) => writer.post(query, variables));
    } finally {
      writer.close();
    }
    const run = await runMixRounds({ url, writeKey: reply.key, connections, durationSeconds, rounds, writePercent, tag: Date.now().toString(36), memory: () => serverMemory(server), onPhase: printPhase });
    if (run.problems.length > 0) {
      console.log(`The mix fails before any load:\n  ! ${run.problems.join('\n  ! ')}`);
      return 1;
    }
    results = run.rounds;
  } finally {
    await stopServer(server, tempDir);
  }
  const sum = (pick: (r: (typeof results)[number]) => number) => results.reduce((total, r) => total + pick(r), 0);
  const readErrors = sum((r) => r.readsOnly.reads.errors + r.withWrites.reads.errors);
  const writeErrors = sum((r) => r.withWrites.writes?.errors ?? 0);
  const heaps = results.flatMap((r) => [r.heapReadsOnly, r.heapWithWrites]);
  const heapRatio = heaps.at(-1)! / heaps[0]!;
  console.log('\nSummary');
  console.log('  | round | reads p50 ms alone | reads p50 ms with writes | reads p99 ms alone | reads p99 ms with writes | writes p99 ms | req/s alone · with writes |');
  for (const [i, r] of results.entries()) {
    console.log(
      `  | ${i + 1} | ${ms(r.readsOnly.reads.p50Ms)} | ${ms(r.withWrites.reads.p50Ms)} | ${ms(r.readsOnly.reads.p99Ms)} | ${ms(r.withWrites.reads.p99Ms)} | ${ms(r.withWrites.writes?.p99Ms ?? NaN)} | ${r.readsOnly.requestsPerSecond.toFixed(0)} · ${r.withWrites.requestsPerSecond.toFixed(0)} |`,
    );
  }
  console.log(`  requests: reads ${sum((r) => r.readsOnly.reads.requests + r.withWrites.reads.requests)}, writes ${sum((r) => r.withWrites.writes?.requests ?? 0)}; errors: reads ${readErrors}, writes ${writeErrors}`);
  const grew = heapRatio > 1.1;
  console.log(`  heapUsed after GC, phase by phase: ${heaps.map(mb).join(' → ')}: last/first ${heapRatio.toFixed(2)} (${grew ? 'GREW: look for a leak' : 'flat'})`);
  const failures = readErrors + writeErrors;
  console.log(failures === 0 ? '  OK: every read and write was a successful answer' : `  FAILED: ${failures} failed request(s)`);
  return failures === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
