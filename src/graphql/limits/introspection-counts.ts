/**
 * How long each introspection list really is in this schema, counted once per schema: introspection is
 * answered from the schema, so its cost model can use the schema's own figures instead of a guess. Each list
 * has the longest it gets on one parent (for `__type(name:) { fields }`) and its average over every parent
 * (for `__schema { types { fields } }`, where the average times the number of types is the real total).
 */
import {
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLType,
  type GraphQLSchema,
} from 'graphql';

export interface ListLength {
  max: number;
  average: number;
}

export interface IntrospectionCounts {
  /** `${parent type}.${field}` of every introspection list field that returns objects, such as `__Type.fields`. */
  lists: ReadonlyMap<string, ListLength>;
  /** The deepest `ofType` chain of any type reference ([String!]! has 3): deeper `ofType`s are null. */
  maxWrapping: number;
}

const counted = new WeakMap<GraphQLSchema, IntrospectionCounts>();

export function introspectionCounts(schema: GraphQLSchema): IntrospectionCounts {
  let counts = counted.get(schema);
  if (!counts) {
    counts = count(schema);
    counted.set(schema, counts);
  }
  return counts;
}

function length(perParent: number[]): ListLength {
  const total = perParent.reduce((a, b) => a + b, 0);
  return { max: Math.max(0, ...perParent), average: perParent.length === 0 ? 0 : total / perParent.length };
}

function wrapping(type: GraphQLType): number {
  return isListType(type) || isNonNullType(type) ? 1 + wrapping(type.ofType) : 0;
}

function count(schema: GraphQLSchema): IntrospectionCounts {
  const types = Object.values(schema.getTypeMap());
  const directives = schema.getDirectives();
  const fields: GraphQLField<unknown, unknown>[] = types.flatMap((t) => (isObjectType(t) || isInterfaceType(t) ? Object.values(t.getFields()) : []));
  const inputFields = types.flatMap((t) => (isInputObjectType(t) ? Object.values(t.getFields()) : []));
  const args = [...fields.flatMap((f) => f.args), ...directives.flatMap((d) => d.args)];
  const references = [...fields.map((f) => f.type), ...inputFields.map((f) => f.type), ...args.map((a) => a.type)];
  const lists = new Map<string, ListLength>([
    ['__Schema.types', length([types.length])],
    ['__Schema.directives', length([directives.length])],
    ['__Type.fields', length(types.map((t) => (isObjectType(t) || isInterfaceType(t) ? Object.keys(t.getFields()).length : 0)))],
    ['__Type.inputFields', length(types.map((t) => (isInputObjectType(t) ? Object.keys(t.getFields()).length : 0)))],
    ['__Type.interfaces', length(types.map((t) => (isObjectType(t) || isInterfaceType(t) ? t.getInterfaces().length : 0)))],
    ['__Type.possibleTypes', length(types.map((t) => (isAbstractType(t) ? schema.getPossibleTypes(t).length : 0)))],
    ['__Type.enumValues', length(types.map((t) => (isEnumType(t) ? t.getValues().length : 0)))],
    ['__Field.args', length(fields.map((f) => f.args.length))],
    ['__Directive.args', length(directives.map((d) => d.args.length))],
  ]);
  return { lists, maxWrapping: Math.max(0, ...references.map(wrapping)) };
}

