/**
 * Types of a knowledge file (`kg-knowledge/1`, docs/knowledge-format.md), mirroring data/knowledge.schema.json.
 * Their enumerations come from the vocabulary (src/vocabulary), which also generates the schema's enums; the
 * value types are re-exported here because the file format is written in them.
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
  TimePrecision,
} from '../vocabulary/index.ts';

export type { CitationKind, Comparator, EntityKind, FactStatus, FactType, Modality, ParticipantRole, QuantityKind, QuantityRole, TimePrecision };

export const KNOWLEDGE_FORMAT = 'kg-knowledge/1';

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
