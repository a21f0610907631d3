/**
 * The knowledge-graph repository: the read operations the API needs, each one named Cypher statement from
 * cypher/read, each taking a batch where a resolver may ask for many (DataLoaders call the batch forms).
 */
import type { FactsQuery, RelationQuery } from './queries.ts';
import type { Database, RoundTripObserver } from './database.ts';
import type {
  CitationRecord,
  EntityRecord,
  FactRecord,
  NeighborhoodRecord,
  Page,
  ParticipantRecord,
  PathRecord,
  QuantityRecord,
  RelationRecord,
  SearchHitRecord,
  TimeRefRecord,
} from './records.ts';
import {
  FACT_ANCHOR_ROLES,
  timeProperties,
  type CitationKind,
  type Comparator,
  type EntityKind,
  type FactStatus,
  type FactType,
  type Modality,
  type QuantityKind,
  type QuantityRole,
  type RelationType,
  type TimePrecision,
} from '../vocabulary/index.ts';
import { compileEntityTree, type EntityTreePlan, type NestedList } from './entity-tree.ts';

type Props = Record<string, unknown>;

export class KnowledgeGraphRepository {
  constructor(
    private readonly db: Database,
    private readonly observe?: RoundTripObserver,
  ) {}

  async entitiesByIds(ids: readonly string[]): Promise<Map<string, EntityRecord>> {
    const rows = await this.db.read<{ entity: Props }>('read/entities-by-ids', { ids }, this.observe);
    return new Map(rows.map((row) => [String(row.entity.id), toEntity(row.entity)]));
  }

  /**
   * One entity with the lists `plan` nests under it, in one round trip; `referenced` holds every entity the
   * fetched facts refer to, for the request's entity cache. Null when there is no such entity.
   */
  async entityTree(id: string, plan: EntityTreePlan): Promise<{ entity: EntityRecord; referenced: EntityRecord[] } | null> {
    const { text, params, listKeys } = compileEntityTree(id, plan);
    type Row = { entity: Props; lists: Record<string, { owner: string; items: Props[] }[]>; entities: Props[]; facts: Props[] };
    const row = (await this.db.readText<Row>('read/entity-tree', text, params, this.observe))[0];
    if (!row) return null;
    const referenced: EntityRecord[] = [];
    const tree: Tree = {
      entities: new Map([row.entity, ...row.entities].map((props) => [String(props.id), props])),
      facts: new Map(row.facts.map((props) => [String(props.id), treeFact(props, referenced)])),
      items: (list) => new Map((row.lists[listKeys.get(list)!] ?? []).map(({ owner, items }) => [owner, items])),
      referenced,
    };
    return { entity: treeEntity(tree, String(row.entity.id), plan), referenced };
  }

  async entityPage(kind: EntityKind | null, first: number, after: string): Promise<Page<EntityRecord>> {
    const rows = await this.db.read<{ entity: Props }>('read/entities-page', { kind, after, limit: first + 1 }, this.observe);
    return toPage(rows.map((row) => toEntity(row.entity)), first);
  }

  async relationsOfEntities(ids: readonly string[], query: RelationQuery): Promise<Map<string, Page<RelationRecord>>> {
    const params = { ids, types: query.types, direction: query.direction, after: query.after, limit: query.first + 1 };
    const rows = await this.db.read<{ id: string; relations: Props[] }>('read/entity-relations', params, this.observe);
    return new Map(rows.map((row) => [row.id, toPage(row.relations.map(toRelation), query.first)]));
  }

  async relationPage(filter: { from: string | null; to: string | null; type: string | null }, first: number, after: string): Promise<Page<RelationRecord>> {
    const statement = filter.from !== null ? 'read/relations-page-from' : filter.to !== null ? 'read/relations-page-to' : 'read/relations-page-all';
    const rows = await this.db.read<{ relation: Props }>(statement, { ...filter, after, limit: first + 1 }, this.observe);
    return toPage(rows.map((row) => toRelation(row.relation)), first);
  }

