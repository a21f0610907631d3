/**
 * GET /schema.graphql: the schema clients build against, printed by graphql-js (descriptions, `@deprecated`,
 * `@specifiedBy`: what introspection shows), validated by an ETag of its text. Published only where
 * introspection is on, behind the same credentials and rate limits as /graphql.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { printSchema, type GraphQLSchema } from 'graphql';
import { createHash } from 'node:crypto';
import { ErrorCode, errorBody } from '../graphql/errors.ts';
import { matches, NO_STORE } from './http-cache.ts';

export const SCHEMA_PATH = '/schema.graphql';

export interface SchemaRouteOptions {
  schema: GraphQLSchema;
  /** INTROSPECTION: the SDL says no more than introspection would. */
  introspection: boolean;
  /** CACHE_MAX_AGE_SECONDS (0: revalidate every time). */
  maxAgeSeconds: number;
  /** REQUIRE_KEY_FOR_READS: the schema is `private`, as the answers are. */
  privateReads: boolean;
  onRequest: (request: FastifyRequest) => Promise<void>;
  /** The rate limit: the schema is a request like any other, drawn from the same budgets. */
  preHandler: preHandlerAsyncHookHandler[];
  /** Answers refused credentials and returns true, or returns false to go on. */
  answerRefused: (request: FastifyRequest, reply: FastifyReply) => Promise<boolean>;
}

export function registerSchemaRoute(app: FastifyInstance, options: SchemaRouteOptions): void {
  const sdl = `${printSchema(options.schema)}\n`;
  const etag = `"${createHash('sha256').update(sdl).digest('base64url').slice(0, 27)}"`;
  const cacheControl = `${options.privateReads ? 'private' : 'public'}, ${options.maxAgeSeconds > 0 ? `max-age=${options.maxAgeSeconds}` : 'no-cache'}`;
  app.route({
    method: 'GET',
    url: SCHEMA_PATH,
    onRequest: options.onRequest,
    preHandler: options.preHandler,
    handler: async (request, reply) => {
      if (await options.answerRefused(request, reply)) return reply;
      if (!options.introspection) {
        return reply.status(404).header('cache-control', NO_STORE).send(errorBody('The schema is not published here: introspection is off (INTROSPECTION=false).', ErrorCode.NOT_FOUND));
      }
      void reply.header('etag', etag).header('cache-control', cacheControl).header('vary', 'authorization');
      if (matches(request.headers['if-none-match'], etag)) return reply.status(304).send();
      return reply.type('text/plain; charset=utf-8').send(sdl);
    },
  });
}
