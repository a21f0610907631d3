/**
 * Request budgets per minute, per instance (@fastify/rate-limit's in-memory store): per key or token when the
 * request carries valid credentials, else per IP; a mutation draws from the caller's write budget instead,
 * which is smaller. Answers carry the IETF draft `ratelimit-*` headers; over budget is 429 RATE_LIMITED with
 * `retry-after`. Several instances each keep their own count, so together they allow that many times more.
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { getOperationAST, parse } from 'graphql';
import type { RateLimitSettings } from '../config/config.ts';
import type { Principal } from '../auth/principal.ts';

const BUCKETS = {
  anonymous: { setting: 'anonymousPerMinute', variable: 'RATE_LIMIT_PER_MINUTE_ANONYMOUS', who: 'this IP address' },
  key: { setting: 'keyPerMinute', variable: 'RATE_LIMIT_PER_MINUTE_KEY', who: 'this key' },
  write: { setting: 'writePerMinute', variable: 'RATE_LIMIT_PER_MINUTE_WRITE', who: 'writes by this key' },
} as const satisfies Record<string, { setting: keyof RateLimitSettings; variable: string; who: string }>;

type Bucket = keyof typeof BUCKETS;

const bucketOf = (key: string) => key.slice(0, key.indexOf(':')) as Bucket;

/** The rate-limit preHandler for a route; `principalOf` gives the request's authenticated principal, or null. */
export async function createRateLimiter(
  app: FastifyInstance,
  settings: RateLimitSettings,
  principalOf: (request: FastifyRequest) => Principal | null,
): Promise<preHandlerAsyncHookHandler> {
  await app.register(rateLimit, { global: false, enableDraftSpec: true });
  const budget = (key: string) => settings[BUCKETS[bucketOf(key)].setting];
  // The bucket each request was counted in, for the message of a refusal.
  const buckets = new WeakMap<FastifyRequest, Bucket>();
  return app.rateLimit({
    timeWindow: 60_000,
    keyGenerator: (request) => {
      const principal = principalOf(request);
      const bucket: Bucket = !principal || principal.kind === 'ANONYMOUS' ? 'anonymous' : isMutation(request) ? 'write' : 'key';
      buckets.set(request, bucket);
      return bucket === 'anonymous' ? `anonymous:${request.ip}` : `${bucket}:${principal!.kind}:${principal!.id}`;
    },
    // A budget of 0 is no limit.
    allowList: (_request, key) => budget(key) === 0,
    max: (_request, key) => budget(key),
    errorResponseBuilder: (request, context) => {
      const { who, variable } = BUCKETS[buckets.get(request) ?? 'anonymous'];
      const message = `Too many requests: at most ${context.max} a minute are allowed for ${who} (${variable}); retry in ${context.after}.`;
      return Object.assign(new Error(message), { statusCode: context.statusCode });
    },
  }) as preHandlerAsyncHookHandler;
}

/** True when the request (or an operation of its batch) is a mutation. Only asked for authenticated requests. */
function isMutation(request: FastifyRequest): boolean {
  const payload = request.method === 'GET' ? request.query : request.body;
  return (Array.isArray(payload) ? payload : [payload]).some((operation: unknown) => {
    const { query, operationName } = (operation ?? {}) as { query?: unknown; operationName?: unknown };
    if (typeof query !== 'string') return false;
    try {
      return getOperationAST(parse(query), typeof operationName === 'string' ? operationName : undefined)?.operation === 'mutation';
    } catch {
      return false; // Apollo answers the parse error.
    }
  });
}
