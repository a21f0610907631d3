/**
 * Fault test: a mutation killed with SIGKILL mid-transaction writes nothing; one that completes is complete.
 *
 * On a dedicated local Neo4j (own folder and port), the server runs as a child process (`npx tsx
 * src/cli/start.ts`, its own process group, killed as a group) and receives one large `importKnowledge` (the
 * shipped file cloned COPIES times, tests/support/crash-kit.ts). Kill points are anchored on what Neo4j
 * reports (SHOW TRANSACTIONS, the write transaction tagged `write-dataset`): the server is killed while its
 * transaction runs merge-entities, create-facts, create-relations, and while it writes the revision's changes
 * (the last statements before the commit). After each kill, once Neo4j no longer lists the transaction: no
 * revision, no change, no fact, no entity of the file, no revision log. Then the same import runs to
 * completion: one revision holding one change per entity and fact, and every fact in the graph.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, PROJECT_ROOT } from '../../src/config/config.ts';
import { createDriver, Database } from '../../src/database/database.ts';
import { loadStatements } from '../../src/database/statements.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { startLocalNeo4j, type LocalNeo4j } from '../../src/neo4j-local/local-neo4j.ts';
import { issueApiKey } from '../support/api-keys.ts';
import { groupAlive, killGroup, largeKnowledge, neo4jProcesses, SOURCES, sleep, waitFor, writeTransactions, type KnowledgeJson } from '../support/crash-kit.ts';
import { freePort } from '../support/free-port.ts';
import { NO_RATE_LIMITS } from '../support/test-server.ts';

/** 150 copies: 8,250 facts, 6,750 entities; a transaction of several seconds. */
const COPIES = 150;
const DATASET = 'fault-mutation-crash';
const log = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
const IMPORT = 'mutation ($file: JSON!, $sources: [SourceTextInput!]!) { importKnowledge(file: $file, sources: $sources) { status revision { id sequence changes { operation } } } }';

let dir: string;
let local: LocalNeo4j | undefined;
let driver: Driver;
let db: Database;
let key: string;
let knowledge: KnowledgeJson;
let body: string;
const running = new Set<ChildProcess>();
/** Every spawned server's process group, kept after npx exits. */
const groups = new Set<number>();
const kills: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'kg-mutation-crash-'));
  local = await startLocalNeo4j({ dir, boltPort: await freePort(), heap: '1g', pageCache: '256m', startTimeoutMs: 180_000 }, log);
  const { uri, username, password, database } = local.connection;
  driver = neo4j.driver(uri, neo4j.auth.basic(username, password), { disableLosslessIntegers: true, logging: { level: 'error', logger: () => undefined } });
  const config = loadConfig({ NEO4J_URI: uri, NEO4J_USERNAME: username, NEO4J_PASSWORD: password, NEO4J_DATABASE: database });
  db = new Database(createDriver(local.connection, config, log), loadStatements(), { database, queryTimeoutMs: 30_000 });
  await db.ensureSchema();
  key = await issueApiKey(db, 'ADMIN', 'crash-test');
  knowledge = largeKnowledge(dir, COPIES, DATASET);
  const text = readFileSync(path.join(SOURCES, 'leblogauto-2024-musk-nvidia-h100.fr.txt'), 'utf8');
  body = JSON.stringify({ query: IMPORT, variables: { file: knowledge, sources: knowledge.sources.map((s) => ({ document: s.document, text })) } });
});

afterAll(async () => {
  for (const child of running) killGroup(child);
  // Groups whose npx has exited but whose server may not have (each spawned server is its own group).
  for (const pgid of groups) if (groupAlive(pgid)) process.kill(-pgid, 'SIGKILL');
  await db?.close();
  await driver?.close();
  await local?.stop();
  if (dir) {
    const left = neo4jProcesses(dir);
    rmSync(dir, { recursive: true, force: true });
    expect(left, 'no Neo4j process is left behind').toEqual([]);
  }
});

interface Server {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<void>;
}

async function startServer(): Promise<Server> {
  const { uri, username, password, database } = local!.connection;
  const port = await freePort();
  const child = spawn('npx', ['tsx', 'src/cli/start.ts'], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      ...NO_RATE_LIMITS,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      NEO4J_URI: uri,
      NEO4J_USERNAME: username,
      NEO4J_PASSWORD: password,
      NEO4J_DATABASE: database,
      KNOWLEDGE_AUTOLOAD: 'false',
      BODY_LIMIT_BYTES: String(64 * 1024 * 1024),
      REQUEST_TIMEOUT_MS: '300000',
      LOG_LEVEL: 'warn',
    },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  groups.add(child.pid!);
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => (running.delete(child), resolve())));
  const url = `http://127.0.0.1:${port}/graphql`;
  await waitFor('the server to answer', async () => (await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok).catch(() => false)) || child.exitCode !== null, 120_000);
  if (child.exitCode !== null) throw new Error(`The server exited at start:\n${text}`);
  return { child, url, output: () => text, exited };
}

