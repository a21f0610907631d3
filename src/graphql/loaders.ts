/**
 * Per-request DataLoaders: every lookup a resolver makes is batched with its siblings, so a nested query
 * costs one database round trip per nesting level, whatever the number of items. Created per request,
 * never shared: a loader's cache must not outlive the request that filled it.
 *
 * One set reads the graph as it is; `at(sequence)` gives the set that reads it as of a revision (asOf), which
 * root fields with `asOf` and everything nested under them use (see as-of.ts).
 */
import DataLoader from 'dataloader';
import type { FactKey, FactsQuery, PageWindow, RelationQuery, Total } from '../database/queries.ts';
import type { KnowledgeGraphRepository } from '../database/repository.ts';
import type { CitationRecord, EntityRecord, FactPage, FactRecord, Page, RelationPage, RelationRecord, RevisionRecord } from '../database/records.ts';

export interface Loaders {
  /** By id; a merged id answers the survivor with `redirectedFrom` (chains followed). */
  entity: DataLoader<string, EntityRecord | null>;
  fact: DataLoader<string, FactRecord | null>;
  documentText: DataLoader<string, string | null>;
  /** Current relations by id (node/nodes); as of a revision, none (node is current-only). */
  relation: DataLoader<string, RelationRecord | null>;
  /** Citations by id (`fact#cN`), through the fact loader: a citation is read with its fact. */
  citation: DataLoader<string, CitationRecord | null>;
  /** Revisions by sequence, with their changes (the same for every as-of set: history never changes). */
  revision: DataLoader<number, RevisionRecord | null>;
  /** Relation pages per entity, one loader per distinct argument set (decoded by nested-fields.ts). */
  relations(query: RelationQuery): DataLoader<string, RelationPage>;
  facts(query: FactsQuery): DataLoader<string, FactPage>;
  backedFacts(window: PageWindow<FactKey>, includeRetracted: boolean): DataLoader<string, FactPage>;
  /** The lists' counts per entity (`totalCount`), exact up to `bound`: asked only when a selection wants them. */
  relationCount(query: Pick<RelationQuery, 'types' | 'direction'>, bound: number): DataLoader<string, Total>;
  factCount(query: Pick<FactsQuery, 'types' | 'includeRetracted'>, bound: number): DataLoader<string, Total>;
  backedFactCount(includeRetracted: boolean, bound: number): DataLoader<string, Total>;
  /** Puts records the request already holds into the caches (relation endpoints, search hits). */
  primeEntities(entities: Iterable<EntityRecord>): void;
  /** An entity the request already holds, or undefined: lets resolvers answer with a value, not a promise. */
  knownEntity(id: string): EntityRecord | undefined;
  primeFacts(facts: Iterable<FactRecord>): void;
  /** The revision these loaders read the graph at (null: as it is now). */
  readonly asOf: number | null;
  /** The loaders reading the graph as of a revision's sequence (one set per sequence and request). */
  at(sequence: number): Loaders;
  /**
   * The sequence each root field with `asOf` reads at, by its response key: nested resolvers find theirs by
   * their path's root (as-of.ts). Shared by every set of the request.
   */
  readonly rootAsOf: Map<string, number>;
}

const EMPTY_PAGE: Page<never> = { items: [], hasNextPage: false, hasPreviousPage: false };
const NO_ITEMS: Total = { count: 0, estimate: false };

/** The most redirects followed from one id (a chain of merges); a longer chain is a defect, answered as unknown. */
const MAX_REDIRECTS = 16;

export function createLoaders(repository: KnowledgeGraphRepository): Loaders {
  const byKey = <K, V>(keys: readonly K[], found: Map<K, V>, missing: V): V[] => keys.map((key) => found.get(key) ?? missing);
  const revision = new DataLoader<number, RevisionRecord | null>(async (sequences) => byKey(sequences, await repository.revisionsBySequences(sequences), null));
  const sets = new Map<number | null, Loaders>();
  const rootAsOf = new Map<string, number>();
  const setAt = (asOf: number | null): Loaders => {
    let set = sets.get(asOf);
    if (!set) sets.set(asOf, (set = createSet(repository, asOf, { revision, rootAsOf, at: (sequence) => setAt(sequence) })));
    return set;
  };
  return setAt(null);
}

