/**
 * asOf on the root fields, on the real server and Neo4j, after real writes through the mutations: each read is
 * asked at several past revisions and must answer the graph as it was then (entities from their versions,
 * facts visible then with their rank and retraction then, relations, lists, exploration, sources), with the
 * fields nested under an as-of root inheriting it; bad AsOf inputs are refused with codes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertOwns, clientFor, seedWorld, type Client } from '../support/curation.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

let server: TestServer;
let client: Client;
let world: Awaited<ReturnType<typeof seedWorld>>;
const P = 'asof';
const f1 = `${P}-acme-owns-widgets`;
const f2 = `${P}-acme-owns-globex`;
/** The global ids the API answers for a fact and for its relation (docs/public-api.md). */
const factId = (slug: string) => `Fact:${slug}`;
const relationId = (slug: string) => `Relation:${slug}`;
const dup = `${P}-acme-dup`;
/** The revision after each step of the story below. */
const at = { beforeWorld: '', world: '', f1: '', renamed: '', retracted: '', f2: '', merged: '', deprecated: '' };
let f1CommittedAt = '';

const rev = (data: any, field: string) => data[field].revision.id as string;

beforeAll(async () => {
  server = await startTestServer();
  client = await clientFor(server.graphqlUrl, server.app.db);
  at.beforeWorld = (await client.gql(`{ knowledgeVersion { id } }`)).knowledgeVersion.id;
  world = await seedWorld(client, P);
  await client.gql(`mutation { upsertEntity(input: {id: "${dup}", kind: ORGANIZATION, name: "ACME Corp", description: "A duplicate."}) { revision { id } } }`);
  at.world = (await client.gql(`{ knowledgeVersion { id } }`)).knowledgeVersion.id;
  at.f1 = (await assertOwns(client, world, f1, world.acme, world.widgets, 'Acme bought Widgets Inc')).revision;
  f1CommittedAt = (await client.gql(`{ revision(id: "${at.f1}") { committedAt } }`)).revision.committedAt;
  at.renamed = rev(await client.gql(`mutation { upsertEntity(input: {id: "${world.acme}", name: "Acme Renamed"}) { revision { id } } }`), 'upsertEntity');
  at.retracted = rev(await client.gql(`mutation { retractFact(id: "${f1}", reason: "wrong") { revision { id } } }`), 'retractFact');
  at.f2 = (await assertOwns(client, world, f2, world.acme, world.globex, 'Acme sold its stake')).revision;
  at.merged = rev(await client.gql(`mutation { mergeEntities(from: "${dup}", into: "${world.acme}", reason: "same") { revision { id } } }`), 'mergeEntities');
  at.deprecated = rev(await client.gql(`mutation { setFactRank(id: "${f2}", rank: DEPRECATED, reason: "outdated") { revision { id } } }`), 'setFactRank');
});

afterAll(async () => {
  await server?.stop();
});

const asOf = (revision: string) => ({ asOf: { revision } });

const ENTITY = `query ($asOf: AsOf) { entity(id: "${'$ID'}", asOf: $asOf) {
  id name revision { id } redirectedFrom
  facts { nodes { id rank retraction { reason } subject { id name } } totalCount }
  retracted: facts(includeRetracted: true) { nodes { id retraction { reason } } }
  relations { nodes { id type to { id name } fact { id rank } } }
} }`;
const entityAt = async (id: string, revision: string | null) => (await client.gql(ENTITY.replace('$ID', id), revision ? asOf(revision) : {})).entity;

