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
import { buildASTSchema } from 'graphql';
import { mergeTypeDefs } from '@graphql-tools/merge';
import type { Config } from '../config/config.ts';
import type { Database } from '../database/database.ts';
import type { Logger } from '../logging/logger.ts';
import { createContext, type GraphQLContext } from '../graphql/context.ts';
import { createErrorFormatter, ErrorCode } from '../graphql/errors.ts';
import { knownOperationTypesRule } from '../graphql/known-operation-types.ts';
import { costLimitPlugin, limitValidationRules } from '../graphql/limits/index.ts';
import { resolvers } from '../graphql/resolvers/index.ts';
import { loadTypeDefs } from '../graphql/schema.ts';
import { EXPLORER_PATH, registerExplorer } from './explorer.ts';
import { registerPlayground, sendPlayground, wantsPlayground } from './playground.ts';

export const GRAPHQL_PATH = '/graphql';

export interface HttpServer {
  app: FastifyInstance;
  apollo: ApolloServer<GraphQLContext>;
}

export async function createHttpServer(config: Config, db: Database, log: Logger): Promise<HttpServer> {
  const settings = config.http;
  const app = Fastify({
    // pino's Logger is a FastifyBaseLogger; naming the base type keeps FastifyInstance's default generics.
    loggerInstance: log as FastifyBaseLogger,
    bodyLimit: settings.bodyLimitBytes,
    connectionTimeout: 30_000,
    requestTimeout: 60_000,
    keepAliveTimeout: 5_000,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    // Per-request log lines are noise in test runs; kept in development and production.
    logController: new LogController({ disableRequestLogging: config.env === 'test' }),
  });
  const typeDefs = mergeTypeDefs(loadTypeDefs());
  const production = config.env === 'production';
  const apollo = new ApolloServer<GraphQLContext>({
    typeDefs,
    resolvers,
    formatError: createErrorFormatter(buildASTSchema(typeDefs), log, { hideSuggestions: production || !settings.introspection, debug: settings.debugErrors }),
    includeStacktraceInErrorResponses: settings.debugErrors,
    introspection: settings.introspection,
    csrfPrevention: true,
    allowBatchedHttpRequests: settings.allowBatchedRequests,
    parseOptions: { maxTokens: config.operationLimits.maxTokens },
    validationRules: [knownOperationTypesRule, ...limitValidationRules(config.operationLimits)],
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      // We send no cache hints; the default cache-control plugin would still run a hook on every resolved field.
      ApolloServerPluginCacheControlDisabled(),
      fastifyApolloDrainPlugin(app),
      costLimitPlugin(config.operationLimits.maxCost, config.limits),
      ...(production ? [] : [roundTripsPlugin]),
    ],
  });
  await apollo.start();

  app.setErrorHandler(jsonErrorHandler(settings.bodyLimitBytes));
  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send({ errors: [{ message: `No route ${request.method} ${request.url}: GraphQL is served at ${GRAPHQL_PATH}`, extensions: { code: ErrorCode.NOT_FOUND } }] });
  });
  // Every response names its request, so a client's report can be matched with the server's log line.
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  app.addHook('onSend', legacyJsonStatus);
  if (settings.corsOrigins === '*' || settings.corsOrigins.length > 0) {
    await app.register(cors, { origin: settings.corsOrigins, methods: ['GET', 'POST'], maxAge: 600 });
  }

  if (settings.playground) await registerPlayground(app, { graphqlPath: GRAPHQL_PATH });
  const graphql = fastifyApolloHandler(apollo, { context: async (request) => createContext(db, config.limits, { log: request.log as Logger }) });
  app.route({
    method: ['GET', 'POST'],
    url: GRAPHQL_PATH,
    // A browser navigating here gets the playground instead of a GraphQL response.
    preHandler: async (request, reply) => {
      if (settings.playground && request.method === 'GET' && wantsPlayground(request)) return sendPlayground(reply, GRAPHQL_PATH);
    },
    handler: graphql,
  });
  if (settings.explorer) await registerExplorer(app);
  app.get('/', async (_request, reply) => reply.redirect(settings.explorer ? EXPLORER_PATH : GRAPHQL_PATH));
  app.get('/health', async () => ({ status: 'ok' }));
  app.get('/ready', async (_request, reply) => {
    const ready = await withinMs(settings.readyTimeoutMs, db.ping(), false);
    return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'unavailable', database: ready ? 'up' : 'down' });
  });
  return { app, apollo };
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
        : error.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
          ? `Request body is too large: at most ${bodyLimitBytes} bytes are accepted (BODY_LIMIT_BYTES).`
          : error.message;
    return reply.status(status).send({ errors: [{ message, extensions: { code: status >= 500 ? ErrorCode.INTERNAL_SERVER_ERROR : ErrorCode.BAD_REQUEST } }] });
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
