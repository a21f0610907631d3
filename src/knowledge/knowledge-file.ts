/**
 * Types of a knowledge file (`kg-knowledge/1`, docs/knowledge-format.md), mirroring data/knowledge.schema.json.
 * The enumerations are exported as arrays too, so code (the loader, the GraphQL vocabulary generator) can list
 * them; a unit test checks each array equals the schema's enum, so the two cannot drift apart.
 */

export const KNOWLEDGE_FORMAT = 'kg-knowledge/1';

export const ENTITY_KINDS = ['PERSON', 'ORGANIZATION', 'PRODUCT', 'PLACE', 'FACILITY', 'DOCUMENT', 'MEDIA', 'EVENT', 'CONCEPT'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export const MODALITIES = ['ACTUAL', 'PLANNED', 'GOAL', 'ESTIMATE', 'CLAIM', 'NEGATED'] as const;
export type Modality = (typeof MODALITIES)[number];

/** Whether a fact still stands as of its source: FORMER is a goal, plan or state the source says was given up or no longer stated. */
export const FACT_STATUSES = ['CURRENT', 'FORMER'] as const;
export type FactStatus = (typeof FACT_STATUSES)[number];

export const TIME_PRECISIONS = ['DAY', 'MONTH', 'QUARTER', 'YEAR'] as const;
export type TimePrecision = (typeof TIME_PRECISIONS)[number];

export const QUANTITY_KINDS = ['COUNT', 'MONEY', 'PERCENT', 'DURATION'] as const;
export type QuantityKind = (typeof QUANTITY_KINDS)[number];

export const COMPARATORS = ['EXACT', 'APPROXIMATE', 'MORE_THAN', 'AT_LEAST', 'LESS_THAN', 'AT_MOST', 'SEVERAL'] as const;
export type Comparator = (typeof COMPARATORS)[number];

/** The part a number plays in its fact: FROM/TO for a change, TARGET for a goal, VALUE for the worth of an item. */
export const QUANTITY_ROLES = ['AMOUNT', 'FROM', 'TO', 'TARGET', 'VALUE'] as const;
export type QuantityRole = (typeof QUANTITY_ROLES)[number];

export const CITATION_KINDS = ['REPORTED', 'QUOTED', 'STATEMENT', 'EDITORIAL', 'OPINION', 'READER_COMMENT'] as const;
export type CitationKind = (typeof CITATION_KINDS)[number];

/**
 * What a fact states. Binary facts read `(subject)-[:TYPE]->(object)`; n-ary facts (with an event) use the type
 * as the kind of event. Kept generic so other articles reuse them.
 */
export const FACT_TYPES = [
  // ownership, structure, people
  'OWNS',
  'FOUNDED',
  'LEADS',
  'WORKS_FOR',
  'SUBSIDIARY_OF',
  'ACQUIRES',
  'PARTNERS_WITH',
  // classification
  'INSTANCE_OF',
  'PART_OF',
  'LOCATED_IN',
  // products, markets, money
  'PRODUCES',
  'SUPPLIES',
  'ORDERS',
  'SELLS',
  'DEPLOYS',
  'INVESTS_IN',
  'COMPETES_WITH',
  'LEADER_IN',
  'DEPENDS_ON',
  // building things
  'PLANS_TO_BUILD',
  'BUILDS',
  'BUILT_FOR',
  // decisions and their effects
  'PRIORITIZES',
  'REALLOCATES',
  'IN_EXCHANGE_FOR',
  'DELAYS',
  'AFFECTS',
  'LAYS_OFF',
  // events, documents, media
  'ORGANIZES',
  'PARTICIPATES_IN',
  'AUTHORED_BY',
  'PUBLISHED_BY',
  'PUBLISHED_ON',
  'CITES',
  'OMITS',
  'COMMENTED_TO',
] as const;
export type FactType = (typeof FACT_TYPES)[number];

/** The role of an entity in an n-ary fact: `(event)-[:ROLE]->(entity)`. */
export const PARTICIPANT_ROLES = [
  'AGENT',
  'AFFECTED',
  'GIVER',
  'RECIPIENT',
  'ITEM',
  'SUPPLIER',
  'BENEFICIARY',
  'PURPOSE',
  'LOCATION',
  'DECIDED_BY',
  'DOCUMENTED_IN',
] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

/**
 * Not part of the file format: the roles the loader itself gives a fact's subject, object and event on its
 * `ABOUT` links (graph-rows.ts). Listed so readers of those links can enumerate every role they may meet.
 */
export const FACT_ANCHOR_ROLES = ['SUBJECT', 'OBJECT', 'EVENT'] as const;
export type FactAnchorRole = (typeof FACT_ANCHOR_ROLES)[number];

export interface TimeRef {
  /** As written in the source ("avril dernier"), when it is written. */
  text?: string;
  /** `YYYY`, `YYYY-Qn`, `YYYY-MM` or `YYYY-MM-DD`, as `precision` says. */
  value: string;
  /** End of a period (same format as `value`), for ranges such as "janvier et juin". */
  end?: string;
  precision: TimePrecision;
  /** True when resolved from relative text or from context rather than written out. */
  inferred: boolean;
}

export interface Alias {
  text: string;
  /** BCP 47 primary language ("fr", "en"); omitted when the name is the same in every language. */
  lang?: string;
}

export interface EntityEntry {
  id: string;
  kind: EntityKind;
  name: string;
  aliases?: Alias[];
  description: string;
  /** DOCUMENT only. */
  published?: TimeRef;
  background?: boolean;
}

export interface Participant {
  role: ParticipantRole;
  entity: string;
}

export interface Quantity {
  kind: QuantityKind;
  /** Omitted only with comparator SEVERAL ("plusieurs mois"). */
  value?: number;
  unit?: string;
  /** ISO 4217, required for MONEY. */
  currency?: string;
  /** The entity counted or measured. */
  item?: string;
  /** Default EXACT. */
  comparator?: Comparator;
  /** Default AMOUNT. */
  role?: QuantityRole;
  text?: string;
}

export interface CitationEntry {
  quote: string;
  /** UTF-16 offsets in the source text, end exclusive: `text.slice(start, end) === quote`. */
  start: number;
  end: number;
  /** A DOCUMENT entity listed in `sources`; default: the first source. */
  document?: string;
  saidBy: string;
  reportedBy?: string;
  kind: CitationKind;
  confidence?: number;
}

export interface FactEntry {
  id: string;
  type: FactType;
  subject: string;
  object?: string;
  event?: string;
  participants?: Participant[];
  statement: string;
  modality: Modality;
  /** Default CURRENT. */
  status?: FactStatus;
  time?: TimeRef;
  quantities?: Quantity[];
  background?: boolean;
  basis?: string;
  /** At least one unless `background`. */
  citations: CitationEntry[];
}

export interface SourceEntry {
  document: string;
  /** Relative to the knowledge file. */
  path: string;
  sha256: string;
  language: string;
}

export interface KnowledgeFile {
  $schema?: string;
  format: typeof KNOWLEDGE_FORMAT;
  id: string;
  title: string;
  sources: SourceEntry[];
  entities: EntityEntry[];
  facts: FactEntry[];
}