function sendImport(server: Server): Promise<{ status: number; body: any } | { failed: string }> {
  return fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body }).then(
    async (response) => ({ status: response.status, body: await response.json() }),
    (error: Error) => ({ failed: error.message }),
  );
}

async function count(cypher: string, params: Record<string, unknown> = {}): Promise<number> {
  return (await driver.executeQuery(cypher, params)).records[0]!.get('n');
}

/** What the import leaves: its dataset's facts and entities, and the history nodes. */
async function state(): Promise<Record<string, number>> {
  return {
    revisions: await count('MATCH (r:Revision) RETURN count(r) AS n'),
    changes: await count('MATCH (c:Change) RETURN count(c) AS n'),
    revisionLogs: await count('MATCH (l:RevisionLog) RETURN count(l) AS n'),
    facts: await count('MATCH (f:Fact {dataset: $dataset}) RETURN count(f) AS n', { dataset: DATASET }),
    entities: await count('MATCH (e:Entity) WHERE e.id IN $ids RETURN count(e) AS n', { ids: knowledge.entities.map((e) => e.id) }),
    datasets: await count('MATCH (d:Dataset {id: $dataset}) RETURN count(d) AS n', { dataset: DATASET }),
  };
}

const NOTHING = { revisions: 0, changes: 0, revisionLogs: 0, facts: 0, entities: 0, datasets: 0 };

/** Everything but the API keys. */
async function wipe(): Promise<void> {
  await driver.executeQuery('MATCH (n) WHERE NOT n:ApiKey CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS', {}, { routing: neo4j.routing.WRITE }).catch(async () => {
    const session = driver.session();
    try {
      await session.run('MATCH (n) WHERE NOT n:ApiKey CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
    } finally {
      await session.close();
    }
  });
  expect(await state()).toEqual(NOTHING);
}

/** The statement a write transaction runs, by the Cypher file it comes from. */
const STATEMENTS: [string, RegExp][] = [
  ['merge-entities', /MERGE \(e:Entity \{id: row\.id\}\)/],
  ['create-facts', /CREATE \(f:Fact\)/],
  ['create-relations', /RelationType enumeration/],
  ['create-changes', /HAS_CHANGE/],
];

async function waitForStatement(target: string, deadlineMs: number): Promise<string | undefined> {
  const pattern = STATEMENTS.find(([name]) => name === target)![1];
  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline) {
    const tx = (await writeTransactions(driver)).find((t) => t.name === 'write-dataset');
    if (tx && pattern.test(tx.query)) return target;
    await sleep(10);
  }
  return undefined;
}

async function killServer(server: Server): Promise<void> {
  killGroup(server.child);
  await server.exited;
  await waitFor('the killed server to leave no process', () => !groupAlive(server.child.pid!), 10_000);
}

describe('a mutation killed with SIGKILL mid-transaction', () => {
  it('writes nothing at any kill point', { timeout: 900_000 }, async () => {
    for (const [target] of STATEMENTS) {
      await wipe();
      const server = await startServer();
      const answer = sendImport(server);
      const seen = await waitForStatement(target, 240_000);
      const killedAt = Date.now();
      await killServer(server);
      await waitFor('Neo4j to end the killed transaction', async () => (await writeTransactions(driver)).length === 0, 60_000);
      const rollbackMs = Date.now() - killedAt;
      const after = await state();
      kills.push(`killed while running ${seen ?? `(missed ${target})`}: ${JSON.stringify(after)}; transaction gone ${rollbackMs} ms after the kill`);
      expect(seen, `the server was killed while its transaction ran ${target}`).toBe(target);
      expect(after, `killed while running ${target}: nothing may be written`).toEqual(NOTHING);
      expect(await answer).toHaveProperty('failed');
    }
  });

  it('completed, writes the whole file as one revision', { timeout: 600_000 }, async () => {
    await wipe();
    const server = await startServer();
    const started = Date.now();
    const answer = await sendImport(server);
    const ms = Date.now() - started;
    expect('body' in answer ? answer.body.errors : answer).toBeUndefined();
    const payload = (answer as { body: any }).body.data.importKnowledge;
    expect(payload.status).toBe('LOADED');
    expect(payload.revision.sequence).toBe(1);
    expect(payload.revision.changes).toHaveLength(knowledge.entities.length + knowledge.facts.length);
    expect(await state()).toEqual({
      revisions: 1,
      changes: knowledge.entities.length + knowledge.facts.length,
      revisionLogs: 1,
      facts: knowledge.facts.length,
      entities: knowledge.entities.length,
      datasets: 1,
    });
    // The whole group (npx, tsx, the server): SIGTERM to npx alone ended npx and left the server running.
    process.kill(-server.child.pid!, 'SIGTERM');
    await server.exited;
    await waitFor('the server to stop', () => !groupAlive(server.child.pid!), 30_000);
    console.log([`importKnowledge of ${knowledge.facts.length} facts, ${knowledge.entities.length} entities:`, ...kills.map((k) => `  ${k}`), `  completed: one revision in ${ms} ms`].join('\n'));
  });
});
