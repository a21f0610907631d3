/**
 * Reads a root `entity` field's selection (fragments, aliases, @skip/@include and variables applied) into the
 * plan of lists to fetch with it in one statement (src/database/entity-tree.ts). Lists are keyed by response
 * key, so aliases with different arguments stay apart. Arguments are checked as the field resolvers check them;
 * when one is refused, there is no plan and the resolvers run as usual, so the error lands on its own field.
 */
import {
  getArgumentValues,
  getDirectiveValues,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isInterfaceType,
  Kind,
  type FieldNode,
  type GraphQLField,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';
import type { Limits } from '../config/config.ts';
import type { EntityTreePlan, FactPlan, NestedList } from '../database/entity-tree.ts';
import type { RelationDirection } from '../database/repository.ts';
import { decodeCursor, pageSize } from './arguments.ts';

type Fields = Map<string, FieldNode[]>;

interface Context {
  info: Pick<GraphQLResolveInfo, 'fragments' | 'variableValues' | 'schema'>;
  limits: Limits;
  entityFields: Record<string, GraphQLField<unknown, unknown>>;
}

const PARTICIPANT_FIELDS = ['subject', 'object', 'event', 'participants'];
const SOURCE_FIELDS = ['document', 'saidBy', 'reportedBy'];

/** The plan for a root `entity` field, or null when nothing is nested (or an argument is refused). */
export function entityTreePlan(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments' | 'variableValues' | 'schema'>, limits: Limits): EntityTreePlan | null {
  const entityType = info.schema.getType('Entity');
  if (!isInterfaceType(entityType)) return null;
  const context: Context = { info, limits, entityFields: entityType.getFields() };
  try {
    const plan = entityPlan(context, info.fieldNodes);
    return plan.nested.length > 0 ? plan : null;
  } catch {
    return null;
  }
}

function entityPlan(context: Context, nodes: readonly FieldNode[]): EntityTreePlan {
  const nested: NestedList[] = [];
  for (const [key, fieldNodes] of subfields(context, nodes)) {
    const name = fieldNodes[0]!.name.value;
    if (name !== 'relations' && name !== 'facts') continue;
    // One record serves every place it is reached from (`nodes` and `edges.node`, aliased `to`s): one key, one
    // set of arguments, or no plan.
    const variants = new Set(fieldNodes.map((node) => JSON.stringify(argumentsOf(context, name, node))));
    if (variants.size > 1) throw new Error(`${key} is asked with different arguments`);
    nested.push(name === 'relations' ? relationsList(context, key, fieldNodes) : factsList(context, key, fieldNodes));
  }
  return { nested };
}

function relationsList(context: Context, key: string, nodes: FieldNode[]): NestedList {
  const args = argumentsOf(context, 'relations', nodes[0]!);
  const query = {
    types: (args.types as string[] | null | undefined) ?? null,
    direction: ((args.direction as RelationDirection | undefined) ?? 'BOTH'),
    first: pageSize(args.first as number | null | undefined, 20, context.limits.maxPageSize),
    after: decodeCursor('relation', args.after as string | null | undefined),
  };
  // Relations are reached through `nodes { … }` and `edges { node { … } }`: both count.
  const connection = subfields(context, nodes);
  const relationNodes = [...(connection.get('nodes') ?? []), ...[...subfields(context, connection.get('edges') ?? [])].filter(([, n]) => n[0]!.name.value === 'node').flatMap(([, n]) => n)];
  const relationFields = subfields(context, relationNodes);
  const relation = byName(relationFields);
  for (const name of ['from', 'to', 'fact']) {
    if ([...relationFields.values()].filter((n) => n[0]!.name.value === name).length > 1) throw new Error(`${name} is aliased twice`);
  }
  return {
    kind: 'relations',
    key,
    query,
    from: entityPlan(context, relation.get('from') ?? []),
    to: entityPlan(context, relation.get('to') ?? []),
    fact: relation.has('fact') ? factPlan(context, relation.get('fact')!) : null,
  };
}

function factsList(context: Context, key: string, nodes: FieldNode[]): NestedList {
  const args = argumentsOf(context, 'facts', nodes[0]!);
  return {
    kind: 'facts',
    key,
    types: (args.types as string[] | null | undefined) ?? null,
    first: pageSize(args.first as number | null | undefined, 50, context.limits.maxPageSize),
    fact: factPlan(context, nodes),
  };
}

/** Which entities the fact refers to the statement also returns: those the selection reaches. */
function factPlan(context: Context, nodes: FieldNode[]): FactPlan {
  const fact = byName(subfields(context, nodes));
  const under = (field: string) => byName(subfields(context, fact.get(field) ?? []));
  return {
    lists: { quantities: fact.has('quantities'), citations: fact.has('citations'), participants: fact.has('participants') },
    participants: PARTICIPANT_FIELDS.some((name) => fact.has(name)),
    sources: SOURCE_FIELDS.some((name) => under('citations').has(name)),
    items: under('quantities').has('item'),
  };
}

function argumentsOf(context: Context, field: string, node: FieldNode): Record<string, unknown> {
  const definition = context.entityFields[field];
  if (!definition) throw new Error(`Entity has no field ${field}`);
  return getArgumentValues(definition, node, context.info.variableValues);
}

/** The fields selected under `nodes`, by response key, merged across fragments as graphql-js merges them. */
function subfields(context: Context, nodes: readonly FieldNode[]): Fields {
  const fields: Fields = new Map();
  for (const node of nodes) if (node.selectionSet) collect(context, node.selectionSet, fields, new Set());
  return fields;
}

function collect(context: Context, selectionSet: SelectionSetNode, fields: Fields, visited: Set<string>): void {
  for (const selection of selectionSet.selections) {
    if (!included(context, selection)) continue;
    if (selection.kind === Kind.FIELD) {
      const key = selection.alias?.value ?? selection.name.value;
      fields.set(key, [...(fields.get(key) ?? []), selection]);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      collect(context, selection.selectionSet, fields, visited);
    } else if (!visited.has(selection.name.value)) {
      visited.add(selection.name.value);
      const fragment = context.info.fragments[selection.name.value];
      if (fragment) collect(context, fragment.selectionSet, fields, visited);
    }
  }
}

function included(context: Context, node: SelectionSetNode['selections'][number]): boolean {
  const variables = context.info.variableValues;
  if (getDirectiveValues(GraphQLSkipDirective, node, variables)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false;
}

/** Fields by field name (aliases merged): for relation and fact selections, where only presence matters. */
function byName(fields: Fields): Map<string, FieldNode[]> {
  const out = new Map<string, FieldNode[]>();
  for (const nodes of fields.values()) {
    const name = nodes[0]!.name.value;
    out.set(name, [...(out.get(name) ?? []), ...nodes]);
  }
  return out;
}
