/**
 * The entity-tree plan: what a root `entity` selection asks the one statement for (aliases, fragments,
 * @skip/@include with variables, SDL defaults), and when it leaves the nested fields to the loaders, with why.
 */
import { buildASTSchema, buildSchema, isInterfaceType, isObjectType, Kind, parse, visit, type FieldDefinitionNode, type FieldNode, type FragmentDefinitionNode, type GraphQLSchema, type ObjectTypeDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import type { FactsList, RelationsList } from '../../src/database/entity-tree.ts';
import { entityTreePlan, MAX_TREE_LISTS, type TreeDecision } from '../../src/graphql/entity-tree-plan.ts';
import { NESTED_FIELDS } from '../../src/graphql/nested-fields.ts';
import { loadTypeDefs } from '../../src/graphql/schema.ts';

const SDL = loadTypeDefs().join('\n');
const SCHEMA = buildSchema(SDL);
const limits = loadConfig({}).limits;

/** The plan for the document's root `entity` field, as the resolver makes it (variables as graphql-js coerced them). */
function decide(document: string, variableValues: Record<string, unknown> = {}, schema: GraphQLSchema = SCHEMA): TreeDecision {
  const parsed = parse(document);
  const operation = parsed.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(parsed.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
  const fieldNodes = operation.selectionSet.selections.filter((s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === 'entity');
  return entityTreePlan({ fieldNodes, fragments, variableValues, schema }, limits);
}

function tree(document: string, variables?: Record<string, unknown>) {
  const decision = decide(document, variables);
  if (decision.kind !== 'tree') throw new Error(`expected a tree, got ${JSON.stringify(decision)}`);
  return decision.plan;
}

const relationsOf = (list: unknown) => list as RelationsList;
const factsOf = (list: unknown) => list as FactsList;

/** The SDL with `text` inserted after every declaration `field` matches (the interface's and each type's). */
/** The schema with every field of every type and interface passed through `edit` (by AST, whatever the SDL's layout). */
function schemaWithFields(edit: (field: FieldDefinitionNode) => FieldDefinitionNode[]): GraphQLSchema {
  const fields = <T extends { fields?: readonly FieldDefinitionNode[] }>(node: T): T => ({ ...node, fields: node.fields?.flatMap(edit) });
  return buildASTSchema(visit(parse(SDL), { ObjectTypeDefinition: fields, ObjectTypeExtension: fields, InterfaceTypeDefinition: fields, InterfaceTypeExtension: fields }));
}
const hasArgument = (field: FieldDefinitionNode, name: string) => field.arguments?.some((a) => a.name.value === name) ?? false;
/** A field definition written in SDL. */
const fieldFrom = (sdl: string) => (parse(`type T { ${sdl} }`).definitions[0] as ObjectTypeDefinitionNode).fields![0]!;

describe('entityTreePlan', () => {
  it('applies the SDL defaults, also where a client sends null', () => {
    const plan = tree('{ entity(id: "x") { relations { nodes { id } } facts { nodes { id } } } }');
    expect(relationsOf(plan.nested[0]).query).toEqual({ types: null, direction: 'BOTH', window: { size: 20, backward: false, after: null, before: null } });
    expect(factsOf(plan.nested[1])).toMatchObject({ kind: 'facts', key: 'facts', types: null, window: { size: 20 } });
    const nulls = tree('{ entity(id: "x") { relations(first: null, direction: null) { nodes { id } } facts(first: null) { nodes { id } } } }');
    expect(nulls).toEqual(plan);
  });

  it('keeps aliases apart, each with its own arguments', () => {
    const plan = tree('{ entity(id: "x") { a: relations(first: 2, types: [OWNS]) { nodes { id } } b: relations(direction: OUTGOING) { nodes { id } } } }');
    expect(plan.nested.map((n) => n.key)).toEqual(['a', 'b']);
    expect(relationsOf(plan.nested[0]).query).toEqual({ types: ['OWNS'], direction: 'BOTH', window: { size: 2, backward: false, after: null, before: null } });
    expect(relationsOf(plan.nested[1]).query).toMatchObject({ direction: 'OUTGOING', window: { size: 20 } });
  });

  it('merges named and inline fragments as graphql-js does, at every level', () => {
    const plan = tree(`{ entity(id: "x") { ...Lists } }
      fragment Lists on Entity { relations(first: 3) { nodes { ...Rel } } ... on Organization { facts(first: 4) { nodes { quantities { item { id } } } } } }
      fragment Rel on Relation { to { facts(first: 1) { nodes { id } } } fact { citations { saidBy { id } } } }`);
    const [relations, facts] = plan.nested;
    expect(relationsOf(relations).query.window.size).toBe(3);
    expect(relationsOf(relations).fact).toEqual({ lists: { quantities: false, citations: true, participants: false }, participants: false, sources: true, items: false });
    expect(relationsOf(relations).to.nested).toMatchObject([{ kind: 'facts', window: { size: 1 } }]);
    expect(relationsOf(relations).from.nested).toEqual([]);
    expect(factsOf(facts).fact).toEqual({ lists: { quantities: true, citations: false, participants: false }, participants: false, sources: false, items: true });
  });

  it('counts `nodes` and `edges.node` as one record', () => {
    const plan = tree('{ entity(id: "x") { relations { nodes { from { id } } edges { cursor node { to { relations(first: 2) { nodes { id } } } } } } } }');
    expect(relationsOf(plan.nested[0]).to.nested).toMatchObject([{ kind: 'relations', query: { window: { size: 2 } } }]);
  });

  it('applies @skip and @include with their variables', () => {
    const document = 'query($with: Boolean!, $n: Int) { entity(id: "x") { name relations(first: $n) @include(if: $with) { nodes { id } } facts @skip(if: $with) { nodes { id } } } }';
    const included = tree(document, { with: true, n: 7 });
    expect(included.nested.map((n) => n.key)).toEqual(['relations']);
    expect(relationsOf(included.nested[0]).query.window.size).toBe(7);
    expect(tree(document, { with: false }).nested.map((n) => n.key)).toEqual(['facts']);
    expect(decide('query($with: Boolean!) { entity(id: "x") { name relations @include(if: $with) { nodes { id } } } }', { with: false })).toEqual({ kind: 'flat' });
  });

  it('leaves the entity flat when nothing is nested', () => {
    expect(decide('{ entity(id: "x") { id name ... on Document { text } } }')).toEqual({ kind: 'flat' });
  });

  it('falls back to the loaders, saying why, when one record is asked with two argument sets', () => {
    const decision = decide('{ entity(id: "x") { relations(first: 5) { nodes { to { relations(first: 1) { nodes { id } } } } edges { node { to { relations(first: 2) { nodes { id } } } } } } } }');
    expect(decision).toMatchObject({ kind: 'loaders', field: 'relations', reason: expect.stringMatching(/different arguments/) });
    expect(decide('{ entity(id: "x") { relations { nodes { a: to { id } b: to { name } } } } }')).toMatchObject({ kind: 'loaders', reason: 'to is aliased twice under relations' });
  });

  it('falls back when an argument is refused, so that its own field reports it', () => {
    expect(decide('{ entity(id: "x") { relations(first: 0) { nodes { id } } } }')).toEqual({ kind: 'loaders', reason: 'an argument is refused', field: 'relations', argument: 'first' });
    expect(decide('{ entity(id: "x") { facts(first: 101) { nodes { id } } } }')).toMatchObject({ kind: 'loaders', argument: 'first' });
    expect(decide('{ entity(id: "x") { relations(after: "nonsense!") { nodes { id } } } }')).toMatchObject({ kind: 'loaders', argument: 'after' });
  });

  it('falls back, naming the argument, when given an argument the tree does not honour', () => {
    // An entity's `relations` (the one with `direction`) with one more argument.
    const since = fieldFrom('f(since: String): Int').arguments![0]!;
    const withSince = schemaWithFields((f) => (f.name.value === 'relations' && hasArgument(f, 'direction') ? [{ ...f, arguments: [...f.arguments!, since] }] : [f]));
    const decision = decide('{ entity(id: "x") { relations(since: "2024") { nodes { id } } } }', {}, withSince);
    expect(decision).toEqual({ kind: 'loaders', reason: 'the entity tree does not honour the argument since of relations', field: 'relations', argument: 'since' });
    // Not given, it changes nothing: the tree serves the selection.
    expect(decide('{ entity(id: "x") { relations { nodes { id } } } }', {}, withSince).kind).toBe('tree');
  });

  it('falls back when a field the tree does not know takes arguments, and not for backedFacts (its loader serves it)', () => {
    // Beside every entity's `facts`, a field the tree does not know.
    const mentions = fieldFrom('mentions(first: Int = 5): [Fact!]!');
    const withMentions = schemaWithFields((f) => (f.name.value === 'facts' && hasArgument(f, 'includeRetracted') ? [f, mentions] : [f]));
    const decision = decide('{ entity(id: "x") { mentions { id } relations { nodes { id } } } }', {}, withMentions);
    expect(decision).toEqual({ kind: 'loaders', reason: 'the entity tree does not know the field mentions, which takes arguments', field: 'mentions' });
    const withCitationFilter = buildSchema(SDL.replace(/^  citations: \[Citation!\]!$/m, '  citations(kinds: [CitationKind!]): [Citation!]!'));
    expect(decide('{ entity(id: "x") { facts { nodes { citations { quote } } } } }', {}, withCitationFilter)).toMatchObject({ kind: 'loaders', reason: 'the entity tree does not know the field Fact.citations, which takes arguments' });
    expect(decide('{ entity(id: "x") { ... on Document { backedFacts(first: 3) { nodes { id } } } relations { nodes { id } } } }').kind).toBe('tree');
  });

  it(`holds at most ${MAX_TREE_LISTS} lists in one statement, nested ones included; more go to the loaders`, () => {
    const lists = (n: number) => Array.from({ length: n }, (_, i) => `l${i}: facts(first: ${i + 1}) { nodes { id } }`).join(' ');
    expect(tree(`{ entity(id: "x") { ${lists(MAX_TREE_LISTS)} } }`).nested).toHaveLength(MAX_TREE_LISTS);
    expect(decide(`{ entity(id: "x") { ${lists(MAX_TREE_LISTS + 1)} } }`)).toEqual({ kind: 'loaders', field: 'entity', reason: `${MAX_TREE_LISTS + 1} lists are more than one tree statement holds (${MAX_TREE_LISTS})` });
    const nested = `{ entity(id: "x") { relations { nodes { to { ${lists(MAX_TREE_LISTS - 1)} } } } } }`;
    expect(decide(nested).kind).toBe('tree');
    expect(decide(nested.replace('to {', `from { id facts { nodes { id } } } to {`))).toMatchObject({ kind: 'loaders', reason: expect.stringMatching(/^7 lists/) });
  });

  it('reports an unexpected failure of the plan with its error instead of swallowing it', () => {
    const decision = decide('{ entity(id: "x") { id } }', {}, buildSchema('type Query { entity(id: ID!): String }'));
    expect(decision).toMatchObject({ kind: 'loaders', reason: 'the plan failed', field: 'entity' });
    expect((decision as { error: Error }).error.message).toMatch(/no Entity interface/);
  });
});

describe('nested field specifications', () => {
  it('declare exactly the arguments the SDL gives each field, on every entity type that has it', () => {
    const entityTypes = Object.values(SCHEMA.getTypeMap()).filter((type) => (isObjectType(type) || isInterfaceType(type)) && (type.name === 'Entity' || type.getInterfaces().some((i) => i.name === 'Entity')));
    expect(entityTypes.length).toBeGreaterThan(9);
    for (const type of entityTypes) {
      if (!isObjectType(type) && !isInterfaceType(type)) continue;
      for (const [name, spec] of Object.entries(NESTED_FIELDS)) {
        const field = type.getFields()[name];
        if (!field) continue;
        expect(field.args.map((a) => a.name).sort(), `${type.name}.${name}`).toEqual([...spec.arguments].sort());
      }
    }
  });

  it('let the tree honour only arguments they declare', () => {
    for (const spec of Object.values(NESTED_FIELDS)) for (const argument of spec.tree ?? []) expect(spec.arguments).toContain(argument);
  });
});
