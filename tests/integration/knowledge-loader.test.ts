/**
 * The loader against the real Neo4j: idempotent loads, all-or-nothing on bad files, changed files written as
 * their differences (facts removed from a file are retracted, not deleted), concurrent loads make no duplicates.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig, PROJECT_ROOT } from '../../src/config/config.ts';
import { createDriver, Database } from '../../src/database/database.ts';
import { loadStatements } from '../../src/database/statements.ts';
import { KnowledgeFileError, loadKnowledgeFile } from '../../src/knowledge/loader.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { ENTITY_LABELS, ENTITY_TYPE_OF_KIND, type EntityKind } from '../../src/vocabulary/index.ts';

const SHIPPED = path.join(PROJECT_ROOT, 'data/knowledge/leblogauto-2024-musk-nvidia-h100.kg.json');
const SOURCES = path.join(PROJECT_ROOT, 'data/sources');

let db: Database;
let driver: Driver;
let scratch: string;

beforeAll(async () => {
  const connection = inject('neo4j');
  const config = loadConfig({ NEO4J_URI: connection.uri, NEO4J_PASSWORD: connection.password, NEO4J_USERNAME: connection.username, NEO4J_DATABASE: connection.database });
  driver = createDriver(connection, config, createLogger('silent'));
  db = new Database(driver, loadStatements(), { database: connection.database, queryTimeoutMs: 30_000 });
  await db.ensureSchema();
  // This file counts the whole graph, so it starts from an empty one: other files' writes (the mutation tests'
  // entities and facts) would be counted too. afterAll leaves the shipped knowledge, as other files expect.
  const session = driver.session();
  try {
    await session.run('MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
  }
  // Scratch knowledge files sit in a copy of data/ so their relative source paths resolve.
  scratch = mkdtempSync(path.join(os.tmpdir(), 'kg-loader-'));
  mkdirSync(path.join(scratch, 'knowledge'));
  mkdirSync(path.join(scratch, 'sources'));
  for (const name of ['leblogauto-2024-musk-nvidia-h100.fr.txt']) copyFileSync(path.join(SOURCES, name), path.join(scratch, 'sources', name));
  copyFileSync(path.join(PROJECT_ROOT, 'data/knowledge.schema.json'), path.join(scratch, 'knowledge.schema.json'));
});

afterAll(async () => {
  // Leave the shipped knowledge as the other tests expect it.
  await loadKnowledgeFile(db, SHIPPED, { force: true });
  await db.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** Counts of everything in the database, by label and by relationship type. */
async function graphCounts(): Promise<Record<string, number>> {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    const nodes = await session.run('MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n');
    const rels = await session.run('MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n');
    return Object.fromEntries([
      ...nodes.records.map((r) => [`:${r.get('label')}`, r.get('n')]),
      ...rels.records.map((r) => [`-${r.get('type')}-`, r.get('n')]),
    ]);
  } finally {
    await session.close();
  }
}

function shipped(): any {
  return JSON.parse(readFileSync(SHIPPED, 'utf8'));
}

function writeScratch(name: string, data: unknown): string {
  const file = path.join(scratch, 'knowledge', name);
  writeFileSync(file, typeof data === 'string' ? data : JSON.stringify(data, null, 2));
  return file;
}

