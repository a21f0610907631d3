/**
 * The change feed's transport: GraphQL over Server-Sent Events (The Guild's graphql-sse, distinct connections
 * mode) at /graphql/stream, on the same Fastify app and the same executable schema as /graphql, with the same
 * checks: the token limit, the validation rules and operation limits, the cost limit, and the same credentials
 * and access policy (src/auth). Only subscriptions are served here; queries and mutations go to /graphql.
 */
import { getOperationAST, GraphQLError, parse, specifiedRules, validate, getVariableValues, type DocumentNode, type GraphQLSchema } from 'graphql';
import { createHandler } from 'graphql-sse/lib/use/fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestAsyncHookHandler, preHandlerAsyncHookHandler } from 'fastify';
import { WWW_AUTHENTICATE, type Auth } from '../auth/index.ts';
import type { Principal } from '../auth/principal.ts';
import type { Config } from '../config/config.ts';
import type { Database } from '../database/database.ts';
import type { Logger } from '../logging/logger.ts';
import { createContext, type GraphQLContext } from '../graphql/context.ts';
import { ErrorCode, variableError } from '../graphql/errors.ts';
import { knownOperationTypesRule } from '../graphql/known-operation-types.ts';
import { limitExceeded, limitValidationRules, tokenLimitError } from '../graphql/limits/index.ts';
import { operationCost } from '../graphql/limits/cost.ts';
import type { Resolvers } from '../graphql/generated/resolvers-types.ts';
import type { RevisionRecord } from '../database/records.ts';
import { revisionSequence } from '../graphql/as-of.ts';
import type { ChangeFeed } from './change-feed.ts';

export const STREAM_PATH = '/graphql/stream';

/** `Subscription.changes`: the instance's change feed, from after the revision asked for (or from now). */
export function changeFeedResolvers(feed: ChangeFeed): Resolvers {
  return {
    Subscription: {
      changes: {
        subscribe: async (_root, { after }) => {
          const sequence = after === null || after === undefined ? null : revisionSequence(after, 'after');
          const revisions = await feed.subscribe(sequence);
          return mapIterator(revisions, (revision) => ({ changes: revision }));
        },
        // Without an event the operation was run as a query (POST /graphql): subscriptions need the stream.
        resolve: (event: { changes: RevisionRecord } | undefined) => {
          if (!event) {
            throw new GraphQLError(`Subscriptions are served over Server-Sent Events at ${STREAM_PATH} (graphql-sse), not at /graphql.`, {
              extensions: { code: ErrorCode.BAD_REQUEST, http: { status: 400 } },
            });
          }
          return event.changes;
        },
      },
    },
  };
}

