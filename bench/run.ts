/**
 * `npm run bench [-- --sizes 1e3,1e5,1e6,2e6 --duration 5 --warmup 2 --concurrency 8 --incremental 1e5 --mix-size 1e6]`:
 * the comparison benchmark (issue 12).
 *
 * One Neo4j (started here in a temporary folder unless BENCH_NEO4J_URI names one), three systems on it, every
 * driver connecting through a `neo4j://` (routing) URI:
 *   raw   the exact Cypher our server runs for each operation, through neo4j-driver (bench/compare/raw-*.ts);
 *   ours  this server over HTTP (bench/server-process.ts, production mode);
 *   peer  @neo4j/graphql 7 on Apollo Server over HTTP (bench/peer/).
 * In order:
 *   1. the incremental path once: `--incremental` relations (1e5) loaded with loadKnowledgeFile into an empty database;
 *   2. per size: synthetic knowledge generated (bench/synthetic) beside data/knowledge; the systems and Neo4j
 *      stopped; the graph made by the BULK path (bulkLoadKnowledgeFiles, startAfterBulkLoad: src/knowledge/bulk/bulk-load.ts);
 *      the systems started again; timed from the files to the first request answered by ours. Against
 *      BENCH_NEO4J_URI the store files are not ours to write: the sizes are loaded incrementally, one on the other.
 *      Then each read checked (every answer of raw and the peer compared with ours) and only then timed: raw once,
 *      ours and the peer twice in alternating order (ours, peer, peer, ours) for the noise figure; the writes
 *      (bench/write-operations.ts) checked then timed; at `--mix-size` the 90/10 mix of bench:load; the store's size.
 *   3. repeated rounds at the largest size (our heap after GC).
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
import { loadConfig, PROJECT_ROOT, type LocalNeo4jSettings, type Neo4jConnection } from '../src/config/config.ts';
import { createDriver, Database } from '../src/database/database.ts';
import { loadStatements } from '../src/database/statements.ts';
import { awaitSearchIndex, knowledgeFilesIn, loadKnowledgeFile } from '../src/knowledge/loader.ts';
import { bulkLoadKnowledgeFiles, startAfterBulkLoad } from '../src/knowledge/bulk/bulk-load.ts';
import { createLogger } from '../src/logging/logger.ts';
import { startLocalNeo4j, type LocalNeo4j } from '../src/neo4j-local/local-neo4j.ts';
import { freePort } from '../tests/support/free-port.ts';
import { Child } from './compare/child.ts';
import { graphqlClient, type GraphQLClient } from './compare/http-client.ts';
import { runClosedLoop, type LoopOptions, type LoopResult } from './compare/closed-loop.ts';
import { peakRss, resetPeakRss } from './compare/process-memory.ts';
import type { FromRaw, ToRaw } from './compare/raw-process.ts';
import { SYSTEMS, type BenchRun, type Cell, type LoadFigures, type SizeRun, type SystemName } from './compare/results.ts';
import { awaitIndexes, memoryBytes, routingTable, storeFigures } from './compare/store.ts';
import { sizeLabel, writeReport } from './compare/report.ts';
import { chooseTargets, graphTotals, neo4jVersion, type Targets } from './compare/targets.ts';
import { benchVersions, machineFacts } from './compare/versions.ts';
import { OPERATIONS, canonicalJson, type BenchOperation, type Canonical, type GraphQLResponse, type Variables } from './peer/operations.ts';
import type { FromPeer, ToPeer } from './peer/peer-process.ts';
import type { FromServer, ToServer } from './server-process.ts';
import { runMixRounds } from './query-mix.ts';
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
    incremental: { type: 'string' },
    'mix-size': { type: 'string' },
    out: { type: 'string' },
  },
});

function usage(problem: string): never {
  console.error(
    `${problem}\nAllowed: --sizes 1e3,1e5,1e6,2e6 (relations, 100 to 2e6 each) --duration SECONDS (1-120, default 5) --warmup SECONDS (0-60, default 2) ` +
      '--concurrency N (1-256, default 8) --incremental RELATIONS (0 to skip, 100 to 2e6, default 1e5, at most the largest size) --mix-size RELATIONS (one of the sizes, 0 to skip; default 1e6 or the largest size below it) --out FILE (default BENCHMARKS.md)',
  );
  process.exit(2);
}

function numberFlag(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  const n = Number(value ?? fallback);
  if (!Number.isFinite(n) || n < min || n > max) usage(`--${name} must be a number from ${min} to ${max}, not ${value}`);
  return n;
}

const MAX_RELATIONS = 2_000_000;
const sizes = (flags.sizes ?? process.env.BENCH_SIZES ?? '1e3,1e5,1e6,2e6').split(',').map((s) => {
  const n = Number(s);
  if (!Number.isInteger(n) || n < 100 || n > MAX_RELATIONS) usage(`--sizes must list whole numbers of relations from 100 to 2e6, not ${s}`);
  return n;
});
const loop: LoopOptions = {
  durationMs: numberFlag('duration', flags.duration ?? process.env.BENCH_DURATION, 5, 1, 120) * 1000,
  warmupMs: numberFlag('warmup', flags.warmup ?? process.env.BENCH_WARMUP, 2, 0, 60) * 1000,
  concurrency: Math.round(numberFlag('concurrency', flags.concurrency ?? process.env.BENCH_CONCURRENCY, 8, 1, 256)),
};
/** The incremental path's dataset (relations/s goal); never larger than the largest size, so a small run stays small. */
const incrementalRelations = Math.min(Math.round(numberFlag('incremental', flags.incremental, 100_000, 0, MAX_RELATIONS)), Math.max(...sizes));
/** The 90/10 mix runs at this size: 1e6 when it is run, else the largest size below it. */
const mixSize = (() => {
  if (flags['mix-size'] !== undefined) {
    const n = Number(flags['mix-size']);
    if (n !== 0 && !sizes.includes(n)) usage(`--mix-size must be one of the sizes (${sizes.join(', ')}) or 0, not ${flags['mix-size']}`);
    return n;
  }
  return Math.max(...sizes.filter((n) => n <= 1_000_000), 0);
})();
const outFile = path.resolve(flags.out ?? path.join(PROJECT_ROOT, 'BENCHMARKS.md'));
const NEO4J_HEAP = process.env.NEO4J_LOCAL_HEAP ?? '3g';
const NEO4J_PAGECACHE = process.env.NEO4J_LOCAL_PAGECACHE ?? '3g';
/** In every write id, so a run on a database that holds another run's writes (BENCH_NEO4J_URI) writes new ids. */
const RUN_TAG = Date.now().toString(36);
const MIX_CONNECTIONS = 32;

