/** Root queries: lookups, lists, search, exploration. Each validates its arguments, then asks the repository. */

import { luceneQueryFor } from '../../database/lucene.ts';
import { SOURCE_KINDS } from '../../vocabulary/index.ts';
import type { Resolvers } from '../generated/resolvers-types.ts';
import { decodeCursor, neighborhoodDepth, pageSize, pathDepth, searchText } from '../arguments.ts';
import { entityTreePlan } from '../entity-tree-plan.ts';
import { entityTypeOf } from './entities.ts';

export const queryResolvers: Resolvers = {
  Query: {
    // With nested lists selected, the entity and everything under it come from one statement (entity-tree.ts).
    entity: async (_root, { id }, { repository, loaders, limits }, info) => {
      const plan = entityTreePlan(info, limits);
      if (!plan) return loaders.entity.load(id);
      const tree = await repository.entityTree(id, plan);
      if (tree) loaders.primeEntities(tree.referenced);
      return tree?.entity ?? null;
    },

    fact: (_root, { id }, { loaders }) => loaders.fact.load(id),

    search: async (_root, args, { repository, loaders, limits }) => {
      const text = searchText(args.text);
      const first = pageSize(args.first, 10, limits.maxSearchResults);
      const query = luceneQueryFor(text);
      if (query === null) return [];
      const hits = await repository.search(query, args.kinds ?? null, first);
      loaders.primeEntities(hits.map((hit) => hit.entity));
      return hits;
    },

    entities: async (_root, args, { repository, loaders, limits }) => {
      const page = await repository.entityPage(args.kind ?? null, pageSize(args.first, 20, limits.maxPageSize), decodeCursor('entity', args.after));
      loaders.primeEntities(page.items);
      return page;
    },

    relations: async (_root, args, { repository, loaders, limits }) => {
      const filter = { from: args.from ?? null, to: args.to ?? null, type: args.type ?? null };
      const page = await repository.relationPage(filter, pageSize(args.first, 20, limits.maxPageSize), decodeCursor('relation', args.after));
      loaders.primeEntities(page.items.flatMap((r) => [r.from, r.to]));
      return page;
    },

    neighborhood: async (_root, args, { repository, loaders, limits }) => {
      const depth = neighborhoodDepth(args.depth, limits);
      const result = await repository.neighborhood(args.id, depth, args.types ?? null, limits.maxNeighborhoodNodes);
      if (result) loaders.primeEntities(result.nodes);
      return result;
    },

    path: async (_root, args, { repository, loaders, limits }) => {
      const maxDepth = pathDepth(args.maxDepth, limits);
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


