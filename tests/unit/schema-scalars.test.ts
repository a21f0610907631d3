/**
 * The custom scalars (src/graphql/scalars.ts, schema/scalars.graphql) in the executable schema: the SDL's
 * descriptions and @specifiedBy survive the resolvers, values keep their text, and a value in the wrong format is
 * BAD_USER_INPUT saying the format, as a literal (validation) and as a variable (coercion).
 */
import { mergeTypeDefs } from '@graphql-tools/merge';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { getVariableValues, GraphQLError, GraphQLScalarType, parse, specifiedRules, validate, type OperationDefinitionNode } from 'graphql';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createErrorFormatter, variableError } from '../../src/graphql/errors.ts';
import { CurrencyCodeScalar, DateScalar, DateTimeScalar, TimePeriodScalar } from '../../src/graphql/scalars.ts';
import { resolvers } from '../../src/graphql/resolvers/index.ts';
import { loadTypeDefs } from '../../src/graphql/schema.ts';

const schema = makeExecutableSchema({ typeDefs: mergeTypeDefs(loadTypeDefs()), resolvers });
const format = createErrorFormatter(pino({ level: 'silent' }), { debug: false });
const formatted = (error: GraphQLError) => format(error.toJSON(), error);

const cases = {
  Date: { scalar: DateScalar, good: ['2024-04-30', '2024-02-29'], bad: ['2024-02-30', '2024-4-30', '2024-04', '30/04/2024', ''] },
  DateTime: {
    scalar: DateTimeScalar,
    good: ['2026-12-01T10:00:00Z', '2026-12-01T11:00:00.123+01:00', '2026-12-01t10:00:00z'],
    bad: ['2026-12-01', '2026-12-01T10:00:00', '2026-02-30T10:00:00Z', 'yesterday', '2026-12-01T25:00:00Z'],
  },
  TimePeriod: { scalar: TimePeriodScalar, good: ['2024', '2024-Q2', '2024-04', '2024-04-30'], bad: ['2024-Q5', '2024-13', '2024-02-30', '24', 'avril'] },
  CurrencyCode: { scalar: CurrencyCodeScalar, good: ['USD', 'EUR', 'JPY'], bad: ['usd', 'US', 'DOLLAR', 'ABC'] },
} satisfies Record<string, { scalar: GraphQLScalarType; good: string[]; bad: string[] }>;

describe('custom scalars', () => {
  it.each(Object.entries(cases))('%s keeps good values as written and refuses bad ones with its format', (name, { scalar, good, bad }) => {
    for (const value of good) {
      expect(scalar.parseValue(value)).toBe(value);
      expect(scalar.serialize(value)).toBe(value);
    }
    for (const value of bad) {
      expect(() => scalar.parseValue(value), value).toThrow(new RegExp(`^${name} must be `));
      expect(() => scalar.serialize(value), value).toThrow();
    }
    expect(() => scalar.parseValue(20240430)).toThrow(GraphQLError);
  });

  it('keep the SDL description and @specifiedBy in the executable schema', () => {
    const specified = Object.fromEntries(Object.keys(cases).map((name) => [name, (schema.getType(name) as GraphQLScalarType).specifiedByURL]));
    expect(specified).toEqual({
      Date: 'https://scalars.graphql.org/andimarek/local-date.html',
      DateTime: 'https://scalars.graphql.org/andimarek/date-time.html',
      TimePeriod: undefined, // its grammar is its description
      CurrencyCode: 'https://www.iso.org/iso-4217-currency-codes.html',
    });
    for (const name of Object.keys(cases)) expect(schema.getType(name)!.description?.length, name).toBeGreaterThan(20);
  });

  it('are where docs/public-api.md says', () => {
    const typeOf = (type: string, field: string) => {
      const t = schema.getType(type) as unknown as { getFields(): Record<string, { type: unknown }> };
      return String(t.getFields()[field]!.type);
    };
    expect(['start', 'end', 'value', 'endValue'].map((f) => typeOf('TimeRef', f))).toEqual(['Date!', 'Date!', 'TimePeriod!', 'TimePeriod']);
    expect([typeOf('Revision', 'committedAt'), typeOf('AsOf', 'time')]).toEqual(['DateTime!', 'DateTime']);
    expect([typeOf('TimeRefInput', 'value'), typeOf('TimeRefInput', 'end'), typeOf('QuantityInput', 'currency')]).toEqual(['TimePeriod!', 'TimePeriod', 'CurrencyCode']);
    expect([typeOf('Money', 'amount'), typeOf('Money', 'currency'), typeOf('Quantity', 'money')]).toEqual(['Float!', 'CurrencyCode!', 'Money']);
  });

  it('a bad literal is BAD_USER_INPUT saying the format', () => {
    const errors = validate(schema, parse('{ entity(id: "tesla", asOf: { time: "yesterday" }) { id } }'), specifiedRules);
    expect(errors).toHaveLength(1);
    expect(formatted(errors[0]!)).toMatchObject({ message: 'DateTime must be an RFC 3339 date-time with an offset, such as 2026-12-01T10:00:00Z; got "yesterday".', extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('a bad variable is BAD_USER_INPUT saying the format', () => {
    const operation = parse('query ($p: TimePeriod!) { __typename }').definitions[0] as OperationDefinitionNode;
    const coerced = getVariableValues(schema, operation.variableDefinitions!, { p: '2024-Q5' });
    expect(coerced.errors).toHaveLength(1);
    const error = formatted(variableError(schema, coerced.errors![0]!));
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT' });
    expect(error.message).toContain('TimePeriod must be a period as YYYY, YYYY-Qn');
  });
});
