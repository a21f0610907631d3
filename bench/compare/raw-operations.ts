/**
 * The RAW side of the comparison: for each benchmark operation, the exact Cypher statements our server runs
 * for it, in the same order and with the same parameters, called straight through the repository
 * (neo4j-driver's executeQuery and the record mapping), with no GraphQL and no HTTP: the floor our server is
 * measured against. Each returns its answer in the shape of our server's GraphQL response, so the same
 * normalizer checks that raw and ours agree before anything is timed.
 *
 * Keep these in step with the resolvers (src/graphql/resolvers): the round-trip counts printed by the
 * benchmark for raw and ours must match, and the benchmark refuses to time a side whose answer differs.
 */
import { luceneQueryFor } from '../../src/database/lucene.ts';
import type { KnowledgeGraphRepository, RelationQuery } from '../../src/database/repository.ts';
import type { EntityRecord, FactRecord, RelationRecord } from '../../src/database/records.ts';
import { TYPE_OF_KIND } from '../../src/graphql/resolvers/entities.ts';
import type { GraphQLResponse, OperationName, Variables } from '../peer/operations.ts';

type RawOperation = (repository: KnowledgeGraphRepository, variables: Variables, limits: RawLimits) => Promise<GraphQLResponse>;

export interface RawLimits {
  maxNeighborhoodNodes: number;
}

const relationsQuery = (first: number): RelationQuery => ({ types: null, direction: 'BOTH', first, after: '' });
const named = (e: EntityRecord) => ({ id: e.id, name: e.name });
const unique = <T>(items: T[]): T[] => [...new Set(items)];

function required(variables: Variables, name: string): string {
  const value = variables[name];
  if (value === undefined) throw new Error(`Missing variable ${name}`);
  return value;
}

/** entity → relations(first: 20) → fact → citations → document / saidBy / reportedBy. */
const entityLookup: RawOperation = async (repository, variables) => {
  const id = required(variables, 'id');
  const entity = (await repository.entitiesByIds([id])).get(id);
  if (!entity) return { data: { entity: null } };
  const page = (await repository.relationsOfEntities([id], relationsQuery(20))).get(id) ?? { items: [], hasNextPage: false };
  const known = new Map<string, EntityRecord>(page.items.flatMap((r) => [[r.from.id, r.from], [r.to.id, r.to]] as const));
  known.set(entity.id, entity);
  const facts = page.items.length ? await repository.factsByIds(unique(page.items.map((r) => r.factId))) : new Map<string, FactRecord>();
  const cited = unique([...facts.values()].flatMap((f) => f.citations.flatMap((c) => [c.document, c.saidBy, c.reportedBy])))
    .filter((x): x is string => x !== null && !known.has(x));
  if (cited.length) for (const [key, value] of await repository.entitiesByIds(cited)) known.set(key, value);
  const entityOf = (key: string | null) => (key === null ? null : named(known.get(key)!));
  const relation = (r: RelationRecord) => {
    const fact = facts.get(r.factId)!;
    const citations = fact.citations.map((c) => ({ quote: c.quote, start: c.start, end: c.end, document: entityOf(c.document), saidBy: entityOf(c.saidBy), reportedBy: entityOf(c.reportedBy) }));
    return { id: r.id, type: r.type, from: named(r.from), to: named(r.to), fact: { id: fact.id, statement: fact.statement, citations } };
  };
  return { data: { entity: { id: entity.id, name: entity.name, kind: entity.kind, relations: { nodes: page.items.map(relation) } } } };
};

const search: RawOperation = async (repository, variables) => {
  const query = luceneQueryFor(required(variables, 'text').trim());
  const hits = query === null ? [] : await repository.search(query, null, 10);
  return { data: { search: hits.map((h) => ({ score: h.score, entity: { id: h.entity.id, name: h.entity.name, kind: h.entity.kind } })) } };
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
    const entity = { __typename: TYPE_OF_KIND[node.kind], id: node.id, name: node.name };
    const edge = path.edges[i];
    return edge ? [entity, { __typename: 'Relation', id: edge.id, type: edge.type }] : [entity];
  });
  return { data: { path: { length: path.edges.length, elements } } };
};

/** entity → relations(first: 10) → to → relations(first: 5) → to → facts(first: 3): one statement per level. */
const nested: RawOperation = async (repository, variables) => {
  const id = required(variables, 'id');
  const entity = (await repository.entitiesByIds([id])).get(id);
  if (!entity) return { data: { entity: null } };
  const outer = (await repository.relationsOfEntities([id], relationsQuery(10))).get(id)?.items ?? [];
  const middleIds = unique(outer.map((r) => r.to.id));
  const middle = middleIds.length ? await repository.relationsOfEntities(middleIds, relationsQuery(5)) : new Map();
  const innerIds = unique([...middle.values()].flatMap((page) => page.items.map((r: RelationRecord) => r.to.id)));
  const facts = innerIds.length ? await repository.factsOfEntities(innerIds, null, 3) : new Map<string, FactRecord[]>();
  const inner = (r: RelationRecord) => ({
    type: r.type,
    to: { ...named(r.to), facts: (facts.get(r.to.id) ?? []).map((f) => ({ id: f.id, statement: f.statement })) },
  });
  const relations = outer.map((r) => ({
    type: r.type,
    to: { ...named(r.to), relations: { nodes: (middle.get(r.to.id)?.items ?? []).map(inner) } },
  }));
  return { data: { entity: { ...named(entity), relations: { nodes: relations } } } };
};

export const RAW_OPERATIONS: Record<OperationName, RawOperation> = {
  EntityLookup: entityLookup,
  Search: search,
  Neighborhood: neighborhood,
  ShortestPath: shortestPath,
  Nested: nested,
};
