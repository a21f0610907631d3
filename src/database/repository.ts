/**
 * The knowledge-graph repository: the read operations the API needs, each one named Cypher statement from
 * cypher/read, each taking a batch where a resolver may ask for many (DataLoaders call the batch forms).
 */
import type { FactKey, FactsQuery, PageWindow, RelationQuery, Total } from './queries.ts';
import type { KeysetStatementName, ReadStatementName } from './statements.ts';
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
  Rank,
  RelationRecord,
  RevisionRecord,
  ChangeRecord,
  SearchPage,
  TimeRefRecord,
} from './records.ts';
import {
  ENTITY_TYPE_OF_KIND,
  FACT_ANCHOR_ROLES,
  RELATION_TYPES,
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

  /**
   * Entities by id, as stored (`asOf` null) or as of a revision's sequence. `mergedInto` names where an id
   * redirects (a merge; as of `asOf`, merged by then): the loaders follow it. An id absent from the map is
   * unknown (or, as of `asOf`, not created yet).
   */
  async lookupEntities(ids: readonly string[], asOf: number | null): Promise<Map<string, EntityLookup>> {
    if (asOf !== null) {
      return lookupsOf(await this.db.read<{ id: string; entity: Props | null; mergedInto: string | null }>('read/as-of/entities-by-ids', { ids, asOf }, this.observe));
    }
    const rows = await this.db.read<{ id: string; entity: Props | null; mergedInto: string | null }>('read/entities-by-ids', { ids }, this.observe);
    return lookupsOf(rows);
  }

  /** Entities by their own ids (an id that redirects is left out). */
  async entitiesByIds(ids: readonly string[]): Promise<Map<string, EntityRecord>> {
    const rows = await this.db.read<{ id: string; entity: Props | null }>('read/entities-by-ids', { ids }, this.observe);
    return new Map(rows.filter((row) => row.entity !== null && row.entity.id === row.id).map((row) => [row.id, toEntity(row.entity!)]));
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

  async entityPage(kind: EntityKind | null, window: PageWindow<string>, asOf: number | null = null): Promise<Page<EntityRecord>> {
    const statement = keyset(asOf === null ? 'read/entities-page' : 'read/as-of/entities-page', window);
    const rows = await this.db.read<{ entity: Props }>(statement, { kind, ...idBounds(window), asOf }, this.observe);
    return toPage(rows.map((row) => toEntity(row.entity)), window);
  }

  /** How many entities (of a kind): exact up to `bound`, else the count store's figure. */
  async countEntities(kind: EntityKind | null, bound: number): Promise<Total> {
    const label = kind === null ? null : ENTITY_TYPE_OF_KIND[kind];
    return totalOf((await this.db.read<CountRow>('read/count/entities', { kind, label, limit: bound + 1 }, this.observe))[0], bound);
  }

  async relationsOfEntities(ids: readonly string[], query: RelationQuery, asOf: number | null = null): Promise<Map<string, Page<RelationRecord>>> {
    const params = { ids, types: query.types, direction: query.direction, ...idBounds(query.window), asOf };
    const statement = keyset(asOf === null ? 'read/entity-relations' : 'read/as-of/entity-relations', query.window);
    const rows = await this.db.read<{ id: string; relations: Props[] }>(statement, params, this.observe);
    return new Map(rows.map((row) => [row.id, toPage(row.relations.map(toRelation), query.window)]));
  }

  /** How many relations each entity has (by type and direction): exact up to `bound`, else its stored degree. */
  async countRelationsOfEntities(ids: readonly string[], query: Pick<RelationQuery, 'types' | 'direction'>, bound: number): Promise<Map<string, Total>> {
    const params = { ids, types: query.types, direction: query.direction, limit: bound + 1 };
    const rows = await this.db.read<CountRow & { id: string }>('read/count/entity-relations', params, this.observe);
    return new Map(rows.map((row) => [row.id, totalOf(row, bound)]));
  }

  async relationPage(filter: RelationFilter, window: PageWindow<string>, asOf: number | null = null): Promise<Page<RelationRecord>> {
    const side = sideOf(filter);
    const statement = keyset(asOf === null ? (`read/relations-page-${side}` as const) : (`read/as-of/relations-page-${side}` as const), window);
    const rows = await this.db.read<{ relation: Props }>(statement, { ...filter, ...idBounds(window), asOf }, this.observe);
    return toPage(rows.map((row) => toRelation(row.relation)), window);
  }

  /** How many relations match: exact up to `bound`, else a degree (an endpoint given) or the count store. */
  async countRelations(filter: RelationFilter, bound: number): Promise<Total> {
    const relationTypes = filter.type === null ? RELATION_TYPES : [filter.type];
    const rows = await this.db.read<CountRow>(`read/count/relations-${sideOf(filter)}`, { ...filter, relationTypes, limit: bound + 1 }, this.observe);
    return totalOf(rows[0], bound);
  }

  /** Current relations by id (`fact` or `fact/ROLE/entity`); an id absent from the map names none. */
  async relationsByIds(ids: readonly string[]): Promise<Map<string, RelationRecord>> {
    const rows = ids.map((id) => ({ id, fact: id.split('/')[0] }));
    const found = await this.db.read<{ relation: Props }>('read/node-relations', { rows }, this.observe);
    return new Map(found.map((row) => [String(row.relation.id), toRelation(row.relation)]));
  }

  async factsByIds(ids: readonly string[], asOf: number | null = null): Promise<Map<string, FactRecord>> {
    if (asOf !== null) {
      const rows = await this.db.read<{ fact: FactRow }>('read/as-of/facts-by-ids', { ids, asOf }, this.observe);
      return new Map(rows.map((row) => [String(row.fact.fact.id), factOf(row.fact, asOf)]));
    }
    const rows = await this.db.read<{ fact: Props }>('read/facts-by-ids', { ids }, this.observe);
    const facts = new Map(rows.map((row) => [String(row.fact.id), toFact(row.fact)]));
    // A hidden fact has no ABOUT edge: its participants come from its history edges, in a second read.
    const hidden = rows.filter((row) => row.fact.retractedIn != null || row.fact.rank === 'DEPRECATED');
    if (hidden.length > 0) {
      const edges = await this.db.read<{ id: string; edges: EdgeProps[] }>('read/fact-edges', { ids: hidden.map((row) => String(row.fact.id)) }, this.observe);
      const byId = new Map(edges.map((row) => [row.id, row.edges]));
      for (const row of hidden) facts.set(String(row.fact.id), factOf({ fact: row.fact, edges: byId.get(String(row.fact.id)) ?? [] }, null));
    }
    return facts;
  }

  async factsOfEntities(ids: readonly string[], query: FactsQuery, asOf: number | null = null): Promise<Map<string, Page<FactRecord>>> {
    const { window } = query;
    const params = { ids, types: query.types, ...factBounds(window), asOf, includeRetracted: query.includeRetracted };
    if (asOf === null && !query.includeRetracted) {
      const rows = await this.db.read<{ id: string; facts: Props[] }>(keyset('read/facts-by-entities', window), params, this.observe);
      return new Map(rows.map((row) => [row.id, toPage(row.facts.map((fact) => toFact(fact)), window)]));
    }
    const statement = keyset(asOf !== null ? 'read/as-of/facts-by-entities' : 'read/facts-by-entities-with-retracted', window);
    const rows = await this.db.read<{ id: string; facts: FactRow[] }>(statement, params, this.observe);
    return new Map(rows.map((row) => [row.id, toPage(row.facts.map((fact) => factOf(fact, asOf)), window)]));
  }

  /** How many facts each entity takes part in: exact up to `bound`, else the stored degree of its fact edges. */
  async countFactsOfEntities(ids: readonly string[], query: Pick<FactsQuery, 'types' | 'includeRetracted'>, bound: number): Promise<Map<string, Total>> {
    const params = { ids, types: query.types, includeRetracted: query.includeRetracted, limit: bound + 1 };
    const rows = await this.db.read<CountRow & { id: string }>('read/count/facts-by-entities', params, this.observe);
    return new Map(rows.map((row) => [row.id, totalOf(row, bound)]));
  }

  async factsBackedBySources(ids: readonly string[], window: PageWindow<FactKey>, includeRetracted = false, asOf: number | null = null): Promise<Map<string, Page<FactRecord>>> {
    const params = { ids, ...factBounds(window), asOf, includeRetracted };
    if (asOf === null && !includeRetracted) {
      const rows = await this.db.read<{ id: string; facts: Props[] }>(keyset('read/facts-backed-by-sources', window), params, this.observe);
      return new Map(rows.map((row) => [row.id, toPage(row.facts.map((fact) => toFact(fact)), window)]));
    }
    const statement = keyset(asOf !== null ? 'read/as-of/facts-backed-by-sources' : 'read/facts-backed-by-sources-with-retracted', window);
    const rows = await this.db.read<{ id: string; facts: FactRow[] }>(statement, params, this.observe);
    return new Map(rows.map((row) => [row.id, toPage(row.facts.map((fact) => factOf(fact, asOf)), window)]));
  }

  /** How many facts each source backs: exact up to `bound`, else the stored degree of the citations naming it. */
  async countFactsBackedBySources(ids: readonly string[], includeRetracted: boolean, bound: number): Promise<Map<string, Total>> {
    const rows = await this.db.read<CountRow & { id: string }>('read/count/facts-backed-by-sources', { ids, includeRetracted, limit: bound + 1 }, this.observe);
    return new Map(rows.map((row) => [row.id, totalOf(row, bound)]));
  }

  async documentTexts(ids: readonly string[]): Promise<Map<string, string | null>> {
    const rows = await this.db.read<{ id: string; text: string | null }>('read/document-texts', { ids }, this.observe);
    return new Map(rows.map((row) => [row.id, row.text]));
  }

  async sources(kinds: readonly EntityKind[], asOf: number | null = null): Promise<EntityRecord[]> {
    const rows = await this.db.read<{ entity: Props }>(asOf === null ? 'read/sources' : 'read/as-of/sources', { kinds, asOf }, this.observe);
    return rows.map((row) => toEntity(row.entity));
  }

  /** A page of the ranking by offset (best score first, then id): `offset` hits skipped, `size` returned. */
  async search(luceneQuery: string, kinds: readonly EntityKind[] | null, offset: number, size: number): Promise<Omit<SearchPage, 'hasPreviousPage'>> {
    const rows = await this.db.read<{ entity: Props; score: number }>('read/search-entities', { query: luceneQuery, kinds, offset, limit: size + 1 }, this.observe);
    const items = rows.slice(0, size).map((row, i) => ({ entity: toEntity(row.entity), score: row.score, offset: offset + i }));
    return { items, hasNextPage: rows.length > size };
  }

  /** How many entities a search matches, up to `bound` (beyond, the bound, flagged as an estimate). */
  async countSearch(luceneQuery: string, kinds: readonly EntityKind[] | null, bound: number): Promise<Total> {
    return totalOf((await this.db.read<CountRow>('read/count/search', { query: luceneQuery, kinds, limit: bound + 1 }, this.observe))[0], bound);
  }

  async shortestPath(from: string, to: string, maxDepth: number, types: readonly string[] | null, asOf: number | null = null): Promise<PathRecord | null> {
    const statement = asOf === null ? 'read/shortest-path' : 'read/as-of/shortest-path';
    const rows = await this.db.read<{ nodes: Props[]; edges: Props[] }>(statement, { from, to, maxDepth, types, asOf }, this.observe);
    const row = rows[0];
    return row ? { nodes: row.nodes.map(toEntity), edges: row.edges.map(toRelation) } : null;
  }

  async neighborhood(id: string, depth: number, types: readonly string[] | null, maxNodes: number, asOf: number | null = null): Promise<NeighborhoodRecord | null> {
    // Each layer reads at most maxEdges relations, so a hub costs bounded work (see the statement).
    const params = { id, depth, types, maxNodes, maxEdges: maxNodes * 5, asOf };
    const statement = asOf === null ? 'read/neighborhood' : 'read/as-of/neighborhood';
    const rows = await this.db.read<{ centerId: string; nodes: (Props | null)[]; edges: Props[]; truncated: boolean }>(statement, params, this.observe);
    const row = rows[0];
    if (!row) return null;
    // As of a revision, an entity reached may not exist yet (null): it and its edges are left out.
    const nodes = row.nodes.filter((node): node is Props => node !== null).map(toEntity);
    const byId = new Map(nodes.map((node) => [node.id, node]));
    const center = byId.get(row.centerId);
    if (!center) return null;
    // Edges name their endpoints by id (see the statement); every endpoint is one of the nodes.
    const edges = row.edges
      .filter((edge) => byId.has(String(edge.from)) && byId.has(String(edge.to)))
      .map((edge) => relationWith(edge, byId.get(String(edge.from))!, byId.get(String(edge.to))!));
    return { center, nodes, edges, truncated: row.truncated };
  }

  // History (docs/curation-model.md): revisions in commit order, and the point an as-of read is at.

  async knowledgeVersion(): Promise<RevisionRecord | null> {
    const rows = await this.db.read<{ revision: Props }>('read/history/knowledge-version', {}, this.observe);
    return rows[0] ? toRevision(rows[0].revision) : null;
  }

  /** The latest revision's sequence only (0 before the first): the cheap read behind HTTP ETags. */
  async knowledgeSequence(): Promise<number> {
    const rows = await this.db.read<{ sequence: number }>('read/history/knowledge-sequence', {}, this.observe);
    return Number(rows[0]?.sequence ?? 0);
  }

  async revisionsBySequences(sequences: readonly number[]): Promise<Map<number, RevisionRecord>> {
    const rows = await this.db.read<{ revision: Props }>('read/history/revisions-by-sequences', { sequences }, this.observe);
    return new Map(rows.map((row) => [Number(row.revision.sequence), toRevision(row.revision)]));
  }

  /** Revisions in the window, oldest first (`size + 1` read, for the page's flags). */
  async revisions(window: PageWindow<number>): Promise<Page<RevisionRecord>> {
    const rows = await this.db.read<{ revision: Props }>(keyset('read/history/revisions-after', window), sequenceBounds(window), this.observe);
    return toPage(rows.map((row) => toRevision(row.revision)), window);
  }

  /** The `first` revisions after sequence `after`, oldest first (the change feed's poll). */
  async revisionsAfter(after: number, first: number): Promise<Page<RevisionRecord>> {
    return this.revisions({ size: first, backward: false, after, before: null });
  }

  /** The revisions that changed an entity or fact, in the window, oldest first. */
  async revisionsOfTarget(target: string, window: PageWindow<number>): Promise<Page<RevisionRecord>> {
    const rows = await this.db.read<{ revision: Props }>(keyset('read/history/revisions-of-target', window), { target, ...sequenceBounds(window) }, this.observe);
    return toPage(rows.map((row) => toRevision(row.revision)), window);
  }

  /** How many revisions changed an entity or fact: exact up to `bound`, else the number of its changes. */
  async countRevisionsOfTarget(target: string, bound: number): Promise<Total> {
    return totalOf((await this.db.read<CountRow>('read/count/revisions-of-target', { target, limit: bound + 1 }, this.observe))[0], bound);
  }

  /** Every revision: their number is the latest sequence (revisions are numbered from 1 and never removed). */
  async countRevisions(): Promise<Total> {
    return { count: (await this.knowledgeVersion())?.sequence ?? 0, estimate: false };
  }

  /**
   * Whether revision `sequence` is committed. Revisions are never removed, so once one is seen every lower
   * sequence is known committed: asOf a past revision costs no round trip for this check after the first.
   */
  async isCommitted(sequence: number): Promise<boolean> {
    if (sequence <= (COMMITTED.get(this.db.driver) ?? 0)) return true;
    const latest = await this.knowledgeVersion();
    if (latest) COMMITTED.set(this.db.driver, Math.max(COMMITTED.get(this.db.driver) ?? 0, latest.sequence));
    return latest !== null && sequence <= latest.sequence;
  }

  /** The sequence of the last revision committed at or before `time` (RFC 3339); 0 before the first. */
  async sequenceAtTime(time: string): Promise<number> {
    const rows = await this.db.read<{ sequence: number }>('read/as-of/revision-at-time', { time }, this.observe);
    return Number(rows[0]?.sequence ?? 0);
  }
}

/** The highest sequence known committed, per driver (one per database server; see isCommitted). */
const COMMITTED = new WeakMap<Database['driver'], number>();

/** Each asked id's entity (its survivor's, for a merged id), or where to look next (see lookupEntities). */
function lookupsOf(rows: readonly { id: string; entity: Props | null; mergedInto: string | null }[]): Map<string, EntityLookup> {
  const found = new Map<string, EntityLookup>();
  for (const row of rows) {
    // A redirect wins: as of a revision, the merged node still projects the entity it was before the merge.
    if (row.mergedInto !== null) found.set(row.id, { mergedInto: row.mergedInto });
    else if (row.entity) found.set(row.id, { entity: toEntity(row.entity) });
  }
  return found;
}

/** An id's entity, or where it redirects (see lookupEntities). */
export type EntityLookup = { entity: EntityRecord; mergedInto?: undefined } | { mergedInto: string; entity?: undefined };

/** A fact ABOUT (or, in history, WAS_ABOUT) edge: who plays which role, and when the edge was valid. */
interface EdgeProps {
  role: string;
  entity: string;
  since: number | null;
  until: number | null;
}

/** What the statements that read hidden or past facts return per fact: the fact, its edges, its rank then. */
interface FactRow {
  fact: Props;
  edges: EdgeProps[];
  rank?: Rank;
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
      entity.prefetched.set(nested.key, { kind: 'facts', page: toPage(items.map((fact) => treeFact(fact, tree.referenced)), nested.window) });
      continue;
    }
    const relations = items.map((r) => {
      const relation = relationWith(r, treeEntity(tree, String(r.from), nested.from), treeEntity(tree, String(r.to), nested.to));
      if (nested.fact) relation.fact = tree.facts.get(String(r.factId));
      return relation;
    });
    entity.prefetched.set(nested.key, { kind: 'relations', page: toPage(relations, nested.query.window) });
  }
  return entity;
}