  async factsByIds(ids: readonly string[]): Promise<Map<string, FactRecord>> {
    const rows = await this.db.read<{ fact: Props }>('read/facts-by-ids', { ids }, this.observe);
    return new Map(rows.map((row) => [String(row.fact.id), toFact(row.fact)]));
  }

  async factsOfEntities(ids: readonly string[], query: FactsQuery): Promise<Map<string, FactRecord[]>> {
    const rows = await this.db.read<{ id: string; facts: Props[] }>('read/facts-by-entities', { ids, types: query.types, limit: query.first }, this.observe);
    return new Map(rows.map((row) => [row.id, row.facts.map(toFact)]));
  }

  async factsBackedBySources(ids: readonly string[], first: number): Promise<Map<string, FactRecord[]>> {
    const rows = await this.db.read<{ id: string; facts: Props[] }>('read/facts-backed-by-sources', { ids, limit: first }, this.observe);
    return new Map(rows.map((row) => [row.id, row.facts.map(toFact)]));
  }

  async documentTexts(ids: readonly string[]): Promise<Map<string, string | null>> {
    const rows = await this.db.read<{ id: string; text: string | null }>('read/document-texts', { ids }, this.observe);
    return new Map(rows.map((row) => [row.id, row.text]));
  }

  async sources(kinds: readonly EntityKind[]): Promise<EntityRecord[]> {
    const rows = await this.db.read<{ entity: Props }>('read/sources', { kinds }, this.observe);
    return rows.map((row) => toEntity(row.entity));
  }

  async search(luceneQuery: string, kinds: readonly EntityKind[] | null, limit: number): Promise<SearchHitRecord[]> {
    const rows = await this.db.read<{ entity: Props; score: number }>('read/search-entities', { query: luceneQuery, kinds, limit }, this.observe);
    return rows.map((row) => ({ entity: toEntity(row.entity), score: row.score }));
  }

  async shortestPath(from: string, to: string, maxDepth: number, types: readonly string[] | null): Promise<PathRecord | null> {
    const rows = await this.db.read<{ nodes: Props[]; edges: Props[] }>('read/shortest-path', { from, to, maxDepth, types }, this.observe);
    const row = rows[0];
    return row ? { nodes: row.nodes.map(toEntity), edges: row.edges.map(toRelation) } : null;
  }

  async neighborhood(id: string, depth: number, types: readonly string[] | null, maxNodes: number): Promise<NeighborhoodRecord | null> {
    // Each layer reads at most maxEdges relations, so a hub costs bounded work (see the statement).
    const params = { id, depth, types, maxNodes, maxEdges: maxNodes * 5 };
    const rows = await this.db.read<{ centerId: string; nodes: Props[]; edges: Props[]; truncated: boolean }>('read/neighborhood', params, this.observe);
    const row = rows[0];
    if (!row) return null;
    const nodes = row.nodes.map(toEntity);
    const byId = new Map(nodes.map((node) => [node.id, node]));
    const center = byId.get(row.centerId);
    if (!center) return null;
    // Edges name their endpoints by id (see the statement); every endpoint is one of the nodes.
    const edges = row.edges.map((edge) => relationWith(edge, byId.get(String(edge.from))!, byId.get(String(edge.to))!));
    return { center, nodes, edges, truncated: row.truncated };
  }
}

/** The tree statement's answer: entities and facts once each, and each nested list's items by owner id. */
interface Tree {
  entities: Map<string, Props>;
  facts: Map<string, FactRecord>;
  items: (list: NestedList) => Map<string, Props[]>;
  referenced: EntityRecord[];
}

/** A record for each place an entity is reached: its nested lists are those of the plan at that place. */
function treeEntity(tree: Tree, id: string, plan: EntityTreePlan): EntityRecord {
  const entity = toEntity(tree.entities.get(id)!);
  if (plan.nested.length === 0) return entity;
  entity.prefetched = new Map();
  for (const nested of plan.nested) {
    const items = tree.items(nested).get(id) ?? [];
    if (nested.kind === 'facts') {
      entity.prefetched.set(nested.key, items.map((fact) => treeFact(fact, tree.referenced)));
      continue;
    }
    const relations = items.map((r) => {
      const relation = relationWith(r, treeEntity(tree, String(r.from), nested.from), treeEntity(tree, String(r.to), nested.to));
      if (nested.fact) relation.fact = tree.facts.get(String(r.factId));
      return relation;
    });
    entity.prefetched.set(nested.key, toPage(relations, nested.query.first));
  }
  return entity;
}

