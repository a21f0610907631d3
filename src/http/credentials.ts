/**
 * The credentials of a /graphql request, in two steps around the rate limit: `read` (onRequest) authenticates
 * the `Authorization` header, so the rate limit can count per key; `answerRefused` (preHandler, after the
 * rate limit, so made-up keys draw from their IP's budget) answers credentials that are not valid (401) or
 * cannot be checked now (503), and, with REQUIRE_KEY_FOR_READS, a caller without READ before any parsing (a
 * refused operation must not reach the cost limit's admission gate, which Apollo runs beside accessPlugin).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { checkScope, CredentialsUnverifiableError, InvalidCredentialsError, WWW_AUTHENTICATE, type Auth } from '../auth/index.ts';
import type { Principal } from '../auth/principal.ts';
import { DatabaseError } from '../database/errors.ts';
import { ErrorCode, errorBody } from '../graphql/errors.ts';

/** What a request's credentials gave: a principal, or why they were refused. */
type Credentials = { principal: Principal } | { refused: InvalidCredentialsError | CredentialsUnverifiableError | DatabaseError };

declare module 'fastify' {
  interface FastifyRequest {
    credentials: Credentials | null;
  }
}

/** The request's authenticated principal (ANONYMOUS without credentials), or null when they were refused. */
export function principalOf(request: FastifyRequest): Principal | null {
  return request.credentials && 'principal' in request.credentials ? request.credentials.principal : null;
}

export function credentialHooks(auth: Auth, options: { requireKeyForReads: boolean }) {
  return {
    read: async (request: FastifyRequest) => {
      request.credentials = await auth.authenticate(request.headers).then(
        (principal) => ({ principal }),
        (error: unknown) => {
          if (error instanceof InvalidCredentialsError || error instanceof CredentialsUnverifiableError || error instanceof DatabaseError) return { refused: error };
          throw error;
        },
      );
    },
    /**
     * Answers refused credentials (401, 403, 503) and returns true, or returns false to go on. A boolean, not the
     * reply: a FastifyReply is thenable, so an awaited reply would resolve to undefined and read as "go on".
     */
    answerRefused: async (request: FastifyRequest, reply: FastifyReply): Promise<boolean> => {
      const refused = request.credentials && 'refused' in request.credentials ? request.credentials.refused : null;
      if (refused instanceof DatabaseError) {
        void sendError(reply.header('retry-after', '1'), 503, 'Cannot check the credentials: the database is unavailable; retry.', refused.failure);
        return true;
      }
      if (refused instanceof CredentialsUnverifiableError) {
        request.log.warn({ err: refused }, 'JWT key set unavailable');
        void sendError(reply.header('retry-after', '5'), 503, "Cannot check the token now: the identity provider's key set is unreachable; retry.", ErrorCode.AUTHENTICATION_UNAVAILABLE);
        return true;
      }
      if (refused) {
        void sendError(reply.header('www-authenticate', `${WWW_AUTHENTICATE} error="invalid_token"`), 401, refused.message, ErrorCode.UNAUTHENTICATED);
        return true;
      }
      const noRead = options.requireKeyForReads ? checkScope(principalOf(request)!, 'READ') : null;
      if (!noRead) return false;
      const unauthenticated = noRead.extensions.code === ErrorCode.UNAUTHENTICATED;
      if (unauthenticated) void reply.header('www-authenticate', WWW_AUTHENTICATE);
      void sendError(reply, unauthenticated ? 401 : 403, noRead.message, unauthenticated ? ErrorCode.UNAUTHENTICATED : ErrorCode.FORBIDDEN);
      return true;
    },
  };
}

/** An answer in our JSON error shape, sent from a hook (the route's reply is typed as a string body). */
export function sendError(reply: FastifyReply, status: number, message: string, code: ErrorCode): FastifyReply {
  return reply.status(status).type('application/json; charset=utf-8').send(JSON.stringify(errorBody(message, code)));
}
