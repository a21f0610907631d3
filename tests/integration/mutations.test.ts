/**
 * Every mutation through the real server on the real Neo4j: its happy path (the revision it writes, what
 * current reads then show), and its bad inputs (every problem at once, JSON pointers into the arguments,
 * nothing written: revisions and nodes counted before and after). Quotes are found in the document's text
 * (several occurrences: the one nearest `near`), an absent one is answered with the closest passage.
 */
import { createHash } from 'node:crypto';
import neo4j, { type Driver } from 'neo4j-driver';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config/config.ts';
import { bearer, issueApiKey } from '../support/api-keys.ts';
import { graphql, startTestServer, type TestServer } from '../support/test-server.ts';

let server: TestServer;
/** The writer's API key (scopes are enforced). */
let key: Record<string, string>;
let driver: Driver;
const DOC_TEXT = 'Acme Robotics builds robots. Acme Robotics owns Widget, says the memo. Later: Acme Robotics owns Widget again.';

beforeAll(async () => {
  // A low cost limit, so that a few aliased imports are over it (the limits apply to mutations too).
  server = await startTestServer({ MAX_QUERY_COST: '1000' });
  const { uri, username, password } = inject('neo4j');
  driver = neo4j.driver(uri, neo4j.auth.basic(username, password), { disableLosslessIntegers: true });
  key = bearer(await issueApiKey(server.app.db, 'ADMIN', 'curator'));
});

afterAll(async () => {
  await driver?.close();
  await server?.stop();
});

async function cypher(query: string, params: Record<string, unknown> = {}): Promise<Record<string, any>[]> {
  const result = await driver.executeQuery(query, params);
  return result.records.map((r) => r.toObject());
}

/** Everything in the database by label and type, and the revision log: a write that writes nothing leaves it equal. */
async function snapshot(): Promise<Record<string, number>> {
  const nodes = await cypher('MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n');
  const rels = await cypher('MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n');
  const log = await cypher("MATCH (l:RevisionLog {id: 'main'}) RETURN l.sequence AS n");
  return Object.fromEntries([...nodes.map((r) => [`:${r.label}`, r.n]), ...rels.map((r) => [`-${r.type}-`, r.n]), ['sequence', log[0]?.n ?? 0]]);
}

const gql = (query: string, variables?: Record<string, unknown>) => graphql(server.graphqlUrl, query, variables, key);

const UPSERT = `mutation ($input: UpsertEntityInput!) {
  upsertEntity(input: $input) { existed entity { id name description } revision { id sequence authorKind author summary changes { operation target field before after } } }
}`;
const ADD_DOCUMENT = `mutation ($input: AddDocumentInput!) { addDocument(input: $input) { document { id name } revision { id changes { operation target } } } }`;
const ASSERT = `mutation ($input: AssertFactInput!) {
  assertFact(input: $input) { fact { id statement citations { quote start end } } revision { id sequence changes { operation target } } }
}`;
const RETRACT = `mutation ($id: ID!, $reason: String!, $expected: ID) { retractFact(id: $id, reason: $reason, expectedRevision: $expected) { fact { id } revision { id changes { operation target reason } } } }`;
const RANK = `mutation ($id: ID!, $rank: Rank!, $reason: String!) { setFactRank(id: $id, rank: $rank, reason: $reason) { fact { id } revision { id changes { operation target before after reason } } } }`;
const MERGE = `mutation ($from: ID!, $into: ID!, $reason: String!) { mergeEntities(from: $from, into: $into, reason: $reason) { entity { id } redirected revision { id changes { operation target after } } } }`;

/** The problems of a refused write, and a check that it wrote nothing. */
async function refused(query: string, variables: Record<string, unknown>, code = 'BAD_USER_INPUT'): Promise<{ pointer: string; message: string }[]> {
  const before = await snapshot();
  const answer = await gql(query, variables);
  expect(answer.errors?.[0]?.extensions?.code, JSON.stringify(answer.errors)).toBe(code);
  expect(await snapshot(), 'a refused write writes nothing').toEqual(before);
  return (answer.errors![0]!.extensions!.problems as { pointer: string; message: string }[]) ?? [];
}

