/**
 * Who is asking: resolved once per request from `Authorization: Bearer …` (an API key or, when configured, a
 * JWT) by src/auth, before any GraphQL runs. Resolvers read it from the context; writes record it as the
 * revision's author.
 */
import type { Scope } from '../graphql/generated/resolvers-types.ts';

export type { Scope };

/** Scopes from weakest to strongest: each includes the ones before it. */
export const SCOPES_IN_ORDER = ['READ', 'WRITE', 'ADMIN'] as const satisfies readonly Scope[];

export interface Principal {
  kind: 'ANONYMOUS' | 'KEY' | 'TOKEN' | 'SYSTEM';
  /** The key's id, the token's subject, or the knowledge file, as recorded in revisions. */
  id: string;
  /** The key's name or the token's subject: `Revision.author`. */
  name: string;
  /** The strongest scope held, or null (anonymous). */
  scope: Scope | null;
}

export const ANONYMOUS: Principal = { kind: 'ANONYMOUS', id: 'anonymous', name: 'anonymous', scope: null };

/** The server itself, loading a knowledge file. */
export function systemPrincipal(file: string): Principal {
  return { kind: 'SYSTEM', id: `system:${file}`, name: file, scope: 'ADMIN' };
}

/** True when `held` includes `needed`. */
export function scopeIncludes(held: Scope | null, needed: Scope): boolean {
  return held !== null && SCOPES_IN_ORDER.indexOf(held) >= SCOPES_IN_ORDER.indexOf(needed);
}
