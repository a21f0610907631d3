/**
 * The Federation 2 subgraph mode (docs/public-api.md, "Federation"): our server with FEDERATION_SUBGRAPH=true,
 * a second small subgraph that extends Organization with a stock ticker, both composed by @apollo/gateway's
 * IntrospectAndCompose from npm, and queries across them. `_entities` counts against the operation limits.
 */
import { ApolloGateway, IntrospectAndCompose } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { createClient } from 'graphql-sse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor } from '../support/curation.ts';
import { freePort } from '../support/free-port.ts';
import { graphql, startTestServer, type TestServer } from '../support/test-server.ts';

/** The other team's subgraph: tickers of listed companies, keyed by our organizations' ids. */
const TICKERS: Record<string, string> = { tesla: 'TSLA', nvidia: 'NVDA' };
const TICKER_SDL = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])
  type Organization @key(fields: "id") {
    id: ID!
    stockTicker: String
  }
  "Every Relay server has one (the Relay specification's fields): it composes with ours because both are @shareable."
  type PageInfo @shareable {
    hasNextPage: Boolean!
    hasPreviousPage: Boolean!
    startCursor: String
    endCursor: String
  }
  type TickerPage {
    tickers: [String!]!
    pageInfo: PageInfo!
  }
  type Query {
    "Organizations with a ticker: references only, their names come from the knowledge graph."
    listedCompanies: [Organization!]!
    tickers: TickerPage!
  }
