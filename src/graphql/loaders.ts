/**
 * Per-request DataLoaders: every lookup a resolver makes is batched with its siblings, so a nested query
 * costs one database round trip per nesting level, whatever the number of items. Created per request,
 * never shared: a loader's cache must not outlive the request that filled it.
 */
import DataLoader from 'dataloader';
import type { FactsQuery, RelationQuery } from '../database/queries.ts';
import type { KnowledgeGraphRepository } from '../database/repository.ts';
import type { EntityRecord, FactRecord, RelationPage } from '../database/records.ts';

export interface Loaders {
  entity: DataLoader<string, EntityRecord | null>;
  fact: DataLoader<string, FactRecord | null>;
  documentText: DataLoader<string, string | null>;
  /** Relation pages per entity, one loader per distinct argument set (decoded by nested-fields.ts). */
  relations(query: RelationQuery): DataLoader<string, RelationPage>;
  facts(query: FactsQuery): DataLoader<string, FactRecord[]>;
  backedFacts(first: number): DataLoader<string, FactRecord[]>;
  /** Puts records the request already holds into the caches (relation endpoints, search hits). */
  primeEntities(entities: Iterable<EntityRecord>): void;
  /** An entity the request already holds, or undefined: lets resolvers answer with a value, not a promise. */
  knownEntity(id: string): EntityRecord | undefined;
  primeFacts(facts: Iterable<FactRecord>): void;
}

const EMPTY_PAGE: RelationPage = { items: [], hasNextPage: false };

export function createLoaders(repository: KnowledgeGraphRepository): Loaders {
  const byKey = <V>(ids: readonly string[], found: Map<string, V>, missing: V): V[] => ids.map((id) => found.get(id) ?? missing);
  const entity = new DataLoader<string, EntityRecord | null>(async (ids) => byKey(ids, await repository.entitiesByIds(ids), null));
  const fact = new DataLoader<string, FactRecord | null>(async (ids) => byKey(ids, await repository.factsByIds(ids), null));
  const documentText = new DataLoader<string, string | null>(async (ids) => byKey(ids, await repository.documentTexts(ids), null));
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
    entity,
    fact,
    documentText,
    relations: (query) =>
      keyed(`relations:${JSON.stringify(query)}`, async (ids) => {
        const pages = await repository.relationsOfEntities(ids, query);
        for (const page of pages.values()) loaders.primeEntities(page.items.flatMap((r) => [r.from, r.to]));
        return byKey(ids, pages, EMPTY_PAGE);
      }),
    facts: (query) =>
      keyed(`facts:${JSON.stringify(query)}`, async (ids) => {
        const facts = await repository.factsOfEntities(ids, query);
        for (const list of facts.values()) loaders.primeFacts(list);
        return byKey(ids, facts, []);
      }),
    backedFacts: (first) =>
      keyed(`backed:${first}`, async (ids) => {
        const facts = await repository.factsBackedBySources(ids, first);
        for (const list of facts.values()) loaders.primeFacts(list);
        return byKey(ids, facts, []);
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
