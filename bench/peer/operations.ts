/**
 * The five benchmark operations, as our server's document and as the peer's (@neo4j/graphql 7 with
 * bench/peer/type-defs.graphql), with a `normalize` of each side's response into one canonical value, so the
 * benchmark can check that both servers give the same answer before timing anything.
 *
 * Canonical values keep what both sides return and what the operation is about: ids, names, kinds, types,
 * the order where the operation defines one (relations by relation id, facts by fact id, search hits by
 * score then id, path elements in path order), sorted sets where it does not (neighbourhood nodes and
 * edges, a fact's citations). Differences the peer cannot avoid, and how they are handled:
 * - EntityLookup, Nested: the peer has no single-entity root field; `entities(where: {id: {eq}})` returns a
 *   list of at most one (normalized to the entity or null). Relations are a list, not a connection (no
 *   `nodes`, no cursors). Entity `kind` and `__typename`: ours answers the kind's type (Person, ...), the peer
 *   one `Entity` type: __typename is normalized to `Entity` on our side.
 * - Search: the library passes `phrase` to Lucene as it is, so the client sends the Lucene query that our
 *   server builds from the user's words (luceneQueryFor, `nvidia` → `(nvidia^4 OR nvidia*^2 OR nvidia~1)`):
 *   same index, same query, same scores. The peer's connection also counts every hit (totalCount is computed
 *   even when not asked: the library collects all hits before sorting and limiting). Scores are compared to
 *   6 significant digits.
 * - Neighborhood: same semantics as ours (breadth-first, each entity once, edges read from every entity
 *   closer than `depth`, at most 200 entities) without ours' cap of 1,000 relations read per layer; when
 *   `truncated`, which entities are kept may differ (BFS order is not ours) and which edges among them are
 *   returned too, so only `truncated` and the node count are compared then. Ours edges' `from`/`to` are entities, the peer's `{ id }` maps.
 * - ShortestPath: the same shortestPath() statement; when several shortest paths exist, each server may
 *   pick another one (normalize keeps the whole path, so the check would show it).
 */
import { luceneQueryFor } from '../../src/database/lucene.ts';

export type Canonical = string | number | boolean | null | Canonical[] | { [key: string]: Canonical };
export type Variables = Record<string, string>;
export interface GraphQLResponse {
  data?: unknown;
  errors?: readonly { message: string }[];
}

export type OperationName = 'EntityLookup' | 'Search' | 'Neighborhood' | 'ShortestPath' | 'Nested';

export interface BenchOperation {
  name: OperationName;
  ours: string;
  peer: string;
  /** The peer's variables for ours' (the same, but Search's text becomes a Lucene query). */
  peerVariables(variables: Variables): Variables;
  normalizeOurs(response: GraphQLResponse): Canonical;
  normalizePeer(response: GraphQLResponse): Canonical;
}

/** The response's data, typed by the caller from the document it sent; a GraphQL error is an error here. */
function dataOf<T>(response: GraphQLResponse): T {
  if (response.errors?.length) throw new Error(`GraphQL errors: ${response.errors.map((e) => e.message).join('; ')}`);
  if (response.data === undefined || response.data === null) throw new Error('The response has no data');
  return response.data as T;
}

/**
 * The canonical text of an answer. Our server answers global ids (`Relation:…`, `Fact:…`, docs/public-api.md);
 * raw and the peer read the stored keys: the prefix is dropped so that the keys are compared (a slug never holds
 * a `:`, so nothing else can match).
 */
