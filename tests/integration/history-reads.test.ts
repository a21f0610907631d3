/**
 * The read side of curation on the real server and Neo4j, after real writes through the mutations: ranks
 * (preferred first, in the entity tree and through the loaders), retractions (hidden from current reads, shown
 * by includeRetracted, skipped by backedFacts), revisions on facts and entities, history and changes as
 * connections, and redirects of merged ids (entity, relations, neighborhood, path).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertOwns, clientFor, seedWorld, type Client } from '../support/curation.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

let server: TestServer;
let client: Client;
let world: Awaited<ReturnType<typeof seedWorld>>;
const P = 'hist';
const facts = { normal: `${P}-acme-owns-widgets`, preferred: `${P}-acme-owns-globex`, retracted: `${P}-widgets-owns-globex` };
const revisions = { normal: '', preferred: '', retractedAsserted: '', retracted: '' };
/** The facts' ids as the API answers them (global ids: docs/public-api.md). */
const factIds = { normal: `Fact:${facts.normal}`, preferred: `Fact:${facts.preferred}`, retracted: `Fact:${facts.retracted}` };
/** A revision id's sequence (`Revision:r42` → 42). */
const sequenceOf = (id: string) => Number(id.replace('Revision:r', ''));

beforeAll(async () => {
  server = await startTestServer();
  client = await clientFor(server.graphqlUrl, server.app.db);
  world = await seedWorld(client, P);
  revisions.normal = (await assertOwns(client, world, facts.normal, world.acme, world.widgets, 'Acme bought Widgets Inc')).revision;
  revisions.preferred = (await assertOwns(client, world, facts.preferred, world.acme, world.globex, 'Acme sold its stake')).revision;
  await client.gql(`mutation { setFactRank(id: "${facts.preferred}", rank: PREFERRED, reason: "the latest report") { revision { id } } }`);
  revisions.retractedAsserted = (await assertOwns(client, world, facts.retracted, world.widgets, world.globex, 'Widgets Inc to Globex')).revision;
  const retract = await client.gql(`mutation { retractFact(id: "${facts.retracted}", reason: "misread the quote") { revision { id } } }`);
  revisions.retracted = retract.retractFact.revision.id;
});

afterAll(async () => {
  await server?.stop();
});

const FACT_FIELDS = 'id rank retraction { reason revision { id } } assertedIn { id } revision { id }';