function treeFact(props: Props, referenced: EntityRecord[]): FactRecord {
  for (const entity of (props.referenced as Props[] | null) ?? []) referenced.push(toEntity(entity));
  return toFact(props);
}

/** The statement for a window: a backward page reads the list in reverse order (toPage turns it back). */
function keyset<Name extends KeysetStatementName>(name: Name, window: PageWindow<unknown>): ReadStatementName {
  return window.backward ? `${name}:backward` : name;
}

/** Above every id: slugs and relation keys are ASCII (the bound when no `before` is given). */
const ID_CEILING = '\uffff';

function idBounds(window: PageWindow<string>) {
  return { after: window.after ?? '', before: window.before ?? ID_CEILING, limit: window.size + 1 };
}

function factBounds(window: PageWindow<FactKey>) {
  const { after, before } = window;
  return { afterRank: after?.rank ?? -1, afterId: after?.id ?? '', beforeRank: before?.rank ?? 2, beforeId: before?.id ?? '', limit: window.size + 1 };
}

function sequenceBounds(window: PageWindow<number>) {
  return { after: window.after ?? 0, before: window.before ?? Number.MAX_SAFE_INTEGER, limit: window.size + 1 };
}

/**
 * A page from the `size + 1` items read in the window's direction. A cursor given on the side a page does not
 * read from means there are items beyond it (the cursor's own, at least).
 */
