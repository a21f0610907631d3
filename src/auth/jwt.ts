/**
 * Bearer JWTs, when JWT_JWKS_URL is set: verified by jose against the key set (fetched and cached by jose,
 * refetched when a token names an unknown key), with the configured issuer and audience, and read as a
 * principal of kind TOKEN with the strongest scope its scope claim grants.
 */
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import type { AuthSettings } from '../config/config.ts';
import { CredentialsUnverifiableError } from './errors.ts';
import { SCOPES_IN_ORDER, type Principal, type Scope } from './principal.ts';

/** A compact JWS: three base64url parts (the header of every JWT starts `{"`, base64url `eyJ`). */
const JWT_SHAPE = /^eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

export function looksLikeJwt(bearer: string): boolean {
  return JWT_SHAPE.test(bearer);
}

export type JwtSettings = NonNullable<AuthSettings['jwt']>;

export class JwtVerifier {
  private readonly keys: ReturnType<typeof createRemoteJWKSet>;

  constructor(private readonly settings: JwtSettings) {
    this.keys = createRemoteJWKSet(new URL(settings.jwksUrl));
  }

  /**
   * The token's principal, or null when it does not verify (signature, expiry, issuer, audience) or has no
   * subject. Throws CredentialsUnverifiableError when the key set cannot be had: the token may well be valid.
   */
  async principalOf(token: string): Promise<Principal | null> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, { issuer: this.settings.issuer, audience: this.settings.audience }));
    } catch (error) {
      if (keySetUnavailable(error)) throw new CredentialsUnverifiableError(`The JSON Web Key Set at JWT_JWKS_URL cannot be fetched: ${(error as Error).message}`);
      return null;
    }
    if (typeof payload.sub !== 'string' || payload.sub === '') return null;
    return { kind: 'TOKEN', id: payload.sub, name: payload.sub, scope: strongestScope(payload[this.settings.scopeClaim]) };
  }
}

/** The strongest of the scopes a claim lists (`"read write"` or `["read", "write"]`, any case); others are ignored. */
export function strongestScope(claim: unknown): Scope | null {
  const values = typeof claim === 'string' ? claim.split(/\s+/) : Array.isArray(claim) ? claim.filter((v): v is string => typeof v === 'string') : [];
  const held = new Set(values.map((v) => v.toUpperCase()));
  return [...SCOPES_IN_ORDER].reverse().find((scope) => held.has(scope)) ?? null;
}

/**
 * A failure to get the key set, by class: a timeout, an invalid set, a network error (not jose's), or jose's
 * generic error (thrown for an answer other than 200); every verdict on a token has a class of its own.
 */
function keySetUnavailable(error: unknown): boolean {
  return error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid || !(error instanceof errors.JOSEError) || error.constructor === errors.JOSEError;
}