describe('current reads of curated facts', () => {
  it('lists PREFERRED facts first, then by id, in the entity tree and through the loaders alike', async () => {
    const viaTree = await client.gql(`{ entity(id: "${world.acme}") { facts { nodes { id rank } } } }`);
    const viaLoaders = await client.gql(`{ entities(kind: ORGANIZATION, first: 100) { nodes { id facts { nodes { id rank } } } } }`);
    const acme = viaLoaders.entities.nodes.find((e: { id: string }) => e.id === world.acme);
    for (const list of [viaTree.entity.facts.nodes, acme.facts.nodes]) {
      expect(list.map((f: { id: string }) => f.id)).toEqual([factIds.preferred, factIds.normal]);
      expect(list[0].rank).toBe('PREFERRED');
    }
    // Widgets: its only visible fact is the one it is the object of; the retracted one is hidden.
    const widgets = await client.gql(`{ entity(id: "${world.widgets}") { facts { nodes { id } } } }`);
    expect(widgets.entity.facts.nodes.map((f: { id: string }) => f.id)).toEqual([factIds.normal]);
  });

  it('orders by rank before id: a PREFERRED fact with a larger id comes first', async () => {
    const late = `${P}-zzz-acme-owns-widgets`;
    await assertOwns(client, world, late, world.acme, world.widgets, 'Widgets Inc in May', 'PREFERRED');
    const { entity } = await client.gql(`{ entity(id: "${world.acme}") { facts { nodes { id } } } }`);
    expect(entity.facts.nodes.map((f: { id: string }) => f.id)).toEqual([factIds.preferred, `Fact:${late}`, factIds.normal]);
    const loaders = await client.gql(`{ entity(id: "${world.acme}") { relations(first: 1) { nodes { id } } facts { nodes { id } } } }`);
    expect(loaders.entity.facts.nodes.map((f: { id: string }) => f.id)).toEqual([factIds.preferred, `Fact:${late}`, factIds.normal]);
    await client.gql(`mutation { retractFact(id: "${late}", reason: "duplicate of ${facts.normal}") { revision { id } } }`);
  });

  it('hides a retracted fact from facts and backedFacts, and shows it with includeRetracted, with its retraction', async () => {
    const query = `{ entity(id: "${world.globex}") { facts { nodes { id } } all: facts(includeRetracted: true) { nodes { ${FACT_FIELDS} participants { role } } } } }`;
    const { entity } = await client.gql(query);
    expect(entity.facts.nodes.map((f: { id: string }) => f.id)).toEqual([factIds.preferred]);
    const retracted = entity.all.nodes.find((f: { id: string }) => f.id === factIds.retracted);
    expect(retracted).toMatchObject({ rank: 'NORMAL', retraction: { reason: 'misread the quote', revision: { id: revisions.retracted } }, assertedIn: { id: revisions.retractedAsserted }, revision: { id: revisions.retracted } });
    const doc = await client.gql(`{ entity(id: "${world.doc}") { ... on Document { backedFacts { nodes { id } } all: backedFacts(includeRetracted: true) { nodes { id } } } } }`);
    const backed = doc.entity.backedFacts.nodes.map((f: { id: string }) => f.id);
    expect(backed).not.toContain(factIds.retracted);
    expect(backed[0]).toBe(factIds.preferred);
    expect(doc.entity.all.nodes.map((f: { id: string }) => f.id)).toContain(factIds.retracted);
    // The relation the retracted fact projected is gone from current reads.
    const relations = await client.gql(`{ relations(from: "${world.widgets}", type: OWNS) { nodes { id } } }`);
    expect(relations.relations.nodes).toEqual([]);
  });

  it('answers a fact by id with its rank, revisions and retraction', async () => {
    const { preferred, retracted } = await client.gql(`{ preferred: fact(id: "${facts.preferred}") { ${FACT_FIELDS} } retracted: fact(id: "${facts.retracted}") { ${FACT_FIELDS} subject { id } } }`);
    expect(preferred.rank).toBe('PREFERRED');
    expect(preferred.retraction).toBeNull();
    expect(preferred.assertedIn.id).toBe(revisions.preferred);
    expect(sequenceOf(preferred.revision.id)).toBeGreaterThan(sequenceOf(revisions.preferred));
    expect(retracted.retraction.reason).toBe('misread the quote');
    expect(retracted.subject.id).toBe(world.widgets);
  });
});

