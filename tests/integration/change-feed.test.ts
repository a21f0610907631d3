/**
 * The change feed over graphql-sse, with graphql-sse's own client, on the real server and Neo4j: subscribe,
 * write through the mutations, receive the revisions in commit order (from a given revision, and from now);
 * several subscribers each get every revision; unsubscribing stops the instance's poller; the stream applies
 * the same credentials and limits as /graphql.
 */
import { createClient, type Client as SseClient } from 'graphql-sse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, type Client } from '../support/curation.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const POLL_MS = 100;
let server: TestServer;
let client: Client;
let sse: SseClient;
const P = 'feed';

beforeAll(async () => {
  server = await startTestServer({ CHANGE_FEED_POLL_MS: String(POLL_MS) });
  client = await clientFor(server.graphqlUrl, server.app.db);
  sse = createClient({ url: `${server.baseUrl}/graphql/stream`, retryAttempts: 0 });
});

afterAll(async () => {
  sse?.dispose();
  await server?.stop();
});

const SUBSCRIPTION = 'subscription ($after: ID) { changes(after: $after) { id sequence summary changes { operation target } } }';
type Revision = { id: string; sequence: number; summary: string; changes: { operation: string; target: string }[] };

const latest = async () => (await client.gql(`{ knowledgeVersion { id sequence } }`)).knowledgeVersion as { id: string; sequence: number };
const upsert = (id: string, name: string) =>
  client.gql(`mutation { upsertEntity(input: {id: "${id}", kind: PERSON, name: "${name}", description: "Someone."}) { revision { id } } }`).then((d) => d.upsertEntity.revision.id as string);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The next `count` events of a subscription, then it is ended (return()). */
async function take(iterator: AsyncIterableIterator<any>, count: number): Promise<Revision[]> {
  const received: Revision[] = [];
  while (received.length < count) {
    const { value, done } = await iterator.next();
    if (done) break;
    if (value.errors) throw new Error(JSON.stringify(value.errors));
    received.push(value.data.changes);
  }
  await iterator.return?.();
  return received;
}

describe('Subscription.changes over graphql-sse', () => {
  it('delivers each revision after `after`, in commit order, with its changes', async () => {
    const start = await latest();
    const iterator = sse.iterate({ query: SUBSCRIPTION, variables: { after: start.id } });
    const receiving = take(iterator, 3);
    const written = [await upsert(`${P}-a`, 'A'), await upsert(`${P}-b`, 'B'), await upsert(`${P}-c`, 'C')];
    const received = await receiving;
    expect(received.map((r) => r.id)).toEqual(written);
    expect(received.map((r) => r.sequence)).toEqual([start.sequence + 1, start.sequence + 2, start.sequence + 3]);
    expect(received[1]!.changes).toEqual([{ operation: 'CREATE_ENTITY', target: `${P}-b` }]);
  });

  it('catches up from an older revision, and without `after` starts with the next revision', async () => {
    const start = await latest();
    const first = await upsert(`${P}-d`, 'D');
    // From before `first`: the backlog comes first.
    const backlog = await take(sse.iterate({ query: SUBSCRIPTION, variables: { after: start.id } }), 1);
    expect(backlog.map((r) => r.id)).toEqual([first]);
    const fromNow = sse.iterate({ query: SUBSCRIPTION });
    const receiving = take(fromNow, 1);
    // The subscription registers when its stream opens; give it a moment, then write.
    await sleep(500);
    const next = await upsert(`${P}-e`, 'E');
    expect((await receiving).map((r) => r.id)).toEqual([next]);
  });

  it('fans every revision out to several subscribers', async () => {
    const start = await latest();
    const receiving = [0, 1, 2].map(() => take(sse.iterate({ query: SUBSCRIPTION, variables: { after: start.id } }), 2));
    const written = [await upsert(`${P}-f`, 'F'), await upsert(`${P}-g`, 'G')];
    for (const received of await Promise.all(receiving)) expect(received.map((r) => r.id)).toEqual(written);
  });

  it('polls only while someone listens: unsubscribing stops the poller', async () => {
    const stats = server.app.db.stats;
    await sleep(POLL_MS * 5);
    const idle = stats.statements;
    await sleep(POLL_MS * 5);
    expect(stats.statements).toBe(idle);
    const iterator = sse.iterate({ query: SUBSCRIPTION });
    await sleep(POLL_MS * 10);
    const polled = stats.statements - idle;
    // About one read per interval while subscribed (the first reads the latest revision).
    expect(polled).toBeGreaterThanOrEqual(4);
    await iterator.return?.();
    await sleep(POLL_MS * 5);
    const stopped = stats.statements;
    await sleep(POLL_MS * 10);
    expect(stats.statements).toBe(stopped);
  });
});

describe('the stream applies /graphql checks', () => {
  const post = async (query: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${server.baseUrl}/graphql/stream`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...headers },
      body: JSON.stringify({ query }),
    });
    return { status: response.status, body: await response.text() };
  };

  it('refuses credentials that are not valid (401), and queries (they belong on /graphql)', async () => {
    const bad = await post(SUBSCRIPTION, { authorization: 'Bearer kg_not_a_key' });
    expect(bad.status).toBe(401);
    expect(JSON.parse(bad.body).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const query = await post('{ knowledgeVersion { id } }');
    expect(query.status).toBe(400);
    expect(JSON.parse(query.body).errors[0].message).toMatch(/subscriptions only/);
  });

  it('answers a subscription sent to /graphql with where the stream is', async () => {
    const { body } = await client.raw('subscription { changes { id } }');
    expect(body.errors[0]).toMatchObject({ extensions: { code: 'BAD_REQUEST' }, message: expect.stringMatching(/\/graphql\/stream/) });
  });

  it('refuses an invalid operation and one over the alias limit, with codes', async () => {
    const invalid = await post('subscription { changes { nope } }');
    expect(invalid.status).toBe(400);
    expect(JSON.parse(invalid.body).errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: id`).join(' ');
    const tooMany = await post(`subscription { changes { ${aliases} } }`);
    expect(tooMany.status).toBe(400);
    expect(JSON.parse(tooMany.body).errors[0].extensions.code).toBe('LIMIT_EXCEEDED');
  });
});
