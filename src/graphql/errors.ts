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
    extensions: { code: ErrorCode.BAD_USER_INPUT, argument },
  });
}

const ENUM_VALUE_ERROR = /(?:Value "[^"]*" does not exist in|Enum) "(\w+)"(?: enum| cannot represent)/;

/**
 * Apollo Server's `formatError`: keeps our codes, maps database failures to theirs, reports a wrong enum value
 * as BAD_USER_INPUT listing the allowed values, and masks everything unexpected.
 */
export function createErrorFormatter(schema: GraphQLSchema, log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof DatabaseError) {
      // The client gets the classification; the operator gets the driver's own error.
      if (original.failure !== 'DATABASE_UNAVAILABLE') log.error({ err: original.cause ?? original, path: formatted.path }, original.message);
      return { message: original.message, locations: formatted.locations, path: formatted.path, extensions: { code: original.failure } };
    }
    const code = formatted.extensions?.code;
    if (code === ErrorCode.GRAPHQL_VALIDATION_FAILED || code === ErrorCode.BAD_USER_INPUT) {
      const enumName = ENUM_VALUE_ERROR.exec(formatted.message)?.[1];
      const enumType = enumName ? schema.getType(enumName) : undefined;
      if (enumType && isEnumType(enumType)) {
        const allowed = enumType.getValues().map((v) => v.name).join(', ');
        return { ...formatted, message: `${formatted.message.replace(/ Did you mean.*$/, '')} Allowed values: ${allowed}.`, extensions: { code: ErrorCode.BAD_USER_INPUT } };
      }
    }
    if (typeof code === 'string' && code !== ErrorCode.INTERNAL_SERVER_ERROR && Object.values<string>(ErrorCode).includes(code)) {
      return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code } };
    }
    log.error({ err: original, path: formatted.path }, 'unexpected error in a GraphQL request');
    return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
  };
}
