/**
 * Fault test: a knowledge import killed with SIGKILL leaves all of its file in the graph, or none of it.
 *
 * Everything runs on a dedicated local Neo4j (own temporary folder, own free port), so killing processes never
 * harms the run's shared one. The knowledge file is a larger one generated from the shipped file: its
 * entities and facts cloned COPIES times with suffixed ids (`tesla-k3`, `xai-owns-grok-k3`), citations copied
 * unchanged (their quotes still match the real source text at their offsets), the source document shared, and
 * `sources[].path` pointing at the real source text. It is loaded by the real CLI as a child process
 * (`npx tsx src/cli/load.ts FILE`, NEO4J_URI etc. in its environment).
 *
 * Kill points. npx starts sh, tsx and node: the import is that process group, spawned detached and killed as a
 * group (`kill -9 -PGID`); killing only npx's pid would leave the node process importing. The loader logs nothing
 * when its transaction begins or between its statements, so kill points are anchored on what Neo4j itself
 * reports: the loader's write transaction (metadata `work: 'write'`) and the statement it is running, from
 * `SHOW TRANSACTIONS` polled every 10 to 25 ms. That places the kills in the same phase on a fast or a busy
 * machine, where fixed delays after spawn would not (npx and tsx alone take one to several seconds to start).
 * The import process is killed 0.3 s after spawn (before any transaction), as soon as its transaction is
 * listed, when it runs merge-entities, create-facts and create-relations, and 50 % and
 * 90 % of a complete transaction's time into it (measured on a warm Neo4j; the last may land after the commit,
 * and either outcome is allowed); each of these on an empty database. Then a forced re-import over the complete
 * data is killed while it writes the citations (after it deleted the dataset's facts in its transaction): the
 * complete data must still be there. (Since files are written as their differences, that re-import is of the same
 * file with every fact's statement changed, which revises every fact; a forced re-import of the same file finds
 * no difference and writes nothing.) Neo4j's own JVM is killed (SIGKILL, its pid found with `ps` from its
 * unique home folder) while an import into an empty database runs create-facts, and while a forced
 * re-import over complete data runs create-facts; Neo4j is then started again on the same folder
 * and port.
 *
 * After each kill, the test waits until Neo4j no longer lists the transaction, then counts that dataset's
 * nodes and relationships (datasets, facts, entities, citations, quantities, and every relationship type
 * hanging off them) and the whole database by label and type (the database holds nothing else, so this also
 * finds orphans): they must be all zero or exactly the counts of a clean import (checked against the file too).
 * Finally the file is imported again to completion, then once more, and the counts must be those of a clean
 * import both times.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, type LocalNeo4jSettings } from '../../src/config/config.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { startLocalNeo4j, type LocalNeo4j } from '../../src/neo4j-local/local-neo4j.ts';
import { groupAlive, killGroup, largeKnowledge, neo4jProcesses, revisedKnowledge, sleep, waitFor, writeKnowledgeFile, type KnowledgeJson } from '../support/crash-kit.ts';
import { freePort } from '../support/free-port.ts';

/** 30 copies: 1,650 facts, 1,291 entities, 1,740 citations; a few seconds in one transaction. */
const COPIES = 30;
const DATASET = 'fault-import-crash';

type Counts = Record<string, number>;

interface KillRecord {
  what: string;
  point: string;
  statement: string;
  state: 'none' | 'all' | 'PARTIAL';
  counts: Counts;
  rollbackMs: number | undefined;
}

const log = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
let dir: string;
let scratch: string;
let settings: LocalNeo4jSettings;
let database: LocalNeo4j | undefined;
let driver: Driver | undefined;
let file: string;
/** The same file with every fact's statement changed: imported over complete data, it revises every fact. */
let revisedFile: string;
let knowledge: KnowledgeJson;
let expected: Counts;
let cleanDataset: Counts;
let cleanGlobal: Counts;
/** How long a complete import's transaction takes into an empty database (warm Neo4j). */
let importTxMs: number;
const running = new Set<ChildProcess>();
const kills: KillRecord[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'kg-crash-neo4j-'));
  scratch = mkdtempSync(path.join(os.tmpdir(), 'kg-crash-file-'));
  settings = { dir, boltPort: await freePort(), heap: '1g', pageCache: '256m', startTimeoutMs: 180_000 };
  database = await startLocalNeo4j(settings, log);
  connectDriver();
  knowledge = largeKnowledge(scratch, COPIES, DATASET);
  file = writeKnowledgeFile(scratch, knowledge);
  revisedFile = writeKnowledgeFile(scratch, revisedKnowledge(knowledge), `${DATASET}-revised.kg.json`);
  expected = countsFromFile(knowledge);
});

