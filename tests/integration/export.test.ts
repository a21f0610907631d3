/**
 * Exports against the real Neo4j, read back by real consumers: the JSON export loads into an empty database as
 * the same graph; the JSON-LD is expanded by the `jsonld` library to the N-Triples export's triples; graphology's
 * GraphML parser reads the GraphML; the CSV is RFC 4180; a neighbourhood's JSON is a valid knowledge file; the CLI
 * refuses bad arguments with exit code 2.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { MultiDirectedGraph } from 'graphology';
import { parse as parseGraphml } from 'graphology-graphml';
import jsonld from 'jsonld';
import { Parser } from 'n3';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig, PROJECT_ROOT } from '../../src/config/config.ts';
import { createDriver, Database } from '../../src/database/database.ts';
import { loadStatements } from '../../src/database/statements.ts';
import { exportText, graphExport, neighborhoodExport, writeSourceTexts, type ExportFormat, type ExportStream, type WriteOptions } from '../../src/export/index.ts';
import { loadKnowledgeFile } from '../../src/knowledge/loader.ts';
import { validateKnowledgeFile } from '../../src/knowledge/validate-knowledge-file.ts';
import { createLogger } from '../../src/logging/logger.ts';

const SHIPPED = path.join(PROJECT_ROOT, 'data/knowledge/leblogauto-2024-musk-nvidia-h100.kg.json');
const SCHEMA = 'http://schema.org/';
const PROV = 'http://www.w3.org/ns/prov#';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const BASE = 'https://kg.invalid/';

let db: Database;
let driver: Driver;
let scratch: string;

beforeAll(async () => {
  const connection = inject('neo4j');
  const config = loadConfig({ NEO4J_URI: connection.uri, NEO4J_PASSWORD: connection.password, NEO4J_USERNAME: connection.username, NEO4J_DATABASE: connection.database });
  driver = createDriver(connection, config, createLogger('silent'));
  db = new Database(driver, loadStatements(), { database: connection.database, queryTimeoutMs: 30_000 });
  await db.ensureSchema();
  await clearGraph();
  await loadKnowledgeFile(db, SHIPPED, { force: true });
  scratch = mkdtempSync(path.join(os.tmpdir(), 'kg-export-'));
});

afterAll(async () => {
  // Leave the shipped knowledge as the other test files expect it.
  await clearGraph();
  await loadKnowledgeFile(db, SHIPPED, { force: true });
  await db.close();
  rmSync(scratch, { recursive: true, force: true });
});

async function clearGraph(): Promise<void> {
  await run('MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
}

async function run(cypher: string): Promise<Record<string, any>[]> {
  const session = driver.session({ defaultAccessMode: neo4j.session.WRITE });
  try {
    return (await session.run(cypher)).records.map((r) => r.toObject());
  } finally {
    await session.close();
  }
}

/** Everything the knowledge is made of, with every property, sorted: entities, facts, citations, quantities, edges. */
async function snapshot() {
  const sorted = (rows: Record<string, any>[]) => rows.map((row) => JSON.stringify(row)).sort();
  return {
    entities: sorted(await run('MATCH (e:Entity) RETURN e.id AS id, labels(e) AS labels, properties(e) AS props')),
    facts: sorted(await run('MATCH (f:Fact) RETURN f.id AS id, labels(f) AS labels, properties(f) AS props')),
    citations: sorted(await run(`MATCH (f:Fact)-[:CITED_BY]->(c:Citation)-[:QUOTED_FROM]->(d) MATCH (c)-[:SAID_BY]->(s)
      OPTIONAL MATCH (c)-[:REPORTED_BY]->(m) RETURN f.id AS fact, d.id AS document, s.id AS saidBy, m.id AS reportedBy, properties(c) AS props`)),
    quantities: sorted(await run('MATCH (f:Fact)-[:HAS_QUANTITY]->(q) OPTIONAL MATCH (q)-[:MEASURES]->(i) RETURN f.id AS fact, i.id AS item, properties(q) AS props')),
    about: sorted(await run('MATCH (f:Fact)-[r:ABOUT]->(e) RETURN f.id AS fact, e.id AS entity, properties(r) AS props')),
    relations: sorted(await run('MATCH (a:Entity)-[r]->(b:Entity) RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props')),
  };
}