describe('asOf on entity', () => {
  it('answers null before the entity was created', async () => {
    expect(await entityAt(world.acme, at.beforeWorld)).toBeNull();
  });

  it('answers the entity, its facts and relations as they were at each revision', async () => {
    const atF1 = await entityAt(world.acme, at.f1);
    expect(atF1.name).toBe('Acme');
    expect(atF1.facts.nodes).toEqual([{ id: factId(f1), rank: 'NORMAL', retraction: null, subject: { id: world.acme, name: 'Acme' } }]);
    // Counted as of the revision too (the as-of page read up to the bound).
    expect(atF1.facts.totalCount).toBe(1);
    expect(atF1.relations.nodes).toEqual([{ id: relationId(f1), type: 'OWNS', to: { id: world.widgets, name: 'Widgets Inc' }, fact: { id: factId(f1), rank: 'NORMAL' } }]);

    const renamed = await entityAt(world.acme, at.renamed);
    expect(renamed.name).toBe('Acme Renamed');
    expect(renamed.revision.id).toBe(at.renamed);
    expect(atF1.revision.id).not.toBe(at.renamed);

    const retracted = await entityAt(world.acme, at.retracted);
    expect(retracted.facts.nodes).toEqual([]);
    expect(retracted.facts.totalCount).toBe(0);
    expect(retracted.relations.nodes).toEqual([]);
    expect(retracted.retracted.nodes).toEqual([{ id: factId(f1), retraction: { reason: 'wrong' } }]);

    const atF2 = await entityAt(world.acme, at.f2);
    expect(atF2.facts.nodes.map((f: { id: string }) => f.id)).toEqual([factId(f2)]);
    const deprecated = await entityAt(world.acme, at.deprecated);
    expect(deprecated.facts.nodes).toEqual([]);
    expect(deprecated.retracted.nodes.map((f: { id: string }) => f.id).sort()).toEqual([factId(f2), factId(f1)].sort());

    const now = await entityAt(world.acme, null);
    expect(now.name).toBe('Acme Renamed');
    expect(now.facts.nodes).toEqual([]);
  });

  it('answers a merged id as the old entity before the merge, and as the survivor after', async () => {
    const before = await entityAt(dup, at.f2);
    expect(before).toMatchObject({ id: dup, name: 'ACME Corp', redirectedFrom: null });
    const after = await entityAt(dup, at.merged);
    expect(after).toMatchObject({ id: world.acme, name: 'Acme Renamed', redirectedFrom: dup });
  });

  it('takes a time: the last revision committed at or before it', async () => {
    const byTime = (await client.gql(ENTITY.replace('$ID', world.acme), { asOf: { time: f1CommittedAt } })).entity;
    expect(byTime).toEqual(await entityAt(world.acme, at.f1));
    const longAgo = (await client.gql(ENTITY.replace('$ID', world.acme), { asOf: { time: '2000-01-01T00:00:00Z' } })).entity;
    expect(longAgo).toBeNull();
  });
});