export function toPage<T>(read: T[], window: PageWindow<unknown>): Page<T> {
  const more = read.length > window.size;
  const items = read.slice(0, window.size);
  if (!window.backward) return { items, hasNextPage: more, hasPreviousPage: window.after !== null };
  return { items: items.reverse(), hasNextPage: window.before !== null, hasPreviousPage: more };
}

export interface RelationFilter {
  from: string | null;
  to: string | null;
  type: string | null;
}

const sideOf = (filter: RelationFilter) => (filter.from !== null ? 'from' : filter.to !== null ? 'to' : 'all');

/** What a count statement answers: the exact count, stopped at the bound + 1, and an estimate for beyond. */
interface CountRow {
  exact: number;
  estimate: number;
}

function totalOf(row: CountRow | undefined, bound: number): Total {
  if (!row) return { count: 0, estimate: false };
  const exact = Number(row.exact);
  if (exact <= bound) return { count: exact, estimate: false };
  // The estimate is never below what was counted.
  return { count: Math.max(Number(row.estimate), exact), estimate: true };
}

const str = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));
const num = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

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
    textSha256: str(props.textSha256),
    url: str(props.url),
    revision: num(props.revision),
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

/**
 * A fact as stored. `participants` are its ABOUT edges (the fact projection's); for a hidden or past fact,
 * factOf picks them from its edges instead.
 */
