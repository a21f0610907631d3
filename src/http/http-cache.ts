/**
 * HTTP caching of GET queries, as Fastify hooks around Apollo (the choice is explained in README.md, "HTTP
 * caching and persisted queries"): the whole graph has one version (the revision log's sequence), so one
 * policy fits every answer and no per-field hints are needed.
 *
 * - Before the operation runs (`revalidate`, a preHandler): one statement reads the knowledge version; the ETag
 *   is that version plus a digest of everything that changes the answer. A client holding it gets 304 at once:
 *   nothing is parsed, validated or resolved. Read first, so an ETag never names a newer version than its data.
 * - When the answer is sent (`onSend`): a 200 without errors gets `Cache-Control`, `ETag` and `Vary`; anything
 *   else on /graphql (POST, mutation, errors, a refusal) gets `no-store`. The Apollo plugin marks answers with
 *   errors, which it alone sees.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { getOperationAST, Kind, parse, valueFromASTUntyped, type DocumentNode } from 'graphql';
import { createHash } from 'node:crypto';
import type { Database } from '../database/database.ts';
import { KnowledgeGraphRepository } from '../database/repository.ts';
import { BOOKMARK_HEADER } from '../graphql/bookmarks-plugin.ts';
import type { GraphQLContext } from '../graphql/context.ts';
import { principalOf } from './credentials.ts';
import { sha256Hex } from './persisted-queries.ts';
import { bookmarksOf } from './request-headers.ts';

/**
 * `max-age` of an answer whose every root field reads `asOf: { revision }`: a committed revision never changes,
 * so it is `immutable` and kept a year (the longest max-age RFC 9111 caches are told to honour in practice).
 */
export const AS_OF_REVISION_MAX_AGE_SECONDS = 31_536_000;

/** Request headers that change an answer: its media type, its credentials (their scope), the reads' bookmarks. */
export const CACHE_VARY = ['accept', 'authorization', BOOKMARK_HEADER] as const;

export const NO_STORE = 'no-store';

/** What Apollo Server's csrfPrevention accepts as proof a request was preflighted (it runs the same rule). */
const CSRF_PREFLIGHT_HEADERS = ['x-apollo-operation-name', 'apollo-require-preflight'];
const SIMPLE_CONTENT_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

export interface HttpCacheOptions {
  /** CACHE_MAX_AGE_SECONDS; 0: every answer is `no-store`, and no statement is spent on an ETag. */
  maxAgeSeconds: number;
  /** REQUIRE_KEY_FOR_READS: answers are per caller, `private`. */
  privateReads: boolean;
  /** The text of an APQ hash, when this instance knows it (to see whether the operation is as of a revision). */
  textOf: (hash: string) => string | undefined;
}

/** What `revalidate` decided for a GET, applied to its answer by `onSend`. */
interface CacheDecision {
  etag: string;
  cacheControl: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    httpCache: CacheDecision | null;
  }
}

export function createHttpCache(db: Database, options: HttpCacheOptions) {
  const scope = options.privateReads ? 'private' : 'public';
  return {
    /** Registers the request decoration (before any request). */
    decorate: (app: FastifyInstance) => app.decorateRequest('httpCache', null),

    /** preHandler of /graphql: sets the GET's ETag and policy, and answers 304 when the client already holds it. */
    revalidate: async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
      // A GET that fails Apollo's CSRF rule is refused by Apollo: no ETag for it, and no 304 (which skips Apollo).
      if (request.method !== 'GET' || options.maxAgeSeconds === 0 || !passesCsrfRule(request.headers)) return undefined;
      const get = getParameters(request.url);
      if (!get) return undefined;
      const bookmarks = bookmarksOf(request.headers);
      let sequence: number;
      try {
        sequence = await new KnowledgeGraphRepository(db.withBookmarks(() => bookmarks)).knowledgeSequence();
      } catch (error) {
        // Not this hook's to answer (a bad bookmark, an outage): the operation runs uncached and says what is wrong.
        request.log.debug({ err: error }, 'no ETag: the knowledge version could not be read');
        return undefined;
      }
      const text = get.query ?? (get.hash === undefined ? undefined : options.textOf(get.hash));
      const immutable = text !== undefined && isAsOfRevisionOnly(text, get.operationName, get.variables);
      const principal = principalOf(request);
      const digest = createHash('sha256')
        .update(JSON.stringify([get.hash ?? sha256Hex(get.query ?? ''), get.variables ?? null, get.operationName ?? null, bookmarks, principal?.scope ?? null, request.headers.accept ?? '']))
        .digest('base64url')
        .slice(0, 22);
      // Weak: the same data may be serialised differently (extensions such as databaseRoundTrips).
      const decision: CacheDecision = {
        etag: `W/"r${sequence}-${digest}"`,
        cacheControl: immutable ? `${scope}, max-age=${AS_OF_REVISION_MAX_AGE_SECONDS}, immutable` : `${scope}, max-age=${options.maxAgeSeconds}`,
      };
      request.httpCache = decision;
      if (!matches(request.headers['if-none-match'], decision.etag)) return undefined;
      return withCacheHeaders(reply, decision).status(304).send();
    },

    /** onSend: the cache headers of a /graphql answer. */
    onSend: async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
      if (reply.statusCode === 304) return payload;
      const decision = request.httpCache;
      if (decision && reply.statusCode === 200 && reply.getHeader('cache-control') === undefined) withCacheHeaders(reply, decision);
      else void reply.header('cache-control', NO_STORE).removeHeader('etag');
      return payload;
    },

    /** Apollo plugin: an answer with errors (or from anything but a query) is never stored. */
    plugin: <ApolloServerPlugin<GraphQLContext>>{
      async requestDidStart() {
        return {
          async willSendResponse({ response, operation }) {
            const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
            if (errors?.length || response.body.kind !== 'single' || operation?.operation !== 'query') response.http.headers.set('cache-control', NO_STORE);
          },
        };
      },
    },
  };
}