function treeFact(props: Props, referenced: EntityRecord[]): FactRecord {
  for (const entity of (props.referenced as Props[] | null) ?? []) referenced.push(toEntity(entity));
  return toFact(props);
}

function toPage<T>(items: T[], first: number): Page<T> {
  return { items: items.slice(0, first), hasNextPage: items.length > first };
}

const str = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

function toTimeRef(props: Props, prefix: string): TimeRefRecord | null {
  const names = timeProperties(prefix);
  const value = props[names.value];
  if (value === null || value === undefined) return null;
  return {
    text: str(props[names.text]),
    value: String(value),
    endValue: str(props[names.endValue]),
    precision: String(props[names.precision]) as TimePrecision,
    inferred: props[names.inferred] === true,
  };
}

export function toEntity(props: Props): EntityRecord {
  const texts = (props.aliasTexts as string[] | null) ?? [];
  const languages = (props.aliasLanguages as string[] | null) ?? [];
  return {
    id: String(props.id),
    kind: String(props.kind) as EntityKind,
    name: String(props.name),
    description: String(props.description ?? ''),
    background: props.background === true,
    aliases: texts.map((text, i) => ({ text, language: languages[i] || null })),
    published: toTimeRef(props, 'published'),
    language: str(props.language),
  };
}

function toRelation(props: Props): RelationRecord {
  return relationWith(props, toEntity(props.from as Props), toEntity(props.to as Props));
}

/** A relation whose endpoints the caller already holds (statements that name endpoints by id). */
function relationWith(props: Props, from: EntityRecord, to: EntityRecord): RelationRecord {
  return { id: String(props.id), type: String(props.type) as RelationType, factId: String(props.factId), label: String(props.label ?? props.type), from, to };
}

const STRUCTURAL_ROLES = new Set<string>(FACT_ANCHOR_ROLES);

function toFact(props: Props): FactRecord {
  const byPosition = (a: Props, b: Props) => Number(a.position) - Number(b.position);
  const participants = ((props.participants as ParticipantRecord[]) ?? [])
    .filter((p) => !STRUCTURAL_ROLES.has(p.role))
    .sort((a, b) => a.role.localeCompare(b.role) || a.entity.localeCompare(b.entity));
  return {
    id: String(props.id),
    type: String(props.type) as FactType,
    statement: String(props.statement),
    subject: String(props.subject),
    object: str(props.object),
    event: str(props.event),
    modality: String(props.modality) as Modality,
    status: String(props.status ?? 'CURRENT') as FactStatus,
    background: props.background === true,
    basis: str(props.basis),
    time: toTimeRef(props, 'time'),
    reportedAt: toTimeRef(props, 'reported'),
    quantities: ((props.quantities as Props[]) ?? []).sort(byPosition).map(toQuantity),
    citations: ((props.citations as Props[]) ?? []).sort(byPosition).map(toCitation),
    participants,
  };
}

function toQuantity(props: Props): QuantityRecord {
  return {
    kind: String(props.kind) as QuantityKind,
    value: typeof props.value === 'number' ? props.value : null,
    unit: str(props.unit),
    currency: str(props.currency),
    item: str(props.item),
    comparator: String(props.comparator ?? 'EXACT') as Comparator,
    role: String(props.role ?? 'AMOUNT') as QuantityRole,
    text: str(props.text),
  };
}

function toCitation(props: Props): CitationRecord {
  return {
    id: String(props.id),
    quote: String(props.quote),
    start: Number(props.start),
    end: Number(props.end),
    kind: String(props.kind) as CitationKind,
    confidence: typeof props.confidence === 'number' ? props.confidence : null,
    document: String(props.document),
    saidBy: String(props.saidBy),
    reportedBy: str(props.reportedBy),
  };
}