async function text(format: ExportFormat, stream: ExportStream, options: WriteOptions = {}): Promise<string> {
  let out = '';
  for await (const chunk of exportText(format, stream, options)) out += chunk;
  return out;
}

async function toSet(nquads: string): Promise<Set<string>> {
  const quads = new Parser({ format: 'N-Quads' }).parse(nquads);
  return new Set(quads.map((q) => `${q.subject.id} ${q.predicate.id} ${q.object.id}`));
}

describe('the JSON export', () => {
  it('is a knowledge file that loads into an empty database as the same graph', async () => {
    const before = await snapshot();
    const stream = await graphExport(db, { pageSize: 7 }); // small pages: the keyset paging is exercised
    const file = path.join(scratch, 'roundtrip', `${stream.header.id}.kg.json`);
    const json = await text('json', stream);
    expect(stream.header.id).toBe('leblogauto-2024-musk-nvidia-h100');
    rmSync(path.dirname(file), { recursive: true, force: true });
    await writeSourceTexts(db, stream.header, path.dirname(file));
    writeFileSync(file, json);
    const parsed = JSON.parse(json);
    expect(parsed.entities).toHaveLength(47);
    expect(parsed.facts).toHaveLength(56);
    await clearGraph();
    const loaded = await loadKnowledgeFile(db, file);
    expect(loaded).toMatchObject({ status: 'loaded', entities: 47, facts: 56, relations: 70, citations: 58 });
    const after = await snapshot();
    // `contentSha256` hashes a fact's entry as its file wrote it; the graph keeps no order of an n-ary fact's
    // participants (the export writes them by role), so those facts' hashes differ. Everything else is equal.
    const withoutHash = (rows: string[]) => rows.map((row) => row.replace(/"contentSha256":"[0-9a-f]{64}",?/, ''));
    expect(withoutHash(after.facts)).toEqual(withoutHash(before.facts));
    const hashChanged = after.facts.filter((row, i) => row !== before.facts[i]).map((row) => JSON.parse(row).id);
    expect(hashChanged.sort()).toEqual(['musk-redirects-h100-from-tesla-to-x', 'musk-redirects-x-h100-orders-to-tesla', 'tesla-plans-ai-spending-2024']);
    expect(after.entities).toEqual(before.entities);
    expect(after.citations).toEqual(before.citations);
    expect(after.quantities).toEqual(before.quantities);
    expect(after.about).toEqual(before.about);
    expect(after.relations).toEqual(before.relations);
    // Exporting the re-imported graph gives the same file: the export is a fixed point.
    expect(await text('json', await graphExport(db))).toBe(json);
  });
});

