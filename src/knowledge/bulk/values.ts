/**
 * Property values as the incremental path stores them, types included: the driver sends a top-level numeric
 * parameter as a Cypher integer (src/database/database.ts, withIntegers) and every nested number as a float, so
 * `since: $sequence` is an integer while `props.since` is a float. `Long` marks the integers; a plain number is
 * a float. null and undefined mean "no property" (Neo4j stores no nulls).
 */
export class Long {
  constructor(readonly value: number) {}
}

export type Value = string | number | boolean | Long | readonly string[] | null | undefined;
export type Props = Record<string, Value>;

/**
 * `$sequence` as the write statements receive it: a float. Database.write's transactions pass parameters as the
 * driver sends JS numbers (withIntegers applies to reads only), so `since: $sequence` is stored as a float.
 */
export const sequenceValue = (sequence: number): Value => sequence;

/** Cypher's toString of a float: `1.0`, as `'r' + toString($sequence)` writes a revision's id. */
export const cypherString = (value: Value): string => (value instanceof Long ? String(value.value) : Number.isInteger(value) ? `${value as number}.0` : String(value));

/** `SET x += props`: null removes a property, anything else sets it. */
export function setAll(target: Props, props: Readonly<Record<string, unknown>>): void {
  for (const [key, value] of Object.entries(props)) {
    if (value === null || value === undefined) delete target[key];
    else target[key] = value as Value;
  }
}

/** `SET x = props`: the map without its nulls. */
export function propsOf(props: Readonly<Record<string, unknown>>): Props {
  const out: Props = {};
  setAll(out, props);
  return out;
}

/** A stored value as the driver reads it back (integers as JS numbers: disableLosslessIntegers). */
export function plain(value: Value): unknown {
  return value instanceof Long ? value.value : (value ?? null);
}
