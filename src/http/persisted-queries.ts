/**
 * Persisted queries, two ways:
 * - Automatic persisted queries (Apollo's protocol, `extensions.persistedQuery.sha256Hash`): Apollo Server runs
 *   them; this module gives it a store bounded in bytes (PERSISTED_QUERIES_CACHE_BYTES, per instance, in memory:
 *   the server stays stateless, a miss on another instance costs the client one resend of the text) and refuses a
 *   hash that is not the text's with its own code before Apollo sees the request.
 * - Trusted documents (TRUSTED_DOCUMENTS): the manifest graphql-codegen's client preset writes
 *   (`persisted-documents.json`, `"sha256:<hex>": "<document>"`) is the only set of documents that run, asked by
 *   hash (APQ extension or `documentId`) or by their full text.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Kind, parse, type DocumentNode } from 'graphql';
import { ErrorCode } from '../graphql/errors.ts';
import { sendError } from './credentials.ts';

/** Apollo Server prefixes the keys it asks its APQ store for (`APQ_CACHE_PREFIX`, not exported by its entry point). */
const APQ_KEY_PREFIX = 'apq:';
/** The GraphQL-over-HTTP persisted documents appendix prefixes a SHA-256 document id with its algorithm. */
const SHA256_ID_PREFIX = 'sha256:';
const SHA256_HEX = /^[0-9a-f]{64}$/;

export const sha256Hex = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * The APQ texts of one instance, least recently used evicted first once their bytes (keys and texts, UTF-8) pass
 * `maxBytes`. Apollo's KeyValueCache interface (get, set, delete).
 */
