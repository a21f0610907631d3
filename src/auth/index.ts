/** Identity and access: API keys, JWTs, the access policy, and what the HTTP and subscription transports call. */
import type { Config } from '../config/config.ts';
import type { Database } from '../database/database.ts';
import { ApiKeyStore } from './api-key-store.ts';
import { createAuthenticator, type Authenticate } from './authenticate.ts';
import { JwtVerifier } from './jwt.ts';

export { accessPlugin } from './access-plugin.ts';
export { ApiKeyStore, type ApiKeyInfo } from './api-key-store.ts';
export { createAccessPolicy, scopeRequirements, type AccessPolicy } from './authorize.ts';
export { InvalidCredentialsError } from './errors.ts';
export type { Authenticate } from './authenticate.ts';

export interface Auth {
  keys: ApiKeyStore;
  /** The principal of a request's headers; throws InvalidCredentialsError for credentials that are not valid. */
  authenticate: Authenticate;
}

export function createAuth(config: Config, db: Database): Auth {
  const keys = new ApiKeyStore(db, config.auth.apiKeyCacheMs);
  const jwt = config.auth.jwt ? new JwtVerifier(config.auth.jwt) : undefined;
  return { keys, authenticate: createAuthenticator(keys, jwt) };
}