`);

let kg: TestServer;
let tickers: ApolloServer;
let gateway: ApolloServer;
let gatewayUrl = '';
/** The `_entities` calls the ticker subgraph received: representations each. */
const tickerCalls: number[] = [];

beforeAll(async () => {
  kg = await startTestServer({ FEDERATION_SUBGRAPH: 'true' });
  tickers = new ApolloServer({
    schema: buildSubgraphSchema({
      typeDefs: TICKER_SDL,
      resolvers: {
        Query: {
          listedCompanies: () => Object.keys(TICKERS).map((id) => ({ id })),
          tickers: () => ({ tickers: Object.values(TICKERS), pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } }),
        },
        Organization: {
          __resolveReference: (reference: { id: string }) => ({ id: reference.id }),
          stockTicker: (organization: { id: string }) => TICKERS[organization.id] ?? null,
        },
      },
    }),
    plugins: [
      {
        async requestDidStart({ request }) {
          const representations = request.variables?.representations;
          if (Array.isArray(representations)) tickerCalls.push(representations.length);
        },
      },
    ],
  });
  const tickersPort = await freePort();
  const { url: tickersUrl } = await startStandaloneServer(tickers, { listen: { host: '127.0.0.1', port: tickersPort } });
  const composing = performance.now();
  gateway = new ApolloServer({
    gateway: new ApolloGateway({
      supergraphSdl: new IntrospectAndCompose({
        subgraphs: [
          { name: 'knowledge', url: kg.graphqlUrl },
          { name: 'tickers', url: tickersUrl },
        ],
      }),
    }),
  });
  const { url } = await startStandaloneServer(gateway, { listen: { host: '127.0.0.1', port: await freePort() } });
  gatewayUrl = url;
  console.log(`gateway composed 2 subgraphs (IntrospectAndCompose) and started in ${Math.round(performance.now() - composing)} ms`);
}, 120_000);

afterAll(async () => {
  await gateway?.stop();
  await tickers?.stop();
  await kg?.stop();
});

const throughGateway = (query: string, variables?: Record<string, unknown>) => graphql(gatewayUrl, query, variables);

describe('the knowledge graph as a Federation 2 subgraph', () => {
  it('serves _service { sdl } with the federation link and a @key on every Node type', async () => {
    const answer = await graphql(kg.graphqlUrl, '{ _service { sdl } }');
    expect(answer.errors).toBeUndefined();
    const sdl = answer.data!._service.sdl as string;
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.7"');
    for (const type of ['Organization', 'Person', 'Document', 'Fact', 'Relation', 'Citation', 'Revision']) {
      expect(sdl, type).toMatch(new RegExp(`type ${type} implements [^{]*@key\\(fields: "id"\\)`));
    }
    expect(sdl).toMatch(/interface Entity implements Node\s+@key\(fields: "id"\)/);
    // Our own directives are still there: the access and cost rules read them.
    expect(sdl).toContain('@requiresScope(scope: WRITE)');
  });

  it('answers across both subgraphs through the gateway: our names and relations, their tickers', async () => {
    const answer = await throughGateway(`{
      entity(id: "tesla") {
        id name
        ... on Organization { stockTicker }
        relations(first: 5) { nodes { id type to { id name } } }
      }
    }`);
    expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
    const tesla = answer.data!.entity;
    expect(tesla).toMatchObject({ id: 'tesla', name: 'Tesla', stockTicker: 'TSLA' });
    expect(tesla.relations.nodes.length).toBeGreaterThan(0);
    expect(tesla.relations.nodes.every((r: { id: string }) => r.id.startsWith('Relation:'))).toBe(true);
    expect(tickerCalls.at(-1), 'the ticker came from the other subgraph').toBe(1);
    const started = performance.now();
    for (let i = 0; i < 20; i++) await throughGateway('{ entity(id: "tesla") { name ... on Organization { stockTicker } } }');
    console.log(`entity + stockTicker through the gateway: ${((performance.now() - started) / 20).toFixed(1)} ms on average over 20 sequential requests`);
  });

  it('resolves the other subgraph\'s references through our _entities, in one batch', async () => {
    const answer = await throughGateway('{ listedCompanies { id name stockTicker description } }');
    expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
    expect(answer.data!.listedCompanies).toEqual([
      { id: 'tesla', name: 'Tesla', stockTicker: 'TSLA', description: expect.any(String) },
      { id: 'nvidia', name: 'Nvidia', stockTicker: 'NVDA', description: expect.any(String) },
    ]);
    // Straight to our subgraph, as the gateway sends it: the two representations cost one statement.
    const ENTITIES = 'query ($r: [_Any!]!) { _entities(representations: $r) { __typename ... on Entity { id name } ... on Fact { id statement } ... on Relation { id type } } }';
    const direct = await graphql(kg.graphqlUrl, ENTITIES, {
      r: [
        { __typename: 'Organization', id: 'tesla' },
        { __typename: 'Organization', id: 'nvidia' },
        { __typename: 'Organization', id: 'elon-musk' },
        // The entity interface: the reference resolves to the entity's own type.
        { __typename: 'Entity', id: 'grok' },
        { __typename: 'Fact', id: 'Fact:xai-owns-grok' },
        { __typename: 'Relation', id: 'Relation:xai-owns-grok' },
      ],
    });
    expect(direct.errors).toBeUndefined();
    expect(direct.data!._entities).toEqual([
      { __typename: 'Organization', id: 'tesla', name: 'Tesla' },
      { __typename: 'Organization', id: 'nvidia', name: 'Nvidia' },
      // A person's id given as an Organization's names no Organization.
      null,
      { __typename: 'Product', id: 'grok', name: 'Grok' },
      { __typename: 'Fact', id: 'Fact:xai-owns-grok', statement: expect.any(String) },
      { __typename: 'Relation', id: 'Relation:xai-owns-grok', type: 'OWNS' },
    ]);
    // One statement per type: the four entities together, the fact, the relation.
    expect(direct.extensions?.databaseRoundTrips).toBe(3);
  });

  it('composes with a subgraph that has its own PageInfo (both @shareable)', async () => {
    const answer = await throughGateway('{ tickers { tickers pageInfo { hasNextPage } } entities(first: 1) { pageInfo { hasNextPage } } }');
    expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
    expect(answer.data!.tickers).toEqual({ tickers: ['TSLA', 'NVDA'], pageInfo: { hasNextPage: false } });
    expect(answer.data!.entities.pageInfo.hasNextPage).toBe(true);
  });

  it('counts _entities against the cost limit: representations times their selection', async () => {
    const query = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Organization { name relations(first: 100) { nodes { id to { name } } } } } }';
    const few = await graphql(kg.graphqlUrl, query, { r: [{ __typename: 'Organization', id: 'tesla' }] });
    expect(few.errors).toBeUndefined();
    const many = await graphql(kg.graphqlUrl, query, { r: Array.from({ length: 100 }, () => ({ __typename: 'Organization', id: 'tesla' })) });
    expect(many.status).toBe(400);
    expect(many.errors?.[0]?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'cost' });
    expect(many.data).toBeUndefined();
  });

  it('keeps the access rules: a mutation through the subgraph still needs a key', async () => {
    const answer = await graphql(kg.graphqlUrl, 'mutation { retractFact(id: "Fact:xai-owns-grok", reason: "test") { fact { id } } }');
    expect(answer.status).toBe(401);
  });

  it('keeps the change feed on the subgraph itself (the gateway does not route subscriptions)', async () => {
    const client = await clientFor(kg.graphqlUrl, kg.app.db);
    const { id: after } = (await client.gql('{ knowledgeVersion { id } }')).knowledgeVersion as { id: string };
    const sse = createClient({ url: `${kg.baseUrl}/graphql/stream`, retryAttempts: 0 });
    try {
      const iterator = sse.iterate({ query: 'subscription ($after: ID) { changes(after: $after) { id changes { operation target } } }', variables: { after } });
      const next = iterator.next();
      const written = await client.gql('mutation { upsertEntity(input: {id: "federation-feed-test", kind: PERSON, name: "F", description: "Someone."}) { revision { id } } }');
      const { value } = await next;
      await iterator.return?.();
      expect(value.errors).toBeUndefined();
      expect(value.data.changes).toEqual({ id: written.upsertEntity.revision.id, changes: [{ operation: 'CREATE_ENTITY', target: 'federation-feed-test' }] });
    } finally {
      sse.dispose();
    }
  });
});
