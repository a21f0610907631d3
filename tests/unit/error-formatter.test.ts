/**
 * The error formatter and the errors it is given, without a server: every error ends with a code from the one
 * enumeration, recognised by its kind (class, code, extensions, AST node), never by its message; unexpected
 * errors are masked and logged, expected ones are not.
 */
import { mergeTypeDefs } from '@graphql-tools/merge';
import { buildASTSchema, getVariableValues, GraphQLError, Kind, parse, specifiedRules, validate, type OperationDefinitionNode } from 'graphql';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { DatabaseError } from '../../src/database/errors.ts';
import { codeForStatus, createErrorFormatter, enumErrorsPlugin, ErrorCode, variableError } from '../../src/graphql/errors.ts';
import { limitExceeded } from '../../src/graphql/limits/index.ts';
import { countTokens, tokenLimitError } from '../../src/graphql/limits/tokens.ts';
import { loadTypeDefs } from '../../src/graphql/schema.ts';

const schema = buildASTSchema(mergeTypeDefs(loadTypeDefs()));

/** A formatter whose log lines are kept, to check what is logged as unexpected. */
function formatterWithLog(debug = false) {
  const lines: { msg: string }[] = [];
  const log = pino({ level: 'debug' }, { write: (line: string) => void lines.push(JSON.parse(line) as { msg: string }) });
  const format = createErrorFormatter(log, { debug });
  return { lines, format: (error: GraphQLError) => format(error.toJSON(), error) };
}

/** The validation errors of `query` after the enum plugin's hook has seen them, as Apollo would send them. */
async function validated(query: string): Promise<GraphQLError[]> {
  const document = parse(query);
  const errors = validate(schema, document, specifiedRules, { hideSuggestions: true });
  const listener = await enumErrorsPlugin.requestDidStart!({ schema } as never);
  const end = await listener!.validationDidStart!({ document } as never);
  await end!(errors);
  return [...errors];
}