describe('loading knowledge', () => {
  it('gives the same graph when loaded twice, and skips an unchanged file', async () => {
    // Loaded by an earlier test file or not: forced, the file is diffed against the graph either way.
    const first = await loadKnowledgeFile(db, SHIPPED, { force: true });
    expect(['loaded', 'unchanged']).toContain(first.status);
    expect(first.facts).toBe(shipped().facts.length);
    const before = await graphCounts();
    // Forced again, the diff finds no difference: nothing is written, no revision.
    const again = await loadKnowledgeFile(db, SHIPPED, { force: true });
    expect(again.status).toBe('unchanged');
    expect(again.revision).toBeNull();
    expect(await graphCounts()).toEqual(before);
    const unchanged = await loadKnowledgeFile(db, SHIPPED);
    expect(unchanged.status).toBe('unchanged');
    expect(await graphCounts()).toEqual(before);
    expect(before[':Entity']).toBe(shipped().entities.length);
    expect(before[':Fact']).toBe(shipped().facts.length);
  });

  it.each([
    ['a dangling reference', (k: any) => (k.facts[0].subject = 'nobody-knows'), /facts\[0\].*nobody-knows/],
    ['an unknown kind', (k: any) => (k.entities[0].kind = 'ALIEN'), /entities\[0\]/],
    ['a quote that is not at its offsets', (k: any) => (k.facts[1].citations[0].start += 3), /facts\[1\]/],
    ['a duplicate id', (k: any) => k.facts.push({ ...k.facts[2] }), /duplicate|already/i],
  ])('writes nothing for a file with %s, and says which entry is wrong', async (_what, mutate, message) => {
    await loadKnowledgeFile(db, SHIPPED, { force: true });
    const before = await graphCounts();
    const bad = shipped();
    // A different dataset id, so that nothing could be skipped as unchanged.
    bad.id = 'broken-copy';
    mutate(bad);
    const file = writeScratch('broken.kg.json', bad);
    const attempt = loadKnowledgeFile(db, file);
    await expect(attempt).rejects.toBeInstanceOf(KnowledgeFileError);
    await expect(loadKnowledgeFile(db, file)).rejects.toThrow(message);
    await expect(loadKnowledgeFile(db, file)).rejects.toThrow(/broken\.kg\.json/);
    expect(await graphCounts()).toEqual(before);
  });

  it('refuses a file whose fact ids another file already loaded, writing nothing and naming the fact', async () => {
    await loadKnowledgeFile(db, SHIPPED, { force: true });
    const before = await graphCounts();
    // Valid on its own (its own dataset id), but its facts reuse the shipped file's fact ids.
    const copy = { ...shipped(), id: 'copy-with-taken-fact-ids' };
    const file = writeScratch('taken-ids.kg.json', copy);
    const attempt = loadKnowledgeFile(db, file);
    await expect(attempt).rejects.toBeInstanceOf(KnowledgeFileError);
    await expect(attempt).rejects.toThrow(/taken-ids\.kg\.json[\s\S]*facts\[\d+\] \(id "[a-z0-9-]+"\): uses a fact id that another knowledge file already loaded/);
    expect(await graphCounts()).toEqual(before);
  });

  it('refuses a file that is not JSON', async () => {
    const file = writeScratch('not-json.kg.json', '{"format": "kg-knowledge/1", ');
    await expect(loadKnowledgeFile(db, file)).rejects.toThrow(/not-json\.kg\.json[\s\S]*not valid JSON/);
  });

  it('retracts the facts removed from a changed file, keeping them, in one revision of only the differences', async () => {
    const smaller = shipped();
    const removed = smaller.facts.splice(0, 3).map((f: { id: string }) => f.id);
    const file = writeScratch('leblogauto-2024-musk-nvidia-h100.kg.json', smaller);
    const result = await loadKnowledgeFile(db, file);
    expect(result.status).toBe('loaded');
    expect(result.revision?.changes.map((c) => [c.operation, c.target, c.reason])).toEqual(
      removed.map((id: string) => ['RETRACT_FACT', id, 'removed from leblogauto-2024-musk-nvidia-h100.kg.json']),
    );
    const session = driver.session();
    try {
      const left = await session.run('MATCH (f:Fact) WHERE f.id IN $ids AND f.retractedIn IS NOT NULL RETURN count(f) AS n', { ids: removed });
      expect(left.records[0]?.get('n')).toBe(3);
      // Out of the current graph: no ABOUT edge and no relation, only history edges.
      const about = await session.run('MATCH (f:Fact)-[:ABOUT]->() WHERE f.id IN $ids RETURN count(*) AS n', { ids: removed });
      expect(about.records[0]?.get('n')).toBe(0);
      const rels = await session.run('MATCH (:Entity)-[r]->(:Entity) WHERE r.factId IN $ids AND type(r) <> "WAS_RELATED" RETURN count(r) AS n', { ids: removed });
      expect(rels.records[0]?.get('n')).toBe(0);
    } finally {
      await session.close();
    }
    expect((await graphCounts())[':Fact']).toBe(shipped().facts.length);
  });

  it('makes no duplicates when the same file is loaded concurrently', async () => {
    await loadKnowledgeFile(db, SHIPPED, { force: true });
    const expected = await graphCounts();
    await Promise.all(Array.from({ length: 6 }, () => loadKnowledgeFile(db, SHIPPED, { force: true })));
    expect(await graphCounts()).toEqual(expected);
  });
});

describe('entity labels', () => {
  /** Each entity's kind and labels, by id. */
  async function labelsById(): Promise<Map<string, { kind: EntityKind; labels: string[] }>> {
    const session = driver.session({ defaultAccessMode: neo4j.session.READ });
    try {
      const result = await session.run('MATCH (e:Entity) RETURN e.id AS id, e.kind AS kind, labels(e) AS labels');
      return new Map(result.records.map((r) => [r.get('id') as string, { kind: r.get('kind') as EntityKind, labels: (r.get('labels') as string[]).sort() }]));
    } finally {
      await session.close();
    }
  }

  it('labels every entity :Entity and by its kind, as the vocabulary says', async () => {
    await loadKnowledgeFile(db, SHIPPED, { force: true });
    const entities = await labelsById();
    expect(entities.size).toBe(shipped().entities.length);
    for (const [id, { kind, labels }] of entities) expect(labels, id).toEqual(['Entity', ENTITY_TYPE_OF_KIND[kind]].sort());
    // No entity carries a label outside the vocabulary.
    const used = new Set([...entities.values()].flatMap((e) => e.labels));
    expect([...used].filter((label) => label !== 'Entity' && !ENTITY_LABELS.includes(label as never))).toEqual([]);
  });

  it('swaps the label when a reload changes an entity kind', async () => {
    const changed = shipped();
    const grok = changed.entities.find((e: { id: string }) => e.id === 'grok');
    expect(grok.kind).toBe('PRODUCT');
    grok.kind = 'CONCEPT';
    await loadKnowledgeFile(db, writeScratch('leblogauto-2024-musk-nvidia-h100.kg.json', changed), { force: true });
    expect((await labelsById()).get('grok')).toEqual({ kind: 'CONCEPT', labels: ['Concept', 'Entity'] });
    await loadKnowledgeFile(db, SHIPPED, { force: true });
    expect((await labelsById()).get('grok')).toEqual({ kind: 'PRODUCT', labels: ['Entity', 'Product'] });
  });
});
