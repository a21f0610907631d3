/**
 * What a read of a list asks for: the decoded arguments of a page of relations, of facts, of revisions. Shared
 * by the repository (its loaders' statements) and the entity-tree compiler, so both take one shape.
 */
export type RelationDirection = 'OUTGOING' | 'INCOMING' | 'BOTH';

/**
 * A page asked for: `size` items after `after` (forward), or the last `size` before `before` (backward), in the
 * list's order. Keys are the order's (an id, a sequence, a fact's rank and id); null: from that end of the list.
 */
export interface PageWindow<Key> {
  size: number;
  backward: boolean;
  after: Key | null;
  before: Key | null;
}

/** A fact list's order key: preferred facts first (rank 0), then the others (1), then by id. */
export interface FactKey {
  rank: number;
  id: string;
}

export interface RelationQuery {
  types: readonly string[] | null;
  direction: RelationDirection;
  window: PageWindow<string>;
}

export interface FactsQuery {
  types: readonly string[] | null;
  window: PageWindow<FactKey>;
  /** Also the hidden facts (retracted, deprecated): the loaders answer it, not the entity tree. */
  includeRetracted: boolean;
}

/** What a count answers: exact up to the bound, else an estimate (flagged). */
export interface Total {
  count: number;
  estimate: boolean;
}
