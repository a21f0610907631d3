/**
 * The one enumeration of error codes clients see in `extensions.code`, and the formatter that gives every
 * error one of them. Internal details (stack traces, driver messages) never leave the server.
 */
import { GraphQLError, isEnumType, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { DatabaseError } from '../database/errors.ts';
import type { Logger } from '../logging/logger.ts';

export const ErrorCode = {
  /** An argument is out of range or malformed; the message says what is allowed. */
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  GRAPHQL_PARSE_FAILED: 'GRAPHQL_PARSE_FAILED',
  GRAPHQL_VALIDATION_FAILED: 'GRAPHQL_VALIDATION_FAILED',
  BAD_REQUEST: 'BAD_REQUEST',
  /** No such HTTP route or asset (GraphQL itself answers a missing id with null). */
  NOT_FOUND: 'NOT_FOUND',
  OPERATION_RESOLUTION_FAILURE: 'OPERATION_RESOLUTION_FAILURE',
  /** The operation is over a documented limit (depth, aliases, directives, tokens, cost); `extensions.limit` says which. */
  LIMIT_EXCEEDED: 'LIMIT_EXCEEDED',
  /** Neo4j cannot be reached; the server keeps running and recovers when it returns. */
  DATABASE_UNAVAILABLE: 'DATABASE_UNAVAILABLE',
  /** A statement exceeded its transaction timeout. */
  DATABASE_TIMEOUT: 'DATABASE_TIMEOUT',
  DATABASE_ERROR: 'DATABASE_ERROR',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** A BAD_USER_INPUT error naming the argument and what it accepts. */
export function badUserInput(argument: string, message: string): GraphQLError {
  return new GraphQLError(`Invalid argument \`${argument}\`: ${message}`, {
    // Bad input is the client's error: Apollo answers 400 when a resolver's error asks for it.
    extensions: { code: ErrorCode.BAD_USER_INPUT, argument, http: { status: 400 } },
  });
}

const ENUM_VALUE_ERROR = /(?:Value "[^"]*" does not exist in|Enum) "(\w+)"(?: enum| cannot represent)/;
// graphql-js 16 writes "more that N tokens"; later versions may fix the typo.
const TOKEN_LIMIT_ERROR = /Document contains more tha[nt] (\d+) tokens/;
const SUGGESTION = / ?Did you mean [^?]*\?/g;

export interface ErrorFormatterOptions {
  /** Hide "Did you mean …?" hints, which reveal the schema when introspection is off. */
  hideSuggestions: boolean;
  /** Add the stack trace of unexpected errors (a debugging setting, never on by default). */
  debug: boolean;
}

/**
 * Apollo Server's `formatError`: keeps our codes, maps database failures to theirs, names the limit an
 * operation exceeded, reports a wrong enum value as BAD_USER_INPUT listing the allowed values, and masks
 * everything unexpected. Only `code` (and a limit's figures) are kept in `extensions`.
 */
export function createErrorFormatter(schema: GraphQLSchema, log: Logger, options: ErrorFormatterOptions) {
  const clean = (message: string) => (options.hideSuggestions ? message.replace(SUGGESTION, '') : message);
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const { locations, path } = formatted;
    if (original instanceof DatabaseError) {
      // The client gets the classification; the operator gets the driver's own error.
      if (original.failure !== 'DATABASE_UNAVAILABLE') log.error({ err: original.cause ?? original, path }, original.message);
      return { message: original.message, locations, path, extensions: { code: original.failure } };
    }
    const extensions = formatted.extensions ?? {};
    if (typeof extensions.limit === 'string') {
      const { limit, max, actual } = extensions;
      return { message: formatted.message, locations, path, extensions: { code: ErrorCode.LIMIT_EXCEEDED, limit, max, actual } };
    }
    const tokens = TOKEN_LIMIT_ERROR.exec(formatted.message);
    if (tokens) {
      const message = `Operation exceeds the tokens limit: more than ${tokens[1]} tokens allowed. Send a shorter document.`;
      return { message, locations, extensions: { code: ErrorCode.LIMIT_EXCEEDED, limit: 'tokens', max: Number(tokens[1]) } };
    }
    const code = extensions.code;
    if (code === ErrorCode.GRAPHQL_VALIDATION_FAILED || code === ErrorCode.BAD_USER_INPUT) {
      const enumName = ENUM_VALUE_ERROR.exec(formatted.message)?.[1];
      const enumType = enumName ? schema.getType(enumName) : undefined;
      if (enumType && isEnumType(enumType)) {
        const allowed = enumType.getValues().map((v) => v.name).join(', ');
        return { message: `${formatted.message.replace(SUGGESTION, '')} Allowed values: ${allowed}.`, locations, path, extensions: { code: ErrorCode.BAD_USER_INPUT } };
      }
    }
    if (typeof code === 'string' && code !== ErrorCode.INTERNAL_SERVER_ERROR && Object.values<string>(ErrorCode).includes(code)) {
      return { message: clean(formatted.message), locations, path, extensions: { code } };
    }
    log.error({ err: original, path }, 'unexpected error in a GraphQL request');
    const debug = options.debug && original instanceof Error ? { stacktrace: original.stack?.split('\n') } : {};
    return { message: 'Internal server error', locations, path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, ...debug } };
  };
}
