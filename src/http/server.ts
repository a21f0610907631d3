/**
 * The HTTP server: Fastify (body limit, timeouts, JSON errors, request ids under our control) with Apollo
 * Server mounted on /graphql, the offline playground on GET /graphql from a browser, and health endpoints.
 */
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { fastifyApolloDrainPlugin, fastifyApolloHandler } from '@as-integrations/fastify';
import cors from '@fastify/cors';
import Fastify, {
  LogController, type FastifyBaseLogger, type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { accessPlugin, createAuth, type Auth } from '../auth/index.ts';
import type { Config } from '../config/config.ts';
import type { Database } from '../database/database.ts';
import type { Logger } from '../logging/logger.ts';
import { bookmarksPlugin } from '../graphql/bookmarks-plugin.ts';
import { createContext, type GraphQLContext } from '../graphql/context.ts';
import { codeForStatus, createErrorFormatter, enumErrorsPlugin, ErrorCode, errorBody, partialResultsPlugin } from '../graphql/errors.ts';
import { knownOperationTypesRule } from '../graphql/known-operation-types.ts';
import { costLimitPlugin, limitExceeded, limitValidationRules, tokenLimitError } from '../graphql/limits/index.ts';
import { resolvers } from '../graphql/resolvers/index.ts';
import { buildExecutableSchema } from '../graphql/schema.ts';
import { KnowledgeGraphRepository } from '../database/repository.ts';
import { ChangeFeed } from '../subscriptions/change-feed.ts';
import { changeFeedResolvers, registerChangeStream } from '../subscriptions/stream.ts';
import { credentialHooks, principalOf, sendError } from './credentials.ts';
import { registerEntityRoute } from './entity-route.ts';
import { EXPLORER_PATH, registerExplorer } from './explorer.ts';
import { createHttpCache } from './http-cache.ts';
import { createPersistedQueries } from './persisted-queries.ts';
import { registerSchemaRoute } from './schema-route.ts';
import { registerPlayground, sendPlayground, wantsPlayground } from './playground.ts';
import { createRateLimiter } from './rate-limit.ts';
import { bookmarksOf, CORS_ALLOWED_HEADERS, CORS_EXPOSED_HEADERS, idempotencyKeyOf } from './request-headers.ts';

export const GRAPHQL_PATH = '/graphql';

export interface HttpServer {
  app: FastifyInstance;
  apollo: ApolloServer<GraphQLContext>;
  /** `authenticate(headers)`, `policy.authorize(principal, document)` and the key store, for other transports (subscriptions). */
  auth: Auth;
}

export async function createHttpServer(config: Config, db: Database, log: Logger): Promise<HttpServer> {
  const settings = config.http;
  const app = Fastify({
    // pino's Logger is a FastifyBaseLogger; naming the base type keeps FastifyInstance's default generics.
    loggerInstance: log as FastifyBaseLogger,
    bodyLimit: settings.bodyLimitBytes,
    // During the drain, a request that still arrives on an open keep-alive connection is answered in full (with
    // `connection: close`) rather than by Fastify's own 503 body, which is not our error shape.
    return503OnClosing: false,
    // A client has headersTimeoutMs for its headers and requestTimeoutMs for its whole request, checked every
    // second (Node checks every 30 s by default, so a dribbling client kept its socket for a minute).
    http: { headersTimeout: settings.headersTimeoutMs, connectionsCheckingInterval: CONNECTIONS_CHECK_MS },
    requestTimeout: settings.requestTimeoutMs,
    connectionTimeout: 30_000,
    keepAliveTimeout: 5_000,
    // The caller's request id is kept only when it is short and safe to echo and to log.
    requestIdHeader: false,
    genReqId: (request) => requestIdOf(request.headers['x-request-id']),
    // Errors Node's HTTP parser raises before any route (431, bad framing, timeouts), and bad URLs.
    clientErrorHandler: answerClientError,
    frameworkErrors: (error, request, reply) => {
      // Raised before routing, so the onSend hooks below do not run: the common headers are set here.
      void withCommonHeaders(request, reply as FastifyReply).status(400).send(errorBody(`The request URL is not valid (${error.code}): percent-encode it.`, ErrorCode.BAD_REQUEST));
    },
    // Per-request log lines are noise in test runs; kept in development and production.
    logController: new LogController({ disableRequestLogging: config.env === 'test' }),
  });
  app.server.maxConnections = settings.maxConnections;
  // One executable schema for /graphql and the change stream, so both run the same resolvers.
  const changeFeed = new ChangeFeed(new KnowledgeGraphRepository(db), config.changeFeed.pollMs, log);
  const schema = buildExecutableSchema([...resolvers, changeFeedResolvers(changeFeed)], { federation: config.federationSubgraph });
  const production = config.env === 'production';
  const hideSuggestions = production || !settings.introspection;
  const formatError = createErrorFormatter(log, { debug: settings.debugErrors });
  // The access policy reads @requiresScope from the same SDL Apollo serves.
  const auth = createAuth(config, db, schema);
  // APQ and trusted documents (persisted-queries.ts), and HTTP caching of GET queries (http-cache.ts).
  const persisted = createPersistedQueries({ cacheBytes: settings.persistedQueriesCacheBytes, trustedDocuments: settings.trustedDocuments, introspection: settings.introspection });
  if (persisted.trustedCount !== null) log.info({ trustedDocuments: persisted.trustedCount, manifest: settings.trustedDocuments }, 'only trusted documents run (TRUSTED_DOCUMENTS)');
  const httpCache = createHttpCache(db, { maxAgeSeconds: settings.cacheMaxAgeSeconds, privateReads: config.auth.requireKeyForReads, textOf: persisted.textOf });
  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    formatError,
    includeStacktraceInErrorResponses: settings.debugErrors,
    introspection: settings.introspection,
    csrfPrevention: true,
    persistedQueries: persisted.apolloOption,
    allowBatchedHttpRequests: settings.allowBatchedRequests,
    // The token limit is counted before Apollo parses (the preHandler of /graphql below); this is a backstop.
    parseOptions: { maxTokens: config.operationLimits.maxTokens },
    // "Did you mean …?" reveals the schema: graphql-js leaves it out when asked.
    validationOptions: { hideSuggestions },
    validationRules: [knownOperationTypesRule, ...limitValidationRules(config.operationLimits)],
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      // We send no cache hints; the default cache-control plugin would still run a hook on every resolved field.
      ApolloServerPluginCacheControlDisabled(),
      fastifyApolloDrainPlugin(app),
      // Before the cost limit: an operation the caller may not run is refused before anything is counted.
      accessPlugin(auth.policy),
      enumErrorsPlugin as ApolloServerPlugin<GraphQLContext>,
      partialResultsPlugin as ApolloServerPlugin<GraphQLContext>,
      costLimitPlugin({ maxCost: config.operationLimits.maxCost, limits: config.limits, hideSuggestions, admission: config.admission }),
      ...(production ? [] : [roundTripsPlugin]),
      bookmarksPlugin,
      httpCache.plugin,
    ],
  });
  await apollo.start();

  app.setErrorHandler(jsonErrorHandler(settings.bodyLimitBytes));
  app.setNotFoundHandler(notFoundOrWrongMethod(app));
  // Every response names its request, so a client's report can be matched with the server's log line.
  app.addHook('onSend', async (request, reply) => {
    withCommonHeaders(request, reply);
  });
  app.addHook('onSend', responseSizeLimit(settings.maxResponseBytes));
  app.addHook('onSend', legacyJsonStatus);
  // After the hooks that may turn an answer into an error: only a 200 from a GET query is cacheable.
  app.addHook('onSend', async (request, reply, payload) => (request.url.split('?')[0] === GRAPHQL_PATH ? httpCache.onSend(request, reply, payload) : payload));
  if (settings.corsOrigins === '*' || settings.corsOrigins.length > 0) {
    await app.register(cors, {
      origin: settings.corsOrigins,
      methods: ['GET', 'POST'],
      allowedHeaders: CORS_ALLOWED_HEADERS,
      exposedHeaders: CORS_EXPOSED_HEADERS,
      maxAge: 600,
    });
  }

  if (settings.playground) await registerPlayground(app, { graphqlPath: GRAPHQL_PATH });
  app.decorateRequest('credentials', null);
  httpCache.decorate(app);
  const credentials = credentialHooks(auth, { requireKeyForReads: config.auth.requireKeyForReads });
  const rateLimiter = await createRateLimiter(app, config.rateLimits, principalOf);
  const graphql = fastifyApolloHandler(apollo, {
    context: async (request) =>
      createContext(db, config.limits, {
        log: request.log as Logger,
        principal: principalOf(request) ?? undefined,
        idempotencyKey: request.headers['idempotency-key'] as string | undefined,
        bookmarks: bookmarksOf(request.headers),
      }),
  });
  app.route({
    method: ['GET', 'POST'],
    url: GRAPHQL_PATH,
    // Credentials first (the rate limit counts per key), answered after the rate limit (see credentials.ts).
    onRequest: credentials.read,
    preHandler: [
      rateLimiter,
      async (request, reply) => {
        // A browser navigating here gets the playground instead of a GraphQL response.
        if (settings.playground && request.method === 'GET' && wantsPlayground(request)) return sendPlayground(reply, GRAPHQL_PATH);
        if (await credentials.answerRefused(request, reply)) return reply;
        const idempotencyKey = idempotencyKeyOf(request.headers);
        if ('error' in idempotencyKey) return sendError(reply, 400, idempotencyKey.error, ErrorCode.BAD_REQUEST);
        const tooLong = documentsOf(request).map((document) => tokenLimitError(document, config.operationLimits.maxTokens)).find(Boolean);
        if (tooLong) return reply.status(400).type('application/json; charset=utf-8').send(JSON.stringify({ errors: [formatError(tooLong.toJSON(), tooLong)] }));
        if (await persisted.guard(request, reply)) return reply;
        if (await httpCache.revalidate(request, reply)) return reply;
      },
    ],
    handler: graphql,
  });
  registerSchemaRoute(app, {
    schema,
    introspection: settings.introspection,
    maxAgeSeconds: settings.cacheMaxAgeSeconds,
    privateReads: config.auth.requireKeyForReads,
    onRequest: credentials.read,
    preHandler: [rateLimiter],
    answerRefused: credentials.answerRefused,
  });
  // The export of an entity's neighbourhood, by content negotiation: read access and rate limits as for /graphql.
  registerEntityRoute(app, {
    db,
    limits: config.limits,
    onRequest: credentials.read,
    preHandler: [rateLimiter, async (request, reply) => ((await credentials.answerRefused(request, reply)) ? reply : undefined)],
  });
  registerChangeStream(app, { schema, db, config, auth, log, formatError, hideSuggestions, commonHeaders: withCommonHeaders, onRequest: credentials.read, answerRefused: credentials.answerRefused, principalOf, preHandler: [rateLimiter] });
  // Ends every stream before the server waits for its connections to close.
  app.addHook('preClose', () => changeFeed.close());
  if (settings.explorer) await registerExplorer(app);
  app.get('/', async (_request, reply) => reply.redirect(settings.explorer ? EXPLORER_PATH : GRAPHQL_PATH));
  app.get('/health', async () => ({ status: 'ok' }));
  app.get('/ready', async (_request, reply) => {
    const ready = await withinMs(settings.readyTimeoutMs, db.ping(), false);
    return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'unavailable', database: ready ? 'up' : 'down' });
  });
  return { app, apollo, auth };
}


