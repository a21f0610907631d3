/**
 * The three write operations of `npm run bench`: AssertFact, RetractFact and UpsertEntity, as our server's
 * mutation and the peer's generated one (bench/peer/type-defs.graphql), with the variables of the i-th request
 * of a cell. Writes change the graph, so every request has its own ids (`bench-w-<op>-<cell>-<i>`, the cell
 * naming the system and the size), and they touch only the benchmark's own entities (BENCH_WRITE_ENTITIES and
 * BENCH_WRITE_DOCUMENT, created once before the first write cell), never the synthetic entities the reads ask
 * for. They run after the reads of each size.
 *
 * RetractFact retracts the facts its system's AssertFact cell asserted (request i retracts fact i), so it
 * stops when they run out (`available`): each retraction has its own fact.
 *
 * What each side writes for the same operation (ours does more; the tables say so):
 * - ours and raw: one transaction with the revision log (RevisionLog sequence, Revision, Change), the fact, its
 *   ABOUT edges, its citation at the offsets the server finds for the quote, its projected relation; a
 *   retraction keeps the fact and swaps its edges for history edges; an entity gets its kind label.
 * - the peer: createAssertedFacts (the fact, its ABOUT edges and its citation, offsets sent by the client),
 *   updateFacts (sets retractionReason, disconnects ABOUT: the edges are deleted), createEntities (`:Entity`
 *   only).
 */
import neo4j, { type Driver } from 'neo4j-driver';

export type WriteOperationName = 'AssertFact' | 'RetractFact' | 'UpsertEntity';
export const WRITE_OPERATION_NAMES: readonly WriteOperationName[] = ['AssertFact', 'RetractFact', 'UpsertEntity'];

/** The benchmark's own entities: facts are asserted between them, in rotation. */
export const BENCH_WRITE_ENTITIES = Array.from({ length: 16 }, (_, i) => ({
  id: `bench-w-org-${String(i).padStart(2, '0')}`,
  kind: 'ORGANIZATION',
  // Words no synthetic name has, so the read cells' searches never find them.
  name: `Qzwrite Org ${i}`,
  description: 'An organization the write benchmark asserts facts about.',
}));

const QUOTE = 'Qzwrite organizations partner with each other';
export const BENCH_WRITE_DOCUMENT = {
  id: 'bench-w-document',
  name: 'Write benchmark document',
  description: 'The document the write benchmark cites.',
  text: `The write benchmark's document. ${QUOTE}, as the benchmark asserts again and again.`,
  language: 'en',
  published: { value: '2026-12', precision: 'MONTH' },
};
/** Where the quote is in the document's text: ours finds it, the peer is sent it. */
export const QUOTE_START = BENCH_WRITE_DOCUMENT.text.indexOf(QUOTE);
export const QUOTE_END = QUOTE_START + QUOTE.length;

export const RETRACTION_REASON = 'Retracted by the write benchmark.';

/** The ids of the i-th request of a cell; `cell` names the system and the size (`ours-1000`). */
export function writeIds(cell: string, i: number) {
  const count = BENCH_WRITE_ENTITIES.length;
  // Every pair in turn: the object is 1 to count - 1 places after the subject, never the subject itself.
  const subject = BENCH_WRITE_ENTITIES[i % count]!.id;
  const object = BENCH_WRITE_ENTITIES[(i + 1 + (Math.floor(i / count) % (count - 1))) % count]!.id;
  return {
    fact: `bench-w-fact-${cell}-${i}`,
    citation: `bench-w-citation-${cell}-${i}`,
    entity: `bench-w-entity-${cell}-${i}`,
    subject,
    object,
    statement: `${subject} partners with ${object} (write benchmark, ${cell}, request ${i}).`,
    entityName: `Qzwrite Entity ${cell} ${i}`,
  };
}

