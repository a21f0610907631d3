/**
 * `authenticate(headers)`: the request's principal from its `Authorization` header, for HTTP and for the
 * subscription transport alike. No header: ANONYMOUS. A bearer that looks like a JWT goes to the JWT
 * verifier (when configured), any other to the API-key store. Anything presented that is not valid throws
 * InvalidCredentialsError: a bad key is refused even where no key is needed.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { ApiKeyStore } from './api-key-store.ts';
import { InvalidCredentialsError } from './errors.ts';
import { JwtVerifier, looksLikeJwt } from './jwt.ts';
import { ANONYMOUS, type Principal } from './principal.ts';

export type Authenticate = (headers: IncomingHttpHeaders | Record<string, string | string[] | undefined>) => Promise<Principal>;

const BEARER = /^Bearer +(\S+) *$/i;

export function createAuthenticator(keys: ApiKeyStore, jwt: JwtVerifier | undefined): Authenticate {
  return async (headers) => {
    const header = headers.authorization ?? headers.Authorization;
    if (header === undefined) return ANONYMOUS;
    const bearer = typeof header === 'string' ? BEARER.exec(header)?.[1] : undefined;
    if (!bearer) throw new InvalidCredentialsError('The Authorization header must be `Bearer <key>`: an API key (kg_…) or, where configured, a JWT.');
    if (looksLikeJwt(bearer)) {
      if (!jwt) throw new InvalidCredentialsError('This server accepts no JWTs (JWT_JWKS_URL is not set): send an API key.');
      const principal = await jwt.principalOf(bearer);
      if (!principal) throw new InvalidCredentialsError('The JWT is not valid: bad signature, expired, or wrong issuer or audience.');
      return principal;
    }
    const principal = await keys.principalOf(bearer);
    if (!principal) throw new InvalidCredentialsError('The API key is not valid: unknown, revoked, or malformed.');
    return principal;
  };
}
