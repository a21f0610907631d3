/**
 * The bulk path gives the incremental path's graph: the same knowledge files (the shipped article, a small
 * synthetic set of several files, and a later file of the first synthetic dataset that revises a fact, drops one
 * and changes an entity) are loaded incrementally into the test run's Neo4j and by bulk into a throwaway local
 * Neo4j. Compared: counts per label and type, every node's and relationship's properties with their types, and
 * GraphQL answers from the app on each. Plus the CLI's refusals.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { writeSyntheticKnowledge } from '../../bench/synthetic/generate.ts';
import { startApp, type RunningApp } from '../../src/app.ts';
import { loadConfig, PROJECT_ROOT, type Neo4jConnection } from '../../src/config/config.ts';
import { createDriver, Database } from '../../src/database/database.ts';
import { loadStatements } from '../../src/database/statements.ts';
import { bulkLoadKnowledgeFiles, startAfterBulkLoad } from '../../src/knowledge/bulk/bulk-load.ts';
import { knowledgeFilesIn, KnowledgeFileError, loadKnowledgeFiles } from '../../src/knowledge/loader.ts';
import { createLogger } from '../../src/logging/logger.ts';
import type { LocalNeo4j } from '../../src/neo4j-local/local-neo4j.ts';
import { freePort } from '../support/free-port.ts';
import { NO_RATE_LIMITS } from '../support/test-server.ts';

const run = promisify(execFile);
const log = createLogger('silent');

/**
 * Wall-clock timestamps, the only properties allowed to differ: each load takes its own time. Dataset.loadedAt
 * (when the file was loaded) and Revision.committedAt (when its revision committed).
 */
const WALL_CLOCK = new Set(['Dataset.loadedAt', 'Revision.committedAt']);

let scratch: string;
let files: string[];
let incremental: { driver: Driver; connection: Neo4jConnection };
let bulk: { local: LocalNeo4j; driver: Driver; dir: string };

beforeAll(async () => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'kg-bulk-'));
  const synthetic = await writeSyntheticKnowledge({ relations: 1500, relationsPerFile: 500, dir: scratch });
  files = [...knowledgeFilesIn(path.join(PROJECT_ROOT, 'data/knowledge')), ...synthetic.files, writeRevisingFile(synthetic.files[0]!)];

  const connection = inject('neo4j');
  const config = loadConfig({ NEO4J_URI: connection.uri, NEO4J_PASSWORD: connection.password, NEO4J_USERNAME: connection.username, NEO4J_DATABASE: connection.database });
  const driver = createDriver(connection, config, log);
  const db = new Database(driver, loadStatements(), { database: connection.database, queryTimeoutMs: 120_000 });
  await clearGraph(driver, connection.database);
  await db.ensureSchema();
  await loadKnowledgeFiles(db, files, log);
  incremental = { driver, connection };

  const dir = mkdtempSync(path.join(os.tmpdir(), 'kg-bulk-neo4j-'));
  const settings = { dir, boltPort: await freePort(), heap: '1g', pageCache: '256m', startTimeoutMs: 240_000 };
  await bulkLoadKnowledgeFiles(files, settings, log);
  const { neo4j: local } = await startAfterBulkLoad(settings, log);
  bulk = { local, dir, driver: neo4j.driver(local.connection.uri, neo4j.auth.basic(local.connection.username, local.connection.password), { disableLosslessIntegers: true }) };
}, 600_000);

afterAll(async () => {
  await bulk?.driver.close();
  await bulk?.local.stop();
  if (bulk) rmSync(bulk.dir, { recursive: true, force: true });
  // Leave the shipped knowledge alone in the shared Neo4j, as the other test files expect.
  if (incremental) {
    await clearGraph(incremental.driver, incremental.connection.database);
    const db = new Database(incremental.driver, loadStatements(), { database: incremental.connection.database, queryTimeoutMs: 120_000 });
    await loadKnowledgeFiles(db, knowledgeFilesIn(path.join(PROJECT_ROOT, 'data/knowledge')), log);
    await incremental.driver.close();
  }
  rmSync(scratch, { recursive: true, force: true });
}, 300_000);