/** Every response names its request, and no browser guesses its type from its content. */
function withCommonHeaders(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return reply.header('x-request-id', request.id).header('x-content-type-options', 'nosniff');
}

/** How often Node looks for requests over their header or request timeout: the slack of those bounds. */
export const CONNECTIONS_CHECK_MS = 1_000;

/** A caller's `x-request-id` worth keeping: short, and nothing that could break a log line or a page. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

function requestIdOf(header: string | string[] | undefined): string {
  return typeof header === 'string' && SAFE_REQUEST_ID.test(header) ? header : randomUUID();
}

/** The GraphQL documents a request carries (GET `query`, a POST body, or each operation of a batch). */
function documentsOf(request: FastifyRequest): string[] {
  const payload = request.method === 'GET' ? request.query : request.body;
  return (Array.isArray(payload) ? payload : [payload]).flatMap((operation: unknown) => {
    const query = operation && typeof operation === 'object' ? (operation as { query?: unknown }).query : undefined;
    return typeof query === 'string' ? [query] : [];
  });
}

/** 404 for an unknown path; 405 with `allow` for a known path asked with another method. */
function notFoundOrWrongMethod(app: FastifyInstance) {
  return (request: FastifyRequest, reply: FastifyReply) => {
    const url = request.url.split('?')[0]!;
    const allowed = (['GET', 'POST'] as const).filter((method) => app.hasRoute({ url, method }));
    if (allowed.length > 0) {
      const message = `${request.method} is not allowed on ${url}: use ${allowed.join(' or ')}.`;
      return reply.status(405).header('allow', allowed.join(', ')).send(errorBody(message, ErrorCode.METHOD_NOT_ALLOWED));
    }
    return reply.status(404).send(errorBody(`No route ${request.method} ${url}: GraphQL is served at ${GRAPHQL_PATH}`, ErrorCode.NOT_FOUND));
  };
}

