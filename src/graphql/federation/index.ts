/**
 * The Apollo Federation 2 subgraph mode (FEDERATION_SUBGRAPH=true; docs/public-api.md, "Federation"): the
 * same type definitions with schema/federation/*.graphql and an `@key(fields: "id")` on every type that
 * implements Node and on the Entity interface, and a `__resolveReference` for each that goes through the
 * request's loaders, so the representations of one `_entities` call cost one statement per type.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Kind, parse, type DocumentNode, type ObjectTypeDefinitionNode } from 'graphql';
import type { GraphQLContext } from '../context.ts';
import { decodeNodeId } from '../global-id.ts';
import { loadNode, nodeTypeOf, type NodeRecord } from '../resolvers/node.ts';

/** The interface whose implementations are entities of the supergraph, keyed by id. */
const NODE = 'Node';
/** Interfaces keyed too (entity interfaces, Federation ≥ 2.3): a reference to an Entity resolves to its type. */
const KEYED_INTERFACES = ['Entity'] as const;

/** schema/federation/*.graphql, in name order. */
export function federationTypeDefs(schemaDir: string): string[] {
  const dir = path.join(schemaDir, 'federation');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.graphql'))
    .sort()
    .map((name) => readFileSync(path.join(dir, name), 'utf8'));
}

/** The object types of the SDL that implement Node. */
export function nodeTypeNames(typeDefs: readonly string[]): string[] {
  const names = new Set<string>();
  for (const text of typeDefs) {
    for (const definition of parse(text).definitions) {
      const object = definition as ObjectTypeDefinitionNode;
      if ((object.kind === Kind.OBJECT_TYPE_DEFINITION || object.kind === Kind.OBJECT_TYPE_EXTENSION) && object.interfaces?.some((i) => i.name.value === NODE)) {
        names.add(object.name.value);
      }
    }
  }
  return [...names].sort();
}

/** `@key(fields: "id")` on every Node type and keyed interface. */
export function keyTypeDefs(nodeTypes: readonly string[]): DocumentNode {
  const lines = [...nodeTypes.map((name) => `extend type ${name} @key(fields: "id")`), ...KEYED_INTERFACES.map((name) => `extend interface ${name} @key(fields: "id")`)];
  return parse(lines.join('\n'));
}

/**
 * What `_entities` answers for one representation: the record its id names, when that record is of the
 * type the representation names (or implements the keyed interface it names); null otherwise.
 */
async function resolveReference(typeName: string, reference: { id?: unknown }, context: GraphQLContext): Promise<NodeRecord | null> {
  if (typeof reference.id !== 'string') return null;
  const record = await loadNode(decodeNodeId(reference.id, 'representations.id'), context);
  if (!record) return null;
  const type = nodeTypeOf(record);
  return type === typeName || (KEYED_INTERFACES as readonly string[]).includes(typeName) ? record : null;
}

/** `__resolveReference` for every keyed type, batched by the loaders `loadNode` uses. */
export function referenceResolvers(nodeTypes: readonly string[]): Record<string, { __resolveReference: (reference: { id?: unknown }, context: GraphQLContext) => Promise<NodeRecord | null> }> {
  return Object.fromEntries(
    [...nodeTypes, ...KEYED_INTERFACES].map((name) => [name, { __resolveReference: (reference: { id?: unknown }, context: GraphQLContext) => resolveReference(name, reference, context) }]),
  );
}