// ------------------------------------------------------------------------------------------------ helpers

const log = (line: string) => console.log(line);
/** For the project's own functions (Neo4j start, loads): warnings only. */
const quiet = createLogger('warn');
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
  oursUrl: string;
  oursClient: GraphQLClient;
  /** Ours with the benchmark's write key (`authorization: Bearer …`), made per size (authorizeWrites). */
  oursWriter: GraphQLClient;
  peerClient: GraphQLClient;
  /** The Neo4j URI each system was given. */
  uris: Record<SystemName, string>;
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

// ------------------------------------------------------------------------------------------------ Neo4j

/** The benchmark's Neo4j: local (its folder, so the bulk path can replace its store) or BENCH_NEO4J_URI's. */
interface Neo {
  connection: Neo4jConnection;
  /** The local Neo4j's settings; undefined against BENCH_NEO4J_URI (then no bulk load, no store size). */
  settings?: LocalNeo4jSettings;
  local?: LocalNeo4j;
}

/** Every driver of the benchmark connects through the routing scheme: Community answers routing for itself. */
function routingUri(uri: string): string {
  return uri.replace(/^bolt(\+s|\+ssc)?:\/\//, (_, tls: string | undefined) => `neo4j${tls ?? ''}://`);
}

async function startNeo4j(): Promise<Neo> {
  if (process.env.BENCH_NEO4J_URI) {
    log(`Using the Neo4j at ${process.env.BENCH_NEO4J_URI} (BENCH_NEO4J_URI): synthetic datasets will be written into it, incrementally (the bulk path writes a local store's files).`);
    const connection = { uri: process.env.BENCH_NEO4J_URI, username: process.env.BENCH_NEO4J_USERNAME ?? 'neo4j', password: process.env.BENCH_NEO4J_PASSWORD ?? '', database: process.env.BENCH_NEO4J_DATABASE ?? 'neo4j' };
    return { connection };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kg-bench-'));
  const settings: LocalNeo4jSettings = { dir, boltPort: await freePort(), heap: NEO4J_HEAP, pageCache: NEO4J_PAGECACHE, startTimeoutMs: 180_000 };
  log(`Starting a Neo4j for the benchmark in ${dir} (heap ${NEO4J_HEAP}, page cache ${NEO4J_PAGECACHE})…`);
  try {
    const local = await startLocalNeo4j(settings, quiet);
    return { connection: { ...local.connection, uri: routingUri(local.connection.uri) }, settings, local };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

async function stopNeo4j(neo: Neo): Promise<void> {
  await neo.local?.stop();
  neo.local = undefined;
}

/** The bench's own driver and the app's Database on it (schema, API keys, incremental loads). */
interface Clients {
  driver: Driver;
  db: Database;
}

function openClients(neo: Neo): Clients {
  const config = loadConfig({ ...process.env, NEO4J_URI: neo.connection.uri, NEO4J_PASSWORD: neo.connection.password, NEO4J_USERNAME: neo.connection.username });
  const driver = neo4j.driver(neo.connection.uri, neo4j.auth.basic(neo.connection.username, neo.connection.password));
  const db = new Database(createDriver(neo.connection, config, quiet), loadStatements(), { database: neo.connection.database, queryTimeoutMs: 1_800_000 });
  return { driver, db };
}

async function closeClients(clients: Clients | undefined): Promise<void> {
  await clients?.db.close();
  await clients?.driver.close();
}

// ------------------------------------------------------------------------------------------------ systems

function systemEnv(connection: Neo4jConnection, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
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
    // A cold start on a shared machine can take a first statement past the 10 s default; no cell comes near 60 s.
    NEO4J_QUERY_TIMEOUT_MS: '60000',
    REQUEST_TIMEOUT_MS: '60000',
    ...extra,
  };
}

/**
 * Ours first, then (once `oursUp` has run: the first answered query is timed there) raw and the peer together,
 * so the time to the first answer is ours alone and not the other systems' start-up on the same cores.
 */
async function startSystems(connection: Neo4jConnection, oursUp: (client: GraphQLClient) => Promise<void> = async () => undefined): Promise<Systems> {
  const env = systemEnv(connection);
  const ours = await Child.start<ToServer, FromServer>('ours', path.join(HERE, 'server-process.ts'), env);
  const urlOf = (ready: { type: string; url?: string }) => ready.url ?? '';
  const oursClient = graphqlClient(urlOf(ours.ready), '/graphql', loop.concurrency);
  try {
    await oursUp(oursClient);
  } catch (error) {
    oursClient.close();
    await ours.stop();
    throw error;
  }
  const [raw, peer] = await Promise.all([
    Child.start<ToRaw, FromRaw>('raw', path.join(HERE, 'compare/raw-process.ts'), env),
    Child.start<ToPeer, FromPeer>('peer', path.join(HERE, 'peer/peer-process.ts'), env),
  ]);
  return {
    raw,
    ours,
    peer,
    oursUrl: urlOf(ours.ready),
    oursClient,
    oursWriter: graphqlClient(urlOf(ours.ready), '/graphql', loop.concurrency),
    peerClient: graphqlClient(urlOf(peer.ready), '/graphql', loop.concurrency),
    uris: { raw: env.NEO4J_URI!, ours: env.NEO4J_URI!, peer: env.NEO4J_URI! },
  };
}

/** The write key lives in the graph, which each bulk load replaces: made again per size. */
async function authorizeWrites(systems: Systems, db: Database): Promise<string> {
  const writeKey = (await new ApiKeyStore(db).create('WRITE', 'bench-writer')).key;
  systems.oursWriter.close();
  systems.oursWriter = graphqlClient(systems.oursUrl, '/graphql', loop.concurrency, { authorization: `Bearer ${writeKey}` });
  await prepareWriteTargets((query, variables) => systems.oursWriter.post(query, variables));
  return writeKey;
}

async function stopSystems(systems: Systems | undefined): Promise<void> {
  if (!systems) return;
  systems.oursClient.close();
  systems.oursWriter.close();
  systems.peerClient.close();
  await Promise.all([systems.raw.stop(), systems.ours.stop(), systems.peer.stop()]);
}

// ------------------------------------------------------------------------------------------------ loading

async function generate(relations: number): Promise<{ dir: string; files: string[]; ms: number }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `kg-bench-data-${relations}-`));
  const generating = progressBar(`generate ${relations.toLocaleString('en')} relations`, 'files');
  const generated = await writeSyntheticKnowledge({
    relations,
    dir,
    onProgress: (done, total) => (done === 0 ? generating.start(total, 0) : generating.update(done)),
  });
  generating.stop();
  return { dir, files: generated.files, ms: generated.ms };
}

