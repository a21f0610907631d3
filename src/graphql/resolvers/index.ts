/** All resolvers, typed by the code generated from schema/ (see codegen.yml). */
import type { Resolvers } from '../generated/resolvers-types.ts';
import { entityResolvers } from './entities.ts';
import { factResolvers } from './facts.ts';
import { historyResolvers } from './history.ts';
import { mutationResolvers } from './mutations.ts';
import { nodeResolvers } from './node.ts';
import { queryResolvers } from './query.ts';
import { relationResolvers } from './relations.ts';
import { scalarResolvers } from '../scalars.ts';

export const resolvers: Resolvers[] = [queryResolvers, entityResolvers, relationResolvers, factResolvers, historyResolvers, mutationResolvers, nodeResolvers, scalarResolvers];
