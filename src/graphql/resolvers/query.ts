/** Root queries: lookups, lists, search, exploration. Each validates its arguments, then asks the repository. */

import { luceneQueryFor } from '../../database/lucene.ts';
import type { GraphQLResolveInfo } from 'graphql';
import type { GraphQLContext } from '../context.ts';
import type { EntityTreePlan } from '../../database/entity-tree.ts';
import { SOURCE_KINDS } from '../../vocabulary/index.ts';
import type { Resolvers } from '../generated/resolvers-types.ts';
import { encodeCursor, idKey, neighborhoodDepth, offsetKey, pageWindow, pathDepth, searchText, type PageWindow } from '../arguments.ts';
import { connectionFields, withTotal } from '../connections.ts';
import type { RelationFilter } from '../../database/repository.ts';
import type { Total } from '../../database/queries.ts';
import type { EntityRecord, Page, SearchHitRecord, SearchPage } from '../../database/records.ts';
import { wholeList } from '../loaders.ts';
import { entityTreePlan } from '../entity-tree-plan.ts';
import { resolverArguments } from '../nested-fields.ts';
import { entityTypeOf } from './entities.ts';
import { refuseAsOf, rootLoaders } from '../as-of.ts';
import type { Loaders } from '../loaders.ts';
import { decodeEntityId, decodeFactId } from '../global-id.ts';

const optionalEntityId = (id: string | null | undefined, argument: string) => (id === null || id === undefined ? null : decodeEntityId(id, argument));

/** The id a (possibly merged) id leads to: itself, its survivor, or null when unknown. */
async function survivorOf(id: string | null, loaders: Loaders): Promise<string | null> {
  if (id === null) return null;
  return (await loaders.entity.load(id))?.id ?? id;
}

export const queryResolvers: Resolvers = {
  Query: {
    // With nested lists selected, the entity and everything under it come from one statement (entity-tree.ts);
    // as of a revision, and for a merged id, the loaders answer (the tree reads the current graph by id).
    entity: async (_root, { id: given, asOf }, context, info) => {
      const id = decodeEntityId(given);
      const loaders = await rootLoaders(asOf, context, info);
      const plan = loaders.asOf === null ? treePlan(context, info) : null;
      if (!plan) return loaders.entity.load(id);
      const tree = await context.repository.entityTree(id, plan);
      if (tree) context.loaders.primeEntities(tree.referenced);
      return tree?.entity ?? loaders.entity.load(id);
    },

    fact: async (_root, { id, asOf }, context, info) => (await rootLoaders(asOf, context, info)).fact.load(decodeFactId(id)),

    search: async (_root, given, context) => {
      refuseAsOf(given.asOf, 'search', 'the full-text index holds the names entities have now, not those they had then');
      const { repository, loaders, limits } = context;
      const text = searchText(given.text);
      const window = pageWindow(given, limits.maxSearchResults, 'search', offsetKey);
      const query = luceneQueryFor(text);
      const kinds = given.kinds ?? null;
      const count = () => (query === null ? Promise.resolve({ count: 0, estimate: false }) : repository.countSearch(query, kinds, limits.exactCountLimit));
      if (query === null) return withTotal({ items: [], hasNextPage: false, hasPreviousPage: false }, count);
      const page = await searchPage(window, (offset, size) => repository.search(query, kinds, offset, size), count);
      loaders.primeEntities(page.items.map((hit) => hit.entity));
      return withTotal(page, count);
    },

    entities: async (_root, args, context, info) => {
      const loaders = await rootLoaders(args.asOf, context, info);
      const window = pageWindow(args, context.limits.maxPageSize, 'entity', idKey);
      const kind = args.kind ?? null;
      const page = await context.repository.entityPage(kind, window, loaders.asOf);
      loaders.primeEntities(page.items);
      return withTotal(page, () => asOfTotal(loaders.asOf, context.limits.exactCountLimit,
        (bound) => context.repository.countEntities(kind, bound),
        (whole) => context.repository.entityPage(kind, whole, loaders.asOf)));
    },

    relations: async (_root, args, context, info) => {
      const loaders = await rootLoaders(args.asOf, context, info);
      const window = pageWindow(args, context.limits.maxPageSize, 'relation', idKey);
      const filterOf = (from: string | null, to: string | null): RelationFilter => ({ from, to, type: args.type ?? null });
      const read = (filter: RelationFilter) => context.repository.relationPage(filter, window, loaders.asOf);
      let filter = filterOf(optionalEntityId(args.from, 'from'), optionalEntityId(args.to, 'to'));
      let page = await read(filter);
      // Nothing at a merged id: ask again at its survivor (only then, so a lookup costs what it did).
      if (page.items.length === 0 && (filter.from !== null || filter.to !== null)) {
        const survivors = filterOf(await survivorOf(filter.from, loaders), await survivorOf(filter.to, loaders));
        if (survivors.from !== filter.from || survivors.to !== filter.to) page = await read((filter = survivors));
      }
      loaders.primeEntities(page.items.flatMap((r) => [r.from, r.to]));
      const counted = filter;
      return withTotal(page, () => asOfTotal(loaders.asOf, context.limits.exactCountLimit,
        (bound) => context.repository.countRelations(counted, bound),
        (whole) => context.repository.relationPage(counted, whole, loaders.asOf)));
    },

    neighborhood: async (_root, args, context, info) => {
      decodeEntityId(args.id); // refuses another type's id; a slug is kept as it is
      const loaders = await rootLoaders(args.asOf, context, info);
      const depth = neighborhoodDepth(resolverArguments(info, args).depth, context.limits);
      const read = (id: string) => context.repository.neighborhood(id, depth, args.types ?? null, context.limits.maxNeighborhoodNodes, loaders.asOf);
      let result = await read(args.id);
      if (!result) {
        const survivor = await survivorOf(args.id, loaders);
        if (survivor !== args.id && survivor !== null) result = await read(survivor);
      }
      if (result) loaders.primeEntities(result.nodes);
      return result;
    },

    path: async (_root, args, context, info) => {
      decodeEntityId(args.from, 'from');
      decodeEntityId(args.to, 'to');
      const loaders = await rootLoaders(args.asOf, context, info);
      const maxDepth = pathDepth(resolverArguments(info, args).maxDepth, context.limits);
      if (args.from === args.to) {
        const entity = await loaders.entity.load(args.from);
        return entity ? { nodes: [entity], edges: [] } : null;
      }
      const read = (from: string, to: string) => context.repository.shortestPath(from, to, maxDepth, null, loaders.asOf);
      let path = await read(args.from, args.to);
      if (!path) {
        const [from, to] = await Promise.all([survivorOf(args.from, loaders), survivorOf(args.to, loaders)]);
        if (from !== null && to !== null && (from !== args.from || to !== args.to)) path = from === to ? null : await read(from, to);
      }
      if (path) loaders.primeEntities(path.nodes);
      return path;
    },

    sources: async (_root, args, context, info) => {
      const loaders = await rootLoaders(args.asOf, context, info);
      const sources = await context.repository.sources(args.kinds?.length ? args.kinds : SOURCE_KINDS, loaders.asOf);
      loaders.primeEntities(sources);
      return sources;
    },
  },

  SearchConnection: {
    ...connectionFields<SearchHitRecord, EntityRecord>('search', (hit) => String(hit.offset), (hit) => hit.entity),
    edges: (page) => page.items.map((hit) => ({ cursor: encodeCursor('search', String(hit.offset)), node: hit.entity, score: hit.score })),
  },

  Neighborhood: {},

  Path: {
    length: (path) => path.edges.length,
    elements: (path) => path.nodes.flatMap((node, i) => {
      const edge = path.edges[i];
      return edge ? [node, edge] : [node];
    }),
  },

  PathElement: {
    __resolveType: (element) => ('factId' in element ? 'Relation' : entityTypeOf(element)),
  },
};

