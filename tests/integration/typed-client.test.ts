/**
 * The typed client (clients/typescript) as another app uses it, against the real server with the article's
 * knowledge: the example app's answers are checked against the knowledge file itself (data/knowledge), the
 * wire protocol (automatic persisted queries by the generated hashes) against a counting fetch, errors by code,
 * and the generated possibleTypes in Apollo Client's InMemoryCache.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ClientError, createClient, ErrorCode } from '../../clients/typescript/src/client.ts';
import { EntityFactsDocument, EntitySummaryFragmentDoc, NodeByIdDocument, RelationNumbersDocument, SearchEntitiesDocument, SetFactRankDocument, WhoOwnsDocument } from '../../clients/typescript/generated/graphql.ts';
import possibleTypesResult from '../../clients/typescript/generated/possible-types.ts';
import manifest from '../../clients/typescript/generated/persisted-documents.json' with { type: 'json' };
import { main, pathBetween, relationsWithNumbers, whoOwns } from '../../clients/typescript/example/relation-lookups.ts';
import { PROJECT_ROOT } from '../../src/config/config.ts';
import { issueApiKey } from '../support/api-keys.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

interface KnowledgeFact {
  id: string;
  type: string;
  subject: string;
  object?: string;
  event?: string;
  participants?: { role: string; entity: string }[];
  statement: string;
  quantities?: { value?: number; unit?: string; currency?: string; item?: string; role: string }[];
  citations: { quote: string; saidBy: string; reportedBy?: string }[];
}
interface Knowledge {
  entities: { id: string; name: string }[];
  facts: KnowledgeFact[];
}

const knowledge = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'data/knowledge/leblogauto-2024-musk-nvidia-h100.kg.json'), 'utf8')) as Knowledge;
const nameOf = (id: string) => knowledge.entities.find((e) => e.id === id)?.name ?? id;

/** The relations a fact gives, as the server derives them: subject → object, or event → each participant. */
const edgesOf = (f: KnowledgeFact): [string, string][] => (f.event ? (f.participants ?? []).map((p) => [f.event!, p.entity]) : f.object ? [[f.subject, f.object]] : []);

/** Shortest number of relations between two entities, ignoring direction (breadth-first over the knowledge). */
function shortestPathLength(from: string, to: string): number | null {
  const neighbours = new Map<string, Set<string>>();
  for (const [a, b] of knowledge.facts.flatMap(edgesOf)) {
    neighbours.set(a, (neighbours.get(a) ?? new Set()).add(b));
    neighbours.set(b, (neighbours.get(b) ?? new Set()).add(a));
  }
  let frontier = [from];
  const seen = new Set(frontier);
  for (let depth = 0; frontier.length > 0; depth++) {
    if (frontier.includes(to)) return depth;
    frontier = frontier.flatMap((id) => [...(neighbours.get(id) ?? [])]).filter((id) => !seen.has(id) && seen.add(id));
  }
  return null;
}

