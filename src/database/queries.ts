/**
 * What a read of an entity's lists asks for: the decoded arguments of a page of relations or of facts. Shared by
 * the repository (its loaders' statements) and the entity-tree compiler, so both take one shape.
 */
export type RelationDirection = 'OUTGOING' | 'INCOMING' | 'BOTH';

export interface RelationQuery {
  types: readonly string[] | null;
  direction: RelationDirection;
  first: number;
  /** Relation id after which the page starts ('' for the first page). */
  after: string;
}

export interface FactsQuery {
  types: readonly string[] | null;
  first: number;
  /** Also the hidden facts (retracted, deprecated): the loaders answer it, not the entity tree. */
  includeRetracted: boolean;
}
