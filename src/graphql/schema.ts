/**
 * The executable schema: the SDL files of schema/ joined with the resolvers. One code path for both modes:
 * the plain schema (@graphql-tools/schema), or, with FEDERATION_SUBGRAPH, the same type definitions plus
 * schema/federation/ and the derived @key built as an Apollo Federation 2 subgraph (src/graphql/federation).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { mergeResolvers, mergeTypeDefs } from '@graphql-tools/merge';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { IResolvers } from '@graphql-tools/utils';
import type { GraphQLSchema } from 'graphql';
import { PROJECT_ROOT } from '../config/config.ts';
import { federationTypeDefs, keyTypeDefs, nodeTypeNames, referenceResolvers } from './federation/index.ts';

export const SCHEMA_DIR = path.join(PROJECT_ROOT, 'schema');

/** The SDL, file by file in name order (the same files codegen reads). */
export function loadTypeDefs(dir: string = SCHEMA_DIR): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.graphql'))
    .sort()
    .map((name) => readFileSync(path.join(dir, name), 'utf8'));
}

export function buildExecutableSchema(resolvers: IResolvers[], options: { federation: boolean }): GraphQLSchema {
  const typeDefs = loadTypeDefs();
  if (!options.federation) return makeExecutableSchema({ typeDefs: mergeTypeDefs(typeDefs), resolvers });
  const nodeTypes = nodeTypeNames(typeDefs);
  const merged = mergeTypeDefs([...typeDefs, ...federationTypeDefs(SCHEMA_DIR), keyTypeDefs(nodeTypes)]);
  const all = mergeResolvers([...resolvers, referenceResolvers(nodeTypes) as IResolvers]);
  return buildSubgraphSchema({ typeDefs: merged, resolvers: all as GraphQLResolverMap<unknown> });
}