describe('asOf on the other root fields', () => {
  it('fact: the fact with its rank and retraction then, null before it was asserted', async () => {
    const query = `query ($asOf: AsOf) { fact(id: "${f2}", asOf: $asOf) { id rank retraction { reason } revision { id } subject { name } } }`;
    expect((await client.gql(query, asOf(at.retracted))).fact).toBeNull();
    expect((await client.gql(query, asOf(at.f2))).fact).toEqual({ id: factId(f2), rank: 'NORMAL', retraction: null, revision: { id: at.f2 }, subject: { name: 'Acme Renamed' } });
    expect((await client.gql(query, asOf(at.deprecated))).fact).toMatchObject({ rank: 'DEPRECATED', revision: { id: at.deprecated } });
    const retracted = `query ($asOf: AsOf) { fact(id: "${f1}", asOf: $asOf) { retraction { reason revision { id } } } }`;
    expect((await client.gql(retracted, asOf(at.renamed))).fact.retraction).toBeNull();
    expect((await client.gql(retracted, asOf(at.retracted))).fact.retraction).toEqual({ reason: 'wrong', revision: { id: at.retracted } });
  });

  it('relations: those valid then, with their endpoints then', async () => {
    const query = `query ($asOf: AsOf) { relations(from: "${world.acme}", type: OWNS, asOf: $asOf) { nodes { id from { name } to { id } } } }`;
    expect((await client.gql(query, asOf(at.f1))).relations.nodes).toEqual([{ id: relationId(f1), from: { name: 'Acme' }, to: { id: world.widgets } }]);
    expect((await client.gql(query, asOf(at.f2))).relations.nodes).toEqual([{ id: relationId(f2), from: { name: 'Acme Renamed' }, to: { id: world.globex } }]);
    expect((await client.gql(query, {})).relations.nodes).toEqual([]);
    const to = `query ($asOf: AsOf) { relations(to: "${world.widgets}", asOf: $asOf) { nodes { id } } }`;
    expect((await client.gql(to, asOf(at.f1))).relations.nodes).toEqual([{ id: relationId(f1) }]);
  });

  it('entities and sources: those that existed then, as they were', async () => {
    const entities = `query ($asOf: AsOf) { entities(kind: ORGANIZATION, first: 100, asOf: $asOf) { nodes { id name } } }`;
    const ours = (nodes: { id: string }[]) => nodes.filter((n) => n.id.startsWith(`${P}-`));
    expect(ours((await client.gql(entities, asOf(at.beforeWorld))).entities.nodes)).toEqual([]);
    const atF1 = ours((await client.gql(entities, asOf(at.f1))).entities.nodes);
    expect(atF1).toContainEqual({ id: world.acme, name: 'Acme' });
    expect(atF1).toContainEqual({ id: dup, name: 'ACME Corp' });
    const now = ours((await client.gql(entities, {})).entities.nodes);
    expect(now).toContainEqual({ id: world.acme, name: 'Acme Renamed' });
    expect(now.map((n) => n.id)).not.toContain(dup);
    const sources = `query ($asOf: AsOf) { sources(kinds: [DOCUMENT], asOf: $asOf) { id ... on Document { backedFacts { nodes { id } } } } }`;
    expect((await client.gql(sources, asOf(at.beforeWorld))).sources.map((s: { id: string }) => s.id)).not.toContain(world.doc);
    const doc = (await client.gql(sources, asOf(at.f1))).sources.find((s: { id: string }) => s.id === world.doc);
    expect(doc.backedFacts.nodes).toEqual([{ id: factId(f1) }]);
  });

  it('neighborhood and path: over the relations valid then', async () => {
    const neighborhood = `query ($asOf: AsOf) { neighborhood(id: "${world.acme}", asOf: $asOf) { center { name } nodes { id } edges { id } } }`;
    const atF1 = (await client.gql(neighborhood, asOf(at.f1))).neighborhood;
    expect(atF1.center.name).toBe('Acme');
    expect(atF1.nodes.map((n: { id: string }) => n.id).sort()).toEqual([world.acme, world.widgets].sort());
    expect(atF1.edges).toEqual([{ id: relationId(f1) }]);
    const path = `query ($asOf: AsOf) { path(from: "${world.acme}", to: "${world.widgets}", asOf: $asOf) { length nodes { name } } }`;
    expect((await client.gql(path, asOf(at.f1))).path).toEqual({ length: 1, nodes: [{ name: 'Acme' }, { name: 'Widgets Inc' }] });
    expect((await client.gql(path, asOf(at.retracted))).path).toBeNull();
    expect((await client.gql(path, {})).path).toBeNull();
  });
});

describe('refused AsOf inputs', () => {
  const code = async (query: string, variables: Record<string, unknown> = {}) => (await client.raw(query, variables)).body.errors?.[0]?.extensions?.code;

  it('refuses anything but exactly one of revision and time, malformed values, and revisions not committed', async () => {
    const query = `query ($asOf: AsOf) { entity(id: "${world.acme}", asOf: $asOf) { id } }`;
    expect(await code(query, { asOf: {} })).toBe('BAD_USER_INPUT');
    expect(await code(query, { asOf: { revision: at.f1, time: f1CommittedAt } })).toBe('BAD_USER_INPUT');
    expect(await code(query, { asOf: { revision: '42' } })).toBe('BAD_USER_INPUT');
    expect(await code(query, { asOf: { time: 'yesterday' } })).toBe('BAD_USER_INPUT');
    expect(await code(query, { asOf: { revision: 'r999999' } })).toBe('REVISION_NOT_FOUND');
    const { body } = await client.raw(query, { asOf: { revision: 'r999999' } });
    expect(body.errors[0].message).toMatch(/not been committed/);
  });

  it('search refuses asOf with a code, saying why', async () => {
    const { body } = await client.raw(`{ search(text: "Acme", asOf: {revision: "${at.f1}"}) { nodes { id } } }`);
    expect(body.errors[0].extensions.code).toBe('AS_OF_NOT_SUPPORTED');
    expect(body.errors[0].message).toMatch(/full-text index/);
  });
});
