/** The one error every operation limit raises: it names the limit, the maximum and what the operation asked. */
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors.ts';

export type LimitName = 'depth' | 'aliases' | 'directives' | 'tokens' | 'cost' | 'responseBytes';

export function limitExceeded(limit: LimitName, max: number, actual: number, advice: string): GraphQLError {
  return new GraphQLError(`Operation exceeds the ${limit} limit: ${actual} > ${max} allowed. ${advice}`, {
    // `http.status` makes Apollo answer 400 for errors raised after validation (the cost check).
    extensions: { code: ErrorCode.LIMIT_EXCEEDED, limit, max, actual, http: { status: 400 } },
  });
}