describe('the RDF exports', () => {
  it('give the same triples in JSON-LD (expanded by the jsonld library) and N-Triples, with schema.org types and PROV-O citations', async () => {
    const stream = await graphExport(db);
    const doc = JSON.parse(await text('jsonld', stream));
    const ntriples = await text('ntriples', stream);
    const fromJsonLd = await toSet((await jsonld.toRDF(doc, { format: 'application/n-quads' })) as unknown as string);
    const fromNTriples = await toSet(ntriples);
    expect(fromNTriples.size).toBeGreaterThan(1000);
    expect([...fromJsonLd].filter((t) => !fromNTriples.has(t))).toEqual([]);
    expect([...fromNTriples].filter((t) => !fromJsonLd.has(t))).toEqual([]);

    const has = (s: string, p: string, o: string) => fromNTriples.has(`${s} ${p} ${o}`);
    const entity = (id: string) => `${BASE}entities/${id}`;
    expect(has(entity('elon-musk'), RDF_TYPE, `${SCHEMA}Person`)).toBe(true);
    expect(has(entity('tesla'), RDF_TYPE, `${SCHEMA}Organization`)).toBe(true);
    expect(has(entity('nvidia-h100'), RDF_TYPE, `${SCHEMA}Product`)).toBe(true);
    expect(has(entity('elon-musk'), `${SCHEMA}name`, '"Elon Musk"')).toBe(true);
    // xAI owns Grok, now: the reified statement and the schema.org property.
    const fact = `${BASE}facts/xai-owns-grok`;
    expect(has(fact, 'http://www.w3.org/1999/02/22-rdf-syntax-ns#subject', entity('xai'))).toBe(true);
    expect(has(fact, 'http://www.w3.org/1999/02/22-rdf-syntax-ns#object', entity('grok'))).toBe(true);
    expect(has(entity('xai'), `${SCHEMA}owns`, entity('grok'))).toBe(true);
    // Its citation: attributed to who said it, derived from the article, with the quote and its offsets.
    const citation = `${fact}/citations/0`;
    expect(has(fact, `${PROV}wasDerivedFrom`, citation)).toBe(true);
    expect(has(citation, RDF_TYPE, `${PROV}Entity`)).toBe(true);
    expect(has(citation, `${PROV}wasDerivedFrom`, entity('leblogauto-article-musk-nvidia-h100'))).toBe(true);
    expect([...fromNTriples].some((t) => t.startsWith(`${citation} ${PROV}wasAttributedTo ${BASE}entities/`))).toBe(true);
    expect([...fromNTriples].some((t) => t.startsWith(`${citation} ${PROV}value "`) && t.endsWith('"@fr'))).toBe(true);
    expect([...fromNTriples].some((t) => t.startsWith(`${citation} http://www.w3.org/ns/oa#start "`))).toBe(true);
  });

  it('writes a goal or a former state as a statement only, never as the plain schema.org property', async () => {
    const stream = await graphExport(db);
    const triples = await toSet(await text('ntriples', stream));
    const json = JSON.parse(await text('json', stream));
    const notNow = json.facts.filter((f: any) => f.object && (f.modality !== 'ACTUAL' || f.status === 'FORMER') && f.type === 'PRODUCES');
    for (const f of notNow) expect(triples.has(`${BASE}entities/${f.object} ${SCHEMA}manufacturer ${BASE}entities/${f.subject}`)).toBe(false);
  });
});

describe('the GraphML export', () => {
  it('is read by graphology-graphml with every entity, relation and typed attribute', async () => {
    const xml = await text('graphml', await graphExport(db));
    const graph = parseGraphml(MultiDirectedGraph, xml);
    expect(graph.order).toBe(47);
    expect(graph.size).toBe(70);
    expect(graph.getNodeAttributes('elon-musk')).toMatchObject({ kind: 'PERSON', name: 'Elon Musk', background: false });
    expect(graph.getEdgeAttributes('xai-owns-grok')).toMatchObject({ type: 'OWNS', fact: 'xai-owns-grok' });
    expect(graph.source('xai-owns-grok')).toBe('xai');
    expect(graph.target('xai-owns-grok')).toBe('grok');
  });
});

describe('the CSV export', () => {
  it('writes RFC 4180 tables: a header, CRLF line ends, quoted fields with commas, quotes or line breaks', async () => {
    const stream = await graphExport(db);
    const relations = await text('csv', stream, { table: 'relations' });
    const entities = await text('csv', stream, { table: 'entities' });
    const rows = parseCsv(relations);
    expect(rows[0]).toEqual(['id', 'type', 'from', 'to', 'fact', 'label']);
    expect(rows).toHaveLength(71);
    expect(rows).toContainEqual(['xai-owns-grok', 'OWNS', 'xai', 'grok', 'xai-owns-grok', 'OWNS']);
    const entityRows = parseCsv(entities);
    expect(entityRows).toHaveLength(48);
    expect(entityRows.every((row) => row.length === entityRows[0]!.length)).toBe(true);
    const described = entityRows.find((row) => row[0] === 'ai-training')!;
    expect(described[3]).toContain('"formation"');
    expect(entities).toContain('""formation""');
    expect(relations.endsWith('\r\n')).toBe(true);
  });
});

