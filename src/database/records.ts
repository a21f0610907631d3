/**
 * Repository records: what the repository returns and what GraphQL resolvers receive as parents
 * (codegen `mappers` point here). They mirror the stored properties, not the GraphQL shapes.
 */
import type {
  CitationKind,
  Comparator,
  EntityKind,
  FactStatus,
  FactType,
  Modality,
  ParticipantRole,
  QuantityKind,
  QuantityRole,
  RelationType,
  TimePrecision,
} from '../vocabulary/index.ts';
import type { Rank } from '../graphql/generated/resolvers-types.ts';
import type { Total } from './queries.ts';

export interface TimeRefRecord {
  text: string | null;
  value: string;
  endValue: string | null;
  precision: TimePrecision;
  inferred: boolean;
}

export interface EntityRecord {
  id: string;
  kind: EntityKind;
  name: string;
  description: string;
  background: boolean;
  aliases: { text: string; language: string | null }[];
  /** DOCUMENT only. */
  published: TimeRefRecord | null;
  language: string | null;
  /** DOCUMENT only: SHA-256 (hex) of the text, and where it is published (documents added through the API). */
  textSha256: string | null;
  url: string | null;
  /** Sequence of the last revision that changed the entity; null when older than history. */
  revision: number | null;
  /** The id the entity was asked by when that id redirects to it (a merge); null otherwise. */
  redirectedFrom?: string | null;
  /**
   * Lists nested under this entity that the request's one tree statement already fetched (entity-tree.ts),
   * by GraphQL response key: the resolvers return them instead of asking the database again.
   */
  prefetched?: Map<string, PrefetchedList>;
}

export interface RelationRecord {
  id: string;
  type: RelationType;
  factId: string;
  label: string;
  from: EntityRecord;
  to: EntityRecord;
  /** The relation's fact, when the tree statement fetched it (see EntityRecord.prefetched). */
  fact?: FactRecord;
}

export interface QuantityRecord {
  kind: QuantityKind;
  value: number | null;
  unit: string | null;
  currency: string | null;
  item: string | null;
  comparator: Comparator;
  role: QuantityRole;
  text: string | null;
}

export interface CitationRecord {
  id: string;
  quote: string;
  start: number;
  end: number;
  kind: CitationKind;
  confidence: number | null;
  document: string;
  saidBy: string;
  reportedBy: string | null;
}

export interface ParticipantRecord {
  role: ParticipantRole;
  entity: string;
}

export interface FactRecord {
  id: string;
  type: FactType;
  statement: string;
  subject: string;
  object: string | null;
  event: string | null;
  modality: Modality;
  /** CURRENT, or FORMER for a goal or plan the source says was given up or no longer stated. */
  status: FactStatus;
  background: boolean;
  basis: string | null;
  time: TimeRefRecord | null;
  reportedAt: TimeRefRecord | null;
  quantities: QuantityRecord[];
  citations: CitationRecord[];
  /** Roles other than SUBJECT, OBJECT and EVENT, in a stable order. */
  participants: ParticipantRecord[];
  /** As stored, or as of the request's revision for an as-of read. */
  rank: Rank;
  /** Set when the fact was retracted (as of the read's revision). */
  retraction: RetractionRecord | null;
  /** Sequence of the revision that asserted this version; null when older than history. */
  assertedIn: number | null;
  /** Sequence of the last revision that changed it; null when older than history. */
  revision: number | null;
}

export type { Rank };

export interface RetractionRecord {
  reason: string;
  /** The retracting revision's sequence. */
  revision: number;
}

/** A page of revisions in sequence order (history, changes). */
export type RevisionPage = Page<RevisionRecord>;

/** A page of a connection, in the list's order (a backward page is reversed back). */
export interface Page<T> {
  items: T[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  /**
   * The whole list's count, computed only when a selection asks for `totalCount` (the resolver that made the
   * page sets it: it knows the list's query and the request's loaders).
   */
  total?: () => Promise<Total>;
}

/** A search match; `offset` is its place in the ranking (search pages by offset: its order is the score). */
export interface SearchHitRecord {
  entity: EntityRecord;
  score: number;
  offset: number;
}

export type SearchPage = Page<SearchHitRecord>;
export type FactPage = Page<FactRecord>;

/** A list the entity tree fetched, by the field it answers. */
export type PrefetchedList = { kind: 'relations'; page: RelationPage } | { kind: 'facts'; page: FactPage };

export interface NeighborhoodRecord {
  center: EntityRecord;
  nodes: EntityRecord[];
  edges: RelationRecord[];
  truncated: boolean;
}

export interface PathRecord {
  nodes: EntityRecord[];
  edges: RelationRecord[];
}

export type EntityPage = Page<EntityRecord>;
export type RelationPage = Page<RelationRecord>;

/** What one change of a revision did (stored as a :Change node; `before`/`after` are parsed from its JSON text). */
export interface ChangeRecord {
  operation: 'CREATE_ENTITY' | 'UPDATE_ENTITY' | 'ADD_DOCUMENT' | 'ASSERT_FACT' | 'REVISE_FACT' | 'RETRACT_FACT' | 'SET_RANK' | 'MERGE_ENTITY';
  target: string;
  field: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
}

/** One committed write (a :Revision node and its changes, docs/curation-model.md). */
export interface RevisionRecord {
  /** `r` + sequence. */
  id: string;
  sequence: number;
  /** RFC 3339, UTC. */
  committedAt: string;
  authorKind: 'KEY' | 'TOKEN' | 'SYSTEM';
  author: string;
  summary: string;
  changes: ChangeRecord[];
}