describe('history reads', () => {
  it('knowledgeVersion is the latest revision, and revision(id) finds any', async () => {
    const before = await client.gql(`{ knowledgeVersion { id sequence committedAt authorKind author summary } }`);
    const upsert = await client.gql(`mutation { upsertEntity(input: {id: "${world.acme}", description: "A company that buys things."}) { revision { id } } }`);
    const after = await client.gql(`{ knowledgeVersion { id sequence authorKind author changes { operation target field before after } } }`);
    expect(after.knowledgeVersion.id).toBe(upsert.upsertEntity.revision.id);
    expect(after.knowledgeVersion.sequence).toBe(before.knowledgeVersion.sequence + 1);
    expect(after.knowledgeVersion.authorKind).toBe('KEY');
    expect(after.knowledgeVersion.changes).toEqual([{ operation: 'UPDATE_ENTITY', target: world.acme, field: 'description', before: 'A company.', after: 'A company that buys things.' }]);
    expect(Date.parse(before.knowledgeVersion.committedAt)).not.toBeNaN();
    const { revision, missing } = await client.gql(`{ revision(id: "${revisions.retracted}") { id changes { operation target reason } } missing: revision(id: "r999999") { id } }`);
    expect(revision).toEqual({ id: revisions.retracted, changes: [{ operation: 'RETRACT_FACT', target: factIds.retracted, reason: 'misread the quote' }] });
    expect(missing).toBeNull();
    const entity = await client.gql(`{ entity(id: "${world.acme}") { revision { id } } }`);
    expect(entity.entity.revision.id).toBe(upsert.upsertEntity.revision.id);
  });

  it('history(id) pages through the revisions of one fact, oldest first, with cursors', async () => {
    const page1 = await client.gql(`{ history(id: "${facts.retracted}", first: 1) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`);
    expect(page1.history.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([revisions.retractedAsserted]);
    expect(page1.history.pageInfo.hasNextPage).toBe(true);
    const page2 = await client.gql(`query ($after: String) { history(id: "${facts.retracted}", first: 5, after: $after) { nodes { id changes { operation } } pageInfo { hasNextPage } } }`, { after: page1.history.pageInfo.endCursor });
    expect(page2.history.nodes).toEqual([{ id: revisions.retracted, changes: [{ operation: 'RETRACT_FACT' }] }]);
    expect(page2.history.pageInfo.hasNextPage).toBe(false);
    const bad = await client.raw(`{ history(id: "x", after: "bm90LWEtY3Vyc29y") { nodes { id } } }`);
    expect(bad.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('changes(after, first) lists every revision in commit order, after a revision, within the page-size limit', async () => {
    const start = sequenceOf(revisions.normal) - 1;
    const { changes } = await client.gql(`{ changes(after: "r${start}", first: 3) { nodes { id sequence } pageInfo { hasNextPage } } }`);
    expect(changes.nodes.map((r: { sequence: number }) => r.sequence)).toEqual([start + 1, start + 2, start + 3]);
    expect(changes.nodes[0].id).toBe(revisions.normal);
    expect(changes.pageInfo.hasNextPage).toBe(true);
    const tooMany = await client.raw(`{ changes(first: 101) { nodes { id } } }`);
    expect(tooMany.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const badId = await client.raw(`{ changes(after: "42") { nodes { id } } }`);
    expect(badId.body.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/r42/) });
  });
});

describe('redirects', () => {
  let merge: string;
  const dup = `${P}-acme-dup`;
  beforeAll(async () => {
    await client.gql(`mutation { upsertEntity(input: {id: "${dup}", kind: ORGANIZATION, name: "ACME Corp", description: "A duplicate of Acme."}) { revision { id } } }`);
    await assertOwns(client, world, `${P}-dup-owns-widgets`, dup, world.widgets, 'Acme bought Widgets Inc');
    const merged = await client.gql(`mutation { mergeEntities(from: "${dup}", into: "${world.acme}", reason: "the same company") { redirected revision { id } } }`);
    merge = merged.mergeEntities.revision.id;
    expect(merged.mergeEntities.redirected).toEqual([dup]);
  });

  it('entity(mergedId) answers the survivor with redirectedFrom; the survivor asked by its own id has none', async () => {
    const { merged, survivor } = await client.gql(`{ merged: entity(id: "${dup}") { id name redirectedFrom facts { nodes { id } } } survivor: entity(id: "${world.acme}") { id redirectedFrom } }`);
    expect(merged).toMatchObject({ id: world.acme, name: 'Acme', redirectedFrom: dup });
    expect(merged.facts.nodes.map((f: { id: string }) => f.id)).toContain(`Fact:${P}-dup-owns-widgets`);
    expect(survivor.redirectedFrom).toBeNull();
    expect(merge).toMatch(/^Revision:r\d+$/);
  });

  it('follows chains of merges', async () => {
    const third = `${P}-acme-third`;
    await client.gql(`mutation { upsertEntity(input: {id: "${third}", kind: ORGANIZATION, name: "Acme 3", description: "Another duplicate."}) { revision { id } } }`);
    const middle = `${P}-acme-middle`;
    await client.gql(`mutation { upsertEntity(input: {id: "${middle}", kind: ORGANIZATION, name: "Acme 2", description: "A duplicate in the middle."}) { revision { id } } }`);
    await client.gql(`mutation { mergeEntities(from: "${third}", into: "${middle}", reason: "same") { redirected } }`);
    await client.gql(`mutation { mergeEntities(from: "${middle}", into: "${world.acme}", reason: "same") { redirected } }`);
    const { entity } = await client.gql(`{ entity(id: "${third}") { id redirectedFrom } }`);
    expect(entity).toEqual({ id: world.acme, redirectedFrom: third });
  });

  it('relations, neighborhood and path resolve a merged id to its survivor', async () => {
    const { relations } = await client.gql(`{ relations(from: "${dup}", type: OWNS) { nodes { id from { id } to { id } } } }`);
    expect(relations.nodes.length).toBeGreaterThan(0);
    expect(relations.nodes.every((r: { from: { id: string } }) => r.from.id === world.acme)).toBe(true);
    const { neighborhood } = await client.gql(`{ neighborhood(id: "${dup}") { center { id } nodes { id } } }`);
    expect(neighborhood.center.id).toBe(world.acme);
    const { path } = await client.gql(`{ path(from: "${dup}", to: "${world.widgets}") { length nodes { id } } }`);
    expect(path).toEqual({ length: 1, nodes: [{ id: world.acme }, { id: world.widgets }] });
    const { unknown } = await client.gql(`{ unknown: entity(id: "${P}-never-existed") { id } }`);
    expect(unknown).toBeNull();
  });
});
