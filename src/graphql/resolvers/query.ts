/** Root queries: lookups, lists, search, exploration. Each validates its arguments, then asks the repository. */

import { luceneQueryFor } from '../../database/lucene.ts';
import type { GraphQLResolveInfo } from 'graphql';
import type { GraphQLContext } from '../context.ts';
import type { EntityTreePlan } from '../../database/entity-tree.ts';
import { SOURCE_KINDS } from '../../vocabulary/index.ts';
import type { Resolvers } from '../generated/resolvers-types.ts';
import { decodeCursor, neighborhoodDepth, pageSize, pathDepth, searchText } from '../arguments.ts';
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

    search: async (_root, given, context, info) => {
      refuseAsOf(given.asOf, 'search', 'the full-text index holds the names entities have now, not those they had then');
      const { repository, loaders, limits } = context;
      const args = resolverArguments(info, given);
      const text = searchText(given.text);
      const first = pageSize(args.first, limits.maxSearchResults);
      const query = luceneQueryFor(text);
      if (query === null) return [];
      const hits = await repository.search(query, given.kinds ?? null, first);
      loaders.primeEntities(hits.map((hit) => hit.entity));
      return hits;
    },

    entities: async (_root, args, context, info) => {
      const loaders = await rootLoaders(args.asOf, context, info);
      const first = pageSize(resolverArguments(info, args).first, context.limits.maxPageSize);
      const page = await context.repository.entityPage(args.kind ?? null, first, decodeCursor('entity', args.after), loaders.asOf);
      loaders.primeEntities(page.items);
      return page;
    },

    relations: async (_root, args, context, info) => {
      const loaders = await rootLoaders(args.asOf, context, info);
      const first = pageSize(resolverArguments(info, args).first, context.limits.maxPageSize);
      const after = decodeCursor('relation', args.after);
      const read = (from: string | null, to: string | null) => context.repository.relationPage({ from, to, type: args.type ?? null }, first, after, loaders.asOf);
      const [from, to] = [optionalEntityId(args.from, 'from'), optionalEntityId(args.to, 'to')];
      let page = await read(from, to);
      // Nothing at a merged id: ask again at its survivor (only then, so a lookup costs what it did).
      if (page.items.length === 0 && (from !== null || to !== null)) {
        const [survivorFrom, survivorTo] = await Promise.all([survivorOf(from, loaders), survivorOf(to, loaders)]);
        if (survivorFrom !== from || survivorTo !== to) page = await read(survivorFrom, survivorTo);
      }
      loaders.primeEntities(page.items.flatMap((r) => [r.from, r.to]));
      return page;
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
