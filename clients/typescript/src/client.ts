/**
 * A small typed client for the knowledge-graph API: `query`/`mutate` take the TypedDocumentNodes generated in
 * ../generated (so data and variables are typed), send them as automatic persisted queries (the hash first,
 * the text only when the server asks for it), and raise a ClientError carrying the server's `extensions.code`.
 * No framework and no runtime dependency but `graphql` (for documents written by hand): it runs wherever
 * `fetch` does.
 */
import { print, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import manifest from '../generated/persisted-documents.json' with { type: 'json' };
import { ErrorCode } from '../generated/error-codes.ts';

export { ErrorCode };

export interface ClientOptions {
  /** The GraphQL endpoint, for example `http://localhost:4000/graphql`. */
  url: string;
  /** An API key (or a JWT), sent as `Authorization: Bearer <key>`; reads need none unless the server says so. */
  key?: string;
  /** The fetch to use (a test's wrapper, a polyfill); the global one by default. */
  fetch?: typeof fetch;
  /** Send queries as GET (by hash, so the URL stays short): lets HTTP caches and ETags work. Mutations always POST. */
  useGETForQueries?: boolean;
  /** The persisted documents (hash → text); the generated manifest by default. */
  persistedDocuments?: Readonly<Record<string, string>>;
}

/** One error of a GraphQL response, as the server formats it. */
export interface ResponseError {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { code?: string; [key: string]: unknown };
}

/** What the server answered: data (possibly partial: root fields fail alone) and errors. */
export interface GraphQLResponse<TData> {
  status: number;
  data?: TData | null;
  errors?: ResponseError[];
  extensions?: Record<string, unknown>;
}

/**
 * The server answered with errors (or not with GraphQL at all). `code` is the first error's `extensions.code`
 * (one of ErrorCode), or UNEXPECTED_RESPONSE when the body was not a GraphQL response; `data` keeps whatever
 * root fields did answer.
 */
export class ClientError extends Error {
  override readonly name = 'ClientError';
  constructor(
    readonly code: ErrorCode | 'UNEXPECTED_RESPONSE',
    message: string,
    readonly status: number,
    readonly errors: readonly ResponseError[] = [],
    readonly data: unknown = undefined,
  ) {
    super(message);
  }
}

/** Variables are optional exactly when the operation has no required variable. */
type VariablesArgument<V> = Record<string, never> extends V ? [variables?: V] : [variables: V];

export interface Client {
  /** Runs a query; its data, or a ClientError when the answer has any error. */
  query<TData, V>(document: TypedDocumentNode<TData, V>, ...variables: VariablesArgument<V>): Promise<TData>;
  /** Runs a mutation (always POST); its data, or a ClientError. */
  mutate<TData, V>(document: TypedDocumentNode<TData, V>, ...variables: VariablesArgument<V>): Promise<TData>;
  /** The whole answer, errors included, without throwing on GraphQL errors: for apps that show partial data. */
  request<TData, V>(document: TypedDocumentNode<TData, V>, ...variables: VariablesArgument<V>): Promise<GraphQLResponse<TData>>;
}

const PERSISTED_QUERY_NOT_FOUND: string = ErrorCode.PERSISTED_QUERY_NOT_FOUND;
/** Apollo's code for a server that has APQ turned off: send the text. */
const PERSISTED_QUERY_NOT_SUPPORTED = 'PERSISTED_QUERY_NOT_SUPPORTED';
/** The client preset's manifest keys are `sha256:<hex>`; APQ carries the bare hex of the same text. */
const HASH_PREFIX = 'sha256:';

interface Prepared {
  operationName: string | undefined;
  operation: 'query' | 'mutation' | 'subscription';
  /** APQ's sha256Hash, when the document is in the manifest. */
  hash: string | undefined;
  text: string;
}

function operationOf(document: DocumentNode): OperationDefinitionNode {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
  if (operations.length !== 1) throw new TypeError(`A document must hold exactly one operation (this one has ${operations.length}).`);
  return operations[0]!;
}

/** The generated documents carry their manifest hash (`__meta__.hash`); the text sent is the manifest's, whose SHA-256 it is. */
function prepare(document: DocumentNode, documents: Readonly<Record<string, string>>): Prepared {
  const operation = operationOf(document);
  const key = (document as { __meta__?: { hash?: unknown } }).__meta__?.hash;
  const persisted = typeof key === 'string' ? documents[key] : undefined;
  return {
    operationName: operation.name?.value,
    operation: operation.operation,
    hash: persisted !== undefined && typeof key === 'string' && key.startsWith(HASH_PREFIX) ? key.slice(HASH_PREFIX.length) : undefined,
    text: persisted ?? print(document),
  };
}

export function createClient(options: ClientOptions): Client {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const documents = options.persistedDocuments ?? (manifest as Record<string, string>);
  const headers: Record<string, string> = { accept: 'application/graphql-response+json, application/json' };
  if (options.key) headers.authorization = `Bearer ${options.key}`;

  async function send<TData>(prepared: Prepared, variables: unknown, withText: boolean, method: 'GET' | 'POST'): Promise<GraphQLResponse<TData>> {
    const body: Record<string, unknown> = { operationName: prepared.operationName, variables: variables ?? {} };
    if (withText) body.query = prepared.text;
    if (prepared.hash) body.extensions = { persistedQuery: { version: 1, sha256Hash: prepared.hash } };
    const response =
      method === 'GET'
        ? await doFetch(getUrl(options.url, body), { method, headers: { ...headers, 'apollo-require-preflight': 'true' } })
        : await doFetch(options.url, { method, headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return parse<TData>(response);
  }

  async function request<TData>(document: DocumentNode, variables: unknown, operation?: 'mutation'): Promise<GraphQLResponse<TData>> {
    const prepared = prepare(document, documents);
    if (operation && prepared.operation !== operation) throw new TypeError(`mutate() takes a mutation; ${prepared.operationName ?? 'this document'} is a ${prepared.operation}.`);
    const method = options.useGETForQueries && prepared.operation === 'query' ? 'GET' : 'POST';
    if (!prepared.hash) return send<TData>(prepared, variables, true, method);
    const first = await send<TData>(prepared, variables, false, method);
    const codes = (first.errors ?? []).map((e) => e.extensions?.code);
    if (!codes.includes(PERSISTED_QUERY_NOT_FOUND) && !codes.includes(PERSISTED_QUERY_NOT_SUPPORTED)) return first;
    // The server does not know the hash yet (or does not do APQ): register it with the text. A long GET would be
    // refused by URL limits, so the text goes by POST, as Apollo's link does with useGETForHashedQueries.
    return send<TData>(prepared, variables, true, 'POST');
  }

  async function dataOf<TData>(document: DocumentNode, variables: unknown, operation?: 'mutation'): Promise<TData> {
    const response = await request<TData>(document, variables, operation);
    const [firstError] = response.errors ?? [];
    if (firstError) {
      const code = (firstError.extensions?.code as ErrorCode | undefined) ?? ErrorCode.INTERNAL_SERVER_ERROR;
      throw new ClientError(code, firstError.message, response.status, response.errors, response.data);
    }
    if (response.data == null) throw new ClientError('UNEXPECTED_RESPONSE', 'The answer has neither data nor errors.', response.status);
    return response.data;
  }

  return {
    query: (document, ...[variables]) => dataOf(document, variables),
    mutate: (document, ...[variables]) => dataOf(document, variables, 'mutation'),
    request: (document, ...[variables]) => request(document, variables),
  };
}

/** GraphQL over HTTP's GET form: every parameter JSON-encoded in the query string. */
function getUrl(url: string, body: Record<string, unknown>): string {
  const target = new URL(url);
  for (const [name, value] of Object.entries(body)) {
    if (value === undefined) continue;
    target.searchParams.set(name, typeof value === 'string' ? value : JSON.stringify(value));
  }
  return target.toString();
}

async function parse<TData>(response: globalThis.Response): Promise<GraphQLResponse<TData>> {
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (typeof body !== 'object' || body === null || !('data' in body || 'errors' in body)) {
    throw new ClientError('UNEXPECTED_RESPONSE', `HTTP ${response.status}: the answer is not a GraphQL response (${text.slice(0, 200)}).`, response.status);
  }
  return { status: response.status, ...(body as Omit<GraphQLResponse<TData>, 'status'>) };
}
