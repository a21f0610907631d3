/**
 * The cost model on the real schema, without a server: variables as graphql-js coerces them (the operation's
 * own defaults included), fragments, lists and pages, neighbourhood and path sizes, and introspection with the
 * schema's own list lengths.
 */
import { mergeTypeDefs } from '@graphql-tools/merge';
import { buildASTSchema, execute, getIntrospectionQuery, getVariableValues, isInterfaceType, isObjectType, Kind, parse, specifiedRules, validate, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { DEFAULT_LIST_SIZE, operationCost } from '../../src/graphql/limits/cost.ts';
import { limitValidationRules } from '../../src/graphql/limits/index.ts';
import { introspectionCounts } from '../../src/graphql/limits/introspection-counts.ts';
import { loadTypeDefs } from '../../src/graphql/schema.ts';

const schema = buildASTSchema(mergeTypeDefs(loadTypeDefs()));
const { limits, operationLimits } = loadConfig({});

/** The cost the server computes: variables coerced by graphql-js first, as the cost plugin does. */
function cost(query: string, sent: Record<string, unknown> = {}): number {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d]] : [])));
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], sent);
  if (coerced.errors) throw coerced.errors[0];
  return operationCost({ schema, operation, fragments, variables: coerced.coerced, limits });
}

describe('cost of data fields', () => {
  it('is 1 per object, scalars free, and a list multiplies by its page size', () => {
    expect(cost('{ entity(id: "x") { id name } }')).toBe(1);
    // connection (1) + 3 edges × (edge + node)
    expect(cost('{ search(text: "a", first: 3) { edges { score node { id } } } }')).toBe(1 + 3 * 2);
    // connection (1) + its nodes: first × (node + to)
    expect(cost('{ relations(first: 7) { nodes { to { id } } } }')).toBe(1 + 7 * 2);
  });

  it('counts nodes(ids) by the number of ids, from a literal or the variables', () => {
    expect(cost('{ nodes(ids: ["a", "b", "c"]) { id ... on Fact { subject { id } } } }')).toBe(3 * 2);
    expect(cost('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: Array.from({ length: 40 }, (_, i) => `e${i}`) })).toBe(40);
  });

  it('uses the default page size (20) when neither `first` nor `last` is given, and `last` when it is', () => {
    expect(cost('{ search(text: "a") { edges { score } } }')).toBe(1 + 20);
    expect(cost('{ relations { nodes { id } } }')).toBe(1 + 20);
    expect(cost('{ relations(last: 7) { nodes { to { id } } } }')).toBe(1 + 7 * 2);
    expect(cost('{ entity(id: "x") { facts(last: 4) { nodes { id } } } }')).toBe(1 + 1 + 4);
  });

  it('reads `first` from the variables sent', () => {
    const query = 'query($n: Int) { relations(first: $n) { nodes { id } } }';
    expect(cost(query, { n: 5 })).toBe(1 + 5);
    // Not sent and no default of its own: the argument's schema default applies, as in execution.
    expect(cost(query)).toBe(1 + 20);
  });

  it("applies the operation's own variable defaults (query($n: Int = 100)) when nothing is sent", () => {
    const query = 'query($n: Int = 100) { relations(first: $n) { nodes { to { id } } } }';
    expect(cost(query)).toBe(1 + 100 * 2);
    expect(cost(query, { n: 3 })).toBe(1 + 3 * 2);
    // Nested: the default multiplies the whole subtree, as a sent value would.
    const nested = 'query($n: Int = 100) { search(text: "a", first: 50) { nodes { relations(first: $n) { nodes { to { name } } } } } }';
    expect(cost(nested)).toBe(1 + 50 * (2 + 2 * 100));
    expect(cost(nested)).toBe(cost(nested, { n: 100 }));
  });

  it('counts a fragment once per spread, inline fragments and named ones alike', () => {
    const once = cost('{ relations(first: 4) { nodes { to { id } } } }');
    expect(cost('{ ...R } fragment R on Query { relations(first: 4) { nodes { to { id } } } }')).toBe(once);
    expect(cost('{ a: relations(first: 4) { ...N } b: relations(first: 4) { ...N } } fragment N on RelationConnection { nodes { to { id } } }')).toBe(2 * once);
    expect(cost('{ ... on Query { relations(first: 4) { nodes { to { id } } } } }')).toBe(once);
  });

  it("weighs a long text by its SDL `@cost(weight:)`, so aliasing a document's text costs what it sends", () => {
    const text = (n: number) => `{ entity(id: "d") { ... on Document { ${Array.from({ length: n }, (_, i) => `t${i}: text`).join(' ')} } } }`;
    expect(cost(text(1))).toBe(1 + 40);
    expect(cost(text(20))).toBe(1 + 20 * 40);
  });

  it('gives short unpaginated lists a size of DEFAULT_LIST_SIZE', () => {
    // fact (1) + citations: DEFAULT_LIST_SIZE × (citation + saidBy)
    expect(cost('{ fact(id: "f") { citations { saidBy { id } } } }')).toBe(1 + DEFAULT_LIST_SIZE * 2);
  });

  it('sizes a neighbourhood by its depth (20 at depth 1, ×5 per level, at most MAX_NEIGHBORHOOD_NODES)', () => {
    const around = (depth: number) => cost(`{ neighborhood(id: "x", depth: ${depth}) { nodes { id } } }`);
    expect(around(1)).toBe(1 + 20);
    expect(around(2)).toBe(1 + 100);
    expect(around(3)).toBe(1 + Math.min(500, limits.maxNeighborhoodNodes));
    // The depth's default (1), and a depth in a variable with an operation default.
    expect(cost('{ neighborhood(id: "x") { nodes { id } } }')).toBe(around(1));
    expect(cost('query($d: Int = 2) { neighborhood(id: "x", depth: $d) { nodes { id } } }')).toBe(around(2));
  });

  it('sizes a path by maxDepth + 1 (default 4)', () => {
    expect(cost('{ path(from: "a", to: "b") { nodes { id } } }')).toBe(1 + 5);
    expect(cost('{ path(from: "a", to: "b", maxDepth: 6) { nodes { id } } }')).toBe(1 + 7);
    expect(cost('query($m: Int = 2) { path(from: "a", to: "b", maxDepth: $m) { nodes { id } } }')).toBe(1 + 3);
  });
});

describe('cost of introspection', () => {
  const counts = introspectionCounts(schema);
  const types = counts.lists.get('__Schema.types')!.max;

  it("counts the schema's own types and fields", () => {
    expect(types).toBe(Object.keys(schema.getTypeMap()).length);
    expect(cost('{ __schema { types { name } } }')).toBe(1 + types);
    const fields = Object.values(schema.getTypeMap()).reduce((n, t) => n + (isObjectType(t) || isInterfaceType(t) ? Object.keys(t.getFields()).length : 0), 0);
    // types × average fields per type = every field of the schema, each an object of cost 1.
    expect(cost('{ __schema { types { fields { name } } } }')).toBe(Math.ceil(1 + types + fields));
  });

  it('counts one type by its own longest lists', () => {
    const longest = counts.lists.get('__Type.fields')!.max;
    expect(cost('{ __type(name: "Query") { fields { name } } }')).toBe(1 + longest);
  });

  it("costs `ofType` only as deep as the schema's types are wrapped", () => {
    const chain = (levels: number) => `{ __type(name: "Query") { ${'ofType { '.repeat(levels)}name${' }'.repeat(levels)} } }`;
    expect(cost(chain(counts.maxWrapping))).toBe(1 + counts.maxWrapping);
    expect(cost(chain(counts.maxWrapping + 5))).toBe(1 + counts.maxWrapping);
  });

  it("lets the playground's own introspection query through, and refuses it aliased many times", () => {
    // What GraphiQL 5 sends (its bundled getIntrospectionQuery: descriptions on, inputValueDeprecation and
    // schemaDescription set by GraphiQL, typeDepth 9).
    const graphiql = getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, schemaDescription: true });
    const once = cost(graphiql);
    expect(once).toBeGreaterThan(types);
    expect(once).toBeLessThanOrEqual(operationLimits.maxCost);
    const body = 'types { name fields { name args { name type { name } } type { name ofType { name } } } }';
    const single = cost(`{ __schema { ${body} } }`);
    const aliased = cost(`{ ${Array.from({ length: 30 }, (_, i) => `a${i}: __schema { ${body} }`).join(' ')} }`);
    expect(aliased).toBe(30 * single);
    expect(aliased).toBeGreaterThan(operationLimits.maxCost);
  });
});

