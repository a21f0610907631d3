/**
 * Descriptions everywhere, read by introspection of the executable schema as a client sees it: every type,
 * field, argument, enum value, input field and directive says what it is; an implementing type's field says
 * what its interface's says (the generator copies it: scripts/vocabulary/copies.ts), but for Node's `id`, which
 * each type says the form of (`Fact:…`, an entity's slug); and every root field of
 * Query and Mutation is nullable, so that it fails alone (docs/public-api.md).
 */
import { mergeTypeDefs } from '@graphql-tools/merge';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { introspectionFromSchema, type IntrospectionField, type IntrospectionInputValue, type IntrospectionType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { resolvers } from '../../src/graphql/resolvers/index.ts';
import { loadTypeDefs } from '../../src/graphql/schema.ts';

const schema = makeExecutableSchema({ typeDefs: mergeTypeDefs(loadTypeDefs()), resolvers });
const { __schema } = introspectionFromSchema(schema, { specifiedByUrl: true, inputValueDeprecation: true, directiveIsRepeatable: true });
const types = __schema.types.filter((t) => !t.name.startsWith('__'));
const byName = new Map(types.map((t) => [t.name, t]));

const blank = (description: string | null | undefined) => !description || description.trim().length === 0;
const fieldsOf = (type: IntrospectionType): readonly IntrospectionField[] => ('fields' in type && type.fields) || [];

/** Every place a description belongs, as `Type.field(arg)` paths, with its description. */
function describedPlaces(): [string, string | null | undefined][] {
  const places: [string, string | null | undefined][] = [];
  const args = (at: string, values: readonly IntrospectionInputValue[]) => values.forEach((a) => places.push([`${at}(${a.name})`, a.description]));
  for (const type of types) {
    places.push([type.name, type.description]);
    for (const field of fieldsOf(type)) {
      places.push([`${type.name}.${field.name}`, field.description]);
      args(`${type.name}.${field.name}`, field.args);
    }
    if (type.kind === 'INPUT_OBJECT') type.inputFields.forEach((f) => places.push([`${type.name}.${f.name}`, f.description]));
    if (type.kind === 'ENUM') type.enumValues.forEach((v) => places.push([`${type.name}.${v.name}`, v.description]));
  }
  for (const directive of __schema.directives) {
    places.push([`@${directive.name}`, directive.description]);
    args(`@${directive.name}`, directive.args);
  }
  return places;
}

describe('schema descriptions', () => {
  it('leave nothing blank: types, fields, arguments, enum values, input fields, directives', () => {
    const places = describedPlaces();
    expect(places.length).toBeGreaterThan(500);
    expect(places.filter(([, description]) => blank(description)).map(([place]) => place)).toEqual([]);
  });

  it("give an implementing type's fields and arguments their interface's text", () => {
    const differences: string[] = [];
    for (const type of types) {
      if (!('interfaces' in type) || !type.interfaces) continue;
      // Node's one field is generic on purpose: each type says what its id looks like.
      for (const ref of type.interfaces.filter((i) => i.name !== 'Node')) {
        const iface = byName.get(ref.name)!;
        for (const field of fieldsOf(iface)) {
          const own = fieldsOf(type).find((f) => f.name === field.name)!;
          if (own.description !== field.description) differences.push(`${type.name}.${field.name} ≠ ${iface.name}.${field.name}`);
          for (const arg of field.args) {
            if (own.args.find((a) => a.name === arg.name)?.description !== arg.description) differences.push(`${type.name}.${field.name}(${arg.name}) ≠ ${iface.name}`);
          }
        }
      }
    }
    expect(differences).toEqual([]);
  });
});

describe('root fields', () => {
  it.each(['Query', 'Mutation'])('of %s are all nullable, so each fails alone', (root) => {
    const fields = fieldsOf(byName.get(root)!);
    expect(fields.length).toBeGreaterThan(0);
    expect(fields.filter((f) => f.type.kind === 'NON_NULL').map((f) => f.name)).toEqual([]);
  });
});