/** Our server's mutation for each operation, and the variables of request i. */
export const OURS_WRITES: Record<WriteOperationName, { document: string; variables(cell: string, i: number): Record<string, unknown> }> = {
  AssertFact: {
    document: 'mutation AssertFact($input: AssertFactInput!) { assertFact(input: $input) { fact { id } revision { id } } }',
    variables: (cell, i) => {
      const ids = writeIds(cell, i);
      return {
        input: {
          id: ids.fact,
          type: 'PARTNERS_WITH',
          subject: ids.subject,
          object: ids.object,
          statement: ids.statement,
          modality: 'ACTUAL',
          citations: [{ document: BENCH_WRITE_DOCUMENT.id, quote: QUOTE, saidBy: BENCH_WRITE_DOCUMENT.id, kind: 'EDITORIAL' }],
        },
      };
    },
  },
  RetractFact: {
    document: 'mutation RetractFact($id: ID!, $reason: String!) { retractFact(id: $id, reason: $reason) { fact { id } revision { id } } }',
    variables: (cell, i) => ({ id: writeIds(cell, i).fact, reason: RETRACTION_REASON }),
  },
  UpsertEntity: {
    document: 'mutation UpsertEntity($input: UpsertEntityInput!) { upsertEntity(input: $input) { entity { id } existed } }',
    variables: (cell, i) => {
      const ids = writeIds(cell, i);
      return { input: { id: ids.entity, kind: 'CONCEPT', name: ids.entityName, description: 'An entity the write benchmark creates.' } };
    },
  },
};

/** The peer's generated mutation for each operation, and the variables of request i. */
export const PEER_WRITES: Record<WriteOperationName, { document: string; variables(cell: string, i: number): Record<string, unknown> }> = {
  AssertFact: {
    document:
      'mutation AssertFact($id: ID!, $citation: ID!, $statement: String!, $subject: ID!, $object: ID!, $document: ID!, $quote: String!, $start: Int!, $end: Int!) { ' +
      'createAssertedFacts(input: [{ id: $id, type: "PARTNERS_WITH", statement: $statement, modality: "ACTUAL", background: false, ' +
      'about: { connect: [{ where: { node: { id: { eq: $subject } } }, edge: { role: "SUBJECT" } }, { where: { node: { id: { eq: $object } } }, edge: { role: "OBJECT" } }] }, ' +
      'citations: { create: [{ node: { id: $citation, quote: $quote, start: $start, end: $end, kind: "EDITORIAL", ' +
      'document: { connect: [{ where: { node: { id: { eq: $document } } } }] }, saidBy: { connect: [{ where: { node: { id: { eq: $document } } } }] } } }] } }]) ' +
      '{ assertedFacts { id } } }',
    variables: (cell, i) => {
      const ids = writeIds(cell, i);
      return { id: ids.fact, citation: ids.citation, statement: ids.statement, subject: ids.subject, object: ids.object, document: BENCH_WRITE_DOCUMENT.id, quote: QUOTE, start: QUOTE_START, end: QUOTE_END };
    },
  },
  RetractFact: {
    document:
      'mutation RetractFact($id: ID!, $reason: String!) { updateFacts(where: { id: { eq: $id } }, update: { retractionReason: { set: $reason }, about: [{ disconnect: [{ where: {} }] }] }) { facts { id } } }',
    variables: (cell, i) => ({ id: writeIds(cell, i).fact, reason: RETRACTION_REASON }),
  },
  UpsertEntity: {
    document: 'mutation UpsertEntity($id: ID!, $name: String!) { createEntities(input: [{ id: $id, kind: CONCEPT, name: $name, description: "An entity the write benchmark creates.", background: false }]) { entities { id } } }',
    variables: (cell, i) => {
      const ids = writeIds(cell, i);
      return { id: ids.entity, name: ids.entityName };
    },
  },
};

/** POSTs a GraphQL operation and resolves with the parsed answer; rejects on an error (bench/compare/http-client.ts). */
export type Post = (query: string, variables: Record<string, unknown>) => Promise<unknown>;