/**
 * A search page by offset (its order is the score): after the hit at `after`, or the `size` hits before the one at
 * `before`; `last` alone is the end of the ranking, found by counting it.
 */
async function searchPage(
  window: PageWindow<number>,
  read: (offset: number, size: number) => Promise<Omit<SearchPage, 'hasPreviousPage'>>,
  count: () => Promise<Total>,
): Promise<SearchPage> {
  if (!window.backward) {
    const offset = window.after === null ? 0 : window.after + 1;
    const page = await read(offset, window.before === null ? window.size : Math.max(0, Math.min(window.size, window.before - offset)));
    const cut = window.before !== null && offset + page.items.length >= window.before;
    return { ...page, hasNextPage: page.hasNextPage || cut, hasPreviousPage: offset > 0 };
  }
  const end = window.before ?? (await count()).count;
  const start = Math.max(window.after === null ? 0 : window.after + 1, end - window.size);
  const page = await read(start, Math.max(0, end - start));
  return { items: page.items, hasNextPage: window.before !== null || page.hasNextPage, hasPreviousPage: start > 0 };
}

/**
 * A root list's count: the count statement for the graph now; as of a revision, the as-of page itself read up to
 * the bound (beyond it, the graph's estimate now).
 */
async function asOfTotal(asOf: number | null, bound: number, now: (bound: number) => Promise<Total>, asOfPage: (whole: PageWindow<never>) => Promise<Page<unknown>>): Promise<Total> {
  if (asOf === null) return now(bound);
  const page = await asOfPage(wholeList(bound));
  if (!page.hasNextPage) return { count: page.items.length, estimate: false };
  return { count: Math.max((await now(bound)).count, bound + 1), estimate: true };
}

/** The entity tree's plan for this `entity` field, or null for the loaders (with the reason logged). */
function treePlan({ entityTree, limits, log }: GraphQLContext, info: GraphQLResolveInfo): EntityTreePlan | null {
  if (!entityTree) return null;
  const decision = entityTreePlan(info, limits);
  if (decision.kind === 'tree') return decision.plan;
  if (decision.kind === 'loaders') {
    const { reason, field, argument, error } = decision;
    // An unexpected failure of the plan is a defect to fix; the loaders still answer the request right.
    if (error) log.warn({ err: error, field }, 'entity tree plan failed: nested fields resolved through the loaders');
    else log.debug({ field, argument, reason }, `entity tree not used (${reason}): nested fields resolved through the loaders`);
  }
  return null;
}
