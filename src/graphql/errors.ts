/**
 * The one enumeration of error codes clients see in `extensions.code`, and the formatter that gives every
 * error one of them. Internal details (stack traces, driver messages) never leave the server. Errors are
 * recognised by their kind (class, code, extensions, AST nodes), never by their message text.
 */
import {
  getNamedType,
  GraphQLError,
  isEnumType,
  Kind,
  typeFromAST,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type ASTNode,
  type DocumentNode,
  type GraphQLEnumType,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { DatabaseError } from '../database/errors.ts';
import type { Logger } from '../logging/logger.ts';

export const ErrorCode = {
  /** An argument or variable is out of range or malformed; the message says what is allowed. */
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  GRAPHQL_PARSE_FAILED: 'GRAPHQL_PARSE_FAILED',
  GRAPHQL_VALIDATION_FAILED: 'GRAPHQL_VALIDATION_FAILED',
  /** A request GraphQL cannot read: bad JSON, bad framing, a bad URL, a missing query (HTTP 400). */
  BAD_REQUEST: 'BAD_REQUEST',
  /**
   * No such HTTP route or asset (GraphQL itself answers a missing id with null), HTTP 404; or a mutation names an
   * entity or fact that does not exist (`extensions.problems` points at the argument).
   */
  NOT_FOUND: 'NOT_FOUND',
  /** A write's `expectedRevision` is not the target's current revision (`extensions.currentRevision`): nothing was written. */
  CONFLICT: 'CONFLICT',
  /** An `Idempotency-Key` already used with a different request (bad input: use a new key). */
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
  /** A `neo4j-bookmark` the database does not accept (malformed, or of another database). HTTP 400. */
  INVALID_BOOKMARK: 'INVALID_BOOKMARK',
  /** The route exists but not for this HTTP method; the `allow` header lists those it takes. HTTP 405. */
  METHOD_NOT_ALLOWED: 'METHOD_NOT_ALLOWED',
  /** No representation in a type the `Accept` header allows; `extensions.available` lists those there are. HTTP 406. */
  NOT_ACCEPTABLE: 'NOT_ACCEPTABLE',
  /** The request was not received in time (headers or body sent too slowly). HTTP 408. */
  REQUEST_TIMEOUT: 'REQUEST_TIMEOUT',
  /** The request body is over BODY_LIMIT_BYTES. HTTP 413. */
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  /** The body's content-type is not one the endpoint reads (application/json). HTTP 415. */
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  /** The request's headers are larger than Node's header limit. HTTP 431. */
  REQUEST_HEADER_FIELDS_TOO_LARGE: 'REQUEST_HEADER_FIELDS_TOO_LARGE',
  /** An automatic persisted query's hash the server does not know: send the query with it (Apollo's own code). */
  PERSISTED_QUERY_NOT_FOUND: 'PERSISTED_QUERY_NOT_FOUND',
  /** Automatic persisted queries are off on this server (PERSISTED_QUERIES_CACHE_BYTES=0): send the query (Apollo's own code). */
  PERSISTED_QUERY_NOT_SUPPORTED: 'PERSISTED_QUERY_NOT_SUPPORTED',
  /** `extensions.persistedQuery.sha256Hash` is not the SHA-256 of the `query` sent with it: nothing ran. HTTP 400. */
  PERSISTED_QUERY_HASH_MISMATCH: 'PERSISTED_QUERY_HASH_MISMATCH',
  /** TRUSTED_DOCUMENTS is set and the document is not in its manifest: add it to the client's documents and regenerate. HTTP 400. */
  DOCUMENT_NOT_TRUSTED: 'DOCUMENT_NOT_TRUSTED',
  OPERATION_RESOLUTION_FAILURE: 'OPERATION_RESOLUTION_FAILURE',
  /** No credentials where the operation needs them, or credentials that are not valid (HTTP 401, `www-authenticate: Bearer`). */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** Valid credentials without the scope the operation needs (HTTP 403). */
  FORBIDDEN: 'FORBIDDEN',
  /** The credentials cannot be checked now (the JWT key set is unreachable): retry (HTTP 503, `retry-after`). */
  AUTHENTICATION_UNAVAILABLE: 'AUTHENTICATION_UNAVAILABLE',
  /** Over the caller's request budget (HTTP 429, `retry-after` and the `ratelimit-*` headers). */
  RATE_LIMITED: 'RATE_LIMITED',
  /** The operation or its answer is over a documented limit; `extensions.limit` says which. */
  LIMIT_EXCEEDED: 'LIMIT_EXCEEDED',
  /** Expensive operations fill the server's cost budget and this one waited too long for its turn: retry (HTTP 503, `retry-after`). */
  SERVER_BUSY: 'SERVER_BUSY',
  /** Neo4j cannot be reached; the server keeps running and recovers when it returns. */
  DATABASE_UNAVAILABLE: 'DATABASE_UNAVAILABLE',
  /** A statement exceeded its transaction timeout. */
  DATABASE_TIMEOUT: 'DATABASE_TIMEOUT',
  DATABASE_ERROR: 'DATABASE_ERROR',
  /** `asOf.revision` names a revision that has not been committed (yet): ask `knowledgeVersion` for the latest. */
  REVISION_NOT_FOUND: 'REVISION_NOT_FOUND',
  /** This field cannot answer `asOf` (its description says why): ask it without `asOf`. */
  AS_OF_NOT_SUPPORTED: 'AS_OF_NOT_SUPPORTED',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** The code of an HTTP error status answered outside GraphQL (framing, routing, media types). */
export function codeForStatus(status: number): ErrorCode {
  const codes: Record<number, ErrorCode> = {
    401: ErrorCode.UNAUTHENTICATED,
    403: ErrorCode.FORBIDDEN,
    404: ErrorCode.NOT_FOUND,
    405: ErrorCode.METHOD_NOT_ALLOWED,
    406: ErrorCode.NOT_ACCEPTABLE,
    408: ErrorCode.REQUEST_TIMEOUT,
    413: ErrorCode.PAYLOAD_TOO_LARGE,
    415: ErrorCode.UNSUPPORTED_MEDIA_TYPE,
    429: ErrorCode.RATE_LIMITED,
    431: ErrorCode.REQUEST_HEADER_FIELDS_TOO_LARGE,
  };
  return codes[status] ?? (status >= 500 ? ErrorCode.INTERNAL_SERVER_ERROR : ErrorCode.BAD_REQUEST);
}

/** The body of every answer that is not a GraphQL result: the same shape as a GraphQL error. */
export function errorBody(message: string, code: ErrorCode) {
  return { errors: [{ message, extensions: { code } }] };
}

/** A BAD_USER_INPUT error naming the argument and what it accepts. */
export function badUserInput(argument: string, message: string): GraphQLError {
  return new GraphQLError(`Invalid argument \`${argument}\`: ${message}`, {
    // Bad input is the client's error: Apollo answers 400 when a resolver's error asks for it.
    extensions: { code: ErrorCode.BAD_USER_INPUT, argument, http: { status: 400 } },
  });
}

/** graphql-js's error about a value outside an enum, as BAD_USER_INPUT listing the values allowed. */
function enumValueError(error: GraphQLError, enumType: GraphQLEnumType): GraphQLError {
  const allowedValues = enumType.getValues().map((v) => v.name);
  return new GraphQLError(`${error.message} Allowed values: ${allowedValues.join(', ')}.`, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    // `allowedValues` survives Apollo's wrapping of validation errors (which resets `code`): the formatter reads it.
    extensions: { code: ErrorCode.BAD_USER_INPUT, allowedValues, http: { status: 400 } },
  });
}

/** A variable graphql-js could not coerce (its error names the variable's definition node) as BAD_USER_INPUT. */
export function variableError(schema: GraphQLSchema, error: GraphQLError): GraphQLError {
  const definition = error.nodes?.[0];
  const type = definition?.kind === Kind.VARIABLE_DEFINITION ? typeFromAST(schema, definition.type) : undefined;
  const named = type && getNamedType(type);
  if (named && isEnumType(named)) return enumValueError(error, named);
  return new GraphQLError(error.message, { nodes: error.nodes, extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } } });
}