/** The benchmark's own document and entities, written once through our API with a write key. */
export async function prepareWriteTargets(post: Post): Promise<void> {
  const existing = (await post('query Exists($id: ID!) { entity(id: $id) { id } }', { id: BENCH_WRITE_DOCUMENT.id })) as { data: { entity: unknown } };
  if (!existing.data.entity) {
    await post('mutation AddDocument($input: AddDocumentInput!) { addDocument(input: $input) { document { id } } }', { input: BENCH_WRITE_DOCUMENT });
  }
  for (const entity of BENCH_WRITE_ENTITIES) {
    await post('mutation UpsertEntity($input: UpsertEntityInput!) { upsertEntity(input: $input) { entity { id } } }', { input: entity });
  }
}

// ------------------------------------------------------------------------------------------- checks (Cypher)
// These statements belong to the benchmark, not the app: they read what a write left in the graph.

const FACT_STATE = `
MATCH (f:Fact {id: $id})
OPTIONAL MATCH (f)-[about:ABOUT]->(e:Entity)
WITH f, collect(about.role + ':' + e.id) AS about
OPTIONAL MATCH (f)-[:CITED_BY]->(c:Citation)-[:QUOTED_FROM]->(d:Entity)
RETURN f.statement AS statement, f.retractionReason AS reason, about, collect([c.start, c.end, d.id]) AS citations`;

const ENTITY_STATE = 'MATCH (e:Entity {id: $id}) RETURN e.name AS name, e.kind AS kind';

/** Why the i-th write of `op` in `cell` did not leave what it should, or undefined when it did. */
export async function checkWrite(driver: Driver, database: string, op: WriteOperationName, cell: string, i: number): Promise<string | undefined> {
  const ids = writeIds(cell, i);
  if (op === 'UpsertEntity') {
    const { records } = await driver.executeQuery(ENTITY_STATE, { id: ids.entity }, { database });
    const record = records[0];
    if (!record) return `entity ${ids.entity} is missing`;
    return record.get('name') === ids.entityName && record.get('kind') === 'CONCEPT' ? undefined : `entity ${ids.entity} is ${JSON.stringify(record.toObject())}`;
  }
  const { records } = await driver.executeQuery(FACT_STATE, { id: ids.fact }, { database });
  const record = records[0];
  if (!record) return `fact ${ids.fact} is missing`;
  const state = { statement: record.get('statement'), reason: record.get('reason'), about: (record.get('about') as string[]).sort(), citations: record.get('citations') as unknown[] };
  const citation = JSON.stringify([[QUOTE_START, QUOTE_END, BENCH_WRITE_DOCUMENT.id]]);
  const citations = JSON.stringify(state.citations.map((c) => (c as unknown[]).map((v) => (neo4j.isInt(v) ? v.toNumber() : v))));
  const ok =
    state.statement === ids.statement &&
    citations === citation &&
    (op === 'AssertFact'
      ? state.reason === null && JSON.stringify(state.about) === JSON.stringify([`OBJECT:${ids.object}`, `SUBJECT:${ids.subject}`])
      : state.reason === RETRACTION_REASON && state.about.length === 0);
  return ok ? undefined : `fact ${ids.fact} is ${JSON.stringify(state)}`;
}

/** How many facts the AssertFact cell `cell` left (request i asserted fact i): what RetractFact can retract. */
export async function assertedCount(driver: Driver, database: string, cell: string): Promise<number> {
  const prefix = `bench-w-fact-${cell}-`;
  // The prefix, then the request number only: not the `-check` cell's fact.
  const { records } = await driver.executeQuery('MATCH (f:Fact) WHERE f.id STARTS WITH $prefix AND substring(f.id, size($prefix)) =~ "[0-9]+" RETURN count(f) AS n', { prefix }, { database });
  return Number(records[0]!.get('n'));
}