async function relationsFrom(id: string): Promise<string[]> {
  const answer = await gql('query ($id: ID!) { relations(from: $id) { nodes { type to { id } fact { id } } } }', { id });
  return (answer.data!.relations.nodes as { type: string; to: { id: string }; fact: { id: string } }[]).map((r) => `${r.type} ${r.to.id} ${r.fact.id}`).sort();
}

describe('upsertEntity', () => {
  beforeAll(async () => {
    await gql(UPSERT, { input: { id: 'acme-widget', kind: 'PRODUCT', name: 'Widget', description: 'A widget.' } });
  });

  it('creates an entity in one revision, changes the fields given with their before and after, and writes nothing when nothing changes', async () => {
    const created = await gql(UPSERT, { input: { id: 'acme-robotics', kind: 'ORGANIZATION', name: 'Acme', description: 'A robot maker.' } });
    expect(created.errors).toBeUndefined();
    const first = created.data!.upsertEntity;
    expect(first.existed).toBe(false);
    expect(first.entity).toEqual({ id: 'acme-robotics', name: 'Acme', description: 'A robot maker.' });
    expect(first.revision.id).toBe(`Revision:r${first.revision.sequence}`);
    expect(first.revision).toMatchObject({ authorKind: 'KEY', author: 'curator' });
    expect(first.revision.changes).toEqual([
      { operation: 'CREATE_ENTITY', target: 'acme-robotics', field: null, before: null, after: { kind: 'ORGANIZATION', name: 'Acme', description: 'A robot maker.', aliases: [], background: false, published: null } },
    ]);

    const changed = await gql(UPSERT, { input: { id: 'acme-robotics', name: 'Acme Robotics', aliases: [{ text: 'ACME', language: 'en' }], expectedRevision: first.revision.id } });
    expect(changed.errors).toBeUndefined();
    const second = changed.data!.upsertEntity;
    expect(second.existed).toBe(true);
    expect(second.revision.sequence).toBe(first.revision.sequence + 1);
    expect(second.revision.changes).toEqual([
      { operation: 'UPDATE_ENTITY', target: 'acme-robotics', field: 'name', before: 'Acme', after: 'Acme Robotics' },
      { operation: 'UPDATE_ENTITY', target: 'acme-robotics', field: 'aliases', before: [], after: [{ text: 'ACME', lang: 'en' }] },
    ]);
    const versions = await cypher("MATCH (v:EntityVersion {entity: 'acme-robotics'}) RETURN v.name AS name, v.since AS since, v.until AS until");
    expect(versions).toEqual([{ name: 'Acme', since: first.revision.sequence, until: second.revision.sequence }]);
    // Found by its new alias.
    const search = await gql('{ search(text: "ACME") { nodes { id } } }');
    expect(search.data!.search.nodes.map((h: { id: string }) => h.id)).toContain('acme-robotics');

    const before = await snapshot();
    const same = await gql(UPSERT, { input: { id: 'acme-robotics', name: 'Acme Robotics' } });
    expect(same.data!.upsertEntity).toMatchObject({ existed: true, revision: null });
    expect(await snapshot(), 'no revision, no sequence taken').toEqual(before);
  });

  it('answers CONFLICT with the current revision when expectedRevision is stale, writing nothing', async () => {
    const current = (await cypher("MATCH (e:Entity {id: 'acme-robotics'}) RETURN e.revision AS r"))[0]!.r as number;
    const before = await snapshot();
    const answer = await gql(UPSERT, { input: { id: 'acme-robotics', name: 'Stale', expectedRevision: `r${current - 1}` } });
    expect(answer.errors?.[0]?.extensions).toEqual({ code: 'CONFLICT', currentRevision: `Revision:r${current}` });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses bad input with every problem at once, pointed into the arguments', async () => {
    const problems = await refused(UPSERT, { input: { id: 'Not An Id', name: 'x' } });
    expect(problems.map((p) => p.pointer).sort()).toEqual(['/input/description', '/input/id', '/input/kind']);
    expect(problems.find((p) => p.pointer === '/input/id')!.message).toMatch(/lower-case/);
    const empty = await refused(UPSERT, { input: { id: 'acme-robotics', name: '' } });
    expect(empty).toEqual([{ pointer: '/input/name', message: expect.stringMatching(/fewer than 1 characters|must NOT have fewer/) }]);
    const document = await refused(UPSERT, { input: { id: 'new-doc', kind: 'DOCUMENT', name: 'D', description: 'A document.' } });
    expect(document.map((p) => p.pointer)).toEqual(['/input/kind']);
  });
});

