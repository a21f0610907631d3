/**
 * Idempotency keys and bookmarks, through the server's schema and resolvers with a context the test makes
 * (createContext with `idempotencyKey`, `principal` and `bookmarks`, as src/auth fills them from the
 * request's headers), plus the HTTP answer's `neo4j-bookmark` header.
 *
 * - A retried write with the same key is applied once (revisions counted) and answered the same (the same
 *   revision), also when the duplicates arrive at once; the same key with another request is refused
 *   (IDEMPOTENCY_KEY_REUSED) and writes nothing; another caller's same key is its own.
 * - A write answers its bookmark (`extensions.bookmark`, and the header over HTTP); a read sent with it
 *   sees the write; a malformed bookmark is answered INVALID_BOOKMARK.
 */
import { ApolloServer } from '@apollo/server';
import { mergeTypeDefs } from '@graphql-tools/merge';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Principal } from '../../src/auth/principal.ts';
import { loadConfig } from '../../src/config/config.ts';
import { bookmarksPlugin } from '../../src/graphql/bookmarks-plugin.ts';
import { createContext, type GraphQLContext } from '../../src/graphql/context.ts';
import { createErrorFormatter } from '../../src/graphql/errors.ts';
import { resolvers } from '../../src/graphql/resolvers/index.ts';
import { loadTypeDefs } from '../../src/graphql/schema.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { bearer, issueApiKey } from '../support/api-keys.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const log = createLogger('silent');
const limits = loadConfig({}).limits;
const ALICE: Principal = { kind: 'KEY', id: 'key-alice', name: 'alice', scope: 'WRITE' };
const BOB: Principal = { kind: 'KEY', id: 'key-bob', name: 'bob', scope: 'WRITE' };

let server: TestServer;
let apollo: ApolloServer<GraphQLContext>;
let driver: Driver;

beforeAll(async () => {
  server = await startTestServer();
  apollo = new ApolloServer<GraphQLContext>({ typeDefs: mergeTypeDefs(loadTypeDefs()), resolvers, plugins: [bookmarksPlugin], formatError: createErrorFormatter(log, { debug: false }) });
  await apollo.start();
  const { uri, username, password } = inject('neo4j');
  driver = neo4j.driver(uri, neo4j.auth.basic(username, password), { disableLosslessIntegers: true });
});

afterAll(async () => {
  await apollo?.stop();
  await driver?.close();
  await server?.stop();
});

interface Answer {
  data?: Record<string, any> | null;
  errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
  extensions?: Record<string, unknown>;
  headers: Map<string, string>;
}

async function run(query: string, variables: Record<string, unknown>, options: { principal?: Principal; idempotencyKey?: string; bookmarks?: string[] } = {}): Promise<Answer> {
  const contextValue = createContext(server.app.db, limits, { log, ...options });
  const response = await apollo.executeOperation({ query, variables }, { contextValue });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  const { data, errors, extensions } = response.body.singleResult;
  return { data, errors, extensions, headers: new Map(response.http.headers) };
}

async function revisionCount(): Promise<number> {
  return (await driver.executeQuery('MATCH (r:Revision) RETURN count(r) AS n')).records[0]!.get('n');
}

const UPSERT = `mutation ($input: UpsertEntityInput!) { upsertEntity(input: $input) { existed entity { id name } revision { id sequence } } }`;
const input = (id: string, name = 'Idempotent') => ({ id, kind: 'CONCEPT', name, description: 'Written once.' });

describe('Idempotency-Key', () => {
  it('applies a retried write once and answers it the same', async () => {
    const before = await revisionCount();
    const first = await run(UPSERT, { input: input('idem-one') }, { principal: ALICE, idempotencyKey: 'key-1' });
    expect(first.errors).toBeUndefined();
    const retry = await run(UPSERT, { input: input('idem-one') }, { principal: ALICE, idempotencyKey: 'key-1' });
    expect(retry.errors).toBeUndefined();
    expect(retry.data).toEqual(first.data);
    expect(retry.data!.upsertEntity.existed).toBe(false);
    expect(await revisionCount()).toBe(before + 1);
    const stored = await driver.executeQuery('MATCH (k:IdempotencyKey {revision: $s}) RETURN count(k) AS n', { s: first.data!.upsertEntity.revision.sequence });
    expect(stored.records[0]!.get('n')).toBe(1);
  });

  it('applies duplicates sent at once a single time, answering each with the same revision', async () => {
    const before = await revisionCount();
    const answers = await Promise.all(Array.from({ length: 8 }, () => run(UPSERT, { input: input('idem-concurrent') }, { principal: ALICE, idempotencyKey: 'key-2' })));
    expect(answers.flatMap((a) => a.errors ?? [])).toEqual([]);
    expect(new Set(answers.map((a) => a.data!.upsertEntity.revision.id)).size).toBe(1);
    expect(await revisionCount()).toBe(before + 1);
    console.log(`8 concurrent duplicates with one Idempotency-Key: 1 revision written (${answers[0]!.data!.upsertEntity.revision.id}), 8 answers alike`);
  });

  it('refuses the same key with another request (IDEMPOTENCY_KEY_REUSED), writing nothing; another caller has its own keys', async () => {
    const before = await revisionCount();
    const reused = await run(UPSERT, { input: input('idem-one', 'Another name') }, { principal: ALICE, idempotencyKey: 'key-1' });
    expect(reused.errors?.[0]?.extensions?.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(reused.errors?.[0]?.message).toMatch(/different request/);
    expect(await revisionCount()).toBe(before);
    const bob = await run(UPSERT, { input: input('idem-bob') }, { principal: BOB, idempotencyKey: 'key-1' });
    expect(bob.errors).toBeUndefined();
    expect(await revisionCount()).toBe(before + 1);
  });
});

describe('bookmarks', () => {
  it('answers a write with its bookmark, in extensions and in the neo4j-bookmark header', async () => {
    const answer = await run(UPSERT, { input: input('bookmarked') }, { principal: ALICE });
    const bookmark = answer.extensions?.bookmark;
    expect(typeof bookmark).toBe('string');
    expect(answer.headers.get('neo4j-bookmark')).toBe(bookmark);
    // A read that waits for it sees the write.
    const read = await run('query ($id: ID!) { entity(id: $id) { id name } }', { id: 'bookmarked' }, { bookmarks: [bookmark as string] });
    expect(read.errors).toBeUndefined();
    expect(read.data!.entity).toEqual({ id: 'bookmarked', name: 'Idempotent' });
    expect(read.extensions?.bookmark).toBeUndefined();
  });

  it('answers the header over HTTP too', async () => {
    const response = await fetch(server.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(await issueApiKey(server.app.db, 'WRITE')) },
      body: JSON.stringify({ query: UPSERT, variables: { input: input('bookmarked-http') } }),
    });
    const body = (await response.json()) as { extensions?: { bookmark?: string } };
    expect(response.headers.get('neo4j-bookmark')).toBeTruthy();
    expect(body.extensions?.bookmark).toBe(response.headers.get('neo4j-bookmark'));
  });

  it('refuses a malformed bookmark with INVALID_BOOKMARK', async () => {
    const read = await run('{ entity(id: "tesla") { id } }', {}, { bookmarks: ['not-a-bookmark'] });
    expect(read.errors?.[0]?.extensions?.code).toBe('INVALID_BOOKMARK');
  });
});
