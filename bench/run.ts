/**
 * `npm run bench [-- --sizes 1e3,1e5,1e6 --duration 5 --warmup 2 --concurrency 8]`: the comparison benchmark.
 *
 * One Neo4j (started here in a temporary folder unless BENCH_NEO4J_URI names one), three systems on it:
 *   raw   the exact Cypher our server runs for each operation, through neo4j-driver (bench/compare/raw-*.ts);
 *   ours  this server over HTTP (bench/server-process.ts, production mode);
 *   peer  @neo4j/graphql 7 on Apollo Server over HTTP (bench/peer/).
 * For each graph size, synthetic knowledge (bench/synthetic) is generated and loaded through the project's own
 * import path, then each operation is checked (every answer of raw and the peer compared with ours) and only
 * then timed: the same closed loop, concurrency and inputs for the three systems, one after another.
 * After the reads of each size, the writes (bench/write-operations.ts: AssertFact, RetractFact, UpsertEntity),
 * ours over HTTP with a write key, raw through our write layer, the peer through its generated mutations:
 * each checked once (the graph holds what the write should leave), then timed with its own ids per request.
 * Writes BENCHMARKS.md, bench/results/latest.json and bench/results/latency-vs-size.svg.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import neo4j, { type Driver } from 'neo4j-driver';
import { ApiKeyStore } from '../src/auth/api-key-store.ts';
import { loadConfig, PROJECT_ROOT, type Neo4jConnection } from '../src/config/config.ts';
import { createDriver, Database } from '../src/database/database.ts';
import { loadStatements } from '../src/database/statements.ts';
import { awaitSearchIndex, knowledgeFilesIn, loadKnowledgeFile } from '../src/knowledge/loader.ts';
import { createLogger } from '../src/logging/logger.ts';
import { startLocalNeo4j, type LocalNeo4j } from '../src/neo4j-local/local-neo4j.ts';
import { freePort } from '../tests/support/free-port.ts';
import { Child } from './compare/child.ts';
import { graphqlClient, type GraphQLClient } from './compare/http-client.ts';
import { runClosedLoop, type LoopOptions, type LoopResult } from './compare/closed-loop.ts';
import { peakRss, resetPeakRss } from './compare/process-memory.ts';
import type { FromRaw, ToRaw } from './compare/raw-process.ts';
import { SYSTEMS, type BenchRun, type Cell, type SizeRun, type SystemName } from './compare/results.ts';
import { writeReport } from './compare/report.ts';
import { chooseTargets, graphTotals, neo4jVersion, type Targets } from './compare/targets.ts';
import { benchVersions, machineFacts } from './compare/versions.ts';
import { OPERATIONS, canonicalJson, type BenchOperation, type Canonical, type GraphQLResponse, type Variables } from './peer/operations.ts';
import type { FromPeer, ToPeer } from './peer/peer-process.ts';
import type { FromServer, ToServer } from './server-process.ts';
import { writeSyntheticKnowledge } from './synthetic/generate.ts';
import {
  assertedCount,
  checkWrite,
  OURS_WRITES,
  PEER_WRITES,
  prepareWriteTargets,
  WRITE_OPERATION_NAMES,
  type WriteOperationName,
} from './write-operations.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));

// ------------------------------------------------------------------------------------------------ settings

const { values: flags } = parseArgs({
  options: {
    sizes: { type: 'string' },
    duration: { type: 'string' },
    warmup: { type: 'string' },
    concurrency: { type: 'string' },
    out: { type: 'string' },
  },
});

function usage(problem: string): never {
  console.error(`${problem}\nAllowed: --sizes 1e3,1e5,1e6 (relations, 100 to 2e6 each) --duration SECONDS (1-120, default 5) --warmup SECONDS (0-60, default 2) --concurrency N (1-256, default 8) --out FILE (default BENCHMARKS.md)`);
  process.exit(2);
}

function numberFlag(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  const n = Number(value ?? fallback);
  if (!Number.isFinite(n) || n < min || n > max) usage(`--${name} must be a number from ${min} to ${max}, not ${value}`);
  return n;
}

const sizes = (flags.sizes ?? process.env.BENCH_SIZES ?? '1e3,1e5,1e6').split(',').map((s) => {
  const n = Number(s);
  if (!Number.isInteger(n) || n < 100 || n > 2_000_000) usage(`--sizes must list whole numbers of relations from 100 to 2e6, not ${s}`);
  return n;
});
const loop: LoopOptions = {
  durationMs: numberFlag('duration', flags.duration ?? process.env.BENCH_DURATION, 5, 1, 120) * 1000,
  warmupMs: numberFlag('warmup', flags.warmup ?? process.env.BENCH_WARMUP, 2, 0, 60) * 1000,
  concurrency: Math.round(numberFlag('concurrency', flags.concurrency ?? process.env.BENCH_CONCURRENCY, 8, 1, 256)),
};
const outFile = path.resolve(flags.out ?? path.join(PROJECT_ROOT, 'BENCHMARKS.md'));
const NEO4J_HEAP = process.env.NEO4J_LOCAL_HEAP ?? '3g';
const NEO4J_PAGECACHE = process.env.NEO4J_LOCAL_PAGECACHE ?? '3g';
/** In every write id, so a run on a database that holds another run's writes (BENCH_NEO4J_URI) writes new ids. */
const RUN_TAG = Date.now().toString(36);

