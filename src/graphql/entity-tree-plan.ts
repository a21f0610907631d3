/**
 * Reads a root `entity` field's selection (fragments, aliases, @skip/@include and variables applied) into the
 * plan of lists to fetch with it in one statement (src/database/entity-tree.ts). Lists are keyed by response
 * key, so aliases with different arguments stay apart. Arguments are decoded by the nested fields'
 * specifications (nested-fields.ts), the same code the field resolvers decode with. When the tree cannot
 * serve the selection exactly (an argument it does not honour, one record asked two ways, a refused argument),
 * the decision says why and the resolvers run through the loaders, so a refusal lands on its own field.
 */
import {
  getArgumentValues,
  getDirectiveValues,
  GraphQLError,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isInterfaceType,
  isObjectType,
  Kind,
  type FieldNode,
  type GraphQLField,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import type { Limits } from '../config/config.ts';
import type { EntityTreePlan, FactPlan, NestedList } from '../database/entity-tree.ts';
import { ErrorCode } from './errors.ts';
import { isNestedField, NESTED_FIELDS, withDefaults, type Arguments, type NestedFieldName } from './nested-fields.ts';

type Fields = Map<string, FieldNode[]>;
type Field = GraphQLField<unknown, unknown>;
export type PlanInfo = Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments' | 'variableValues' | 'schema'>;

/** What the `entity` resolver does: run the tree's one statement, load the entity alone, or use the loaders. */
export type TreeDecision =
  | { kind: 'tree'; plan: EntityTreePlan }
  /** Nothing nested: the entity's own loader. */
  | { kind: 'flat' }
  /** The loaders serve the nested fields; `field` (a response key) and `argument` say where, `reason` why. */
  | { kind: 'loaders'; reason: string; field: string; argument?: string; error?: unknown };

/** Why the tree cannot serve a selection: thrown inside the plan, turned into a decision at its top. */
class NoTree extends Error {
  constructor(
    readonly reason: string,
    readonly field: string,
    readonly argument?: string,
  ) {
    super(reason);
  }
}

interface Context {
  info: PlanInfo;
  limits: Limits;
  /** Every field an entity can be asked for (the interface's and each kind's own), by name. */
  entityFields: Map<string, Field>;
}

const PARTICIPANT_FIELDS = ['subject', 'object', 'event', 'participants'];
const SOURCE_FIELDS = ['document', 'saidBy', 'reportedBy'];
/** Types whose fields the tree's records answer (entities reached through facts resolve on their own). */
const TREE_TYPES = ['RelationConnection', 'RelationEdge', 'Relation', 'FactConnection', 'FactEdge', 'Fact'] as const;

/**
 * The most lists one tree statement holds. Neo4j plans each new statement text (each selection shape) before it
 * runs it, and planning grows with the lists: on the 2-core machine, loaded, about 0.5 to 1 s per list the first
 * time (8 relation lists each nesting two more: 17.6 s; 0.13 s once the plan is cached). Beyond this the
 * loaders' statements, whose text never changes and so is planned once, serve the request.
 */
export const MAX_TREE_LISTS = 6;

/** How the root `entity` field of `info` is best served, with the reason when the tree cannot serve it. */
export function entityTreePlan(info: PlanInfo, limits: Limits): TreeDecision {
  try {
    const context: Context = { info, limits, entityFields: entityFieldsOf(info.schema) };
    const plan = entityPlan(context, info.fieldNodes);
    const lists = listCount(plan);
    if (lists > MAX_TREE_LISTS) return { kind: 'loaders', reason: `${lists} lists are more than one tree statement holds (${MAX_TREE_LISTS})`, field: 'entity' };
    return plan.nested.length > 0 ? { kind: 'tree', plan } : { kind: 'flat' };
  } catch (error) {
    if (error instanceof NoTree) return { kind: 'loaders', reason: error.reason, field: error.field, ...(error.argument ? { argument: error.argument } : {}) };
    return { kind: 'loaders', reason: 'the plan failed', field: 'entity', error };
  }
}

function listCount(plan: EntityTreePlan): number {
  return plan.nested.reduce((n, list) => n + 1 + (list.kind === 'relations' ? listCount(list.from) + listCount(list.to) : 0), 0);
}

function entityFieldsOf(schema: GraphQLSchema): Map<string, Field> {
  const entity = schema.getType('Entity');
  if (!isInterfaceType(entity)) throw new Error('The schema has no Entity interface');
  const fields = new Map<string, Field>(Object.entries(entity.getFields()));
  for (const type of schema.getPossibleTypes(entity)) {
    for (const [name, field] of Object.entries(type.getFields())) if (!fields.has(name)) fields.set(name, field);
  }
  return fields;
}

function entityPlan(context: Context, nodes: readonly FieldNode[]): EntityTreePlan {
  const nested: NestedList[] = [];
  for (const [key, fieldNodes] of subfields(context, nodes)) {
    const name = fieldNodes[0]!.name.value;
    const definition = context.entityFields.get(name);
    if (!isNestedField(name)) {
      if (definition && definition.args.length > 0) throw new NoTree(`the entity tree does not know the field ${name}, which takes arguments`, key);
      continue;
    }
    // Fields the tree does not compile (backedFacts) are resolved by their loaders, on the tree's records.
    const planner = LIST_PLANNERS[name];
    if (!planner || NESTED_FIELDS[name].tree === null) continue;
    // One record serves every place it is reached from (`nodes` and `edges.node`, aliased `to`s): one key, one
    // set of arguments, or no tree.
    const variants = new Set(fieldNodes.map((node) => JSON.stringify(argumentsOf(context, definition!, node))));
    if (variants.size > 1) throw new NoTree(`${key} is asked with different arguments in one place`, key);
    const args = treeArguments(context, name, key, definition!, fieldNodes[0]!);
    nested.push(planner(context, key, args, fieldNodes));
  }
  return { nested };
}

/** The field's arguments, decoded by its specification; an argument the tree does not honour means no tree. */
function treeArguments(context: Context, name: NestedFieldName, key: string, definition: Field, node: FieldNode): Arguments {
  const spec = NESTED_FIELDS[name];
  const args = argumentsOf(context, definition, node);
  for (const [argument, value] of Object.entries(args)) {
    if (value !== null && value !== undefined && !(spec.tree ?? []).includes(argument)) {
      throw new NoTree(`the entity tree does not honour the argument ${argument} of ${name}`, key, argument);
    }
  }
  return args;
}

function decoded<T>(key: string, decode: () => T): T {
  try {
    return decode();
  } catch (error) {
    // A refused argument: its own field's resolver refuses it again, with the error in its place.
    if (error instanceof GraphQLError && error.extensions.code === ErrorCode.BAD_USER_INPUT) {
      throw new NoTree('an argument is refused', key, typeof error.extensions.argument === 'string' ? error.extensions.argument : undefined);
    }
    throw error;
  }
}

function relationsList(context: Context, key: string, args: Arguments, nodes: FieldNode[]): NestedList {
  const query = decoded(key, () => NESTED_FIELDS.relations.decode(args, context.limits));
  const relationFields = subfields(context, connectionNodes(context, nodes, 'RelationConnection', 'RelationEdge'));
  requireNoArguments(context, 'Relation', relationFields);
  const relation = byName(relationFields);
  for (const name of ['from', 'to', 'fact']) {
    if ([...relationFields.values()].filter((n) => n[0]!.name.value === name).length > 1) throw new NoTree(`${name} is aliased twice under ${key}`, key);
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

function factsList(context: Context, key: string, args: Arguments, nodes: FieldNode[]): NestedList {
  const query = decoded(key, () => NESTED_FIELDS.facts.decode(args, context.limits));
  // Hidden facts are read by their own statement (facts-by-entities-with-retracted), through the loaders.
  if (query.includeRetracted) throw new NoTree('the entity tree reads visible facts only: includeRetracted goes to the loaders', key, 'includeRetracted');
  return { kind: 'facts', key, types: query.types, window: query.window, fact: factPlan(context, connectionNodes(context, nodes, 'FactConnection', 'FactEdge')) };
}

/** A connection's items are reached through `nodes { … }` and `edges { node { … } }`: both count. */
function connectionNodes(context: Context, nodes: FieldNode[], connectionType: 'RelationConnection' | 'FactConnection', edgeType: 'RelationEdge' | 'FactEdge'): FieldNode[] {
  const connection = subfields(context, nodes);
  requireNoArguments(context, connectionType, connection);
  const edges = subfields(context, connection.get('edges') ?? []);
  requireNoArguments(context, edgeType, edges);
  return [...(connection.get('nodes') ?? []), ...[...edges].filter(([, n]) => n[0]!.name.value === 'node').flatMap(([, n]) => n)];
}

type ListPlanner = (context: Context, key: string, args: Arguments, nodes: FieldNode[]) => NestedList;

/** The nested fields the tree compiles, each into its list level. */
const LIST_PLANNERS: Partial<Record<NestedFieldName, ListPlanner>> = { relations: relationsList, facts: factsList };

/** Which entities the fact refers to the statement also returns: those the selection reaches. */
function factPlan(context: Context, nodes: FieldNode[]): FactPlan {
  const fields = subfields(context, nodes);
  requireNoArguments(context, 'Fact', fields);
  const fact = byName(fields);
  const under = (field: string) => byName(subfields(context, fact.get(field) ?? []));
  return {
    lists: { quantities: fact.has('quantities'), citations: fact.has('citations'), participants: fact.has('participants') },
    participants: PARTICIPANT_FIELDS.some((name) => fact.has(name)),
    sources: SOURCE_FIELDS.some((name) => under('citations').has(name)),
    items: under('quantities').has('item'),
  };
}

/** The tree answers these types' fields from its records: a field of theirs with arguments is one it does not know. */
function requireNoArguments(context: Context, typeName: (typeof TREE_TYPES)[number], fields: Fields): void {
  const type = context.info.schema.getType(typeName);
  if (!isObjectType(type)) throw new Error(`The schema has no type ${typeName}`);
  for (const [key, nodes] of fields) {
    const name = nodes[0]!.name.value;
    if ((type.getFields()[name]?.args.length ?? 0) > 0) throw new NoTree(`the entity tree does not know the field ${typeName}.${name}, which takes arguments`, key);
  }
}

function argumentsOf(context: Context, definition: Field, node: FieldNode): Arguments {
  return withDefaults(definition, getArgumentValues(definition, node, context.info.variableValues));
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