afterAll(async () => {
  for (const child of running) killGroup(child);
  await driver?.close();
  await database?.stop();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  if (dir) {
    const left = neo4jProcesses(dir);
    rmSync(dir, { recursive: true, force: true });
    expect(left, 'no Neo4j process is left behind').toEqual([]);
  }
});

function connectDriver(): void {
  const { uri, username, password } = database!.connection;
  driver = neo4j.driver(uri, neo4j.auth.basic(username, password), {
    disableLosslessIntegers: true,
    logging: { level: 'error', logger: () => undefined },
  });
}

// ---------------------------------------------------------------------------------------------------------
// The larger knowledge file

/** What a complete import of the file must give, computed from the file alone. */
function countsFromFile(k: KnowledgeJson): Counts {
  const about = new Set<string>();
  let materialized = 0;
  for (const f of k.facts) {
    about.add(`${f.id} SUBJECT ${f.subject}`);
    if (f.object) about.add(`${f.id} OBJECT ${f.object}`);
    if (f.event) about.add(`${f.id} EVENT ${f.event}`);
    for (const p of f.participants ?? []) about.add(`${f.id} ${p.role} ${p.entity}`);
    materialized += (f.object ? 1 : 0) + (f.event ? (f.participants ?? []).length : 0);
  }
  const citations = k.facts.flatMap((f) => f.citations);
  const quantities = k.facts.flatMap((f) => f.quantities ?? []);
  return {
    datasets: 1,
    facts: k.facts.length,
    entities: k.entities.length,
    citations: citations.length,
    quantities: quantities.length,
    '-ABOUT-': about.size,
    '-CITED_BY-': citations.length,
    '-HAS_QUANTITY-': quantities.length,
    '-QUOTED_FROM-': citations.length,
    '-SAID_BY-': citations.length,
    '-REPORTED_BY-': citations.filter((c) => c.reportedBy).length,
    '-MEASURES-': quantities.filter((q) => q.item).length,
    'entity relations': materialized,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Counting

async function query(cypher: string, params: Record<string, unknown> = {}): Promise<Record<string, any>[]> {
  const result = await driver!.executeQuery(cypher, params, { database: 'neo4j', routing: neo4j.routing.READ });
  return result.records.map((r) => r.toObject());
}

/** The dataset's nodes and relationships; every key is always present (0 when there is none). */
async function datasetCounts(): Promise<Counts> {
  const params = { dataset: DATASET, entityIds: knowledge.entities.map((e) => e.id), factIds: knowledge.facts.map((f) => f.id) };
  const counts: Counts = Object.fromEntries(Object.keys(expected).map((key) => [key, 0]));
  const one = async (key: string, cypher: string) => (counts[key] = (await query(cypher, params))[0]?.n ?? 0);
  await one('datasets', 'MATCH (d:Dataset {id: $dataset}) RETURN count(d) AS n');
  await one('facts', 'MATCH (f:Fact {dataset: $dataset}) RETURN count(f) AS n');
  await one('entities', 'MATCH (e:Entity) WHERE e.id IN $entityIds RETURN count(e) AS n');
  await one('citations', 'MATCH (:Fact {dataset: $dataset})-[:CITED_BY]->(c:Citation) RETURN count(DISTINCT c) AS n');
  await one('quantities', 'MATCH (:Fact {dataset: $dataset})-[:HAS_QUANTITY]->(q:Quantity) RETURN count(DISTINCT q) AS n');
  await one('entity relations', 'MATCH (:Entity)-[r]->(:Entity) WHERE r.factId IN $factIds RETURN count(r) AS n');
  const byType = [
    'MATCH (:Fact {dataset: $dataset})-[r]->() RETURN type(r) AS type, count(r) AS n',
    'MATCH (:Fact {dataset: $dataset})-[:CITED_BY]->(:Citation)-[r]->() RETURN type(r) AS type, count(r) AS n',
    'MATCH (:Fact {dataset: $dataset})-[:HAS_QUANTITY]->(:Quantity)-[r]->() RETURN type(r) AS type, count(r) AS n',
  ];
  for (const cypher of byType) for (const row of await query(cypher, params)) counts[`-${row.type}-`] = row.n;
  return counts;
}

/** The whole database by label and by relationship type (it holds nothing but this test's data). */
async function globalCounts(): Promise<Counts> {
  const nodes = await query('MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n');
  const rels = await query('MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n');
  return Object.fromEntries([...nodes.map((r) => [`:${r.label}`, r.n]), ...rels.map((r) => [`-${r.type}-`, r.n])].sort());
}

const isZero = (counts: Counts) => Object.values(counts).every((n) => n === 0);
const sameCounts = (a: Counts, b: Counts) => JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

async function observeState(): Promise<{ state: KillRecord['state']; counts: Counts; global: Counts }> {
  const counts = await datasetCounts();
  const global = await globalCounts();
  if (isZero(counts) && Object.keys(global).length === 0) return { state: 'none', counts, global };
  if (sameCounts(counts, cleanDataset) && sameCounts(global, cleanGlobal)) return { state: 'all', counts, global };
  return { state: 'PARTIAL', counts, global };
}

async function wipe(): Promise<void> {
  const session = driver!.session({ database: 'neo4j' });
  try {
    await session.run('MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
  }
  expect(await globalCounts()).toEqual({});
}

function summary(counts: Counts): string {
  const rels = Object.entries(counts).filter(([k]) => k.startsWith('-') || k === 'entity relations').reduce((n, [, v]) => n + v, 0);
  return `datasets ${counts.datasets}, facts ${counts.facts}, entities ${counts.entities}, citations ${counts.citations}, quantities ${counts.quantities}, relationships ${rels}`;
}

// ---------------------------------------------------------------------------------------------------------
// The import as a child process, and Neo4j's transactions

interface ImportRun {
  child: ChildProcess;
  spawnedAt: number;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

function startImport(...flags: string[]): ImportRun {
  return startImportOf(file, ...flags);
}

function startImportOf(target: string, ...flags: string[]): ImportRun {
  const { uri, username, password, database: name } = database!.connection;
  const child = spawn('npx', ['tsx', 'src/cli/load.ts', target, ...flags], {
    cwd: PROJECT_ROOT,
    // Small batches: the import's one transaction runs many statements over a few seconds, so every kill point
    // lands inside it (with the default 5,000 rows the whole file is a handful of statements and ~1 s).
    env: { ...process.env, NEO4J_URI: uri, NEO4J_USERNAME: username, NEO4J_PASSWORD: password, NEO4J_DATABASE: name, LOG_LEVEL: 'info', KNOWLEDGE_BATCH_ROWS: '200' },
    // Its own process group, so that the whole import (npx, sh, tsx, node) is killed at once.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve({ code, signal, at: Date.now() });
    }),
  );
  return { child, spawnedAt: Date.now(), output: () => text, exited };
}

/** Kills the import's process group and waits until none of its processes is left. */
async function killImport(run: ImportRun): Promise<void> {
  killGroup(run.child);
  await run.exited;
  await waitFor('the killed import to leave no process', () => !groupAlive(run.child.pid!), 10_000);
}

async function runToCompletion(...flags: string[]): Promise<{ output: string; txMs: number }> {
  const run = startImport(...flags);
  let txMs = 0;
  const tx = await waitForImportTx(run).catch(() => undefined);
  if (tx) {
    await waitFor('the import transaction to end', async () => (await importTransactions()).length === 0, 300_000);
    txMs = Date.now() - tx.seenAt;
  }
  const exit = await run.exited;
  expect(exit.code, run.output()).toBe(0);
  return { output: run.output(), txMs };
}

interface TxRow {
  id: string;
  statement: string;
  status: string;
}

/** The import's write transactions as Neo4j lists them (the loader tags them with metadata `work: 'write'`). */
async function importTransactions(): Promise<TxRow[]> {
  const rows = await driver!
    .executeQuery(
      "SHOW TRANSACTIONS YIELD transactionId, metaData, currentQuery, status WHERE metaData.work = 'write' RETURN transactionId AS id, currentQuery AS q, status",
      {},
      { database: 'system' },
    )
    .then((r) => r.records.map((x) => x.toObject()));
  return rows.map((r) => {
    const statement = statementName(String(r.q ?? ''));
    return { id: r.id, status: r.status, statement: statement === '(between statements)' ? `(between statements, ${r.status})` : statement };
  });
}

/** A readable name for the statement a transaction is running: the Cypher file it comes from. */
function statementName(cypher: string): string {
  const text = cypher.replace(/\s+/g, ' ').trim();
  if (text === '') return '(between statements)';
  const known: [RegExp, string][] = [
    [/MERGE \(log:RevisionLog/, 'next-sequence'],
    [/MERGE \(d:Dataset/, 'lock-dataset'],
    [/The current properties `\$keys` of entities/, 'entity-states'],
    [/The facts a knowledge file loaded before/, 'dataset-fact-states'],
    [/Facts leaving the current graph/, 'hide-facts'],
    [/Revised facts: the old node/, 'archive-facts'],
    [/Before an entity's properties change/, 'save-entity-versions'],
    [/entity kind's label/, 'merge-entities'],
    [/SET d\.text/, 'set-document-texts'],
    [/CREATE \(f:Fact\)/, 'create-facts'],
    [/RelationType enumeration/, 'create-relations'],
    [/MATCH \(d:Dataset \{id: \$dataset\}\) SET/, 'finish-dataset'],
  ];
  return known.find(([pattern]) => pattern.test(text))?.[1] ?? text.slice(0, 40);
}

/**
 * The loader's statements in the order it runs them (src/database/knowledge-writer.ts): the revision's
 * sequence, the dataset's lock, the diff's reads and the hiding of what left the file, then the rows.
 */
const STATEMENT_ORDER = [
  'next-sequence',
  'lock-dataset',
  'entity-states',
  'dataset-fact-states',
  'hide-facts',
  'archive-facts',
  'save-entity-versions',
  'merge-entities',
  'set-document-texts',
  'create-facts',
  'create-relations',
  'finish-dataset',
];

/** True for the statements that run before create-relations, the last long phase before the commit. */
function wellBeforeCommit(statement: string): boolean {
  const position = STATEMENT_ORDER.indexOf(statement);
  return position >= 0 && position < STATEMENT_ORDER.indexOf('create-relations');
}

/**
 * Resolves as soon as Neo4j lists the import's transaction running `target` (or a later statement, should the
 * poll miss a short one); undefined when the import ended first.
 */
async function waitForStatement(run: ImportRun, target: string): Promise<TxRow | undefined> {
  const wanted = STATEMENT_ORDER.indexOf(target);
  expect(wanted).toBeGreaterThanOrEqual(0);
  let exited = false;
  void run.exited.then(() => (exited = true));
  let seen = false;
  const deadline = Date.now() + 300_000;
  for (;;) {
    const [tx] = await importTransactions();
    if (tx && STATEMENT_ORDER.indexOf(tx.statement) >= wanted) return tx;
    seen ||= tx !== undefined;
    if (exited || (seen && !tx) || Date.now() > deadline) return undefined;
    await sleep(10);
  }
}

/** Resolves when the import's transaction is first listed by Neo4j (polled every 25 ms). */
async function waitForImportTx(run: ImportRun): Promise<{ seenAt: number; tx: TxRow }> {
  let exited = false;
  void run.exited.then(() => (exited = true));
  const deadline = Date.now() + 120_000;
  for (;;) {
    const [tx] = await importTransactions();
    if (tx) return { seenAt: Date.now(), tx };
    if (exited) throw new Error(`The import exited before its transaction was seen:\n${run.output()}`);
    if (Date.now() > deadline) throw new Error('The import transaction did not start within 120 s');
    await sleep(25);
  }
}

/** Waits until Neo4j lists no import transaction; returns how long that took. */
async function waitForNoImportTx(since: number): Promise<number> {
  await waitFor('Neo4j to end the killed import transaction', async () => (await importTransactions()).length === 0, 60_000);
  return Date.now() - since;
}

/** The pid of the JVM of the Neo4j whose home is `home` (not its wrapper script). */
function neo4jJvmPid(home: string): number {
  const lines = execFileSync('ps', ['-ww', '-eo', 'pid=,args='], { encoding: 'utf8' }).split('\n');
  const jvm = lines.filter((line) => line.includes(`--home-dir=${home}`) && line.includes('org.neo4j.server.CommunityEntryPoint') && !line.includes('run-neo4j.sh'));
  expect(jvm, 'exactly one Neo4j JVM for the dedicated folder').toHaveLength(1);
  return Number(jvm[0]!.trim().split(/\s+/)[0]);
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Records the state after a kill and asserts all or nothing (or, when `mustBe` is given, that state). */
async function checkAfterKill(record: Omit<KillRecord, 'state' | 'counts'>, mustBe?: 'all' | 'none'): Promise<KillRecord> {
  const observed = await observeState();
  const entry: KillRecord = { ...record, state: observed.state, counts: observed.counts };
  kills.push(entry);
  const detail = `${record.what} ${record.point}: ${JSON.stringify(observed.counts)} ${JSON.stringify(observed.global)}`;
  expect(observed.state, detail).not.toBe('PARTIAL');
  if (mustBe) expect(observed.state, detail).toBe(mustBe);
  return entry;
}

// ---------------------------------------------------------------------------------------------------------

describe('an import killed with SIGKILL leaves all of the file or none of it', () => {
  it('a clean import gives the counts the file implies, and a forced re-import the same', { timeout: 300_000 }, async () => {
    expect(await globalCounts()).toEqual({});
    const first = await runToCompletion();
    expect(first.output).toMatch(new RegExp(`loaded .*${knowledge.entities.length} entities, ${knowledge.facts.length} facts`));
    cleanDataset = await datasetCounts();
    cleanGlobal = await globalCounts();
    expect(cleanDataset).toEqual(expected);
    const forced = await runToCompletion('--force');
    expect(await datasetCounts()).toEqual(cleanDataset);
    expect(await globalCounts()).toEqual(cleanGlobal);
    // Once more into an empty database, now that Neo4j has planned every statement: the timing the kills use.
    await wipe();
    const warm = await runToCompletion();
    expect(await datasetCounts()).toEqual(cleanDataset);
    expect(await globalCounts()).toEqual(cleanGlobal);
    importTxMs = warm.txMs;
    expect(importTxMs).toBeGreaterThan(0);
    console.log(
      `clean import of ${path.basename(file)} (${COPIES} copies of the shipped file): ${summary(cleanDataset)};` +
        ` its transaction took ${seconds(first.txMs)} the first time, ${seconds(forced.txMs)} as a forced re-import,` +
        ` ${seconds(warm.txMs)} into an emptied database`,
    );
  });

  it('killing the import process (SIGKILL) at any point writes all or nothing', { timeout: 600_000 }, async () => {
    await wipe();
    // Each kill starts from an empty database.
    const points: { point: string; afterSpawnMs?: number; statement?: string; fraction?: number }[] = [
      { point: '0.3 s after spawn (before its transaction)', afterSpawnMs: 300 },
      { point: 'as soon as its transaction is listed', fraction: 0 },
      { point: 'when its transaction runs merge-entities', statement: 'merge-entities' },
      { point: 'when its transaction runs create-facts', statement: 'create-facts' },
      { point: 'when its transaction runs create-relations', statement: 'create-relations' },
      { point: '50 % of a complete transaction\'s time into it', fraction: 0.5 },
      { point: '90 % of a complete transaction\'s time into it (may be after the commit)', fraction: 0.9 },
    ];
    let killsBeforeCommit = 0;
    for (const { point, afterSpawnMs, statement: target, fraction } of points) {
      const run = startImport();
      let statement = '(no transaction yet)';
      let txAge: number | undefined;
      if (afterSpawnMs !== undefined) {
        await sleep(afterSpawnMs);
      } else if (target !== undefined) {
        const tx = await waitForStatement(run, target);
        statement = tx?.statement ?? '(missed: the import had ended)';
      } else {
        const { seenAt } = await waitForImportTx(run);
        await sleep(fraction! * importTxMs);
        txAge = Date.now() - seenAt;
        statement = (await importTransactions())[0]?.statement ?? '(transaction already ended)';
      }
      const killedAt = Date.now();
      await killImport(run);
      const rollbackMs = await waitForNoImportTx(killedAt);
      const entry = await checkAfterKill({
        what: 'import killed',
        point: `${point}${txAge === undefined ? '' : `, ${seconds(txAge)} in`}; it was running ${statement}`,
        statement,
        rollbackMs,
      });
      // Killed before its last statements, the import cannot have sent its commit: nothing of it may be there.
      // Killed as soon as its transaction is listed, it is at the start of a transaction of a second or more,
      // even when Neo4j's list caught it between two statements.
      const beforeCommit = wellBeforeCommit(statement) || (fraction === 0 && statement.startsWith('(between statements, Running'));
      if (beforeCommit) {
        killsBeforeCommit += 1;
        expect(entry.state, `killed while running ${statement}: nothing may be committed`).toBe('none');
      }
      if (entry.state === 'all') await wipe();
    }
    expect(killsBeforeCommit, 'kills inside the transaction, well before its commit').toBeGreaterThanOrEqual(3);

    // Over complete data: a changed file (every fact revised) first hides and archives the dataset's facts, then
    // writes their new versions; killed while it writes the facts and their citations, it must leave the complete
    // data as it was.
    await runToCompletion();
    const run = startImportOf(revisedFile);
    const tx = await waitForStatement(run, 'create-facts');
    const killedAt = Date.now();
    await killImport(run);
    const rollbackMs = await waitForNoImportTx(killedAt);
    const statement = tx?.statement ?? '(missed: the import had ended)';
    await checkAfterKill({ what: 'changed file imported over complete data killed', point: `when its transaction runs create-facts; it was running ${statement}`, statement, rollbackMs }, 'all');
    expect(tx, 'the changed file\'s import was killed inside its transaction').toBeDefined();
  });

  it('killing Neo4j itself (SIGKILL of its JVM) during an import writes all or nothing', { timeout: 600_000 }, async () => {
    const scenarios = [
      { what: 'Neo4j killed during an import into an empty database', force: false, target: 'create-facts' },
      { what: 'Neo4j killed during the import of a changed file over complete data', force: true, target: 'create-facts' },
    ];
    for (const { what, force, target } of scenarios) {
      if (force) {
        if ((await observeState()).state !== 'all') await runToCompletion('--force');
      } else {
        await wipe();
      }
      const run = force ? startImportOf(revisedFile) : startImport();
      const tx = await waitForStatement(run, target);
      expect(tx, `the import was still in its transaction when Neo4j was killed`).toBeDefined();
      process.kill(neo4jJvmPid(dir), 'SIGKILL');
      // The wrapper script exits with the JVM; the import fails (after the driver's short retry) and exits.
      await database!.stop();
      const exit = await Promise.race([run.exited, sleep(60_000).then(() => undefined)]);
      if (!exit) await killImport(run);
      expect(neo4jProcesses(dir)).toEqual([]);

      await driver!.close();
      const restarted = Date.now();
      database = await startLocalNeo4j(settings, log);
      connectDriver();
      const restartMs = Date.now() - restarted;
      await checkAfterKill(
        {
          what,
          point: `when its transaction ran ${tx!.statement}; the import exited ${exit ? `with code ${exit.code}` : 'only when killed'}; Neo4j restarted on the same folder in ${seconds(restartMs)}`,
          statement: tx!.statement,
          rollbackMs: undefined,
        },
        force ? 'all' : wellBeforeCommit(tx!.statement) ? 'none' : undefined,
      );
      expect(exit?.code, 'the import reports its failure').not.toBe(0);
    }
  });

  it('imported again to completion, twice, the counts are those of a clean import', { timeout: 300_000 }, async () => {
    // Forced, the file is diffed against the graph even though its hash is recorded: nothing differs.
    const again = await runToCompletion('--force');
    expect(again.output).toMatch(/^(loaded|unchanged) /m);
    expect(await datasetCounts()).toEqual(cleanDataset);
    expect(await globalCounts()).toEqual(cleanGlobal);
    const twice = await runToCompletion('--force');
    expect(twice.output).toMatch(/^unchanged /m);
    expect(await datasetCounts()).toEqual(cleanDataset);
    expect(await globalCounts()).toEqual(cleanGlobal);
    const unchanged = await runToCompletion();
    expect(unchanged.output).toMatch(/^unchanged /m);
    expect(await globalCounts()).toEqual(cleanGlobal);

    console.log(
      [
        `kill points and counts observed (a complete import: ${summary(cleanDataset)}):`,
        ...kills.map((k) => `  ${k.what}, ${k.point} -> ${k.state.toUpperCase()}: ${summary(k.counts)}${k.rollbackMs === undefined ? '' : `; its transaction was gone ${seconds(k.rollbackMs)} after the kill`}`),
        `re-imported to completion twice (forced), then once unchanged: ${summary(cleanDataset)} each time`,
      ].join('\n'),
    );
  });
});