describe('depth and aliases inside introspection', () => {
  const limitErrors = (query: string) => validate(schema, parse(query), limitValidationRules(operationLimits)).map((e) => e.extensions.limit);
  const maxWrapping = introspectionCounts(schema).maxWrapping;

  it("count like any other selection, so the playground's query passes and deeper or wider ones do not", () => {
    expect(limitErrors(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, schemaDescription: true }))).toEqual([]);
    const interfaces = (depth: number) => `{ __type(name: "Query") { ${'interfaces { '.repeat(depth - 2)}name${' }'.repeat(depth - 2)} } }`;
    expect(limitErrors(interfaces(operationLimits.maxDepth))).toEqual([]);
    expect(limitErrors(interfaces(operationLimits.maxDepth + 1))).toEqual(['depth']);
    const aliases = (n: number) => `{ __schema { ${Array.from({ length: n }, (_, i) => `t${i}: types { name }`).join(' ')} } }`;
    expect(limitErrors(aliases(operationLimits.maxAliases))).toEqual([]);
    expect(limitErrors(aliases(operationLimits.maxAliases + 1))).toEqual(['aliases']);
  });

  it("skip only `ofType` levels past the schema's deepest wrapping, which are null in every answer", () => {
    const ofTypes = (levels: number, inner = 'name') => `{ __type(name: "Query") { ${'ofType { '.repeat(levels)}${inner}${' }'.repeat(levels)} } }`;
    expect(limitErrors(ofTypes(40))).toEqual([]);
    // What sits under a real (non-null) ofType still counts.
    const deep = `fields { ${'type { fields { '.repeat(6)}name${' } }'.repeat(6)} }`;
    expect(limitErrors(ofTypes(maxWrapping, deep))).toEqual(['depth']);
  });
});