// ------------------------------------------------------------------------------------------------ helpers

const log = (line: string) => console.log(line);
const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '-');

function progressBar(label: string, unit: string): SingleBar {
  return new SingleBar({
    format: `  ${label} [{bar}] {percentage}% {value}/{total} ${unit} {duration_formatted}`,
    barsize: 30,
    hideCursor: true,
    noTTYOutput: true,
    notTTYSchedule: 5_000,
  });
}

interface Systems {
  raw: Child<ToRaw, FromRaw>;
  ours: Child<ToServer, FromServer>;
  peer: Child<ToPeer, FromPeer>;
  oursClient: GraphQLClient;
  /** Ours with the benchmark's write key (`authorization: Bearer …`). */
  oursWriter: GraphQLClient;
  peerClient: GraphQLClient;
}

type Memory = { heapUsed: number; statements: number };

function memoryOf(systems: Systems, system: SystemName): Promise<Memory> {
  if (system === 'raw') return systems.raw.request({ type: 'memory' }, ['memory']) as Promise<Memory>;
  if (system === 'ours') return systems.ours.request({ type: 'memory' }, ['memory']) as Promise<Memory>;
  return systems.peer.request({ type: 'memory' }, ['memory']) as Promise<Memory>;
}

function pidOf(systems: Systems, system: SystemName): number {
  return systems[system].pid;
}

/** One answer of a system, as its GraphQL-shaped response. */
async function answer(systems: Systems, system: SystemName, op: BenchOperation, variables: Variables): Promise<GraphQLResponse> {
  if (system === 'ours') return (await systems.oursClient.post(op.ours, variables)) as GraphQLResponse;
  if (system === 'peer') return (await systems.peerClient.post(op.peer, op.peerVariables(variables))) as GraphQLResponse;
  const reply = await systems.raw.request({ type: 'answer', op: op.name, variables }, ['answer', 'error']);
  if (reply.type === 'error') throw new Error(reply.message);
  return (reply as Extract<FromRaw, { type: 'answer' }>).response as GraphQLResponse;
}

function canonical(system: SystemName, op: BenchOperation, response: GraphQLResponse): Canonical {
  return system === 'peer' ? op.normalizePeer(response) : op.normalizeOurs(response);
}

/**
 * Several shortest paths can tie: another path of the same length between the same entities is as right.
 * Anything else that differs is a wrong answer.
 */
function equivalentPath(a: Canonical, b: Canonical): boolean {
  const shape = (c: Canonical) => {
    if (c === null || typeof c !== 'object' || Array.isArray(c)) return JSON.stringify(c);
    const elements = c.elements as { entity?: string }[];
    return JSON.stringify([c.length, elements[0]?.entity, elements.at(-1)?.entity]);
  };
  return shape(a) === shape(b);
}

/**
 * The neighbourhood is capped at 200 entities, and the two servers cut differently (ours also reads at most
 * 1,000 relations per layer, so it can stop with fewer entities; APOC's expansion stops at the 201st path).
 * When either side says it was cut, both answers are right if both stay within the cap.
 */
function equivalentNeighborhood(a: Canonical, b: Canonical): boolean {
  const cut = (c: Canonical) => c !== null && typeof c === 'object' && !Array.isArray(c) && c.truncated === true;
  const size = (c: Canonical) => (c !== null && typeof c === 'object' && !Array.isArray(c) ? (Array.isArray(c.nodes) ? c.nodes.length : Number(c.nodes)) : NaN);
  return (cut(a) || cut(b)) && size(a) <= 200 && size(b) <= 200;
}