describe('a neighbourhood export', () => {
  it('holds the entity, its neighbours, the facts of their relations and what those facts name: a valid knowledge file', async () => {
    const stream = (await neighborhoodExport(db, 'grok', 1, 200))!;
    const dir = path.join(scratch, 'grok');
    const json = await text('json', stream);
    await writeSourceTexts(db, stream.header, dir);
    const data = JSON.parse(json);
    expect(data.entities.map((e: any) => e.id)).toEqual(expect.arrayContaining(['grok', 'xai']));
    expect(data.facts.map((f: any) => f.id)).toContain('xai-owns-grok');
    const result = validateKnowledgeFile(data, { filePath: path.join(dir, 'grok.kg.json'), readSource: (p) => readFileSync(p, 'utf8') });
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(await neighborhoodExport(db, 'no-such-entity', 1, 200)).toBeNull();
  });
});

describe('npm run kg -- export', () => {
  const kg = (args: string[]) => {
    const connection = inject('neo4j');
    const env = { ...process.env, NEO4J_URI: connection.uri, NEO4J_USERNAME: connection.username, NEO4J_PASSWORD: connection.password, NEO4J_DATABASE: connection.database, LOG_LEVEL: 'warn' };
    return promisify(execFile)(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'src/cli/kg.ts'), ...args], { env, cwd: PROJECT_ROOT, maxBuffer: 64 * 1024 * 1024 }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
    );
  };

  it('refuses bad arguments with exit code 2 and a usage naming what is allowed', async () => {
    const bad = await kg(['export', '--format', 'xml']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--format must be one of json, jsonld, ntriples, graphml, csv, not "xml"');
    expect(bad.stderr).toContain('Usage:');
    const depth = await kg(['export', '--format', 'json', '--entity', 'grok', '--depth', '9']);
    expect(depth.code).toBe(2);
    expect(depth.stderr).toContain('--depth must be a whole number from 1 to 3');
  });

  it('writes an export to stdout, and a CSV folder with --out', async () => {
    const out = await kg(['export', '--format', 'ntriples', '--entity', 'grok', '--progress']);
    expect(out.code).toBe(0);
    // The bar goes to stderr (not a terminal here: drawn because of --progress), the export alone to stdout.
    expect(out.stderr).toMatch(/\[=+\] \d+\/\d+ items/);
    expect(out.stdout).toContain(`<${BASE}entities/grok> <${RDF_TYPE}> <${SCHEMA}Product> .`);
    const dir = path.join(scratch, 'csv');
    const csv = await kg(['export', '--format', 'csv', '--out', dir]);
    expect(csv.code).toBe(0);
    expect(parseCsv(readFileSync(path.join(dir, 'relations.csv'), 'utf8'))).toHaveLength(71);
    expect(parseCsv(readFileSync(path.join(dir, 'entities.csv'), 'utf8'))).toHaveLength(48);
  }, 120_000);
});

/** An RFC 4180 reader, strict about CRLF, to check the writer against the grammar rather than against itself. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let value = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (text[i] === '"' && text[i + 1] === '"') (value += '"'), (i += 2);
        else if (text[i] === '"') break;
        else if (i >= text.length) throw new Error('unterminated quoted field');
        else value += text[i++];
      }
      i++;
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        if (text[i] === '\n' || text[i] === '"') throw new Error(`bare ${JSON.stringify(text[i])} at ${i}`);
        value += text[i++];
      }
    }
    row.push(value);
    if (text[i] === ',') i++;
    else if (text[i] === '\r' && text[i + 1] === '\n') (rows.push(row), (row = []), (i += 2));
    else throw new Error(`expected , or CRLF at ${i}`);
  }
  return rows;
}