function mapIterator<T, U>(source: AsyncIterableIterator<T>, map: (value: T) => U): AsyncIterableIterator<U> {
  const iterator: AsyncIterableIterator<U> = {
    next: async () => {
      const result = await source.next();
      return result.done ? { value: undefined, done: true } : { value: map(result.value), done: false };
    },
    return: async () => {
      await source.return?.();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}

export interface StreamOptions {
  schema: GraphQLSchema;
  db: Database;
  config: Config;
  auth: Auth;
  log: Logger;
  /** The server's error formatter: the same codes and masking as /graphql. */
  formatError: (formatted: ReturnType<GraphQLError['toJSON']>, error: unknown) => unknown;
  /** Sets the headers every response carries (request id, nosniff): the stream's reply is written raw. */
  commonHeaders: (request: FastifyRequest, reply: FastifyReply) => void;
  hideSuggestions: boolean;
  /** Reads the credentials (the rate limit counts per key). */
  onRequest: onRequestAsyncHookHandler;
  /** Answers refused credentials as /graphql does; the operation's access is decided below, by the policy. */
  answerRefused: (request: FastifyRequest, reply: FastifyReply) => Promise<boolean>;
  /** The principal `onRequest` authenticated (given by the HTTP layer, which owns the request's credentials). */
  principalOf: (request: FastifyRequest) => Principal | null;
  /** The rate limit: opening a stream draws from the same budgets as a request to /graphql. */
  preHandler: preHandlerAsyncHookHandler[];
}

type Refusal = [string, { status: number; statusText: string; headers: Record<string, string> }];

function refusal(status: number, message: string, code: string, headers: Record<string, string> = {}): Refusal {
  const body = JSON.stringify({ errors: [{ message, extensions: { code } }] });
  return [body, { status, statusText: status === 401 ? 'Unauthorized' : status === 403 ? 'Forbidden' : 'Bad Request', headers: { 'content-type': 'application/json; charset=utf-8', ...headers } }];
}

export function registerChangeStream(app: FastifyInstance, options: StreamOptions): void {
  const { schema, db, config, auth, log, formatError } = options;
  const { policy } = auth;
  const rules = [...specifiedRules, knownOperationTypesRule, ...limitValidationRules(config.operationLimits)];
  const principals = new WeakMap<FastifyRequest, Principal>();

  // graphql-sse types its context as a record; ours is the GraphQLContext /graphql resolvers receive.
  const handler = createHandler<GraphQLContext & Record<PropertyKey, unknown>>({
    schema,
    validate: (validated, document) => validate(validated, document, rules, { hideSuggestions: options.hideSuggestions }),
    onSubscribe: async (req, params) => {
      const request = req.raw;
      const tooLong = tokenLimitError(params.query, config.operationLimits.maxTokens);
      if (tooLong) return refusal(400, tooLong.message, ErrorCode.LIMIT_EXCEEDED);
      let document: DocumentNode;
      try {
        document = parse(params.query, { maxTokens: config.operationLimits.maxTokens });
      } catch (error) {
        return refusal(400, error instanceof GraphQLError ? error.message : 'The query is not valid GraphQL.', ErrorCode.GRAPHQL_PARSE_FAILED);
      }
      const operation = getOperationAST(document, params.operationName);
      if (!operation) return refusal(400, 'Name the operation to run (operationName): the document holds several, or none.', ErrorCode.BAD_REQUEST);
      if (operation.operation !== 'subscription') return refusal(400, `${STREAM_PATH} serves subscriptions only: send queries and mutations to /graphql.`, ErrorCode.BAD_REQUEST);
      const principal = principals.get(request)!;
      const denied = policy.authorize(principal, document, params.operationName);
      if (denied) {
        const status = denied.extensions.code === ErrorCode.UNAUTHENTICATED ? 401 : 403;
        return refusal(status, denied.message, String(denied.extensions.code), status === 401 ? { 'www-authenticate': WWW_AUTHENTICATE } : {});
      }
      const errors = validate(schema, document, rules, { hideSuggestions: options.hideSuggestions });
      if (errors.length > 0) {
        // The operation limits are validation rules whose errors name their limit (src/graphql/limits).
        const error = errors[0]!;
        return refusal(400, error.message, typeof error.extensions.limit === 'string' ? ErrorCode.LIMIT_EXCEEDED : ErrorCode.GRAPHQL_VALIDATION_FAILED);
      }
      const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], params.variables ?? {}, { hideSuggestions: options.hideSuggestions, maxErrors: 1 });
      if (coerced.errors) return refusal(400, variableError(schema, coerced.errors[0]!).message, ErrorCode.BAD_USER_INPUT);
      const fragments = Object.fromEntries(document.definitions.flatMap((d) => (d.kind === 'FragmentDefinition' ? [[d.name.value, d]] : [])));
      const cost = operationCost({ schema, operation, fragments, variables: coerced.coerced, limits: config.limits });
      if (cost > config.operationLimits.maxCost) {
        const error = limitExceeded('cost', config.operationLimits.maxCost, cost, 'Select fewer fields of each revision.');
        return refusal(400, error.message, ErrorCode.LIMIT_EXCEEDED);
      }
      const contextValue = createContext(db, config.limits, { log: request.log as Logger, principal });
      return { schema, document, operationName: params.operationName, variableValues: params.variables ?? {}, contextValue: contextValue as GraphQLContext & Record<PropertyKey, unknown> };
    },
    // Every event's errors as /graphql formats them (codes kept, internals masked).
    onNext: (_context, _req, result) => {
      if (!result.errors?.length) return;
      return { ...result, errors: result.errors.map((error) => formatError(error.toJSON(), error)) as never };
    },
  });

  const stream = async (request: FastifyRequest, reply: FastifyReply) => {
    // Bad or uncheckable credentials are answered as /graphql answers them (src/http/credentials.ts).
    if (await options.answerRefused(request, reply)) return;
    const principal = options.principalOf(request)!;
    principals.set(request, principal);
    options.commonHeaders(request, reply);
    // graphql-sse writes the response itself, for as long as the stream lasts.
    reply.hijack();
    try {
      await handler(request, reply);
    } catch (error) {
      log.error({ err: error }, 'change stream failed');
      if (!reply.raw.headersSent) reply.raw.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
      reply.raw.end(JSON.stringify({ errors: [{ message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }] }));
    }
  };
  app.route({ method: ['GET', 'POST'], url: STREAM_PATH, onRequest: options.onRequest, preHandler: options.preHandler, handler: stream });
}