/**
 * Node's HTTP parser refuses some requests before Fastify sees them (headers too large, bad framing, too slow):
 * they get the same JSON error shape as every other answer, written on the socket, which is then closed.
 */
function answerClientError(this: FastifyInstance, error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, message] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'The request headers are too large.']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'The request was not received in time: send its headers and body without pauses.']
        : [400, 'The request is not valid HTTP.'];
  this.log.debug({ err: error }, 'client error');
  if (socket.writable) {
    const body = JSON.stringify(errorBody(message, codeForStatus(status)));
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\n` +
        `x-content-type-options: nosniff\r\nx-request-id: ${randomUUID()}\r\nconnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}

/**
 * An answer over `maxBytes` is replaced by a LIMIT_EXCEEDED error before a byte of it is sent. The cost limit
 * keeps answers far below this; this is the bound on what an estimate can miss.
 */
function responseSizeLimit(maxBytes: number) {
  return async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (typeof payload !== 'string' || payload.length <= maxBytes / 3 || request.url.split('?')[0] !== GRAPHQL_PATH) return payload;
    const bytes = Buffer.byteLength(payload);
    if (bytes <= maxBytes) return payload;
    const error = limitExceeded('responseBytes', maxBytes, bytes, 'Ask for fewer fields, smaller pages or fewer aliases.');
    void reply.status(400);
    return JSON.stringify({ errors: [{ message: error.message, extensions: { code: ErrorCode.LIMIT_EXCEEDED, limit: 'responseBytes', max: maxBytes, actual: bytes } }] });
  };
}