function toFact(props: Props, participantEdges?: ParticipantRecord[], asOf: number | null = null, rankThen?: Rank): FactRecord {
  const byPosition = (a: Props, b: Props) => Number(a.position) - Number(b.position);
  const participants = (participantEdges ?? (props.participants as ParticipantRecord[]) ?? [])
    .filter((p) => !STRUCTURAL_ROLES.has(p.role))
    .sort((a, b) => a.role.localeCompare(b.role) || a.entity.localeCompare(b.entity));
  const upTo = asOf ?? Infinity;
  const retractedIn = num(props.retractedIn);
  const retraction = retractedIn !== null && retractedIn <= upTo ? { reason: String(props.retractionReason ?? ''), revision: retractedIn } : null;
  // `created`: the revision that wrote this version of the fact (src/database/knowledge-writer.ts).
  const assertedIn = num(props.created);
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
    rank: rankThen ?? ((props.rank as Rank | null) ?? 'NORMAL'),
    retraction,
    assertedIn,
    revision: asOf === null ? num(props.revision) : revisionAsOf(props, assertedIn, retraction, asOf),
  };
}

/**
 * A fact from its edges: the participants are the edges valid at `asOf` (now, when null); a fact hidden then
 * has none valid, and shows the edges it had when it was hidden (those that ended last).
 */
