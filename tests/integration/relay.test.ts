/**
 * A Relay client, as another team would build one: the documents of a small Relay app (tests/relay-app, with
 * `@connection` and `@refetchable`) are compiled by `relay-compiler` (the npm binary) against the live server's
 * schema, then the generated artifacts run through relay-runtime (Environment, Network, RecordSource, Store)
 * against the live server: the entity page, the next page of its facts connection through the pagination
 * query, a refetch through `node(id:)`, a search. The store must hold a fact and its relation as two records,
 * and relay-runtime must print no warning or error.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { buildClientSchema, getIntrospectionQuery, printSchema, type IntrospectionQuery } from 'graphql';
import {
  ConnectionHandler,
  createOperationDescriptor,
  Environment,
  fetchQuery,
  getRequest,
  getSingularSelector,
  Network,
  RecordSource,
  Store,
  type ConcreteRequest,
  type GraphQLResponse,
  type ReaderFragment,
} from 'relay-runtime';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PROJECT_ROOT } from '../../src/config/config.ts';
import { encodeCursor } from '../../src/graphql/arguments.ts';
import { clientFor, type Client } from '../support/curation.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const run = promisify(execFile);
const APP = path.join(PROJECT_ROOT, 'tests/relay-app');
const ENTITY = 'relay-card';

let server: TestServer;
let writer: Client;
let dir: string;
/** What relay-runtime (and anything else) printed as a warning or an error while the test ran. */
const printed: unknown[][] = [];

beforeAll(async () => {
  server = await startTestServer();
  writer = await clientFor(server.graphqlUrl, server.app.db);
  dir = await mkdtemp(path.join(os.tmpdir(), 'relay-app-'));
});

afterAll(async () => {
  vi.restoreAllMocks();
  if (dir) await rm(dir, { recursive: true, force: true });
  await server?.stop();
});

/** The live server's schema, as a Relay app gets it: introspection, printed as SDL. */
async function liveSchema(): Promise<string> {
  const response = await fetch(server.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: getIntrospectionQuery() }) });
  const { data } = (await response.json()) as { data: IntrospectionQuery };
  return printSchema(buildClientSchema(data));
}

/** A generated artifact, loaded as the app's bundler would load it. */
async function artifact<T>(name: string): Promise<T> {
  const module = (await import(pathToFileURL(path.join(dir, 'src/__generated__', `${name}.graphql.ts`)).href)) as { default: T };
  return module.default;
}

function environment(): Environment {
  const network = Network.create(async (params, variables) => {
    const response = await fetch(server.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: params.text, variables, operationName: params.name }),
    });
    return (await response.json()) as GraphQLResponse;
  });
  return new Environment({ network, store: new Store(new RecordSource()) });
}

