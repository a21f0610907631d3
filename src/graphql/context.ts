/** What every resolver receives: the request's own loaders and repository, and the configured limits. */
import type { Limits } from '../config/config.ts';
import type { Database } from '../database/database.ts';
import { KnowledgeGraphRepository } from '../database/repository.ts';
import { createLoaders, type Loaders } from './loaders.ts';

export interface GraphQLContext {
  repository: KnowledgeGraphRepository;
  loaders: Loaders;
  limits: Limits;
  /** Database round trips made for this request (reported in `extensions` outside production). */
  roundTrips: { count: number };
}

export function createContext(db: Database, limits: Limits): GraphQLContext {
  const roundTrips = { count: 0 };
  const repository = new KnowledgeGraphRepository(db, () => {
    roundTrips.count += 1;
  });
  return { repository, loaders: createLoaders(repository), limits, roundTrips };
}
