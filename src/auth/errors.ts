/** The errors of access control, with their HTTP status (Apollo applies `extensions.http`) and codes. */
import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../graphql/errors.ts';

/** RFC 6750: a 401 names the scheme the client should use. */
export const WWW_AUTHENTICATE = 'Bearer';

export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401, headers: new HeaderMap([['www-authenticate', WWW_AUTHENTICATE]]) } },
  });
}

export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.FORBIDDEN, http: { status: 403 } } });
}

/** A bearer that is not valid: an authentication failure, whatever the operation (never downgraded to anonymous). */
export class InvalidCredentialsError extends Error {
  override name = 'InvalidCredentialsError';
  readonly graphqlError: GraphQLError;

  constructor(message: string) {
    super(message);
    this.graphqlError = unauthenticated(message);
  }
}

/** Credentials that cannot be checked now (the JWT key set is unreachable): a server-side failure, not a bad bearer. */
export class CredentialsUnverifiableError extends Error {
  override name = 'CredentialsUnverifiableError';
}
