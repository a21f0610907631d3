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

export const queryResolvers: Resolvers = {
  Query: {
    // With nested lists selected, the entity and everything under it come from one statement (entity-tree.ts).
    entity: async (_root, { id }, context, info) => {
      const plan = treePlan(context, info);
      if (!plan) return context.loaders.entity.load(id);
      const tree = await context.repository.entityTree(id, plan);
      if (tree) context.loaders.primeEntities(tree.referenced);
      return tree?.entity ?? null;
    },

    fact: (_root, { id }, { loaders }) => loaders.fact.load(id),

    search: async (_root, given, { repository, loaders, limits }, info) => {
      const args = resolverArguments(info, given);
      const text = searchText(given.text);
      const first = pageSize(args.first, limits.maxSearchResults);
      const query = luceneQueryFor(text);
      if (query === null) return [];
      const hits = await repository.search(query, given.kinds ?? null, first);
      loaders.primeEntities(hits.map((hit) => hit.entity));
      return hits;
    },

    entities: async (_root, args, { repository, loaders, limits }, info) => {
      const first = pageSize(resolverArguments(info, args).first, limits.maxPageSize);
      const page = await repository.entityPage(args.kind ?? null, first, decodeCursor('entity', args.after));
      loaders.primeEntities(page.items);
      return page;
    },

    relations: async (_root, args, { repository, loaders, limits }, info) => {
      const filter = { from: args.from ?? null, to: args.to ?? null, type: args.type ?? null };
      const first = pageSize(resolverArguments(info, args).first, limits.maxPageSize);
      const page = await repository.relationPage(filter, first, decodeCursor('relation', args.after));
      loaders.primeEntities(page.items.flatMap((r) => [r.from, r.to]));
      return page;
    },

    neighborhood: async (_root, args, { repository, loaders, limits }, info) => {
      const depth = neighborhoodDepth(resolverArguments(info, args).depth, limits);
      const result = await repository.neighborhood(args.id, depth, args.types ?? null, limits.maxNeighborhoodNodes);
      if (result) loaders.primeEntities(result.nodes);
      return result;
    },

    path: async (_root, args, { repository, loaders, limits }, info) => {
      const maxDepth = pathDepth(resolverArguments(info, args).maxDepth, limits);
      if (args.from === args.to) {
        const entity = await loaders.entity.load(args.from);
        return entity ? { nodes: [entity], edges: [] } : null;
      }
      const path = await repository.shortestPath(args.from, args.to, maxDepth, null);
      if (path) loaders.primeEntities(path.nodes);
      return path;
    },

    sources: (_root, args, { repository }) => repository.sources(args.kinds?.length ? args.kinds : SOURCE_KINDS),
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