type Shared = Pick<Loaders, 'revision' | 'rootAsOf' | 'at'>;

function createSet(repository: KnowledgeGraphRepository, asOf: number | null, shared: Shared): Loaders {
  const byKey = <V>(ids: readonly string[], found: Map<string, V>, missing: V): V[] => ids.map((id) => found.get(id) ?? missing);
  const entity = new DataLoader<string, EntityRecord | null>((ids) => entitiesFollowingRedirects(repository, ids, asOf));
  const fact = new DataLoader<string, FactRecord | null>(async (ids) => byKey(ids, await repository.factsByIds(ids, asOf), null));
  // A document's text never changes (citations point into it): the same now and then.
  const documentText = new DataLoader<string, string | null>(async (ids) => byKey(ids, await repository.documentTexts(ids), null));
  const relation = new DataLoader<string, RelationRecord | null>(async (ids) => {
    const found = await repository.relationsByIds(ids);
    return ids.map((id) => found.get(id) ?? null);
  });
  const citation = new DataLoader<string, CitationRecord | null>((ids) => citationsThroughFacts(fact, ids));
  const memo = new Map<string, DataLoader<string, never>>();
  // The primed entities, readable without a promise (DataLoader only hands out promises).
  const known = new Map<string, EntityRecord>();
  const keyed = <V>(key: string, batch: (ids: readonly string[]) => Promise<V[]>): DataLoader<string, V> => {
    let loader = memo.get(key) as DataLoader<string, V> | undefined;
    if (!loader) {
      loader = new DataLoader<string, V>(batch);
      memo.set(key, loader as unknown as DataLoader<string, never>);
    }
    return loader;
  };
  const loaders: Loaders = {
    ...shared,
    asOf,
    entity,
    fact,
    documentText,
    relation,
    citation,
    relations: (query) =>
      keyed(`relations:${JSON.stringify(query)}`, async (ids) => {
        const pages = await repository.relationsOfEntities(ids, query, asOf);
        for (const page of pages.values()) loaders.primeEntities(page.items.flatMap((r) => [r.from, r.to]));
        return byKey(ids, pages, EMPTY_PAGE);
      }),
    facts: (query) =>
      keyed(`facts:${JSON.stringify(query)}`, async (ids) => {
        const pages = await repository.factsOfEntities(ids, query, asOf);
        for (const page of pages.values()) loaders.primeFacts(page.items);
        return byKey(ids, pages, EMPTY_PAGE);
      }),
    backedFacts: (window, includeRetracted) =>
      keyed(`backed:${JSON.stringify(window)}:${includeRetracted}`, async (ids) => {
        const pages = await repository.factsBackedBySources(ids, window, includeRetracted, asOf);
        for (const page of pages.values()) loaders.primeFacts(page.items);
        return byKey(ids, pages, EMPTY_PAGE);
      }),
    // Counts of the graph now are count statements; as of a revision, the as-of page itself, read up to the bound.
    relationCount: (query, bound) =>
      keyed(`relationCount:${JSON.stringify(query)}:${bound}`, async (ids) => {
        if (asOf === null) return byKey(ids, await repository.countRelationsOfEntities(ids, query, bound), NO_ITEMS);
        const pages = await repository.relationsOfEntities(ids, { ...query, window: wholeList(bound) }, asOf);
        return countedPages(ids, pages, bound, () => repository.countRelationsOfEntities(ids, query, bound));
      }),
    factCount: (query, bound) =>
      keyed(`factCount:${JSON.stringify(query)}:${bound}`, async (ids) => {
        if (asOf === null) return byKey(ids, await repository.countFactsOfEntities(ids, query, bound), NO_ITEMS);
        const pages = await repository.factsOfEntities(ids, { ...query, window: wholeList(bound) }, asOf);
        return countedPages(ids, pages, bound, () => repository.countFactsOfEntities(ids, query, bound));
      }),
    backedFactCount: (includeRetracted, bound) =>
      keyed(`backedFactCount:${includeRetracted}:${bound}`, async (ids) => {
        if (asOf === null) return byKey(ids, await repository.countFactsBackedBySources(ids, includeRetracted, bound), NO_ITEMS);
        const pages = await repository.factsBackedBySources(ids, wholeList(bound), includeRetracted, asOf);
        return countedPages(ids, pages, bound, () => repository.countFactsBackedBySources(ids, includeRetracted, bound));
      }),
    knownEntity: (id) => known.get(id),
    primeEntities(entities) {
      for (const e of entities) {
        entity.prime(e.id, e);
        if (!known.has(e.id)) known.set(e.id, e);
      }
    },
    primeFacts(facts) {
      for (const f of facts) fact.prime(f.id, f);
    },
  };
  return loaders;
}