/** A fetch that records what each request carried, to see the persisted-query protocol on the wire. */
function recordingFetch() {
  const sent: { method: string; hash?: string; hasText: boolean; authorization: string | null }[] = [];
  const wrapped: typeof fetch = async (input, init) => {
    const url = new URL(String(input));
    const body = init?.body ? (JSON.parse(String(init.body)) as Record<string, any>) : Object.fromEntries([...url.searchParams].map(([k, v]) => [k, k === 'query' || k === 'operationName' ? v : JSON.parse(v)]));
    sent.push({
      method: init?.method ?? 'GET',
      hash: body.extensions?.persistedQuery?.sha256Hash,
      hasText: typeof body.query === 'string',
      authorization: new Headers(init?.headers).get('authorization'),
    });
    return fetch(input, init);
  };
  return { sent, fetch: wrapped };
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

describe('the example app on the typed client', () => {
  it('finds who owns Grok and why: the owner, the statement, the quote and who said it', async () => {
    const answer = await whoOwns(createClient({ url: server.graphqlUrl }), 'grok');
    const owning = knowledge.facts.filter((f) => f.type === 'OWNS' && f.object === 'grok');
    expect(owning.length).toBeGreaterThan(0);
    expect(answer).toEqual({
      name: 'Grok',
      owners: owning.map((f) => ({
        owner: nameOf(f.subject),
        statement: f.statement,
        citations: f.citations.map((c) => ({ quote: c.quote, saidBy: nameOf(c.saidBy), reportedBy: c.reportedBy ? nameOf(c.reportedBy) : null, document: expect.any(String) })),
      })),
    });
    expect(answer!.owners[0]).toMatchObject({ owner: 'xAI', citations: [{ quote: 'xAI possède le chatbot Grok', saidBy: 'leblogauto.com' }] });
  });

  it("lists Tesla's relations with their numbers, the 12,000 H100 GPUs redirected to X among them", async () => {
    // Page by 5 so that the app has to follow the connection's cursors.
    const found = await relationsWithNumbers(createClient({ url: server.graphqlUrl }), 'tesla', 5);
    const withNumbers = knowledge.facts.filter((f) => (f.quantities ?? []).length > 0 && edgesOf(f).some((edge) => edge.includes('tesla')));
    // One relation per edge that touches Tesla, each with all of its fact's numbers.
    const expected = withNumbers.flatMap((f) => edgesOf(f).filter((edge) => edge.includes('tesla')).map(() => f));
    expect(found.map((r) => r.statement).sort()).toEqual(expected.map((f) => f.statement).sort());
    for (const relation of found) {
      const fact = withNumbers.find((f) => f.statement === relation.statement)!;
      expect(relation.numbers.map((n) => [n.value, n.role, n.item, n.currency])).toEqual(fact.quantities!.map((q) => [q.value ?? null, q.role, q.item ? nameOf(q.item) : null, q.currency ?? null]));
    }
    const redirect = found.find((r) => r.type === 'GIVER' && r.numbers.some((n) => n.value === 12_000));
    expect(redirect).toMatchObject({ from: expect.any(String), to: 'Tesla', numbers: [{ value: 12_000, unit: 'GPU', item: 'Nvidia H100' }] });
    const delay = found.find((r) => r.numbers.some((n) => n.currency === 'USD'));
    expect(delay?.numbers).toContainEqual(expect.objectContaining({ value: 500_000_000, currency: 'USD', role: 'VALUE' }));
  });

  it('finds the path from Musk to Grok', async () => {
    const found = await pathBetween(createClient({ url: server.graphqlUrl }), 'elon-musk', 'grok');
    expect(found).not.toBeNull();
    expect(found!.length).toBe(shortestPathLength('elon-musk', 'grok'));
    expect(found!.steps).toEqual(['Elon Musk', 'FOUNDED', 'xAI', 'OWNS', 'Grok']);
    expect(found!.entities).toEqual(['elon-musk', 'xai', 'grok']);
  });

  it('runs as a program, printing the three answers', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      await main({ url: server.graphqlUrl });
      const printed = log.mock.calls.map(([text]) => JSON.parse(String(text)) as unknown);
      expect(printed).toHaveLength(3);
      expect(printed[0]).toMatchObject({ name: 'Grok', owners: [{ owner: 'xAI' }] });
      expect(printed[2]).toMatchObject({ steps: ['Elon Musk', 'FOUNDED', 'xAI', 'OWNS', 'Grok'] });
    } finally {
      log.mockRestore();
    }
  });
});

describe('connections through the client', () => {
  it("pages through Grok's facts by cursor, and the pages add up to totalCount", async () => {
    const client = createClient({ url: server.graphqlUrl });
    const statements: string[] = [];
    let after: string | null | undefined;
    let totalCount = -1;
    do {
      const { entity } = await client.query(EntityFactsDocument, { id: 'grok', first: 2, after });
      const facts = entity!.facts;
      statements.push(...facts.edges.map((e) => e.node.statement));
      totalCount = facts.totalCount;
      expect(facts.totalCountIsEstimate).toBe(false);
      after = facts.pageInfo.hasNextPage ? facts.pageInfo.endCursor : undefined;
    } while (after);
    expect(statements).toHaveLength(totalCount);
    // Other test files may have added facts about Grok to this database; the article's are all there.
    const article = knowledge.facts.filter((f) => [f.subject, f.object, f.event, ...(f.participants ?? []).map((p) => p.entity)].includes('grok'));
    expect(statements).toEqual(expect.arrayContaining(article.map((f) => f.statement)));
  });
});