describe('addDocument and assertFact', () => {
  it('adds a document with its text, and refuses the same id with another text', async () => {
    const input = { id: 'acme-memo', name: 'Acme memo', description: 'An internal memo.', text: DOC_TEXT, language: 'en', published: { value: '2024-05', precision: 'MONTH' }, url: 'https://example.com/memo' };
    const answer = await gql(ADD_DOCUMENT, { input });
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.addDocument.revision.changes).toEqual([{ operation: 'ADD_DOCUMENT', target: 'acme-memo' }]);
    const stored = await cypher("MATCH (d:Entity:Document {id: 'acme-memo'}) RETURN d.text = $text AS same, d.language AS language, d.url AS url, size(d.textSha256) AS sha", { text: DOC_TEXT });
    expect(stored).toEqual([{ same: true, language: 'en', url: 'https://example.com/memo', sha: 64 }]);
    // The API reads them back: the hash of exactly the text sent, and the URL.
    const read = await gql('{ entity(id: "acme-memo") { ... on Document { textSha256 url language } } }', {});
    expect(read.data).toEqual({ entity: { textSha256: createHash('sha256').update(DOC_TEXT).digest('hex'), url: 'https://example.com/memo', language: 'en' } });
    expect(await refused(ADD_DOCUMENT, { input: { ...input, text: `${DOC_TEXT} Edited.` } })).toEqual([{ pointer: '/input/text', message: expect.stringMatching(/never changes/) }]);
    // A value that is no period at all is refused by the TimePeriod scalar, before the write looks at it…
    expect(await refused(ADD_DOCUMENT, { input: { ...input, id: 'acme-memo-2', published: { value: '2024-13', precision: 'MONTH' } } })).toEqual([]);
    // …and a period of another precision than the one given, by the write's own checks, pointed into the input.
    expect((await refused(ADD_DOCUMENT, { input: { ...input, id: 'acme-memo-2', published: { value: '2024-05-02', precision: 'MONTH' } } })).map((p) => p.pointer)).toEqual(['/input/published/value']);
  });

  it('asserts a fact: the quote found nearest `near`, the id generated, the relation projected as a file projects it', async () => {
    const second = DOC_TEXT.indexOf('Acme Robotics owns Widget', DOC_TEXT.indexOf('Acme Robotics owns Widget') + 1);
    const input = {
      type: 'OWNS',
      subject: 'acme-robotics',
      object: 'acme-widget',
      statement: 'Acme Robotics owns Widget.',
      modality: 'CLAIM',
      citations: [{ document: 'acme-memo', quote: 'Acme Robotics owns Widget', saidBy: 'acme-memo', kind: 'STATEMENT', near: second - 3 }],
    };
    const answer = await gql(ASSERT, { input });
    expect(answer.errors).toBeUndefined();
    const { fact, revision } = answer.data!.assertFact;
    expect(fact.id).toBe('Fact:acme-robotics-owns-acme-widget');
    expect(fact.citations).toEqual([{ quote: 'Acme Robotics owns Widget', start: second, end: second + 'Acme Robotics owns Widget'.length }]);
    expect(revision.changes).toEqual([{ operation: 'ASSERT_FACT', target: 'Fact:acme-robotics-owns-acme-widget' }]);
    expect(await relationsFrom('acme-robotics')).toEqual(['OWNS acme-widget Fact:acme-robotics-owns-acme-widget']);
    const edges = await cypher("MATCH (f:Fact {id: 'acme-robotics-owns-acme-widget'})-[a:ABOUT]->(e) RETURN a.role AS role, a.since AS since, e.id AS id ORDER BY role");
    expect(edges).toEqual([
      { role: 'OBJECT', since: revision.sequence, id: 'acme-widget' },
      { role: 'SUBJECT', since: revision.sequence, id: 'acme-robotics' },
    ]);
    // Without `near`, the first occurrence; the same content again gets the next free id.
    const again = await gql(ASSERT, { input: { ...input, citations: [{ ...input.citations[0], near: undefined }] } });
    expect(again.data!.assertFact.fact).toMatchObject({ id: 'Fact:acme-robotics-owns-acme-widget-2', citations: [{ start: DOC_TEXT.indexOf('Acme Robotics owns Widget') }] });
  });

  it('refuses a fact with all its problems at once: an absent quote with the closest passage, an unknown entity, a bad time', async () => {
    const problems = await refused(ASSERT, {
      input: {
        type: 'OWNS',
        subject: 'nobody-knows',
        object: 'acme-widget',
        statement: 'x',
        modality: 'CLAIM',
        time: { value: '2024-02', precision: 'DAY' },
        citations: [
          { document: 'acme-memo', quote: 'Acme Robotic own Widget', saidBy: 'acme-memo', kind: 'STATEMENT' },
          { document: 'no-such-document', quote: 'q', saidBy: 'acme-memo', kind: 'STATEMENT' },
        ],
      },
    });
    expect(problems.map((p) => p.pointer).sort()).toEqual(['/input/citations/0/quote', '/input/citations/1/document', '/input/subject', '/input/time/value'].sort());
    expect(problems.find((p) => p.pointer === '/input/citations/0/quote')!.message).toMatch(/closest passage is "Acme Robotics owns Wid/);
    expect(problems.find((p) => p.pointer === '/input/subject')!.message).toMatch(/"nobody-knows" is not the id of any entity in the graph/);
    // An id that is taken.
    const taken = await refused(ASSERT, { input: { id: 'xai-owns-grok', type: 'OWNS', subject: 'xai', object: 'grok', statement: 'x', modality: 'ACTUAL', background: true, basis: 'known' } });
    expect(taken.map((p) => p.pointer)).toEqual(['/input/id']);
    // A fact needs a citation unless it is background.
    const bare = await refused(ASSERT, { input: { type: 'OWNS', subject: 'xai', object: 'grok', statement: 'x', modality: 'ACTUAL' } });
    expect(bare.map((p) => p.pointer)).toEqual(['/input/citations']);
  });
});