/** A later file of the first synthetic dataset: one fact revised, one dropped (retracted), one entity changed. */
function writeRevisingFile(first: string): string {
  const data = JSON.parse(readFileSync(first, 'utf8'));
  data.facts[0].statement = `${data.facts[0].statement} (revised)`;
  data.facts.splice(1, 1);
  const entity = data.entities.find((e: { kind: string }) => e.kind !== 'DOCUMENT');
  entity.description = `${entity.description} Changed by a later file.`;
  const file = first.replace(/\.kg\.json$/, '-revised.kg.json');
  writeFileSync(file, JSON.stringify(data));
  return file;
}

interface Dump {
  nodes: string[];
  relationships: string[];
}

/** Every node and relationship as text: labels or type, properties sorted with their Cypher types, endpoints. */
async function dump(driver: Driver, database?: string): Promise<Dump> {
  const opts = database ? { database } : {};
  const nodeRows = await driver.executeQuery('MATCH (n) RETURN elementId(n) AS id, labels(n) AS labels, [k IN keys(n) | [k, valueType(n[k]), n[k]]] AS props', {}, opts);
  const text = new Map<string, string>();
  for (const r of nodeRows.records) {
    const labels = (r.get('labels') as string[]).sort();
    const props = (r.get('props') as [string, string, unknown][])
      .filter(([k]) => !labels.some((l) => WALL_CLOCK.has(`${l}.${k}`)))
      .sort(([a], [b]) => (a < b ? -1 : 1));
    text.set(r.get('id') as string, JSON.stringify([labels.join(':'), props]));
  }
  const relRows = await driver.executeQuery(
    'MATCH (a)-[r]->(b) RETURN elementId(a) AS a, elementId(b) AS b, type(r) AS type, [k IN keys(r) | [k, valueType(r[k]), r[k]]] AS props',
    {},
    opts,
  );
  const relationships = relRows.records.map((r) => {
    const props = (r.get('props') as [string, string, unknown][]).sort(([a], [b]) => (a < b ? -1 : 1));
    return JSON.stringify([r.get('type'), props, text.get(r.get('a')), text.get(r.get('b'))]);
  });
  return { nodes: [...text.values()].sort(), relationships: relationships.sort() };
}

