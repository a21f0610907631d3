/**
 * An enumeration of the vocabulary: its name (the same in GraphQL and in the knowledge JSON Schema), what it
 * means, and each value with its description, in their canonical order. Everything else (SDL enums, JSON Schema
 * enums, TypeScript unions, Cypher lists) is derived from these, so a value is added in one place.
 */
export interface Enumeration<V extends string = string> {
  readonly name: string;
  readonly description: string;
  /** Each value with its description, in canonical order. */
  readonly described: Readonly<Record<V, string>>;
  /** The values in canonical order. */
  readonly values: readonly V[];
  /** True when `value` is one of the values (narrows it). */
  has(value: unknown): value is V;
}

/** The union of an enumeration's values. */
export type ValueOf<E> = E extends Enumeration<infer V> ? V : never;

export function enumeration<V extends string>(name: string, description: string, described: Record<V, string>): Enumeration<V> {
  const values = Object.keys(described) as V[];
  for (const value of values) {
    if (!/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/.test(value)) throw new Error(`${name}.${value}: values are UPPER_SNAKE_CASE`);
  }
  const set = new Set<string>(values);
  return Object.freeze({
    name,
    description,
    described: Object.freeze({ ...described }),
    values: Object.freeze(values),
    has: (value: unknown): value is V => typeof value === 'string' && set.has(value),
  });
}
