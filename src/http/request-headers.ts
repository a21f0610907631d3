/**
 * The request headers that reach the GraphQL context besides credentials: `Idempotency-Key` (mutations apply
 * it) and `neo4j-bookmark` (causal consistency across instances). A malformed one is refused before any GraphQL
 * runs, with a message saying what is accepted.
 */
import type { IncomingHttpHeaders } from 'node:http';

/** 1 to 255 visible ASCII characters (no spaces, no control characters), as the IETF Idempotency-Key draft suggests for a UUID or similar. */
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

export type HeaderResult<T> = { value: T } | { error: string };

export function idempotencyKeyOf(headers: IncomingHttpHeaders): HeaderResult<string | null> {
  const header = headers['idempotency-key'];
  if (header === undefined) return { value: null };
  if (typeof header === 'string' && IDEMPOTENCY_KEY.test(header)) return { value: header };
  return { error: 'The Idempotency-Key header must be 1 to 255 visible ASCII characters (letters, digits, punctuation; no spaces), sent once: a UUID, for instance.' };
}

/** The bookmarks of a `neo4j-bookmark` header (a comma-separated list, repeated headers joined), passed through as they are. */
export function bookmarksOf(headers: IncomingHttpHeaders): string[] {
  const header = headers['neo4j-bookmark'];
  const values = Array.isArray(header) ? header : header === undefined ? [] : [header];
  return values.flatMap((value) => value.split(',')).map((bookmark) => bookmark.trim()).filter(Boolean);
}

/** Request headers a cross-origin client may send (CORS preflight), and response headers it may read. */
export const CORS_ALLOWED_HEADERS = ['content-type', 'accept', 'authorization', 'idempotency-key', 'neo4j-bookmark', 'apollo-require-preflight', 'x-apollo-operation-name', 'x-request-id'];
export const CORS_EXPOSED_HEADERS = ['neo4j-bookmark', 'ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset', 'retry-after', 'x-request-id', 'www-authenticate'];