export class BoundedTextCache {
  private readonly entries = new Map<string, string>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  async get(key: string): Promise<string | undefined> {
    const value = this.entries.get(key);
    if (value !== undefined) {
      // Re-inserted: a Map iterates in insertion order, so its first key is the least recently used.
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  async set(key: string, value: string): Promise<void> {
    this.remove(key);
    const size = sizeOf(key, value);
    if (size > this.maxBytes) return;
    this.entries.set(key, value);
    this.bytes += size;
    for (const [oldest, text] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= sizeOf(oldest, text);
    }
  }

  async delete(key: string): Promise<boolean> {
    return this.remove(key);
  }

  /** The text of a hash, without touching its recency (for the HTTP cache's look at a document). */
  peek(hash: string): string | undefined {
    return this.entries.get(APQ_KEY_PREFIX + hash);
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  private remove(key: string): boolean {
    const value = this.entries.get(key);
    if (value === undefined) return false;
    this.entries.delete(key);
    this.bytes -= sizeOf(key, value);
    return true;
  }
}

const sizeOf = (key: string, value: string) => Buffer.byteLength(key) + Buffer.byteLength(value);

/** The trusted documents as Apollo's APQ store: read-only, so nothing outside the manifest can be registered. */
class TrustedDocumentStore {
  constructor(readonly documents: ReadonlyMap<string, string>) {}
  async get(key: string): Promise<string | undefined> {
    return key.startsWith(APQ_KEY_PREFIX) ? this.documents.get(key.slice(APQ_KEY_PREFIX.length)) : undefined;
  }
  async set(): Promise<void> {}
  async delete(): Promise<boolean> {
    return false;
  }
  peek(hash: string): string | undefined {
    return this.documents.get(hash);
  }
}

export class TrustedDocumentsError extends Error {
  override name = 'TrustedDocumentsError';
}

/**
 * Reads a client preset manifest: `{ "sha256:<hex>": "<document>" }` (hashAlgorithm sha256, the preset's
 * default). Each id must be its text's SHA-256, so that a text and its hash are trusted together.
 */
export function loadTrustedDocuments(file: string): Map<string, string> {
  let manifest: unknown;
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new TrustedDocumentsError(`TRUSTED_DOCUMENTS=${file}: cannot read a JSON manifest (${(error as Error).message}).`);
  }
  if (!manifest || typeof manifest !== 'object' || Array.isArray(manifest)) {
    throw new TrustedDocumentsError(`TRUSTED_DOCUMENTS=${file}: expected an object of document id to document text (graphql-codegen's persisted-documents.json).`);
  }
  const documents = new Map<string, string>();
  for (const [id, text] of Object.entries(manifest)) {
    const hash = id.startsWith(SHA256_ID_PREFIX) ? id.slice(SHA256_ID_PREFIX.length) : id;
    if (typeof text !== 'string' || hash !== sha256Hex(text)) {
      throw new TrustedDocumentsError(
        `TRUSTED_DOCUMENTS=${file}: the entry ${JSON.stringify(id)} is not a document with its SHA-256 as id: generate the manifest with the client preset's persistedDocuments and hashAlgorithm 'sha256'.`,
      );
    }
    documents.set(hash, text);
  }
  return documents;
}

export interface PersistedQueriesOptions {
  /** PERSISTED_QUERIES_CACHE_BYTES; 0 turns APQ off (Apollo answers PERSISTED_QUERY_NOT_SUPPORTED). */
  cacheBytes: number;
  /** The trusted documents' manifest (TRUSTED_DOCUMENTS), if any. */
  trustedDocuments: string | undefined;
  /** INTROSPECTION: with trusted documents, whether introspection-only operations (the playground's) still run. */
  introspection: boolean;
}

/** One operation of a request, as GET parameters or a POST body carry it. */
interface Operation {
  query?: unknown;
  extensions?: unknown;
  documentId?: unknown;
}

export function createPersistedQueries(options: PersistedQueriesOptions) {
  const trusted = options.trustedDocuments === undefined ? null : loadTrustedDocuments(options.trustedDocuments);
  // Trusted documents need no APQ store of their own: the manifest is the store.
  const store = trusted ? new TrustedDocumentStore(trusted) : options.cacheBytes > 0 ? new BoundedTextCache(options.cacheBytes) : null;
  return {
    /** Apollo Server's `persistedQueries` option. */
    apolloOption: store ? { cache: store, ttl: null } : (false as const),
    /** The document a hash names on this instance, if known (the HTTP cache reads it to see an operation's arguments). */
    textOf: (hash: string): string | undefined => store?.peek(hash),
    trustedCount: trusted?.size ?? null,
    /**
     * A preHandler of /graphql: a `documentId` becomes Apollo's APQ extension, a hash that is not its text's is
     * refused, and with trusted documents anything outside the manifest is.
     */
    guard: async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
      for (const operation of operationsOf(request)) {
        const refusal = check(operation, trusted, options.introspection);
        if (refusal) return sendError(reply, 400, refusal.message, refusal.code);
      }
      if (request.method === 'GET') rewriteDocumentIdInUrl(request);
      return undefined;
    },
  };
}

function check(operation: Operation, trusted: ReadonlyMap<string, string> | null, introspection: boolean): { message: string; code: ErrorCode } | null {
  const query = typeof operation.query === 'string' ? operation.query : undefined;
  const hash = hashOf(operation);
  if (query !== undefined && hash !== undefined && sha256Hex(query) !== hash) {
    return {
      code: ErrorCode.PERSISTED_QUERY_HASH_MISMATCH,
      message: 'The persisted query hash is not the SHA-256 of the query sent with it: send the lowercase hex SHA-256 of the query text exactly as sent. Nothing ran.',
    };
  }
  if (!trusted) return null;
  if (query !== undefined ? trusted.has(sha256Hex(query)) || (introspection && isIntrospectionOnly(query)) : hash === undefined || trusted.has(hash)) return null;
  return {
    code: ErrorCode.DOCUMENT_NOT_TRUSTED,
    message:
      'This server runs only trusted documents (TRUSTED_DOCUMENTS): this one is not in its manifest. Add the operation to the client\'s documents, ' +
      "regenerate persisted-documents.json with graphql-codegen's client preset (persistedDocuments, sha256), and deploy the manifest with the server.",
  };
}

/** The hash an operation names: `extensions.persistedQuery.sha256Hash` or a `documentId` (`sha256:<hex>` or `<hex>`). */
function hashOf(operation: Operation): string | undefined {
  const extensions = typeof operation.extensions === 'string' ? parseJson(operation.extensions) : operation.extensions;
  const persisted = extensions && typeof extensions === 'object' ? (extensions as { persistedQuery?: { sha256Hash?: unknown } }).persistedQuery : undefined;
  if (typeof persisted?.sha256Hash === 'string') return persisted.sha256Hash;
  if (typeof operation.documentId !== 'string') return undefined;
  const id = operation.documentId.startsWith(SHA256_ID_PREFIX) ? operation.documentId.slice(SHA256_ID_PREFIX.length) : operation.documentId;
  return SHA256_HEX.test(id) ? id : undefined;
}

/** The operations of a request (GET parameters, a POST body, or each of a batch); POST `documentId`s become APQ extensions in place. */
function operationsOf(request: FastifyRequest): Operation[] {
  const payload: unknown = request.method === 'GET' ? request.query : request.body;
  const operations = (Array.isArray(payload) ? payload : [payload]).filter((op): op is Operation => !!op && typeof op === 'object');
  if (request.method !== 'GET') {
    for (const operation of operations) {
      const hash = 'documentId' in operation ? hashOf({ documentId: operation.documentId }) : undefined;
      if (hash === undefined) continue;
      operation.extensions = { ...(operation.extensions as object | undefined), persistedQuery: { version: 1, sha256Hash: hash } };
      delete operation.documentId;
    }
  }
  return operations;
}

/** A GET `documentId` as the `extensions` parameter Apollo reads (it reads the URL, not Fastify's parsed query). */
function rewriteDocumentIdInUrl(request: FastifyRequest): void {
  const hash = hashOf({ documentId: (request.query as Operation | undefined)?.documentId });
  if (hash === undefined) return;
  const url = new URL(request.raw.url ?? '/', 'http://local');
  url.searchParams.delete('documentId');
  url.searchParams.set('extensions', JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }));
  request.raw.url = url.pathname + url.search;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const INTROSPECTION_FIELDS = new Set(['__schema', '__type', '__typename']);

/** Whether every operation of a document selects only introspection fields at its root (the playground's schema query). */
function isIntrospectionOnly(query: string): boolean {
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch {
    return false;
  }
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  return operations.length > 0 && operations.every((op) => op.operation === 'query' && op.selectionSet.selections.every((s) => s.kind === Kind.FIELD && INTROSPECTION_FIELDS.has(s.name.value)));
}