describe('retractFact and setFactRank', () => {
  it('retracts a fact: kept, hidden from current reads, its edges history edges; a second retraction is refused', async () => {
    expect(await relationsFrom('acme-robotics')).toContain('OWNS acme-widget Fact:acme-robotics-owns-acme-widget-2');
    const current = (await cypher("MATCH (f:Fact {id: 'acme-robotics-owns-acme-widget-2'}) RETURN f.revision AS r"))[0]!.r;
    // Both arguments in their global form (the bare forms are used below).
    const answer = await gql(RETRACT, { id: 'Fact:acme-robotics-owns-acme-widget-2', reason: 'a duplicate', expected: `Revision:r${current}` });
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.retractFact.revision.changes).toEqual([{ operation: 'RETRACT_FACT', target: 'Fact:acme-robotics-owns-acme-widget-2', reason: 'a duplicate' }]);
    expect(await relationsFrom('acme-robotics')).toEqual(['OWNS acme-widget Fact:acme-robotics-owns-acme-widget']);
    const kept = await cypher(
      "MATCH (f:Fact {id: 'acme-robotics-owns-acme-widget-2'}) RETURN f.retractionReason AS reason, COUNT { (f)-[:ABOUT]->() } AS about, COUNT { (f)-[:WAS_ABOUT]->() } AS was, COUNT { ()-[:WAS_RELATED {factId: f.id}]->() } AS wasRelated",
    );
    expect(kept).toEqual([{ reason: 'a duplicate', about: 0, was: 2, wasRelated: 1 }]);
    expect(await refused(RETRACT, { id: 'acme-robotics-owns-acme-widget-2', reason: 'again' })).toEqual([{ pointer: '/id', message: expect.stringMatching(/already retracted/) }]);
    expect(await refused(RETRACT, { id: 'no-such-fact', reason: 'x' }, 'NOT_FOUND')).toEqual([{ pointer: '/id', message: 'No fact has the id "no-such-fact"' }]);
    const stale = await gql(RETRACT, { id: 'acme-robotics-owns-acme-widget', reason: 'x', expected: 'r1' });
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('ranks a fact: DEPRECATED hides it like a retraction, leaving DEPRECATED shows it again with new edges', async () => {
    const down = await gql(RANK, { id: 'acme-robotics-owns-acme-widget', rank: 'DEPRECATED', reason: 'doubtful' });
    expect(down.errors).toBeUndefined();
    expect(down.data!.setFactRank.revision.changes).toEqual([{ operation: 'SET_RANK', target: 'Fact:acme-robotics-owns-acme-widget', before: 'NORMAL', after: 'DEPRECATED', reason: 'doubtful' }]);
    expect(await relationsFrom('acme-robotics')).toEqual([]);
    const up = await gql(RANK, { id: 'acme-robotics-owns-acme-widget', rank: 'PREFERRED', reason: 'confirmed' });
    expect(up.errors).toBeUndefined();
    const sequence = Number(up.data!.setFactRank.revision.id.replace('Revision:r', ''));
    expect(await relationsFrom('acme-robotics')).toEqual(['OWNS acme-widget Fact:acme-robotics-owns-acme-widget']);
    const edges = await cypher("MATCH (f:Fact {id: 'acme-robotics-owns-acme-widget'}) RETURN [(f)-[a:ABOUT]->() | a.since] AS about, [(:Entity)-[r:OWNS {factId: f.id}]->() | r.since] AS relations, f.rankHistory AS history");
    expect(edges[0]!.about).toEqual([sequence, sequence]);
    expect(edges[0]!.relations).toEqual([sequence]);
    expect(JSON.parse(edges[0]!.history).map((h: { rank: string }) => h.rank)).toEqual(['NORMAL', 'DEPRECATED', 'PREFERRED']);
    expect(await refused(RANK, { id: 'acme-robotics-owns-acme-widget', rank: 'PREFERRED', reason: 'again' })).toEqual([{ pointer: '/rank', message: expect.stringMatching(/already has rank PREFERRED/) }]);
  });
});

describe('mergeEntities', () => {
  it('merges an entity into another: a redirect, its edges moved, chains followed in `redirected`', async () => {
    for (const id of ['acme-dup-1', 'acme-dup-2']) {
      await gql(UPSERT, { input: { id, kind: 'ORGANIZATION', name: id, description: 'A duplicate.' } });
    }
    const fact = await gql(ASSERT, { input: { type: 'OWNS', subject: 'acme-dup-1', object: 'acme-widget', statement: 'Dup owns Widget.', modality: 'CLAIM', background: true, basis: 'test' } });
    expect(fact.errors).toBeUndefined();
    const first = await gql(MERGE, { from: 'acme-dup-1', into: 'acme-dup-2', reason: 'the same company' });
    expect(first.errors).toBeUndefined();
    expect(first.data!.mergeEntities).toMatchObject({ entity: { id: 'acme-dup-2' }, redirected: ['acme-dup-1'] });
    expect(await relationsFrom('acme-dup-2')).toEqual(['OWNS acme-widget Fact:acme-dup-1-owns-acme-widget']);
    const second = await gql(MERGE, { from: 'acme-dup-2', into: 'acme-robotics', reason: 'the same company' });
    expect(second.data!.mergeEntities.redirected.sort()).toEqual(['acme-dup-1', 'acme-dup-2']);
    expect(second.data!.mergeEntities.revision.changes).toEqual([{ operation: 'MERGE_ENTITY', target: 'acme-dup-2', after: 'acme-robotics' }]);
    expect(await relationsFrom('acme-robotics')).toContain('OWNS acme-widget Fact:acme-dup-1-owns-acme-widget');
    const redirect = await cypher("MATCH (r:Redirect {id: 'acme-dup-2'}) RETURN r.mergedInto AS into, labels(r) AS labels");
    expect(redirect).toEqual([{ into: 'acme-robotics', labels: ['Redirect'] }]);
    expect(await refused(MERGE, { from: 'acme-dup-2', into: 'acme-robotics', reason: 'x' })).toEqual([{ pointer: '/from', message: expect.stringMatching(/was merged into "acme-robotics"/) }]);
    expect((await refused(MERGE, { from: 'acme-robotics', into: 'acme-widget', reason: 'x' })).map((p) => p.pointer)).toEqual(['/into']);
    expect(await refused(MERGE, { from: 'nobody', into: 'acme-widget', reason: 'x' }, 'NOT_FOUND')).toEqual([{ pointer: '/from', message: 'No entity has the id "nobody"' }]);
  });
});

describe('importKnowledge', () => {
  const IMPORT = `mutation ($file: JSON!, $sources: [SourceTextInput!]!) { importKnowledge(file: $file, sources: $sources) { status dataset revision { id author summary changes { operation target } } } }`;
  const text = 'Acme Robotics sells robot arms to Tesla.';
  const file = {
    format: 'kg-knowledge/1',
    id: 'acme-import',
    title: 'Acme import',
    sources: [{ document: 'acme-note', path: 'acme-note.txt', sha256: '', language: 'en' }],
    entities: [
      { id: 'acme-note', kind: 'DOCUMENT', name: 'Acme note', description: 'A note.', published: { value: '2024', precision: 'YEAR', inferred: false } },
      { id: 'acme-arms', kind: 'PRODUCT', name: 'Acme arms', description: 'Robot arms.' },
      // Declared exactly as the shipped file does: no change.
      shippedEntity('tesla'),
    ],
    facts: [{ id: 'acme-arms-sold-to-tesla', type: 'PRODUCES', subject: 'tesla', object: 'acme-arms', statement: 'x', modality: 'CLAIM', citations: [{ quote: 'robot arms', start: 20, end: 30, saidBy: 'acme-note', kind: 'STATEMENT' }] }],
  };
  file.sources[0]!.sha256 = createHash('sha256').update(text).digest('hex');

  it('imports a whole file as one revision by the same validator and diff path; the same file again is UNCHANGED', async () => {
    const answer = await gql(IMPORT, { file, sources: [{ document: 'acme-note', text }] });
    expect(answer.errors).toBeUndefined();
    const { status, revision } = answer.data!.importKnowledge;
    expect(status).toBe('LOADED');
    expect(revision.changes.map((c: { operation: string; target: string }) => `${c.operation} ${c.target}`).sort()).toEqual(
      ['ASSERT_FACT Fact:acme-arms-sold-to-tesla', 'CREATE_ENTITY acme-arms', 'CREATE_ENTITY acme-note'].sort(),
    );
    const before = await snapshot();
    const again = await gql(IMPORT, { file, sources: [{ document: 'acme-note', text }] });
    expect(again.data!.importKnowledge).toEqual({ status: 'UNCHANGED', dataset: 'acme-import', revision: null });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a bad file whole, pointing into `file`', async () => {
    const bad = structuredClone(file);
    bad.id = 'acme-import-bad';
    bad.facts[0]!.citations[0]!.start = 3;
    bad.facts[0]!.subject = 'nobody';
    const problems = await refused(IMPORT, { file: bad, sources: [{ document: 'acme-note', text }] });
    expect(problems.map((p) => p.pointer).sort()).toEqual(['/file/facts/0/citations/0/quote', '/file/facts/0/subject']);
    const missing = await refused(IMPORT, { file: { ...file, id: 'acme-import-2' }, sources: [] });
    expect(missing).toEqual([{ pointer: '/file/sources/0/path', message: expect.stringMatching(/no text was sent for document "acme-note"/) }]);
  });
});

describe('operation limits and transport', () => {
  it('counts mutations against the cost limit (nothing written when over it)', async () => {
    const aliased = Array.from({ length: 6 }, (_, i) => `i${i}: importKnowledge(file: {}, sources: []) { status }`).join('\n');
    const before = await snapshot();
    const answer = await gql(`mutation { ${aliased} }`);
    expect(answer.errors?.[0]?.extensions?.code, JSON.stringify(answer.errors)).toBe('LIMIT_EXCEEDED');
    expect(answer.errors?.[0]?.extensions?.limit).toBe('cost');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a mutation sent with GET', async () => {
    const query = encodeURIComponent('mutation { retractFact(id: "xai-owns-grok", reason: "x") { fact { id } } }');
    const response = await fetch(`${server.graphqlUrl}?query=${query}`, { headers: { accept: 'application/json', 'apollo-require-preflight': 'true', ...key } });
    expect(response.status).toBe(405);
    expect((await cypher("MATCH (f:Fact {id: 'xai-owns-grok'}) RETURN f.retractedIn AS r"))[0]!.r).toBeNull();
  });
});

function shippedEntity(id: string): any {
  const shipped = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'data/knowledge/leblogauto-2024-musk-nvidia-h100.kg.json'), 'utf8'));
  return shipped.entities.find((e: { id: string }) => e.id === id);
}
