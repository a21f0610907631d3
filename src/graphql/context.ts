/** What every resolver receives: the request's own loaders and repository, and the configured limits. */
import { ANONYMOUS, type Principal } from '../auth/principal.ts';
import type { Limits } from '../config/config.ts';
import type { Database } from '../database/database.ts';
import { KnowledgeGraphRepository } from '../database/repository.ts';
import { Curator } from '../curation/curator.ts';
import type { Logger } from '../logging/logger.ts';
import { createLoaders, type Loaders } from './loaders.ts';

export interface GraphQLContext {
  repository: KnowledgeGraphRepository;
  /** The write side: mutations as revisions (src/curation). */
  curator: Curator;
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
  /** Who is asking (src/auth); ANONYMOUS without credentials. */
  principal: Principal;
  /** The request's `Idempotency-Key` header, when it has one (mutations apply it). */
  idempotencyKey: string | null;
  /**
   * Causal consistency across server instances: `read` holds the bookmarks the client sent (`neo4j-bookmark`
   * header), which reads wait for; a write adds its bookmark to `written`, answered in the
   * `neo4j-bookmark` header and `extensions.bookmark`.
   */
  bookmarks: { read: string[]; written: string[] };
}

export interface ContextOptions {
  log: Logger;
  /** Defaults to true; see GraphQLContext.entityTree. */
  entityTree?: boolean;
  principal?: Principal;
  idempotencyKey?: string | null;
  /** Bookmarks the client sent. */
  bookmarks?: string[];
}

export function createContext(db: Database, limits: Limits, options: ContextOptions): GraphQLContext {
  const roundTrips = { count: 0 };
  const bookmarks = { read: options.bookmarks ?? [], written: [] as string[] };
  // Reads wait for the client's bookmarks and for this request's own writes.
  const repository = new KnowledgeGraphRepository(db.withBookmarks(() => [...bookmarks.read, ...bookmarks.written]), () => {
    roundTrips.count += 1;
  });
  return {
    repository,
    curator: new Curator(db),
    loaders: createLoaders(repository),
    limits,
    log: options.log,
    entityTree: options.entityTree ?? true,
    roundTrips,
    principal: options.principal ?? ANONYMOUS,
    idempotencyKey: options.idempotencyKey ?? null,
    bookmarks,
  };
}