/** Checks every input's answer against ours; returns per system 'same', 'same (tied paths: n)' or what differed. */
async function verify(systems: Systems, op: BenchOperation, inputs: Variables[]): Promise<Record<SystemName, string>> {
  const verdict: Record<SystemName, string> = { raw: 'same', ours: 'same', peer: 'same' };
  const ties: Record<SystemName, number> = { raw: 0, ours: 0, peer: 0 };
  for (const variables of inputs) {
    const reference = canonicalJson(canonical('ours', op, await answer(systems, 'ours', op, variables)));
    for (const system of ['raw', 'peer'] as const) {
      let value: Canonical;
      try {
        value = canonical(system, op, await answer(systems, system, op, variables));
      } catch (error) {
        verdict[system] = `error for ${JSON.stringify(variables)}: ${(error as Error).message.slice(0, 200)}`;
        continue;
      }
      if (canonicalJson(value) === reference) continue;
      const expected = JSON.parse(reference) as Canonical;
      if ((op.name === 'ShortestPath' && equivalentPath(value, expected)) || (op.name === 'Neighborhood' && equivalentNeighborhood(value, expected))) {
        ties[system] += 1;
        continue;
      }
      verdict[system] = `differs for ${JSON.stringify(variables)}`;
    }
  }
  const tie = op.name === 'ShortestPath' ? 'another shortest path of the same length' : 'cut differently at the 200-entity cap';
  for (const system of SYSTEMS) if (verdict[system] === 'same' && ties[system] > 0) verdict[system] = `same (${tie} for ${ties[system]} input(s))`;
  if (verdict.raw !== 'same' && !verdict.raw.startsWith('same')) verdict.ours = `ours and raw differ: ${verdict.raw}`;
  return verdict;
}

/** Statements per operation: one pass over the inputs, the system's own statement counter read before and after. */
async function roundTrips(systems: Systems, system: SystemName, op: BenchOperation, inputs: Variables[]): Promise<number> {
  const before = (await memoryOf(systems, system)).statements;
  for (const variables of inputs) await answer(systems, system, op, variables).catch(() => undefined);
  const after = (await memoryOf(systems, system)).statements;
  return (after - before) / inputs.length;
}

async function timeCell(systems: Systems, system: SystemName, op: BenchOperation, inputs: Variables[], options: LoopOptions = loop): Promise<LoopResult & { peakRssBytes: number }> {
  const pid = pidOf(systems, system);
  resetPeakRss(pid);
  let result: LoopResult;
  if (system === 'raw') {
    const reply = await systems.raw.request({ type: 'run', op: op.name, variableSets: inputs, loop: options }, ['result']);
    result = (reply as Extract<FromRaw, { type: 'result' }>).result;
  } else {
    const client = system === 'ours' ? systems.oursClient : systems.peerClient;
    const document = system === 'ours' ? op.ours : op.peer;
    const sets = system === 'ours' ? inputs : inputs.map((v) => op.peerVariables(v));
    result = await runClosedLoop(async (i) => void (await client.post(document, sets[i % sets.length]!)), options);
  }
  return { ...result, peakRssBytes: peakRss(pid) };
}

// ------------------------------------------------------------------------------------------------ writes

/** Request i of a write cell, sent by `system`. */
async function write(systems: Systems, system: SystemName, op: WriteOperationName, cell: string, i: number): Promise<void> {
  if (system === 'ours') return void (await systems.oursWriter.post(OURS_WRITES[op].document, OURS_WRITES[op].variables(cell, i)));
  if (system === 'peer') return void (await systems.peerClient.post(PEER_WRITES[op].document, PEER_WRITES[op].variables(cell, i)));
  const reply = await systems.raw.request({ type: 'write', op, cell, i }, ['written', 'error']);
  if (reply.type === 'error') throw new Error(reply.message);
}

async function timeWrite(systems: Systems, system: SystemName, op: WriteOperationName, cell: string, options: LoopOptions): Promise<LoopResult & { peakRssBytes: number }> {
  const pid = pidOf(systems, system);
  resetPeakRss(pid);
  let result: LoopResult;
  if (system === 'raw') {
    const reply = await systems.raw.request({ type: 'runWrites', op, cell, loop: options }, ['result']);
    result = (reply as Extract<FromRaw, { type: 'result' }>).result;
  } else {
    result = await runClosedLoop((i) => write(systems, system, op, cell, i), options);
  }
  return { ...result, peakRssBytes: peakRss(pid) };
}