/** Request errors that the GraphQL-over-HTTP spec answers with 200 under the legacy `application/json` type. */
const REQUEST_ERROR_CODES = new Set<string>([ErrorCode.GRAPHQL_PARSE_FAILED, ErrorCode.GRAPHQL_VALIDATION_FAILED, ErrorCode.BAD_USER_INPUT]);

/**
 * GraphQL over HTTP: a client accepting only `application/json` reads status 200 for any well-formed request
 * and finds errors in the body (it SHOULD; Apollo answers 400). Under `application/graphql-response+json` the
 * 400 stays. Limits keep their 400 under both: a refused operation is never a success.
 */
async function legacyJsonStatus(request: FastifyRequest, reply: FastifyReply, payload: unknown) {
  if (reply.statusCode !== 400 || request.url.split('?')[0] !== GRAPHQL_PATH || typeof payload !== 'string') return payload;
  if (!String(reply.getHeader('content-type') ?? '').startsWith('application/json')) return payload;
  try {
    const body = JSON.parse(payload) as { data?: unknown; errors?: { extensions?: { code?: unknown } }[] };
    const codes = (body.errors ?? []).map((e) => String(e.extensions?.code));
    if (!('data' in body) && codes.length > 0 && codes.every((code) => REQUEST_ERROR_CODES.has(code))) void reply.status(200);
  } catch {
    // Not a GraphQL response: leave it as it is.
  }
  return payload;
}

/** `work`'s result, or `fallback` if it takes longer than `ms` (a health check must answer quickly). */
async function withinMs<T>(ms: number, work: Promise<T>, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Every error Fastify raises outside GraphQL (bad JSON, body too large, …) answered as JSON, never HTML or a stack. */
function jsonErrorHandler(bodyLimitBytes: number) {
  return function (this: FastifyInstance, error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    const message =
      status >= 500
        ? 'Internal server error'
        : status === 413
          ? `Request body is too large: at most ${bodyLimitBytes} bytes are accepted (BODY_LIMIT_BYTES).`
          : status === 415
            ? `${error.message}: send application/json (or a GET with a \`query\` parameter).`
            : error.message;
    return reply.status(status).send(errorBody(message, codeForStatus(status)));
  };
}

/** Outside production, each response says how many database round trips it cost (tests and benchmarks read it). */
const roundTripsPlugin: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind !== 'single') return;
        const result = response.body.singleResult;
        result.extensions = { ...result.extensions, databaseRoundTrips: contextValue.roundTrips.count };
      },
    };
  },
};