describe('node(id) through the client', () => {
  it('refetches the owning fact, its relation and its citation by the global ids an earlier answer gave', async () => {
    const client = createClient({ url: server.graphqlUrl });
    const { entity } = await client.query(WhoOwnsDocument, { id: 'grok' });
    const relation = entity!.relations.nodes[0]!;
    const citation = relation.fact.citations[0]!;
    const asked = await Promise.all([relation.fact.id, relation.id, citation.id, 'xai'].map((id) => client.query(NodeByIdDocument, { id })));
    const [fact, edge, quote, owner] = asked.map((a) => a.node);
    expect(fact).toMatchObject({ __typename: 'Fact', id: relation.fact.id, statement: 'xAI owns the chatbot Grok.' });
    expect(edge).toMatchObject({ __typename: 'Relation', id: relation.id, relationType: 'OWNS', from: { id: 'xai' }, to: { id: 'grok' } });
    expect(quote).toMatchObject({ __typename: 'Citation', quote: 'xAI possède le chatbot Grok', saidBy: { name: 'leblogauto.com' } });
    expect(owner).toMatchObject({ __typename: 'Organization', id: 'xai', name: 'xAI' });
    expect(new Set([fact!.id, edge!.id, quote!.id, owner!.id]).size).toBe(4);
  });
});