/**
 * The write cells of a size, after its reads. Each system's write is first checked (request 0 of a `-check`
 * cell, then the graph read back), then timed; RetractFact retracts the facts its AssertFact cell asserted.
 */
async function runWrites(systems: Systems, driver: Driver, database: string, relations: number): Promise<Cell[]> {
  const cells: Cell[] = [];
  for (const op of WRITE_OPERATION_NAMES) {
    for (const system of SYSTEMS) {
      const cell = `${system}-${relations}-${RUN_TAG}`;
      let verdict: string;
      try {
        await write(systems, system, op, `${cell}-check`, 0);
        verdict = (await checkWrite(driver, database, op, `${cell}-check`, 0)) ?? 'checked';
      } catch (error) {
        verdict = `error: ${(error as Error).message.slice(0, 200)}`;
      }
      const ok = verdict === 'checked';
      const maxRequests = op === 'RetractFact' ? await assertedCount(driver, database, cell) : undefined;
      const timed = ok ? await timeWrite(systems, system, op, cell, { ...loop, maxRequests }) : { requests: 0, errors: 0, requestsPerSecond: NaN, p50Ms: NaN, p99Ms: NaN, meanMs: NaN, peakRssBytes: NaN };
      const result: Cell = { op, system, roundTrips: NaN, verified: verdict, ...timed };
      cells.push(result);
      log(
        `  ${op.padEnd(13)} ${system.padEnd(5)} ${ok ? `${fmt(result.requestsPerSecond, 0).padStart(6)} req/s  p50 ${fmt(result.p50Ms, 2).padStart(7)} ms  p99 ${fmt(result.p99Ms, 2).padStart(7)} ms` : 'NOT TIMED'}` +
          `  ${result.requests} writes${maxRequests === undefined ? '' : ` of ${maxRequests} facts`}  peak rss ${fmt(result.peakRssBytes / 2 ** 20, 0)} MB  ${result.errors ? `errors ${result.errors} (${result.firstError})  ` : ''}${verdict}`,
      );
    }
  }
  return cells;
}

// ------------------------------------------------------------------------------------------------ phases