describe('the largest introspection answer the default limits allow', () => {
  /** The answer's size in bytes when the limits accept the operation, else undefined. */
  const allowedBytes = (query: string): number | undefined => {
    const document = parse(query);
    if (validate(schema, document, [...specifiedRules, ...limitValidationRules(operationLimits)]).length > 0) return undefined;
    if (cost(query) > operationLimits.maxCost) return undefined;
    return Buffer.byteLength(JSON.stringify(execute({ schema, document })));
  };
  const times = (n: number, text: (i: number) => string) => Array.from({ length: n }, (_, i) => text(i)).join(' ');
  const graphiql = getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, schemaDescription: true });
  const selection = graphiql.slice(graphiql.indexOf('__schema {') + '__schema {'.length, graphiql.indexOf('fragment FullType')).replace(/}\s*}\s*$/, '');
  const fragments = graphiql.slice(graphiql.indexOf('fragment FullType'));
  const copies = (n: number, extra = '') => `query { ${times(n, (i) => `s${i}: __schema { ${selection} }`)} ${extra} } ${fragments}`;

  it('is about 0.6 MB: the most copies of the playground query that fit, plus descriptions repeated by the aliases left', () => {
    const shapes: Record<string, string> = {
      'the playground query': graphiql,
      'its most copies': copies(Math.floor(operationLimits.maxCost / cost(graphiql))),
      'one copy more': copies(Math.floor(operationLimits.maxCost / cost(graphiql)) + 1),
      'every field description, aliased': `{ __schema { types { fields { ${times(operationLimits.maxAliases, (i) => `d${i}: description`)} } } } }`,
      'copies and aliased type descriptions': copies(5, `x: __schema { types { ${times(operationLimits.maxAliases - 6, (i) => `d${i}: description`)} } }`),
    };
    const sizes = Object.fromEntries(Object.entries(shapes).map(([name, query]) => [name, allowedBytes(query)]));
    console.log(`introspection answers allowed (bytes): ${JSON.stringify(sizes)}`);
    expect(sizes['the playground query']).toBeGreaterThan(50_000);
    expect(sizes['one copy more']).toBeUndefined();
    const largest = Math.max(...Object.values(sizes).filter((b): b is number => b !== undefined));
    expect(largest).toBeLessThan(1024 * 1024);
  });
});