function factOf(row: FactRow, asOf: number | null): FactRecord {
  const upTo = asOf ?? Infinity;
  const started = row.edges.filter((edge) => (edge.since ?? 0) <= upTo);
  let chosen = started.filter((edge) => edge.until === null || edge.until === undefined || edge.until > upTo);
  if (chosen.length === 0 && started.length > 0) {
    const last = Math.max(...started.map((edge) => edge.until ?? 0));
    chosen = started.filter((edge) => edge.until === last);
  }
  const participants = chosen.map((edge) => ({ role: edge.role, entity: edge.entity }) as ParticipantRecord);
  return toFact(row.fact, participants, asOf, row.rank);
}

/** The last revision at or before `asOf` that changed the fact: its assertion, a rank change, its retraction. */
function revisionAsOf(props: Props, assertedIn: number | null, retraction: { revision: number } | null, asOf: number): number | null {
  const ranked = parseRankHistory(props.rankHistory).map((entry) => entry.revision).filter((revision) => revision <= asOf);
  const all = [assertedIn, retraction?.revision ?? null, ...ranked].filter((revision): revision is number => revision !== null);
  return all.length > 0 ? Math.max(...all) : null;
}

function parseRankHistory(value: unknown): { revision: number; rank: Rank }[] {
  if (typeof value !== 'string') return [];
  try {
    const parsed = JSON.parse(value) as unknown;
    return Array.isArray(parsed) ? (parsed as { revision: number; rank: Rank }[]) : [];
  } catch {
    return [];
  }
}

function toRevision(props: Props): RevisionRecord {
  return {
    // From the sequence, not the stored id: one shape whatever the writer stored the number as.
    id: `r${Number(props.sequence)}`,
    sequence: Number(props.sequence),
    committedAt: committedAt(props.committedAt),
    authorKind: String(props.authorKind) as RevisionRecord['authorKind'],
    author: String(props.author ?? ''),
    summary: String(props.summary ?? ''),
    changes: ((props.changes as Props[] | null) ?? []).map(toChange),
  };
}

/** RFC 3339 in UTC, whether stored as a string or as a Neo4j DateTime. */
function committedAt(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'toStandardDate' in value) return (value as { toStandardDate(): Date }).toStandardDate().toISOString();
  return String(value);
}

/** Stored JSON text as a value (text that is not JSON, never written so, as the string it is). */
function parseJson(text: unknown): unknown {
  if (typeof text !== 'string') return text ?? null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function toChange(props: Props): ChangeRecord {
  return {
    operation: String(props.operation) as ChangeRecord['operation'],
    target: String(props.target),
    field: str(props.field),
    before: parseJson(props.before),
    after: parseJson(props.after),
    reason: str(props.reason),
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
