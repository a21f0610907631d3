/**
 * Writes through the real mutations for history tests: a server's GraphQL endpoint with a key of the scope
 * asked, and small builders for entities, documents and facts under a prefix (test files share one database,
 * so each writes its own ids and never changes the shipped knowledge).
 */
import type { Database } from '../../src/database/database.ts';
import type { Scope } from '../../src/auth/principal.ts';
import { bearer, issueApiKey } from './api-keys.ts';

export interface Client {
  /** POSTs one operation; throws when the answer has errors (use `raw` to look at them). */
  gql<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<T>;
  raw(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<{ status: number; headers: Headers; body: any }>;
}

export async function clientFor(graphqlUrl: string, db: Database, scope: Scope = 'ADMIN'): Promise<Client> {
  const key = await issueApiKey(db, scope);
  const raw: Client['raw'] = async (query, variables = {}, headers = {}) => {
    const response = await fetch(graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...bearer(key), ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, headers: response.headers, body: await response.json() };
  };
  return {
    raw,
    async gql(query, variables, headers) {
      const { body } = await raw(query, variables, headers);
      if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
      return body.data;
    },
  };
}

export const DOCUMENT_TEXT = 'Acme bought Widgets Inc in May. Later, Acme sold its stake in Widgets Inc to Globex.';

/** Two organizations, a document citing them, returning their ids. */
export async function seedWorld(client: Client, prefix: string): Promise<{ acme: string; widgets: string; globex: string; doc: string }> {
  const ids = { acme: `${prefix}-acme`, widgets: `${prefix}-widgets`, globex: `${prefix}-globex`, doc: `${prefix}-doc` };
  const upsert = `mutation ($input: UpsertEntityInput!) { upsertEntity(input: $input) { entity { id } revision { id } } }`;
  await client.gql(upsert, { input: { id: ids.acme, kind: 'ORGANIZATION', name: 'Acme', description: 'A company.' } });
  await client.gql(upsert, { input: { id: ids.widgets, kind: 'ORGANIZATION', name: 'Widgets Inc', description: 'A maker of widgets.' } });
  await client.gql(upsert, { input: { id: ids.globex, kind: 'ORGANIZATION', name: 'Globex', description: 'Another company.' } });
  await client.gql(`mutation ($input: AddDocumentInput!) { addDocument(input: $input) { document { id } revision { id } } }`, {
    input: { id: ids.doc, name: 'A note', description: 'A test document.', text: DOCUMENT_TEXT, language: 'en', published: { value: '2024-06-01', precision: 'DAY' } },
  });
  return ids;
}

/** Asserts `subject OWNS object`, quoting `quote` from the document; returns the fact id and its revision. */
export async function assertOwns(client: Client, world: { doc: string }, id: string, subject: string, object: string, quote: string, rank = 'NORMAL'): Promise<{ id: string; revision: string }> {
  const data = await client.gql(
    `mutation ($input: AssertFactInput!) { assertFact(input: $input) { fact { id } revision { id } } }`,
    {
      input: {
        id,
        type: 'OWNS',
        subject,
        object,
        statement: `${subject} owns ${object}.`,
        modality: 'ACTUAL',
        rank,
        citations: [{ document: world.doc, quote, saidBy: world.doc, kind: 'STATEMENT' }],
      },
    },
  );
  return { id: data.assertFact.fact.id, revision: data.assertFact.revision.id };
}