export function canonicalJson(value: Canonical): string {
  return JSON.stringify(value).replace(/"(?:Fact|Relation|Citation|Revision):/g, '"');
}

export function sameAnswer(a: Canonical, b: Canonical): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

const byKey =
  <T>(key: (item: T) => string) =>
  (a: T, b: T): number => {
    const [x, y] = [key(a), key(b)];
    return x < y ? -1 : x > y ? 1 : 0;
  };

interface Named {
  id: string;
  name: string;
}
const named = (e: Named | null): Canonical => (e ? { id: e.id, name: e.name } : null);

// ---------------------------------------------------------------------------------------------- EntityLookup

interface Citation {
  quote: string;
  start: number;
  end: number;
  document: Named | null;
  saidBy: Named | null;
  reportedBy: Named | null;
}
interface LookupRelation {
  id: string;
  type: string;
  from: Named;
  to: Named;
  fact: { id: string; statement: string; citations: Citation[] };
}
interface LookupEntity extends Named {
  kind: string;
}

const citationKey = (c: Citation) => `${String(c.start).padStart(9, '0')}:${String(c.end).padStart(9, '0')}:${c.quote}`;

function lookupCanonical(entity: LookupEntity | null, relations: LookupRelation[]): Canonical {
  if (!entity) return null;
  return {
    id: entity.id,
    name: entity.name,
    kind: entity.kind,
    relations: relations.map((r) => ({
      id: r.id,
      type: r.type,
      from: named(r.from),
      to: named(r.to),
      fact: {
        id: r.fact.id,
        statement: r.fact.statement,
        // Neither side orders a fact's citations: compared as a set.
        citations: [...r.fact.citations].sort(byKey(citationKey)).map((c) => ({
          quote: c.quote,
          start: c.start,
          end: c.end,
          document: named(c.document),
          saidBy: named(c.saidBy),
          reportedBy: named(c.reportedBy),
        })),
      },
    })),
  };
}

const LOOKUP_RELATION_FIELDS =
  'id type from { id name } to { id name } fact { id statement citations { quote start end document { id name } saidBy { id name } reportedBy { id name } } }';

const entityLookup: BenchOperation = {
  name: 'EntityLookup',
  ours: `query EntityLookup($id: ID!) { entity(id: $id) { id name kind relations(first: 20) { nodes { ${LOOKUP_RELATION_FIELDS} } } } }`,
  peer: `query EntityLookup($id: ID!) { entities(where: { id: { eq: $id } }) { id name kind relations(first: 20) { ${LOOKUP_RELATION_FIELDS} } } }`,
  peerVariables: (v) => v,
  normalizeOurs(response) {
    const { entity } = dataOf<{ entity: (LookupEntity & { relations: { nodes: LookupRelation[] } }) | null }>(response);
    return lookupCanonical(entity, entity?.relations.nodes ?? []);
  },
  normalizePeer(response) {
    const [entity = null] = dataOf<{ entities: (LookupEntity & { relations: LookupRelation[] })[] }>(response).entities;
    return lookupCanonical(entity, entity?.relations ?? []);
  },
};

// ---------------------------------------------------------------------------------------------------- Search

interface Hit {
  score: number;
  entity: LookupEntity;
}

/** Score then id, as both sides order; scores to 6 significant digits (floats cross JSON). */
function searchCanonical(hits: Hit[]): Canonical {
  return hits.map((h) => ({ id: h.entity.id, name: h.entity.name, kind: h.entity.kind, score: Number(h.score.toPrecision(6)) }));
}

const search: BenchOperation = {
  name: 'Search',
  ours: 'query Search($text: String!) { search(text: $text, first: 10) { edges { score node { id name kind } } } }',
  peer:
    'query Search($text: String!) { searchEntities(phrase: $text, first: 10, sort: [{ score: DESC }, { node: { id: ASC } }]) ' +
    '{ edges { score node { id name kind } } } }',
  peerVariables: (v) => ({ ...v, text: luceneQueryFor(v.text ?? '') ?? '' }),
  normalizeOurs: (response) => searchCanonical(dataOf<{ search: { edges: { score: number; node: LookupEntity }[] } }>(response).search.edges.map((e) => ({ score: e.score, entity: e.node }))),
  normalizePeer(response) {
    const { edges } = dataOf<{ searchEntities: { edges: { score: number; node: LookupEntity }[] } }>(response).searchEntities;
    return searchCanonical(edges.map((e) => ({ score: e.score, entity: e.node })));
  },
};

// ---------------------------------------------------------------------------------------------- Neighborhood

interface Neighborhood {
  truncated: boolean;
  nodes: LookupEntity[];
  edges: { id: string; type: string; from: { id: string }; to: { id: string } }[];
}

function neighborhoodCanonical(n: Neighborhood | null): Canonical {
  if (!n) return null;
  const nodes = [...n.nodes].sort(byKey((e) => e.id)).map((e) => ({ id: e.id, name: e.name, kind: e.kind }));
  const edges = [...n.edges].sort(byKey((e) => e.id)).map((e) => ({ id: e.id, type: e.type, from: e.from.id, to: e.to.id }));
  // Truncated: which entities a BFS keeps depends on its order, and which edges among them come back on the
  // cut policy (ours reads at most 1,000 relations per layer and returns those joining kept entities; the peer's
  // APOC expansion returns every relationship among them), so only the flag and the node count are compared.
  if (n.truncated) return { truncated: true, nodes: nodes.length };
  return { truncated: false, nodes, edges };
}

const NEIGHBORHOOD_FIELDS = '{ truncated nodes { id name kind } edges { id type from { id } to { id } } }';

const neighborhood: BenchOperation = {
  name: 'Neighborhood',
  ours: `query Neighborhood($id: ID!) { neighborhood(id: $id, depth: 2) ${NEIGHBORHOOD_FIELDS} }`,
  peer: `query Neighborhood($id: ID!) { neighborhood(id: $id, depth: 2) ${NEIGHBORHOOD_FIELDS} }`,
  peerVariables: (v) => v,
  normalizeOurs: (response) => neighborhoodCanonical(dataOf<{ neighborhood: Neighborhood | null }>(response).neighborhood),
  normalizePeer: (response) => neighborhoodCanonical(dataOf<{ neighborhood: Neighborhood | null }>(response).neighborhood),
};

// ---------------------------------------------------------------------------------------------- ShortestPath

interface PathElement {
  __typename: string;
  id: string;
  name?: string;
  type?: string;
}

/** In path order; our entities' __typename is their kind's type, the peer's `Entity`. */
function pathCanonical(path: { length: number; elements: PathElement[] } | null): Canonical {
  if (!path) return null;
  const elements = path.elements.map((e): Canonical =>
    e.__typename === 'Relation' ? { relation: e.id, type: e.type ?? null } : { entity: e.id, name: e.name ?? null },
  );
  return { length: path.length, elements };
}

const PATH_FIELDS = '{ length elements { __typename ... on Entity { id name } ... on Relation { id type } } }';

const shortestPath: BenchOperation = {
  name: 'ShortestPath',
  ours: `query ShortestPath($from: ID!, $to: ID!) { path(from: $from, to: $to, maxDepth: 4) ${PATH_FIELDS} }`,
  peer: `query ShortestPath($from: ID!, $to: ID!) { path(from: $from, to: $to, maxDepth: 4) ${PATH_FIELDS} }`,
  peerVariables: (v) => v,
  normalizeOurs: (response) => pathCanonical(dataOf<{ path: { length: number; elements: PathElement[] } | null }>(response).path),
  normalizePeer: (response) => pathCanonical(dataOf<{ path: { length: number; elements: PathElement[] } | null }>(response).path),
};

// ---------------------------------------------------------------------------------------------------- Nested

interface Fact {
  id: string;
  statement: string;
}
interface Inner extends Named {
  facts: Fact[];
}
interface Middle<R> extends Named {
  relations: R;
}

/** Relations in relation id order and facts in fact id order, as both sides return them. */
function nestedCanonical(entity: Named | null, relations: { type: string; to: Named; inner: { type: string; to: Inner }[] }[]): Canonical {
  if (!entity) return null;
  return {
    id: entity.id,
    name: entity.name,
    relations: relations.map((r) => ({
      type: r.type,
      to: {
        id: r.to.id,
        name: r.to.name,
        relations: r.inner.map((i) => ({
          type: i.type,
          to: { id: i.to.id, name: i.to.name, facts: i.to.facts.map((f) => ({ id: f.id, statement: f.statement })) },
        })),
      },
    })),
  };
}

const nested: BenchOperation = {
  name: 'Nested',
  ours:
    'query Nested($id: ID!) { entity(id: $id) { id name relations(first: 10) { nodes { type to { id name ' +
    'relations(first: 5) { nodes { type to { id name facts(first: 3) { nodes { id statement } } } } } } } } } }',
  peer:
    'query Nested($id: ID!) { entities(where: { id: { eq: $id } }) { id name relations(first: 10) { type to { id name ' +
    'relations(first: 5) { type to { id name facts(limit: 3, sort: [{ id: ASC }]) { id statement } } } } } } }',
  peerVariables: (v) => v,
  normalizeOurs(response) {
    // Our facts are a connection: its nodes are the peer's list.
    type Rel = { type: string; to: Middle<{ nodes: { type: string; to: Named & { facts: { nodes: Fact[] } } }[] }> };
    const { entity } = dataOf<{ entity: (Named & { relations: { nodes: Rel[] } }) | null }>(response);
    const innerOf = (r: Rel) => r.to.relations.nodes.map((i) => ({ type: i.type, to: { ...i.to, facts: i.to.facts.nodes } }));
    const relations = (entity?.relations.nodes ?? []).map((r) => ({ type: r.type, to: r.to, inner: innerOf(r) }));
    return nestedCanonical(entity, relations);
  },
  normalizePeer(response) {
    type Rel = { type: string; to: Middle<{ type: string; to: Inner }[]> };
    const [entity = null] = dataOf<{ entities: (Named & { relations: Rel[] })[] }>(response).entities;
    const relations = (entity?.relations ?? []).map((r) => ({ type: r.type, to: r.to, inner: r.to.relations }));
    return nestedCanonical(entity, relations);
  },
};

export const OPERATIONS: readonly BenchOperation[] = [entityLookup, search, neighborhood, shortestPath, nested];
