/** What every resolver receives: the request's own loaders and repository, and the configured limits. */
import type { Limits } from '../config/config.ts';
import type { Database } from '../database/database.ts';
import { KnowledgeGraphRepository } from '../database/repository.ts';
import type { Logger } from '../logging/logger.ts';
import { createLoaders, type Loaders } from './loaders.ts';

export interface GraphQLContext {
  repository: KnowledgeGraphRepository;
  loaders: Loaders;
  limits: Limits;
  /** The request's logger (its lines carry the request id). */
  log: Logger;
  /**
   * Whether `entity` may fetch its nested lists in one statement (entity-tree.ts). Always true in the server;
   * tests turn it off to compare the tree's answers with the loaders'.
   */
  entityTree: boolean;
  /** Database round trips made for this request (reported in `extensions` outside production). */
  roundTrips: { count: number };
}

export interface ContextOptions {
  log: Logger;
  /** Defaults to true; see GraphQLContext.entityTree. */
  entityTree?: boolean;
}

export function createContext(db: Database, limits: Limits, options: ContextOptions): GraphQLContext {
  const roundTrips = { count: 0 };
  const repository = new KnowledgeGraphRepository(db, () => {
    roundTrips.count += 1;
  });
  return { repository, loaders: createLoaders(repository), limits, log: options.log, entityTree: options.entityTree ?? true, roundTrips };
}