describe('error formatter', () => {
  it('keeps the codes of the enumeration, with the message and no other extension', () => {
    const { format, lines } = formatterWithLog();
    const error = new GraphQLError('No such thing', { extensions: { code: ErrorCode.BAD_REQUEST, secret: 'x' } });
    expect(format(error)).toEqual({ message: 'No such thing', extensions: { code: 'BAD_REQUEST' } });
    expect(lines).toEqual([]);
  });

  it("passes Apollo's PERSISTED_QUERY_NOT_FOUND through without logging it as unexpected", () => {
    const { format, lines } = formatterWithLog();
    const error = new GraphQLError('PersistedQueryNotFound', { extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } });
    expect(format(error).extensions).toEqual({ code: ErrorCode.PERSISTED_QUERY_NOT_FOUND });
    expect(lines).toEqual([]);
  });

  it('names the limit, its maximum and the figure of a limit error', () => {
    const { format } = formatterWithLog();
    const formatted = format(limitExceeded('cost', 10, 11, 'Ask less.'));
    expect(formatted.extensions).toEqual({ code: 'LIMIT_EXCEEDED', limit: 'cost', max: 10, actual: 11 });
    expect(formatted.message).toBe('Operation exceeds the cost limit: 11 > 10 allowed. Ask less.');
  });

  it('maps database failures by their class, and logs those that are not an outage', () => {
    const { format, lines } = formatterWithLog();
    // As graphql-js reports a resolver's error: with a path, and the thrown error as originalError.
    const timeout = new GraphQLError('x', { path: ['entity'], originalError: new DatabaseError('DATABASE_TIMEOUT', 'The database query took too long and was stopped.') });
    expect(format(timeout)).toMatchObject({ message: 'The database query took too long and was stopped.', extensions: { code: 'DATABASE_TIMEOUT' } });
    expect(lines).toHaveLength(1);
    const down = new GraphQLError('x', { path: ['entity'], originalError: new DatabaseError('DATABASE_UNAVAILABLE', 'The database is unavailable; try again shortly.') });
    expect(format(down).extensions).toEqual({ code: 'DATABASE_UNAVAILABLE' });
    expect(lines).toHaveLength(1);
  });

  it('masks anything else as INTERNAL_SERVER_ERROR, logs it, and adds a stack only in debug mode', () => {
    const { format, lines } = formatterWithLog();
    const unexpected = new GraphQLError('TypeError: x is undefined at /src/secret.ts:3', { originalError: new TypeError('x is undefined') });
    expect(format(unexpected)).toEqual({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(lines.map((l) => l.msg)).toEqual(['unexpected error in a GraphQL request']);
    // A code that is not ours is masked the same way.
    expect(format(new GraphQLError('odd', { extensions: { code: 'SOMETHING_ELSE' } })).extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    const debug = formatterWithLog(true).format(unexpected);
    expect(debug.extensions?.stacktrace).toEqual(expect.arrayContaining([expect.stringContaining('TypeError')]));
  });
});

describe('errors recognised by kind', () => {
  it('a literal outside its enum is BAD_USER_INPUT with the allowed values, found by its node and expected type', async () => {
    const { format } = formatterWithLog();
    for (const query of ['{ entities(kind: ALIEN) { nodes { id } } }', '{ search(text: "x", kinds: [PERSON, ROBOT]) { score } }', '{ entities(kind: "PERSON") { nodes { id } } }']) {
      const [error] = await validated(query);
      const formatted = format(new GraphQLError(error!.message, { nodes: error!.nodes, extensions: { ...error!.extensions, code: 'GRAPHQL_VALIDATION_FAILED' } }));
      expect(formatted.extensions, query).toEqual({ code: 'BAD_USER_INPUT' });
      expect(formatted.message, query).toMatch(/Allowed values: PERSON, ORGANIZATION, PRODUCT/);
    }
  });

  it('other validation errors are left as they are', async () => {
    const [error] = await validated('{ entities(first: "ten") { nodes { id } } }');
    expect(error?.extensions.allowedValues).toBeUndefined();
    const [unknown] = await validated('{ entty(id: "x") { id } }');
    // hideSuggestions is graphql-js's own option: no "Did you mean" to strip afterwards.
    expect(unknown?.message).toBe('Cannot query field "entty" on type "Query".');
  });

  it('a variable outside its enum is BAD_USER_INPUT with the allowed values, found by its definition node', () => {
    const document = parse('query($k: EntityKind, $n: Int) { entities(kind: $k, first: $n) { nodes { id } } }');
    const operation = document.definitions[0] as OperationDefinitionNode;
    const coerce = (inputs: Record<string, unknown>) => getVariableValues(schema, operation.variableDefinitions ?? [], inputs, { hideSuggestions: true }).errors![0]!;
    const kind = variableError(schema, coerce({ k: 'ALIEN' }));
    expect(kind.extensions).toMatchObject({ code: 'BAD_USER_INPUT', allowedValues: expect.arrayContaining(['PERSON']) });
    expect(kind.message).toMatch(/"ALIEN"[\s\S]*Allowed values: PERSON/);
    const number = variableError(schema, coerce({ n: 'ten' }));
    expect(number.extensions).toEqual({ code: 'BAD_USER_INPUT', http: { status: 400 } });
    expect(number.nodes?.[0]?.kind).toBe(Kind.VARIABLE_DEFINITION);
  });

  it("counts tokens as graphql-js's parser does, and refuses more than the maximum with a limit error", () => {
    const document = '{ a # a comment is not a token\n b(x: [1, 2, "three"]) { c } }';
    expect(countTokens(document)).toBe(16); // commas and comments are not tokens
    expect(() => parse(document, { maxTokens: 16 })).not.toThrow();
    expect(() => parse(document, { maxTokens: 15 })).toThrow();
    expect(tokenLimitError(document, 16)).toBeUndefined();
    expect(tokenLimitError(document, 15)?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'tokens', max: 15, actual: 16 });
    // A document that does not lex is left to the parser, which says where.
    expect(tokenLimitError('{ a } ~', 5)).toBeUndefined();
  });

  it('gives every HTTP error status a code of the enumeration', () => {
    expect([400, 404, 405, 408, 413, 415, 431, 418, 500].map(codeForStatus)).toEqual([
      'BAD_REQUEST', 'NOT_FOUND', 'METHOD_NOT_ALLOWED', 'REQUEST_TIMEOUT', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE',
      'REQUEST_HEADER_FIELDS_TOO_LARGE', 'BAD_REQUEST', 'INTERNAL_SERVER_ERROR',
    ]);
  });
});