/** Each literal value of the document whose expected type is an enum, with that enum (from graphql-js's TypeInfo). */
function enumPositions(schema: GraphQLSchema, document: DocumentNode): Map<ASTNode, GraphQLEnumType> {
  const positions = new Map<ASTNode, GraphQLEnumType>();
  const typeInfo = new TypeInfo(schema);
  const record = (node: ASTNode) => {
    const type = typeInfo.getInputType();
    const named = type && getNamedType(type);
    if (named && isEnumType(named)) positions.set(node, named);
  };
  const literals = [Kind.ENUM, Kind.STRING, Kind.INT, Kind.FLOAT, Kind.BOOLEAN, Kind.NULL, Kind.OBJECT] as const;
  visit(document, visitWithTypeInfo(typeInfo, Object.fromEntries(literals.map((kind) => [kind, record]))));
  return positions;
}

/**
 * Validation errors about a literal outside its enum (graphql-js's ValuesOfCorrectTypeRule names the value's
 * node) become BAD_USER_INPUT with the allowed values: the node's expected type says which enum.
 */
export const enumErrorsPlugin: ApolloServerPlugin = {
  async requestDidStart({ schema }) {
    return {
      async validationDidStart({ document }) {
        return async (errors) => {
          if (!errors?.length) return;
          const positions = enumPositions(schema, document);
          // Apollo answers with this same array once the hook returns, so an error replaced here is the one sent.
          const replaceable = errors as Error[];
          replaceable.forEach((error, i) => {
            const enumType = error instanceof GraphQLError && error.nodes?.length === 1 ? positions.get(error.nodes[0]!) : undefined;
            if (enumType) replaceable[i] = enumValueError(error as GraphQLError, enumType);
          });
        };
      },
    };
  },
};