/** The first `bound` items of a list: what an as-of count reads (the as-of statements have no count of their own). */
export const wholeList = (bound: number): PageWindow<never> => ({ size: bound, backward: false, after: null, before: null });

/** As-of counts: exact from the pages read up to the bound; beyond it, the graph's estimate now. */
async function countedPages(ids: readonly string[], pages: Map<string, Page<unknown>>, bound: number, now: () => Promise<Map<string, Total>>): Promise<Total[]> {
  const beyond = [...pages.values()].some((page) => page.hasNextPage);
  const estimates = beyond ? await now() : new Map<string, Total>();
  return ids.map((id) => {
    const page = pages.get(id);
    if (!page) return NO_ITEMS;
    return page.hasNextPage ? { count: Math.max(estimates.get(id)?.count ?? 0, bound + 1), estimate: true } : { count: page.items.length, estimate: false };
  });
}

/**
 * Entities by id; an id that redirects (merged, as of `asOf` when given) answers its survivor, marked with the
 * id it was asked by. Chains are followed one batch per hop; ids that exist cost one round trip, as before.
 */
async function entitiesFollowingRedirects(repository: KnowledgeGraphRepository, ids: readonly string[], asOf: number | null): Promise<(EntityRecord | null)[]> {
  const target = new Map(ids.map((id) => [id, id]));
  const found = new Map<string, EntityRecord>();
  let pending = [...new Set(ids)];
  for (let hop = 0; pending.length > 0 && hop <= MAX_REDIRECTS; hop += 1) {
    const lookups = await repository.lookupEntities(pending, asOf);
    const next = new Set<string>();
    for (const [id, lookup] of lookups) {
      if (lookup.entity) found.set(id, lookup.entity);
      else {
        for (const [asked, current] of target) if (current === id) target.set(asked, lookup.mergedInto);
        next.add(lookup.mergedInto);
      }
    }
    pending = [...next].filter((id) => !found.has(id));
  }
  return ids.map((id) => {
    const survivor = found.get(target.get(id)!);
    if (!survivor) return null;
    return survivor.id === id ? survivor : { ...survivor, redirectedFrom: id };
  });
}

/** Citations by id: a citation's id is its fact's slug, `#c` and its position, so its fact's loader reads it. */
async function citationsThroughFacts(fact: DataLoader<string, FactRecord | null>, ids: readonly string[]): Promise<(CitationRecord | null)[]> {
  const facts = await fact.loadMany(ids.map((id) => id.slice(0, id.lastIndexOf('#'))));
  return ids.map((id, i) => {
    const owner = facts[i];
    return owner && !(owner instanceof Error) ? (owner.citations.find((c) => c.id === id) ?? null) : null;
  });
}