/** The incremental path: each file through loadKnowledgeFile (the write layer, one transaction per file). */
async function loadIncrementally(db: Database, files: readonly string[], label: string): Promise<{ relations: number; ms: number }> {
  const loading = progressBar(`load     ${label}`, 'rows');
  let rowsBefore = 0;
  let totalRows = 0;
  const started = performance.now();
  loading.start(1, 0);
  let loaded = 0;
  for (const file of files) {
    const result = await loadKnowledgeFile(db, file, {
      force: true,
      // The search index catches up while the next file is written; it is awaited once, below, in the time.
      awaitSearchIndex: false,
      onProgress: (p) => {
        if (p.rowsDone === 0 || totalRows === 0) {
          totalRows = p.rowsTotal * files.length;
          loading.setTotal(totalRows);
        }
        loading.update(Math.min(rowsBefore + p.rowsDone, totalRows));
      },
    });
    loaded += result.relations;
    rowsBefore += Math.round(totalRows / files.length);
  }
  await awaitSearchIndex(db);
  loading.update(totalRows);
  loading.stop();
  return { relations: loaded, ms: performance.now() - started };
}

/** Once per run, into an empty database: the incremental path's relations/s (the generated relations only). */
async function incrementalRun(clients: Clients, relations: number): Promise<BenchRun['incremental']> {
  log(`\n== incremental path: ${relations.toLocaleString('en')} relations into an empty database ==`);
  const generated = await generate(relations);
  try {
    await clients.db.ensureSchema();
    const { relations: loaded, ms } = await loadIncrementally(clients.db, generated.files, `${relations.toLocaleString('en')} relations`);
    const result = { relations: loaded, files: generated.files.length, ms, relationsPerSecond: (loaded / ms) * 1000 };
    log(`  loaded ${loaded.toLocaleString('en')} relations from ${generated.files.length} file(s) in ${fmt(ms / 1000)} s: ${Math.round(result.relationsPerSecond).toLocaleString('en')} relations/s`);
    return result;
  } finally {
    rmSync(generated.dir, { recursive: true, force: true });
  }
}

