/**
 * The custom scalars of schema/scalars.graphql. Each is a string on the wire and in resolvers (codegen.yml maps
 * them to `string`): parsing checks the format and keeps the text as sent, so nothing is re-formatted on the
 * way (graphql-scalars' DateTime would turn it into a JavaScript Date and back, changing offsets and precision).
 * A value that does not match is BAD_USER_INPUT saying the format, both as a literal and as a variable; a wrong
 * value on output is a server bug, an internal error.
 */
import { GraphQLError, GraphQLScalarType, Kind, print, type ValueNode } from 'graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { matchesPrecision } from '../knowledge/time.ts';
import { TIME_PRECISIONS } from '../vocabulary/index.ts';
import { ErrorCode } from './errors.ts';
import type { Resolvers } from './generated/resolvers-types.ts';

interface StringScalar {
  name: string;
  /** What a value looks like, for error messages: "an RFC 3339 full-date, such as 2024-04-30". */
  format: string;
  valid: (value: string) => boolean;
}

/** RFC 3339 full-date, a real calendar day (graphql-scalars' LocalDate checks it and keeps the string). */
export function isDate(value: string): boolean {
  try {
    GraphQLLocalDate.parseValue(value);
    return true;
  } catch {
    return false;
  }
}

/** RFC 3339 date-time: a full-date, `T`, a time (fraction optional) and an offset (`Z` or ±hh:mm). */
const RFC3339_DATE_TIME = /^(\d{4}-\d{2}-\d{2})[Tt]([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d)$/;
export function isDateTime(value: string): boolean {
  const match = RFC3339_DATE_TIME.exec(value);
  return match !== null && isDate(match[1]!) && !Number.isNaN(Date.parse(value));
}

/** One of the TimeRef precisions' formats (src/knowledge/time.ts); a day must be a real calendar day. */
export function isTimePeriod(value: string): boolean {
  return TIME_PRECISIONS.some((precision) => matchesPrecision(value, precision) && (precision !== 'DAY' || isDate(value)));
}

/** ISO 4217 codes as the runtime's ICU knows them (Intl), upper case. */
export const CURRENCY_CODES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));
export const isCurrencyCode = (value: string) => CURRENCY_CODES.has(value);

/** The error of a value that is not in `scalar`'s format; `scalar` also marks it for the formatter (errors.ts). */
function formatError(scalar: StringScalar, value: unknown, nodes?: ValueNode): GraphQLError {
  const shown = typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : nodes ? print(nodes) : JSON.stringify(value);
  return new GraphQLError(`${scalar.name} must be ${scalar.format}; got ${shown}.`, {
    ...(nodes ? { nodes } : {}),
    extensions: { code: ErrorCode.BAD_USER_INPUT, scalar: scalar.name },
  });
}

function stringScalar(scalar: StringScalar): GraphQLScalarType<string, string> {
  const parse = (value: unknown, nodes?: ValueNode): string => {
    if (typeof value === 'string' && scalar.valid(value)) return value;
    throw formatError(scalar, value, nodes);
  };
  // The description and @specifiedBy come from the SDL (schema/scalars.graphql); these are the behaviours.
  return new GraphQLScalarType<string, string>({
    name: scalar.name,
    serialize: (value) => {
      if (typeof value === 'string' && scalar.valid(value)) return value;
      throw new Error(`${scalar.name} cannot serialize ${JSON.stringify(value)}: not ${scalar.format}`);
    },
    parseValue: (value) => parse(value),
    parseLiteral: (node) => parse(node.kind === Kind.STRING ? node.value : undefined, node),
  });
}

export const DateScalar = stringScalar({ name: 'Date', format: 'an RFC 3339 full-date (YYYY-MM-DD), such as 2024-04-30', valid: isDate });
export const DateTimeScalar = stringScalar({
  name: 'DateTime',
  format: 'an RFC 3339 date-time with an offset, such as 2026-12-01T10:00:00Z',
  valid: isDateTime,
});
export const TimePeriodScalar = stringScalar({
  name: 'TimePeriod',
  format: 'a period as YYYY, YYYY-Qn (n from 1 to 4), YYYY-MM or YYYY-MM-DD, such as 2024, 2024-Q2, 2024-04 or 2024-04-30',
  valid: isTimePeriod,
});
export const CurrencyCodeScalar = stringScalar({ name: 'CurrencyCode', format: 'an ISO 4217 currency code in capitals, such as USD or EUR', valid: isCurrencyCode });

/**
 * Only a scalar's behaviours: graphql-tools copies every key of a scalar resolver onto the schema's scalar,
 * `undefined` ones included, and would blank the description and @specifiedBy the SDL gives it.
 */
const behaviours = ({ serialize, parseValue, parseLiteral }: GraphQLScalarType) => ({ serialize, parseValue, parseLiteral }) as unknown as GraphQLScalarType;

/** The scalars' resolvers, merged with the others (resolvers/index.ts). */
export const scalarResolvers: Resolvers = {
  Date: behaviours(DateScalar),
  DateTime: behaviours(DateTimeScalar),
  TimePeriod: behaviours(TimePeriodScalar),
  CurrencyCode: behaviours(CurrencyCodeScalar),
};
