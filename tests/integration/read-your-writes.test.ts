/**
 * Read-your-writes across server instances: two servers on the test Neo4j, both through a `neo4j://` routing
 * URI (what a cluster deployment uses), a write on A answered with its bookmark, a read on B sent with it sees
 * the write (entity, fact, revision, asOf that revision); a malformed bookmark is refused with a code.
 *
 * The test Neo4j is one server, so B would see A's write without the bookmark too: what this test proves is
 * the path (the bookmark A answers is one B's reads accept and wait for, through routing drivers), not the
 * wait itself, which needs a cluster with a lagging follower.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { clientFor, type Client } from '../support/curation.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

let a: TestServer;
let b: TestServer;
let writer: Client;
let reader: Client;
const P = 'ryw';

beforeAll(async () => {
  const routing = inject('neo4j').uri.replace(/^bolt:/, 'neo4j:');
  expect(routing).toMatch(/^neo4j:\/\/127\.0\.0\.1:\d+$/);
  // One after the other: both create the schema at start, and concurrent schema changes deadlock.
  a = await startTestServer({ NEO4J_URI: routing });
  b = await startTestServer({ NEO4J_URI: routing, KNOWLEDGE_AUTOLOAD: 'false' });
  writer = await clientFor(a.graphqlUrl, a.app.db, 'WRITE');
  reader = await clientFor(b.graphqlUrl, b.app.db, 'READ');
});

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

describe('a write on one instance, read on another with its bookmark', () => {
  it('sees the write: the entity, its revision, and the graph as of that revision', async () => {
    const id = `${P}-person`;
    const { status, headers, body } = await writer.raw(`mutation { upsertEntity(input: {id: "${id}", kind: PERSON, name: "Ada", description: "Someone."}) { revision { id } } }`);
    expect(status).toBe(200);
    const bookmark = headers.get('neo4j-bookmark');
    expect(bookmark).toBeTruthy();
    expect(body.extensions.bookmark).toBe(bookmark);
    const revision = body.data.upsertEntity.revision.id;
    const read = await reader.raw(
      `{ entity(id: "${id}") { name revision { id } } then: entity(id: "${id}", asOf: {revision: "${revision}"}) { name } knowledgeVersion { id } history(id: "${id}") { nodes { id } } }`,
      {},
      { 'neo4j-bookmark': bookmark! },
    );
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data.entity).toEqual({ name: 'Ada', revision: { id: revision } });
    expect(read.body.data.then).toEqual({ name: 'Ada' });
    expect(read.body.data.history.nodes).toEqual([{ id: revision }]);
    const sequence = (id: string) => Number(id.replace('Revision:r', ''));
    expect(sequence(read.body.data.knowledgeVersion.id)).toBeGreaterThanOrEqual(sequence(revision));
  });

  it('refuses a malformed bookmark with a code, and reads nothing', async () => {
    const { body } = await reader.raw(`{ entity(id: "tesla") { id } }`, {}, { 'neo4j-bookmark': 'not-a-bookmark' });
    expect(body.errors[0].extensions.code).toBe('INVALID_BOOKMARK');
    expect(body.data?.entity ?? null).toBeNull();
  });
});