/**
 * Root fields fail alone (docs/public-api.md): every root field is nullable, so a resolver's error nulls its own
 * field, and the answer has `data`. GraphQL over HTTP makes an answer with `data` a 2xx under either media type;
 * Apollo would instead give the whole answer the status a resolver's error asks for (400 for bad input, 409 for
 * a conflict), siblings included. The codes stay in `errors`. Errors about the operation as a whole (parse,
 * validation, variables, limits, access) answer before execution, without `data`, and keep their status.
 */
export const partialResultsPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        const data = response.body.kind === 'single' ? response.body.singleResult.data : response.body.initialResult.data;
        if (data !== null && data !== undefined) response.http.status = 200;
      },
    };
  },
};

export interface ErrorFormatterOptions {
  /** Add the stack trace of unexpected errors (a debugging setting, never on by default). */
  debug: boolean;
}

/**
 * Apollo Server's `formatError`: keeps our codes, maps database failures to theirs, names the limit an
 * operation exceeded, reports a wrong enum value as BAD_USER_INPUT listing the allowed values, and masks
 * everything unexpected. Only `code` (and a limit's figures) are kept in `extensions`. Suggestions ("Did you
 * mean …?") are left out at their source, by graphql-js's `hideSuggestions` option, where configured.
 */
export function createErrorFormatter(log: Logger, options: ErrorFormatterOptions) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const { message, locations, path } = formatted;
    if (original instanceof DatabaseError) {
      // The client gets the classification; the operator gets the driver's own error.
      // An outage is logged where it is detected; a bad bookmark is the client's mistake, not the server's.
      if (original.failure === 'INVALID_BOOKMARK') log.debug({ err: original.cause ?? original, path }, original.message);
      else if (original.failure !== 'DATABASE_UNAVAILABLE') log.error({ err: original.cause ?? original, path }, original.message);
      return { message: original.message, locations, path, extensions: { code: original.failure } };
    }
    const extensions = formatted.extensions ?? {};
    if (typeof extensions.limit === 'string') {
      const { limit, max, actual } = extensions;
      return { message, locations, path, extensions: { code: ErrorCode.LIMIT_EXCEEDED, limit, max, actual } };
    }
    // A literal outside its enum, or a custom scalar's value in the wrong format (src/graphql/scalars.ts).
    if (Array.isArray(extensions.allowedValues) || typeof extensions.scalar === 'string') return { message, locations, path, extensions: { code: ErrorCode.BAD_USER_INPUT } };
    const code = extensions.code;
    if (typeof code === 'string' && code !== ErrorCode.INTERNAL_SERVER_ERROR && Object.values<string>(ErrorCode).includes(code)) {
      // A write's details: what is wrong where (JSON pointers into the arguments), the revision to retry against.
      const details = Object.fromEntries(['problems', 'currentRevision'].filter((key) => key in extensions).map((key) => [key, extensions[key]]));
      return { message, locations, path, extensions: { code, ...details } };
    }
    log.error({ err: original, path }, 'unexpected error in a GraphQL request');
    const debug = options.debug && original instanceof Error ? { stacktrace: original.stack?.split('\n') } : {};
    return { message: 'Internal server error', locations, path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, ...debug } };
  };
}