/** The first request a client would send: one GraphQL request answered by ours. */
async function firstAnswer(client: GraphQLClient): Promise<void> {
  const lookup = OPERATIONS.find((op) => op.name === 'EntityLookup')!;
  // Until answered (at most 3 tries): the time counts until a client has its answer, failed tries included.
  for (let attempt = 1; ; attempt++) {
    try {
      const response = (await client.post(lookup.ours, { id: 'org-00001' })) as GraphQLResponse & { data?: { entity?: { id?: string } } };
      if (response.data?.entity?.id === 'org-00001') return;
      throw new Error(`The first query was not answered: ${JSON.stringify(response).slice(0, 300)}`);
    } catch (error) {
      if (attempt >= 3) throw error;
      log(`  first query, try ${attempt}: ${(error as Error).message.slice(0, 200)}; trying again`);
    }
  }
}

/**
 * Makes the graph of one size and brings the systems up on it, timed from the knowledge files to the first
 * answered query. Local Neo4j: everything stopped, the bulk path (or, on a tree without it, the incremental one
 * into a wiped store), everything started. BENCH_NEO4J_URI: the size loaded incrementally over the previous ones.
 */
async function makeGraph(neo: Neo, state: { systems?: Systems; clients?: Clients }, relations: number): Promise<LoadFigures> {
  const generated = await generate(relations);
  const files = [...knowledgeFilesIn(path.join(PROJECT_ROOT, 'data/knowledge')), ...generated.files];
  const phases: Record<string, number> = {};
  const time = async <T>(phase: string, work: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    try {
      return await work();
    } finally {
      phases[phase] = performance.now() - t;
    }
  };
  try {
    const started = performance.now();
    let loaded: number;
    let loadPath: LoadFigures['path'];
    let note: string | undefined;
    if (neo.settings) {
      await stopSystems(state.systems);
      state.systems = undefined;
      await closeClients(state.clients);
      state.clients = undefined;
      await stopNeo4j(neo);
      const settings = neo.settings;
      loadPath = 'bulk';
      // One bar per phase of the bulk load (validate, csv, import), named after it.
      let bar: SingleBar | undefined;
      let shown = '';
      const result = await bulkLoadKnowledgeFiles(files, settings, quiet, {
        onProgress: (phase, done, total) => {
          if (phase !== shown) {
            bar?.stop();
            shown = phase;
            bar = progressBar(`bulk ${phase.padEnd(8)} ${relations.toLocaleString('en')} relations`, 'steps');
            bar.start(Math.max(total, 1), done);
          }
          bar!.update(done);
        },
      });
      bar?.stop();
      loaded = result.relations;
      Object.assign(phases, { validate: result.ms.validate, csv: result.ms.csv, import: result.ms.import });
      const up = await startAfterBulkLoad(settings, quiet);
      neo.local = up.neo4j;
      Object.assign(phases, { neo4jStart: up.neo4j.startupMs, schema: up.schemaMs });
      state.clients = openClients(neo);
      // Every index online before the first query.
      await time('indexesOnline', () => awaitIndexes(state.clients!.driver, neo.connection.database));
    } else {
      loadPath = 'incremental';
      note = 'BENCH_NEO4J_URI: the bulk path writes a local store, so each size is loaded incrementally over the previous ones';
      state.clients ??= openClients(neo);
      await time('schema', () => state.clients!.db.ensureSchema());
      loaded = (await time('load', () => loadIncrementally(state.clients!.db, files, `${relations.toLocaleString('en')} relations`))).relations;
    }
    let ms = NaN;
    if (state.systems) {
      await time('firstQuery', () => firstAnswer(state.systems!.oursClient));
      ms = performance.now() - started;
    } else {
      const oursStarting = performance.now();
      state.systems = await startSystems(neo.connection, async (client) => {
        phases.oursStart = performance.now() - oursStarting;
        await time('firstQuery', () => firstAnswer(client));
        ms = performance.now() - started;
      });
    }
    log(
      `  ${loadPath} load: ${loaded.toLocaleString('en')} relations from ${files.length} file(s), files → first answered query ${fmt(ms / 1000)} s ` +
        `(${Object.entries(phases).map(([k, v]) => `${k} ${fmt(v / 1000, 2)} s`).join(', ')})`,
    );
    return { path: loadPath, note, files: files.length, relations: loaded, ms, relationsPerSecond: (loaded / ms) * 1000, generateMs: generated.ms, phases };
  } finally {
    rmSync(generated.dir, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------------------------------------------ sizes

/**
 * Before the first measurement of a size (the JVM, Neo4j's plan cache and the Node processes are cold after
 * each restart), every operation runs on every system for a few seconds; otherwise a size would be measured on a
 * colder machine than the others.
 */
async function warmUpEverything(systems: Systems, targets: Targets): Promise<void> {
  const seconds = loop.warmupMs > 0 ? 3 : 0;
  if (seconds === 0) return;
  log(`  warming up: every operation on every system for ${seconds} s…`);
  for (const op of OPERATIONS) for (const system of SYSTEMS) await timeCell(systems, system, op, targets[op.name], { ...loop, durationMs: seconds * 1000, warmupMs: 0 }).catch(() => undefined);
}

const UNTIMED = { requests: 0, errors: 0, requestsPerSecond: NaN, p50Ms: NaN, p99Ms: NaN, meanMs: NaN, peakRssBytes: NaN };

/** The cell's figures from its passes: the mean of each, the requests and errors summed; noise from the p50s. */
function mergePasses(passes: (LoopResult & { peakRssBytes: number })[]): LoopResult & { peakRssBytes: number; passes: LoopResult[]; noise: number } {
  const mean = (pick: (p: LoopResult) => number) => passes.reduce((sum, p) => sum + pick(p), 0) / passes.length;
  const [a, b] = passes;
  const noise = a && b ? Math.abs(a.p50Ms - b.p50Ms) / ((a.p50Ms + b.p50Ms) / 2) : NaN;
  return {
    requests: passes.reduce((sum, p) => sum + p.requests, 0),
    errors: passes.reduce((sum, p) => sum + p.errors, 0),
    firstError: passes.find((p) => p.firstError)?.firstError,
    requestsPerSecond: mean((p) => p.requestsPerSecond),
    p50Ms: mean((p) => p.p50Ms),
    p99Ms: mean((p) => p.p99Ms),
    meanMs: mean((p) => p.meanMs),
    peakRssBytes: Math.max(...passes.map((p) => p.peakRssBytes)),
    passes: passes.map(({ peakRssBytes: _, ...pass }) => pass),
    noise,
  };
}

function logCell(cell: Cell, extra: string): void {
  const ok = Number.isFinite(cell.p50Ms);
  log(
    `  ${cell.op.padEnd(13)} ${cell.system.padEnd(5)} ${ok ? `${fmt(cell.requestsPerSecond, 0).padStart(6)} req/s  p50 ${fmt(cell.p50Ms, 2).padStart(7)} ms  p99 ${fmt(cell.p99Ms, 2).padStart(7)} ms` : 'NOT TIMED'}` +
      `${cell.noise === undefined ? '' : `  noise ${fmt(cell.noise * 100, 1)} %`}  ${extra}  peak rss ${fmt(cell.peakRssBytes / 2 ** 20, 0)} MB  ${cell.errors ? `errors ${cell.errors} (${cell.firstError})  ` : ''}${cell.verified}`,
  );
}

/**
 * The reads of a size: each operation checked, then raw timed once and ours and the peer twice in alternating
 * order (ours, peer, peer, ours), so a drift of the shared machine during the op weighs on both alike and the
 * two passes of each give its run-to-run noise.
 */
async function runReads(systems: Systems, targets: Targets): Promise<Cell[]> {
  const cells: Cell[] = [];
  for (const op of OPERATIONS) {
    const inputs = targets[op.name];
    const verdicts = await verify(systems, op, inputs);
    const trips = Object.fromEntries(await Promise.all(SYSTEMS.map(async (s) => [s, NaN] as const))) as Record<SystemName, number>;
    for (const system of SYSTEMS) trips[system] = await roundTrips(systems, system, op, inputs);
    const timed = (system: SystemName) => (verdicts[system].startsWith('same') ? timeCell(systems, system, op, inputs) : Promise.resolve(UNTIMED));
    const raw = await timed('raw');
    const passes: Record<'ours' | 'peer', (LoopResult & { peakRssBytes: number })[]> = { ours: [], peer: [] };
    for (const system of ['ours', 'peer', 'peer', 'ours'] as const) passes[system].push(await timed(system));
    for (const system of SYSTEMS) {
      const figures = system === 'raw' ? raw : mergePasses(passes[system]);
      const cell: Cell = { op: op.name, system, roundTrips: trips[system], verified: verdicts[system], ...figures };
      cells.push(cell);
      logCell(cell, `${fmt(trips[system], 2)} statements/op`);
    }
  }
  return cells;
}

async function runSize(neo: Neo, state: { systems?: Systems; clients?: Clients }, relations: number, parts: BenchRun['parts']): Promise<SizeRun> {
  log(`\n== ${relations.toLocaleString('en')} relations ==`);
  const database = neo.connection.database;
  const part = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    try {
      return await work();
    } finally {
      parts.push({ part: `${sizeLabel(relations)} ${name}`, seconds: (performance.now() - t) / 1000 });
    }
  };
  const load = await part('graph (generate + load + start)', () => makeGraph(neo, state, relations));
  const systems = state.systems!;
  const { driver, db } = state.clients!;
  const writeKey = await authorizeWrites(systems, db);
  const graph = await graphTotals(driver, database);
  log(`  graph: ${graph.relations.toLocaleString('en')} relations, ${graph.entities.toLocaleString('en')} entities, ${graph.facts.toLocaleString('en')} facts`);
  const targets: Targets = await chooseTargets(driver, database);
  await part('warm-up', () => warmUpEverything(systems, targets));
  const cells = await part('reads', () => runReads(systems, targets));
  // Writes after the reads: they add facts and entities of their own, never read by the cells above.
  cells.push(...(await part('writes', () => runWrites(systems, driver, database, relations))));
  const mix = relations === mixSize ? await part('90/10 mix', () => runMix(systems, writeKey)) : undefined;
  const heapAfter = { raw: 0, ours: 0, peer: 0 };
  for (const system of SYSTEMS) heapAfter[system] = (await memoryOf(systems, system)).heapUsed;
  const store = await storeFigures(driver, database, neo.settings ? path.join(neo.settings.dir, 'data') : undefined, memoryBytes(NEO4J_PAGECACHE));
  log(`  store: ${fmt(store.storeBytes / 2 ** 20, 0)} MB + transactions ${fmt(store.transactionBytes / 2 ** 20, 0)} MB; ${store.nodes.toLocaleString('en')} nodes, ${store.relationships.toLocaleString('en')} relationships; Neo4j heap used ${fmt(store.heapUsedBytes / 2 ** 20, 0)} MB`);
  return { generatedRelations: relations, graph, load, store, cells, heapAfter, mix };
}

/** The 90/10 read-write mix of bench:load, once, on ours: reads' p99 without and with writes. */
async function runMix(systems: Systems, writeKey: string): Promise<SizeRun['mix']> {
  const durationSeconds = Math.max(1, (2 * loop.durationMs) / 1000);
  log(`  90/10 mix: ${durationSeconds} s reads only, then ${durationSeconds} s with 10 % writes, ${MIX_CONNECTIONS} connections`);
  const run = await runMixRounds({
    url: systems.oursUrl,
    writeKey,
    connections: MIX_CONNECTIONS,
    durationSeconds,
    rounds: 1,
    writePercent: 10,
    tag: `mix-${RUN_TAG}`,
    memory: () => memoryOf(systems, 'ours') as Promise<Memory & { rss: number; gcForced: boolean }>,
    onPhase: (label, r) =>
      log(`    ${label}: ${fmt(r.requestsPerSecond, 0)} req/s; reads p50 ${fmt(r.reads.p50Ms)} ms, p99 ${fmt(r.reads.p99Ms)} ms, errors ${r.reads.errors}${r.writes ? `; writes ${r.writes.requests}, p99 ${fmt(r.writes.p99Ms)} ms, errors ${r.writes.errors}` : ''}${r.problems.length ? `\n      ! ${r.problems.join('\n      ! ')}` : ''}`),
  });
  if (run.problems.length > 0) {
    log(`  the mix fails before any load:\n    ! ${run.problems.join('\n    ! ')}`);
    return undefined;
  }
  return { ...run.rounds[0]!, connections: MIX_CONNECTIONS, durationSeconds };
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
  log(
    `Benchmark: sizes ${sizes.join(', ')} relations; ${loop.concurrency} concurrent requests, ${loop.durationMs / 1000} s per cell after ${loop.warmupMs / 1000} s of warm-up; ` +
      `incremental ${incrementalRelations || 'skipped'}; 90/10 mix at ${mixSize || 'none'}`,
  );
  const neo = await startNeo4j();
  const state: { systems?: Systems; clients?: Clients } = {};
  const parts: BenchRun['parts'] = [];
  const part = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    try {
      return await work();
    } finally {
      parts.push({ part: name, seconds: (performance.now() - t) / 1000 });
    }
  };
  try {
    state.clients = openClients(neo);
    const routing = await routingTable(state.clients.driver, neo.connection.database, { bench: neo.connection.uri, raw: neo.connection.uri, ours: neo.connection.uri, peer: neo.connection.uri });
    log(`Routing table (${neo.connection.uri}): ${routing.servers.map((s) => `${s.role} ${s.addresses.join(' ')}`).join('; ')}; ttl ${routing.ttlSeconds} s`);
    // Against BENCH_NEO4J_URI the database is not ours to empty: the incremental figure is then the first size's load.
    const incremental = incrementalRelations > 0 && neo.settings ? await part(`incremental ${sizeLabel(incrementalRelations)}`, () => incrementalRun(state.clients!, incrementalRelations)) : null;
    const runs: SizeRun[] = [];
    for (const relations of sizes) runs.push(await runSize(neo, state, relations, parts));
    const { driver } = state.clients!;
    log('\n== repeated rounds (memory) ==');
    const repeatedHeapAfter = await part('repeated rounds', () => repeatedRounds(state.systems!, driver, neo.connection.database, 3));
    const firstLoad = runs[0]?.load;
    const run: BenchRun = {
      date: new Date().toISOString(),
      machine,
      versions: { ...benchVersions(), neo4j: await neo4jVersion(driver, neo.connection.database) },
      settings: { ...loop, inputsPerOperation: 16, neo4jHeap: NEO4J_HEAP, neo4jPageCache: NEO4J_PAGECACHE },
      sizes: runs,
      repeatedHeapAfter,
      totalMs: performance.now() - started,
      incremental: incremental ?? (firstLoad && !neo.settings ? { relations: firstLoad.relations, files: firstLoad.files, ms: firstLoad.phases.load ?? NaN, relationsPerSecond: (firstLoad.relations / (firstLoad.phases.load ?? NaN)) * 1000, note: 'BENCH_NEO4J_URI: the first size, loaded over what the database held' } : null),
      routing,
      parts,
    };
    const written = await writeReport(run, outFile, path.join(PROJECT_ROOT, 'bench/results'));
    console.log(`\n${written.table}\n\nWrote ${written.files.map((f: string) => path.relative(process.cwd(), f)).join(', ')}`);
    console.log(`Parts: ${parts.map((p) => `${p.part} ${fmt(p.seconds, 0)} s`).join('; ')}; total ${fmt(run.totalMs / 60_000)} min`);
    const wrong = runs.flatMap((r) => r.cells).filter((c) => !(c.verified.startsWith('same') || c.verified === 'checked') || c.errors > 0);
    return wrong.some((c) => c.system !== 'peer') ? 1 : 0;
  } finally {
    await stopSystems(state.systems);
    await closeClients(state.clients);
    await stopNeo4j(neo);
    if (neo.settings) rmSync(neo.settings.dir, { recursive: true, force: true });
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