describe('a Relay app against the server', () => {
  it('compiles with relay-compiler against the live schema', async () => {
    await writeFile(path.join(dir, 'schema.graphql'), await liveSchema());
    await cp(APP, path.join(dir, 'src'), { recursive: true });
    await mkdir(path.join(dir, 'src/__generated__'));
    // The artifacts import relay-runtime's types: resolve them from the project's node_modules.
    await symlink(path.join(PROJECT_ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    const config = { src: './src', schema: './schema.graphql', language: 'typescript', artifactDirectory: './src/__generated__', eagerEsModules: true };
    await writeFile(path.join(dir, 'relay.config.json'), JSON.stringify(config, null, 2));
    const compiler = path.join(PROJECT_ROOT, 'node_modules/.bin/relay-compiler');
    const { stdout, stderr } = await run(compiler, [], { cwd: dir });
    expect(`${stdout}${stderr}`).toMatch(/Compilation completed/);
    expect(`${stdout}${stderr}`).not.toMatch(/ERROR/);
    expect((await readdir(path.join(dir, 'src/__generated__'))).sort()).toEqual([
      'EntityFactsPaginationQuery.graphql.ts',
      'EntityFacts_entity.graphql.ts',
      'EntityPageQuery.graphql.ts',
      'EntitySummaryRefetchQuery.graphql.ts',
      'EntitySummary_entity.graphql.ts',
      'SearchQuery.graphql.ts',
    ]);
  }, 120_000);

  it('runs the artifacts through relay-runtime: page, paginate, refetch through node, search; no store warning', async () => {
    const capture = (...args: unknown[]) => void printed.push(args);
    vi.spyOn(console, 'warn').mockImplementation(capture);
    vi.spyOn(console, 'error').mockImplementation(capture);

    const [page, pagination, facts, summaryRefetch, search] = await Promise.all([
      artifact<ConcreteRequest>('EntityPageQuery'),
      artifact<ConcreteRequest>('EntityFactsPaginationQuery'),
      artifact<ReaderFragment>('EntityFacts_entity'),
      artifact<ConcreteRequest>('EntitySummaryRefetchQuery'),
      artifact<ConcreteRequest>('SearchQuery'),
    ]);
    const env = environment();

    // The entity page.
    const variables = { id: 'tesla', count: 2 };
    await fetchQuery(env, page, variables).toPromise();
    const operation = createOperationDescriptor(getRequest(page), variables);
    const snapshot = env.lookup(operation.fragment);
    expect(snapshot.isMissingData).toBe(false);
    const entity = (snapshot.data as { entity: { name: string; relations: { nodes: { id: string; fact: { id: string } }[] } } }).entity;
    expect(entity.name).toBe('Tesla');

    // A relation and its fact are two records, of their own types (ids unique across types).
    const source = env.getStore().getSource();
    const relation = entity.relations.nodes.find((r) => r.fact.id.slice('Fact:'.length) === r.id.slice('Relation:'.length))!;
    expect(relation, 'a relation with the id of its fact').toBeDefined();
    expect(relation.id).not.toBe(relation.fact.id);
    expect(source.get(relation.id)?.__typename).toBe('Relation');
    expect(source.get(relation.fact.id)?.__typename).toBe('Fact');
    expect((source.get(relation.id)?.fact as { __ref: string }).__ref).toBe(relation.fact.id);

    // The facts connection: the first page, then the next through the pagination query, merged by Relay's
    // connection handler into one list, in the server's order.
    type FactsData = { facts: { totalCount: number; edges: { node: { id: string } }[] } };
    const readFacts = () => env.lookup(getSingularSelector(facts, (env.lookup(operation.fragment).data as { entity: object }).entity)).data as FactsData;
    expect(readFacts().facts.edges).toHaveLength(2);
    const connection = source.get(ConnectionHandler.getConnectionID('tesla', 'EntityFacts_facts'))!;
    const pageInfo = source.get((connection.pageInfo as { __ref: string }).__ref)!;
    expect(pageInfo.hasNextPage).toBe(true);
    await fetchQuery(env, pagination, { id: 'tesla', count: 2, cursor: pageInfo.endCursor }).toPromise();
    const merged = readFacts().facts;
    const expected = await writer.gql(`{ entity(id: "tesla") { facts(first: 4) { nodes { id } } } }`);
    expect(merged.edges).toHaveLength(4);
    expect(merged.edges.map((e) => e.node.id)).toEqual(expected.entity.facts.nodes.map((f: { id: string }) => f.id));
    expect(merged.totalCount).toBeGreaterThan(4);

    // A @refetchable fragment refetched through node(id:): the record in the store takes the new values.
    const upsert = `mutation ($input: UpsertEntityInput!) { upsertEntity(input: $input) { entity { id } } }`;
    await writer.gql(upsert, { input: { id: ENTITY, kind: 'CONCEPT', name: 'Relay card', description: 'Before.' } });
    await fetchQuery(env, summaryRefetch, { id: ENTITY }).toPromise();
    expect(env.getStore().getSource().get(ENTITY)).toMatchObject({ __typename: 'Concept', name: 'Relay card', description: 'Before.' });
    await writer.gql(upsert, { input: { id: ENTITY, description: 'After.' } });
    await fetchQuery(env, summaryRefetch, { id: ENTITY }).toPromise();
    expect(env.getStore().getSource().get(ENTITY)?.description).toBe('After.');

    // A search: entities are records like any other, its edges carry their score.
    const found = (await fetchQuery(env, search, { text: 'grok', count: 3 }).toPromise()) as { search: { edges: { score: number; node: { name: string } }[] } };
    expect(found.search.edges[0]!.node.name).toBe('Grok');
    expect(found.search.edges[0]!.score).toBeGreaterThan(0);

    expect(printed, 'relay-runtime printed no warning or error').toEqual([]);

    // The capture does see relay-runtime's warnings: a page fetched after a cursor that is not the end of the
    // list the store holds is one (the connection handler's "Unexpected after cursor").
    const other = environment();
    await fetchQuery(other, page, variables).toPromise();
    await fetchQuery(other, pagination, { id: 'tesla', count: 1, cursor: encodeCursor('fact', '1:a') }).toPromise();
    expect(printed.flat().join(' ')).toMatch(/Unexpected after cursor/);
  }, 120_000);
});