function countBy(lines: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const line of lines) {
    const key = JSON.parse(line)[0] as string;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

describe('bulk load gives the incremental graph', () => {
  let a: Dump;
  let b: Dump;
  beforeAll(async () => {
    a = await dump(incremental.driver, incremental.connection.database);
    b = await dump(bulk.driver);
  }, 120_000);

  it('the files exercise revisions: a revised fact, a retracted one, an entity version', () => {
    const counts = countBy(a.nodes);
    expect(counts.FactVersion).toBeGreaterThan(0);
    expect(counts.EntityVersion).toBeGreaterThan(0);
    expect(a.nodes.some((n) => n.includes('"retractedIn"'))).toBe(true);
    expect(a.relationships.some((r) => r.startsWith('["WAS_RELATED"'))).toBe(true);
  });

  it('has the same counts per label and per relationship type', () => {
    expect(countBy(b.nodes)).toEqual(countBy(a.nodes));
    expect(countBy(b.relationships)).toEqual(countBy(a.relationships));
  });

  it('has the same nodes, properties and property types', () => {
    const missing = a.nodes.filter((n) => !new Set(b.nodes).has(n));
    const extra = b.nodes.filter((n) => !new Set(a.nodes).has(n));
    expect({ missing: missing.slice(0, 5), extra: extra.slice(0, 5) }).toEqual({ missing: [], extra: [] });
    expect(b.nodes).toEqual(a.nodes);
  });

  it('has the same relationships, properties, types and endpoints', () => {
    const set = new Set(b.relationships);
    const missing = a.relationships.filter((r) => !set.has(r));
    expect(missing.slice(0, 5)).toEqual([]);
    expect(b.relationships).toEqual(a.relationships);
  });
});

describe('the app answers the same on both', () => {
  let apps: RunningApp[] = [];
  const answers = async (query: string) =>
    Promise.all(
      apps.map(async (app) => {
        const response = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
        return stripClock(await response.json());
      }),
    );
  beforeAll(async () => {
    const appOn = (c: Neo4jConnection) =>
      startApp(loadConfig({ NODE_ENV: 'test', HOST: '127.0.0.1', PORT: '0', NEO4J_URI: c.uri, NEO4J_USERNAME: c.username, NEO4J_PASSWORD: c.password, NEO4J_DATABASE: c.database, NEO4J_QUERY_TIMEOUT_MS: '120000', ...NO_RATE_LIMITS }), log);
    apps = [await appOn(incremental.connection), await appOn(bulk.local.connection)];
  }, 120_000);
  afterAll(async () => {
    for (const app of apps) await app.stop();
  });

  const hub = 'org-00001';
  for (const [name, query] of [
    ['an entity with relations and facts', `{ entity(id: "${hub}") { id name description relations(first: 5) { nodes { id type label from { id } to { id } } } facts(first: 5) { nodes { id statement } } } }`],
    ['the history of a changed entity', `{ history(id: "${hub}", first: 10) { nodes { id sequence author summary changes { operation target field before after } } } }`],
    ['a search', '{ search(text: "aerospace", first: 10) { nodes { id name } } }'],
    ['the changes feed', '{ changes(first: 20) { nodes { id sequence author summary } } }'],
  ] as const) {
    it(name, async () => {
      const [x, y] = await answers(query);
      expect(x.errors).toBeUndefined();
      expect(y).toEqual(x);
    });
  }
});

function stripClock(value: any): any {
  if (Array.isArray(value)) return value.map(stripClock);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'committedAt' && k !== 'loadedAt').map(([k, v]) => [k, stripClock(v)]));
  return value;
}

describe('npm run load -- --bulk', () => {
  const cli = (args: string[], env: Record<string, string>) =>
    run('npx', ['tsx', 'src/cli/load.ts', '--bulk', ...args], { cwd: PROJECT_ROOT, env: { ...process.env, ...env } }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );

  it('refuses with NEO4J_URI set (exit 2), naming the path to use', async () => {
    const result = await cli([], { NEO4J_URI: incremental.connection.uri, NEO4J_PASSWORD: incremental.connection.password });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('the bulk path writes the store files of the local Neo4j; against NEO4J_URI use `npm run load`');
  }, 60_000);

  it('an invalid file writes nothing', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kg-bulk-cli-'));
    try {
      const bad = path.join(dir, 'bad.kg.json');
      writeFileSync(bad, JSON.stringify({ format: 'kg-knowledge/1', id: 'bad', entities: [{ id: 'x' }] }));
      const env = { NEO4J_URI: '', NEO4J_LOCAL_DIR: path.join(dir, 'neo4j'), NEO4J_LOCAL_BOLT_PORT: String(await freePort()) };
      const result = await cli([bad], env);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('is invalid, nothing was written');
      expect(readdirSync(dir)).toEqual(['bad.kg.json']);
      await expect(bulkLoadKnowledgeFiles([bad], { dir: path.join(dir, 'neo4j'), boltPort: 1, heap: '1g', pageCache: '256m', startTimeoutMs: 1 }, log)).rejects.toBeInstanceOf(KnowledgeFileError);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

/** Empties the shared Neo4j: `IN TRANSACTIONS` needs an auto-commit transaction, so a session's run, not executeQuery. */
async function clearGraph(driver: Driver, database: string): Promise<void> {
  const session = driver.session({ database });
  try {
    await session.run('MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
  }
}