describe('createClient', () => {
  it('sends the generated hash first, the text only once the server asks for it, then the hash alone', async () => {
    const wire = recordingFetch();
    const client = createClient({ url: server.graphqlUrl, fetch: wire.fetch });
    const first = await client.query(SearchEntitiesDocument, { text: 'Grok' });
    const again = await client.query(SearchEntitiesDocument, { text: 'Grok' });
    expect(again).toEqual(first);
    expect(first.search?.edges.map((edge) => edge.node.id)).toContain('grok');
    const hash = (SearchEntitiesDocument as unknown as { __meta__: { hash: string } }).__meta__.hash;
    expect(manifest).toHaveProperty([hash]);
    const bare = hash.replace(/^sha256:/, '');
    // No other test of this file sends SearchEntities, so the server has not seen the hash: hash → PERSISTED_QUERY_NOT_FOUND → hash and text; then hash only.
    expect(wire.sent.map(({ hash: h, hasText }) => [h, hasText])).toEqual([
      [bare, false],
      [bare, true],
      [bare, false],
    ]);
  });

  it('sends queries by GET with useGETForQueries, and mutations never', async () => {
    const wire = recordingFetch();
    const client = createClient({ url: server.graphqlUrl, fetch: wire.fetch, useGETForQueries: true });
    const { entity } = await client.query(WhoOwnsDocument, { id: 'grok' });
    expect(entity?.name).toBe('Grok');
    expect(wire.sent.at(-1)).toMatchObject({ method: 'GET', hasText: false });
    await expect(client.mutate(WhoOwnsDocument as never, { id: 'grok' } as never)).rejects.toThrow(/mutate\(\) takes a mutation/);
  });

  it('sends mutations by POST with the key, and a refused write comes back as its code (nothing is written)', async () => {
    const wire = recordingFetch();
    const variables = { id: 'no-such-fact', rank: 'PREFERRED', reason: 'typed client test' } as const;
    const anonymous = await createClient({ url: server.graphqlUrl, fetch: wire.fetch }).mutate(SetFactRankDocument, variables).catch((e: unknown) => e);
    expect(anonymous).toBeInstanceOf(ClientError);
    expect((anonymous as ClientError).code).toBe(ErrorCode.UNAUTHENTICATED);

    const key = await issueApiKey(server.app.db, 'WRITE');
    const client = createClient({ url: server.graphqlUrl, key, fetch: wire.fetch, useGETForQueries: true });
    const missing = await client.mutate(SetFactRankDocument, variables).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(ClientError);
    expect((missing as ClientError).code).toBe(ErrorCode.NOT_FOUND);
    expect(wire.sent.every((r) => r.method === 'POST')).toBe(true);
    expect(wire.sent.at(-1)?.authorization).toBe(`Bearer ${key}`);
  });

  it("raises a ClientError with the server's code and message", async () => {
    const client = createClient({ url: server.graphqlUrl });
    const error = await client.query(RelationNumbersDocument, { id: 'tesla', first: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClientError);
    expect((error as ClientError).code).toBe(ErrorCode.BAD_USER_INPUT);
    expect((error as ClientError).errors[0]?.message).toMatch(/first/);
    // The root field fails alone: the answer is data with that field null, and its error.
    expect((error as ClientError).data).toEqual({ entity: null });
    expect((error as ClientError).errors[0]?.path).toEqual(['entity', 'relations']);
  });

  it('works against a server that runs only trusted documents (TRUSTED_DOCUMENTS = its manifest)', async () => {
    const trusted = await startTestServer({ TRUSTED_DOCUMENTS: path.join(PROJECT_ROOT, 'clients/typescript/generated/persisted-documents.json') });
    try {
      const wire = recordingFetch();
      const client = createClient({ url: trusted.graphqlUrl, fetch: wire.fetch });
      const answer = await whoOwns(client, 'grok');
      expect(answer?.owners.map((o) => o.owner)).toEqual(['xAI']);
      // The manifest is the server's store: the hash alone is enough from the first request on.
      expect(wire.sent.map((r) => r.hasText)).toEqual([false]);
      const handWritten: TypedDocumentNode<{ entity: { id: string } | null }, Record<string, never>> = parse('query HandWritten { entity(id: "grok") { id } }');
      const refused = await client.query(handWritten).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(ClientError);
      expect((refused as ClientError).code).toBe(ErrorCode.DOCUMENT_NOT_TRUSTED);
    } finally {
      await trusted.stop();
    }
  });

  it('sends the key as a bearer token', async () => {
    const guarded = await startTestServer({ REQUIRE_KEY_FOR_READS: 'true' });
    try {
      const anonymous = await createClient({ url: guarded.graphqlUrl })
        .query(WhoOwnsDocument, { id: 'grok' })
        .catch((e: unknown) => e);
      expect(anonymous).toBeInstanceOf(ClientError);
      expect((anonymous as ClientError).code).toBe(ErrorCode.UNAUTHENTICATED);

      const key = await issueApiKey(guarded.app.db, 'READ');
      const wire = recordingFetch();
      const { entity } = await createClient({ url: guarded.graphqlUrl, key, fetch: wire.fetch }).query(WhoOwnsDocument, { id: 'grok' });
      expect(entity?.relations.nodes[0]?.from.name).toBe('xAI');
      expect(wire.sent.every((r) => r.authorization === `Bearer ${key}`)).toBe(true);
    } finally {
      await guarded.stop();
    }
  });
});

describe('possibleTypes in Apollo Client', () => {
  const apollo = (cache: InMemoryCache) => new ApolloClient({ cache, link: new HttpLink({ uri: server.graphqlUrl }) });
  const xai = { __typename: 'Organization', id: 'xai' } as const;

  it('lets the cache read a fragment on the Entity interface and `... on Organization` back', async () => {
    const cache = new InMemoryCache({ possibleTypes: possibleTypesResult.possibleTypes });
    const client = apollo(cache);
    const { data } = await client.query({ query: WhoOwnsDocument, variables: { id: 'grok' } });
    const owner = data?.entity?.relations.nodes[0]?.from;
    expect(owner?.__typename).toBe('Organization');
    expect(owner && 'aliases' in owner ? owner.aliases.map((a) => a.text) : []).toContain('xAI Corp.');

    const summary = cache.readFragment({ id: cache.identify(xai), fragment: EntitySummaryFragmentDoc, fragmentName: 'EntitySummary' });
    expect(summary).toMatchObject({ __typename: 'Organization', id: 'xai', name: 'xAI', kind: 'ORGANIZATION' });
    const cached = cache.readQuery({ query: WhoOwnsDocument, variables: { id: 'grok' } });
    expect(cached).toEqual(data);
  });

  it('is what makes that work: without it the interface fragment does not match', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const cache = new InMemoryCache();
      await apollo(cache).query({ query: WhoOwnsDocument, variables: { id: 'grok' } });
      const summary = cache.readFragment({ id: cache.identify(xai), fragment: EntitySummaryFragmentDoc, fragmentName: 'EntitySummary' });
      expect(summary?.name).toBeUndefined();
      const said = [...warn.mock.calls, ...error.mock.calls].map((args) => format(...args)).join('\n');
      expect(said).toMatch(/Cannot match fragment `EntitySummary` on `Entity` against `Organization`/);
    } finally {
      warn.mockRestore();
      error.mockRestore();
    }
  });
});
