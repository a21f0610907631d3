/** Identity and access: API keys, JWTs, the access policy, and what the HTTP and subscription transports call. */
import type { GraphQLSchema } from 'graphql';
import type { Config } from '../config/config.ts';
import type { Database } from '../database/database.ts';
import { ApiKeyStore } from './api-key-store.ts';
import { createAuthenticator, type Authenticate } from './authenticate.ts';
import { createAccessPolicy, type AccessPolicy } from './authorize.ts';
import { JwtVerifier } from './jwt.ts';

export { accessPlugin } from './access-plugin.ts';
export { ApiKeyStore, type ApiKeyInfo } from './api-key-store.ts';
export { checkScope, createAccessPolicy, scopeRequirements, type AccessPolicy } from './authorize.ts';
export { CredentialsUnverifiableError, InvalidCredentialsError, WWW_AUTHENTICATE } from './errors.ts';
export type { Authenticate } from './authenticate.ts';

/** What every transport (HTTP, subscriptions) calls: who is asking, and may they run this operation. */
export interface Auth {
  keys: ApiKeyStore;
  /**
   * The principal of a request's headers (ANONYMOUS without `Authorization`); throws InvalidCredentialsError for
   * credentials that are not valid (answer 401), CredentialsUnverifiableError or a DatabaseError when they
   * cannot be checked now (503).
   */
  authenticate: Authenticate;
  /** `policy.authorize(principal, document, operationName)`: null, or the 401/403 GraphQLError to answer. */
  policy: AccessPolicy;
}

export function createAuth(config: Config, db: Database, schema: GraphQLSchema): Auth {
  const keys = new ApiKeyStore(db, config.auth.apiKeyCacheMs);
  const jwt = config.auth.jwt ? new JwtVerifier(config.auth.jwt) : undefined;
  return { keys, authenticate: createAuthenticator(keys, jwt), policy: createAccessPolicy(schema, { requireKeyForReads: config.auth.requireKeyForReads }) };
}