async function startNeo4j(): Promise<{ connection: Neo4jConnection; stop: () => Promise<void> }> {
  if (process.env.BENCH_NEO4J_URI) {
    log(`Using the Neo4j at ${process.env.BENCH_NEO4J_URI} (BENCH_NEO4J_URI): synthetic datasets will be written into it.`);
    const connection = { uri: process.env.BENCH_NEO4J_URI, username: process.env.BENCH_NEO4J_USERNAME ?? 'neo4j', password: process.env.BENCH_NEO4J_PASSWORD ?? '', database: process.env.BENCH_NEO4J_DATABASE ?? 'neo4j' };
    return { connection, stop: async () => undefined };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kg-bench-'));
  log(`Starting a Neo4j for the benchmark in ${dir} (heap ${NEO4J_HEAP}, page cache ${NEO4J_PAGECACHE})…`);
  let local: LocalNeo4j;
  try {
    local = await startLocalNeo4j({ dir, boltPort: await freePort(), heap: NEO4J_HEAP, pageCache: NEO4J_PAGECACHE, startTimeoutMs: 180_000 }, createLogger('warn'));
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    connection: local.connection,
    stop: async () => {
      await local.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function startSystems(connection: Neo4jConnection, writeKey: string): Promise<Systems> {
  const env = {
    ...process.env,
    NEO4J_URI: connection.uri,
    NEO4J_USERNAME: connection.username,
    NEO4J_PASSWORD: connection.password,
    NEO4J_DATABASE: connection.database,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    PORT: '0',
    // The benchmark measures the server, not its rate limits (0 turns each budget off).
    RATE_LIMIT_PER_MINUTE_ANONYMOUS: '0',
    RATE_LIMIT_PER_MINUTE_KEY: '0',
    RATE_LIMIT_PER_MINUTE_WRITE: '0',
  };
  const raw = await Child.start<ToRaw, FromRaw>('raw', path.join(HERE, 'compare/raw-process.ts'), env);
  const ours = await Child.start<ToServer, FromServer>('ours', path.join(HERE, 'server-process.ts'), env);
  const peer = await Child.start<ToPeer, FromPeer>('peer', path.join(HERE, 'peer/peer-process.ts'), env);
  const urlOf = (ready: { type: string; url?: string }) => ready.url ?? '';
  return {
    raw,
    ours,
    peer,
    oursClient: graphqlClient(urlOf(ours.ready), '/graphql', loop.concurrency),
    oursWriter: graphqlClient(urlOf(ours.ready), '/graphql', loop.concurrency, { authorization: `Bearer ${writeKey}` }),
    peerClient: graphqlClient(urlOf(peer.ready), '/graphql', loop.concurrency),
  };
}

async function generateAndLoad(db: Database, relations: number): Promise<SizeRun['load']> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `kg-bench-data-${relations}-`));
  try {
    const generating = progressBar(`generate ${relations.toLocaleString('en')} relations`, 'files');
    const generated = await writeSyntheticKnowledge({
      relations,
      dir,
      onProgress: (done, total) => (done === 0 ? generating.start(total, 0) : generating.update(done)),
    });
    generating.stop();
    const loading = progressBar(`load     ${relations.toLocaleString('en')} relations`, 'rows');
    let rowsBefore = 0;
    let totalRows = 0;
    const started = performance.now();
    loading.start(1, 0);
    let loaded = 0;
    for (const file of generated.files) {
      const result = await loadKnowledgeFile(db, file, {
        force: true,
        // The search index catches up while the next file is written; it is awaited once, below, in the time.
        awaitSearchIndex: false,
        onProgress: (p) => {
          if (p.rowsDone === 0 || totalRows === 0) {
            // Every shard has about as many rows as the first: the total is estimated from it.
            totalRows = p.rowsTotal * generated.files.length;
            loading.setTotal(totalRows);
          }
          loading.update(Math.min(rowsBefore + p.rowsDone, totalRows));
        },
      });
      loaded += result.relations;
      rowsBefore += Math.round(totalRows / generated.files.length);
    }
    await awaitSearchIndex(db);
    const ms = performance.now() - started;
    loading.update(totalRows);
    loading.stop();
    log(`  loaded ${loaded.toLocaleString('en')} relations from ${generated.files.length} file(s) in ${fmt(ms / 1000)} s: ${Math.round((loaded / ms) * 1000).toLocaleString('en')} relations/s`);
    return { files: generated.files.length, relations: loaded, ms, relationsPerSecond: (loaded / ms) * 1000, generateMs: generated.ms };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Before the first measurement, every operation runs on every system for a few seconds: the JVM's JIT and
 * Neo4j's plan cache are cold after start-up, and the first size would otherwise be measured on a colder
 * machine than the others (a tiny graph measured slower than a large one).
 */
async function warmUpEverything(systems: Systems, targets: Targets): Promise<void> {
  const seconds = loop.warmupMs > 0 ? 5 : 0;
  if (seconds === 0) return;
  log(`  warming up: every operation on every system for ${seconds} s…`);
  for (const op of OPERATIONS) for (const system of SYSTEMS) await timeCell(systems, system, op, targets[op.name], { ...loop, durationMs: seconds * 1000, warmupMs: 0 }).catch(() => undefined);
}

async function runSize(systems: Systems, db: Database, driver: Driver, database: string, relations: number, firstSize: boolean): Promise<SizeRun> {
  log(`\n== ${relations.toLocaleString('en')} relations ==`);
  const load = await generateAndLoad(db, relations);
  const graph = await graphTotals(driver, database);
  log(`  graph now: ${graph.relations.toLocaleString('en')} relations, ${graph.entities.toLocaleString('en')} entities, ${graph.facts.toLocaleString('en')} facts`);
  const targets: Targets = await chooseTargets(driver, database);
  if (firstSize) await warmUpEverything(systems, targets);
  const cells: Cell[] = [];
  for (const op of OPERATIONS) {
    const inputs = targets[op.name];
    const verdicts = await verify(systems, op, inputs);
    for (const system of SYSTEMS) {
      const trips = await roundTrips(systems, system, op, inputs);
      const ok = verdicts[system].startsWith('same');
      const timed = ok ? await timeCell(systems, system, op, inputs) : { requests: 0, errors: 0, requestsPerSecond: NaN, p50Ms: NaN, p99Ms: NaN, meanMs: NaN, peakRssBytes: NaN };
      const cell: Cell = { op: op.name, system, roundTrips: trips, verified: verdicts[system], ...timed };
      cells.push(cell);
      log(
        `  ${op.name.padEnd(13)} ${system.padEnd(5)} ${ok ? `${fmt(cell.requestsPerSecond, 0).padStart(6)} req/s  p50 ${fmt(cell.p50Ms, 2).padStart(7)} ms  p99 ${fmt(cell.p99Ms, 2).padStart(7)} ms` : 'NOT TIMED'}` +
          `  ${fmt(trips, 2)} statements/op  peak rss ${fmt(cell.peakRssBytes / 2 ** 20, 0)} MB  ${cell.errors ? `errors ${cell.errors} (${cell.firstError})  ` : ''}${verdicts[system]}`,
      );
    }
  }
  // Writes last: they add facts and entities of their own, never read by the cells above.
  cells.push(...(await runWrites(systems, driver, database, relations)));
  const heapAfter = { raw: 0, ours: 0, peer: 0 };
  for (const system of SYSTEMS) heapAfter[system] = (await memoryOf(systems, system)).heapUsed;
  return { generatedRelations: relations, graph, load, cells, heapAfter };
}

/** Extra rounds of every operation against our server at the largest size: the heap after GC must not grow. */
async function repeatedRounds(systems: Systems, driver: Driver, database: string, rounds: number): Promise<number[]> {
  const targets = await chooseTargets(driver, database);
  const heaps: number[] = [];
  for (let round = 1; round <= rounds; round++) {
    for (const op of OPERATIONS) await timeCell(systems, 'ours', op, targets[op.name]);
    heaps.push((await memoryOf(systems, 'ours')).heapUsed);
    log(`  repeated round ${round}: our heap after GC ${fmt(heaps.at(-1)! / 2 ** 20)} MB`);
  }
  return heaps;
}

// ------------------------------------------------------------------------------------------------ main

async function main(): Promise<number> {
  const started = performance.now();
  const machine = machineFacts();
  log(`Benchmark: sizes ${sizes.join(', ')} relations; ${loop.concurrency} concurrent requests, ${loop.durationMs / 1000} s per cell after ${loop.warmupMs / 1000} s of warm-up`);
  const neo = await startNeo4j();
  const config = loadConfig({ ...process.env, NEO4J_URI: neo.connection.uri, NEO4J_PASSWORD: neo.connection.password, NEO4J_USERNAME: neo.connection.username });
  const driver = neo4j.driver(neo.connection.uri, neo4j.auth.basic(neo.connection.username, neo.connection.password));
  const db = new Database(createDriver(neo.connection, config, createLogger('warn')), loadStatements(), { database: neo.connection.database, queryTimeoutMs: 600_000 });
  let systems: Systems | undefined;
  try {
    await db.ensureSchema();
    for (const file of knowledgeFilesIn(path.join(PROJECT_ROOT, 'data/knowledge'))) await loadKnowledgeFile(db, file);
    const writeKey = (await new ApiKeyStore(db).create('WRITE', 'bench-writer')).key;
    systems = await startSystems(neo.connection, writeKey);
    await prepareWriteTargets((query, variables) => systems!.oursWriter.post(query, variables));
    log(`Systems up: raw (pid ${systems.raw.pid}), ours (pid ${systems.ours.pid}), peer (pid ${systems.peer.pid})`);
    const runs: SizeRun[] = [];
    for (const [i, relations] of sizes.entries()) runs.push(await runSize(systems, db, driver, neo.connection.database, relations, i === 0));
    log('\n== repeated rounds (memory) ==');
    const repeatedHeapAfter = await repeatedRounds(systems, driver, neo.connection.database, 3);
    const run: BenchRun = {
      date: new Date().toISOString(),
      machine,
      versions: { ...benchVersions(), neo4j: await neo4jVersion(driver, neo.connection.database) },
      settings: { ...loop, inputsPerOperation: 16, neo4jHeap: NEO4J_HEAP, neo4jPageCache: NEO4J_PAGECACHE },
      sizes: runs,
      repeatedHeapAfter,
      totalMs: performance.now() - started,
    };
    const written = await writeReport(run, outFile, path.join(PROJECT_ROOT, 'bench/results'));
    console.log(`\n${written.table}\n\nWrote ${written.files.map((f: string) => path.relative(process.cwd(), f)).join(', ')}`);
    const wrong = runs.flatMap((r) => r.cells).filter((c) => !(c.verified.startsWith('same') || c.verified === 'checked') || c.errors > 0);
    return wrong.some((c) => c.system !== 'peer') ? 1 : 0;
  } finally {
    systems?.oursClient.close();
    systems?.oursWriter.close();
    systems?.peerClient.close();
    await Promise.all([systems?.raw.stop(), systems?.ours.stop(), systems?.peer.stop()]);
    await db.close();
    await driver.close();
    await neo.stop();
  }
}

mkdirSync(path.join(PROJECT_ROOT, 'bench/results'), { recursive: true });
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
