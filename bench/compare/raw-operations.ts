/**
 * The RAW side of the comparison: for each benchmark operation, the exact Cypher statements our server runs
 * for it, in the same order and with the same parameters, called straight through the repository
 * (neo4j-driver's executeQuery and the record mapping), with no GraphQL and no HTTP: the floor our server is
 * measured against. Each returns its answer in the shape of our server's GraphQL response, so the same
 * normalizer checks that raw and ours agree before anything is timed.
 *
 * EntityLookup and Nested run the one entity-tree statement our `entity` resolver assembles (the plan is made
 * from the same document by the same code); the other three run the one statement their resolver runs. The
 * benchmark prints the statement counts of raw and ours side by side, and refuses to time a side whose
 * answer differs from ours.
 */
import { buildSchema, Kind, parse, type FieldNode, type OperationDefinitionNode } from 'graphql';
import { loadConfig } from '../../src/config/config.ts';
import type { EntityTreePlan } from '../../src/database/entity-tree.ts';
import { luceneQueryFor } from '../../src/database/lucene.ts';
import { entityTreePlan } from '../../src/graphql/entity-tree-plan.ts';
import { loadTypeDefs } from '../../src/graphql/schema.ts';
import type { KnowledgeGraphRepository } from '../../src/database/repository.ts';
import type { EntityRecord, FactRecord, RelationRecord } from '../../src/database/records.ts';
import { ENTITY_TYPE_OF_KIND } from '../../src/vocabulary/index.ts';
import { OPERATIONS, type GraphQLResponse, type OperationName, type Variables } from '../peer/operations.ts';

type RawOperation = (repository: KnowledgeGraphRepository, variables: Variables, limits: RawLimits) => Promise<GraphQLResponse>;

export interface RawLimits {
  maxNeighborhoodNodes: number;
}

const named = (e: EntityRecord) => ({ id: e.id, name: e.name });

function required(variables: Variables, name: string): string {
  const value = variables[name];
  if (value === undefined) throw new Error(`Missing variable ${name}`);
  return value;
}

/**
 * The plan our `entity` resolver makes for an operation's document (src/graphql/entity-tree-plan.ts), made the
 * same way here, so raw sends the very statement text and parameters our server sends.
 */
function planOf(name: OperationName): EntityTreePlan {
  const document = parse(OPERATIONS.find((op) => op.name === name)!.ours);
  const operation = document.definitions[0] as OperationDefinitionNode;
  const field = operation.selectionSet.selections.find((s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === 'entity')!;
  const info = { fieldNodes: [field], fragments: {}, variableValues: {}, schema: buildSchema(loadTypeDefs().join('\n')) };
  const decision = entityTreePlan(info, loadConfig({}).limits);
  if (decision.kind !== 'tree') throw new Error(`${name} is not served by the entity tree: ${decision.kind === 'loaders' ? decision.reason : 'nothing nested'}`);
  return decision.plan;
}

const PLANS = { EntityLookup: planOf('EntityLookup'), Nested: planOf('Nested') };

/**
 * No entity with this id: as our `entity` resolver does, the id is looked up once more, as an id that may
 * redirect to a merged entity (the tree, then entities-by-ids, which follows a redirect: two statements). The benchmark's targets are never merged,
 * so a redirect is not followed here: it is an error, not a silent difference.
 */
async function missed(repository: KnowledgeGraphRepository, id: string): Promise<GraphQLResponse> {
  const lookup = (await repository.lookupEntities([id], null)).get(id);
  if (lookup) throw new Error(`${id} ${lookup.entity ? 'exists after all' : `redirects to ${lookup.mergedInto}`}: raw does not follow redirects`);
  return { data: { entity: null } };
}

/** entity → relations(first: 20) → fact → citations → document / saidBy / reportedBy: one statement. */
const entityLookup: RawOperation = async (repository, variables) => {
  const tree = await repository.entityTree(required(variables, 'id'), PLANS.EntityLookup);
  if (!tree) return missed(repository, required(variables, 'id'));
  const known = new Map(tree.referenced.map((e) => [e.id, e]));
  const entityOf = (key: string | null) => (key === null ? null : named(known.get(key)!));
  const { entity } = tree;
  const page = entity.prefetched?.get('relations')?.page as { items: RelationRecord[] };
  const relation = (r: RelationRecord) => {
    const fact = r.fact!;
    const citations = fact.citations.map((c) => ({ quote: c.quote, start: c.start, end: c.end, document: entityOf(c.document), saidBy: entityOf(c.saidBy), reportedBy: entityOf(c.reportedBy) }));
    return { id: r.id, type: r.type, from: named(r.from), to: named(r.to), fact: { id: fact.id, statement: fact.statement, citations } };
  };
  return { data: { entity: { id: entity.id, name: entity.name, kind: entity.kind, relations: { nodes: page.items.map(relation) } } } };
};

const search: RawOperation = async (repository, variables) => {
  const query = luceneQueryFor(required(variables, 'text').trim());
  const hits = query === null ? [] : (await repository.search(query, null, 0, 10)).items;
  return { data: { search: { edges: hits.map((h) => ({ score: h.score, node: { id: h.entity.id, name: h.entity.name, kind: h.entity.kind } })) } } };
};

const neighborhood: RawOperation = async (repository, variables, limits) => {
  const result = await repository.neighborhood(required(variables, 'id'), 2, null, limits.maxNeighborhoodNodes);
  if (!result) return { data: { neighborhood: null } };
  const nodes = result.nodes.map((e) => ({ id: e.id, name: e.name, kind: e.kind }));
  const edges = result.edges.map((r) => ({ id: r.id, type: r.type, from: { id: r.from.id }, to: { id: r.to.id } }));
  return { data: { neighborhood: { truncated: result.truncated, nodes, edges } } };
};

const shortestPath: RawOperation = async (repository, variables) => {
  const path = await repository.shortestPath(required(variables, 'from'), required(variables, 'to'), 4, null);
  if (!path) return { data: { path: null } };
  const elements = path.nodes.flatMap((node, i) => {
    const entity = { __typename: ENTITY_TYPE_OF_KIND[node.kind], id: node.id, name: node.name };
    const edge = path.edges[i];
    return edge ? [entity, { __typename: 'Relation', id: edge.id, type: edge.type }] : [entity];
  });
  return { data: { path: { length: path.edges.length, elements } } };
};

/** entity → relations(first: 10) → to → relations(first: 5) → to → facts(first: 3): one statement. */
const nested: RawOperation = async (repository, variables) => {
  const tree = await repository.entityTree(required(variables, 'id'), PLANS.Nested);
  if (!tree) return missed(repository, required(variables, 'id'));
  const relationsOf = (e: EntityRecord) => (e.prefetched?.get('relations')?.page as { items: RelationRecord[] }).items;
  const factsOf = (e: EntityRecord) => (e.prefetched?.get('facts')?.page as { items: FactRecord[] }).items;
  const inner = (r: RelationRecord) => ({ type: r.type, to: { ...named(r.to), facts: { nodes: factsOf(r.to).map((f) => ({ id: f.id, statement: f.statement })) } } });
  const relations = relationsOf(tree.entity).map((r) => ({ type: r.type, to: { ...named(r.to), relations: { nodes: relationsOf(r.to).map(inner) } } }));
  return { data: { entity: { ...named(tree.entity), relations: { nodes: relations } } } };
};

export const RAW_OPERATIONS: Record<OperationName, RawOperation> = {
  EntityLookup: entityLookup,
  Search: search,
  Neighborhood: neighborhood,
  ShortestPath: shortestPath,
  Nested: nested,
};