export type HttpCache = ReturnType<typeof createHttpCache>;

function withCacheHeaders(reply: FastifyReply, decision: CacheDecision): FastifyReply {
  const vary = String(reply.getHeader('vary') ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  return reply
    .header('cache-control', decision.cacheControl)
    .header('etag', decision.etag)
    .header('vary', [...new Set([...vary, ...CACHE_VARY])].join(', '));
}

/**
 * A GET's parameters read from its URL, as Apollo reads them (after persisted-queries.ts turned a `documentId`
 * into `extensions`); null when Apollo would refuse them (a repeated parameter, no query and no hash).
 */
function getParameters(url: string): { query?: string; hash?: string; variables?: string; operationName?: string } | null {
  const params = new URL(url, 'http://local').searchParams;
  const once = (name: string) => (params.getAll(name).length > 1 ? null : (params.get(name) ?? undefined));
  const [text, extensions, variables, operationName] = ['query', 'extensions', 'variables', 'operationName'].map(once);
  if (text === null || extensions === null || variables === null || operationName === null) return null;
  const hash = hashIn(extensions);
  if (text === undefined && hash === undefined) return null;
  return { query: text, hash, variables, operationName };
}

function hashIn(extensions: string | undefined): string | undefined {
  if (extensions === undefined) return undefined;
  try {
    const hash = (JSON.parse(extensions) as { persistedQuery?: { sha256Hash?: unknown } } | null)?.persistedQuery?.sha256Hash;
    return typeof hash === 'string' ? hash : undefined;
  } catch {
    return undefined;
  }
}

/** `If-None-Match` by the weak comparison RFC 9110 asks for (a list, `*`, `W/` prefixes). */
export function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}

/**
 * Apollo Server's csrfPrevention rule: a request passes when its `content-type` is one a browser cannot send
 * without a preflight (anything but the three "simple" types), or when it has a non-empty
 * `x-apollo-operation-name` or `apollo-require-preflight` header. docs/public-api.md lists what each client sends.
 */
export function passesCsrfRule(headers: FastifyRequest['headers']): boolean {
  const contentType = headers['content-type'];
  if (contentType !== undefined && !SIMPLE_CONTENT_TYPES.includes(contentType.split(';')[0]!.trim().toLowerCase())) return true;
  return CSRF_PREFLIGHT_HEADERS.some((name) => {
    const value = headers[name];
    return typeof value === 'string' ? value.length > 0 : Array.isArray(value) && value.length > 0;
  });
}

/** Whether the operation's every root field (but `__typename`) reads `asOf` at a revision: its answer never changes. */
export function isAsOfRevisionOnly(text: string, operationName: string | undefined, variablesJson: string | undefined): boolean {
  let document: DocumentNode;
  let variables: Record<string, unknown>;
  try {
    document = parse(text);
    variables = variablesJson === undefined ? {} : (JSON.parse(variablesJson) as Record<string, unknown>);
  } catch {
    return false;
  }
  const operation = getOperationAST(document, operationName);
  if (!operation || operation.operation !== 'query') return false;
  const fields = operation.selectionSet.selections;
  return fields.some((s) => s.kind === Kind.FIELD && s.name.value !== '__typename') && fields.every((selection) => {
    if (selection.kind !== Kind.FIELD) return false;
    if (selection.name.value === '__typename') return true;
    const asOf = selection.arguments?.find((argument) => argument.name.value === 'asOf');
    const value = asOf && (valueFromASTUntyped(asOf.value, variables) as { revision?: unknown } | null);
    return typeof value?.revision === 'string';
  });
}
