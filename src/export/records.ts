/**
 * What every export format is written from: a header, then one stream of items (entities, then facts, then
 * relations), in the knowledge file's own shapes (src/knowledge/knowledge-file.ts), so the JSON export is that
 * format by construction and the other formats map one shape each.
 */
import type { EntityEntry, FactEntry, SourceEntry } from '../knowledge/knowledge-file.ts';
import type { RelationType } from '../vocabulary/index.ts';

export interface ExportRelation {
  /** The stored relation id: the fact id, or `fact/ROLE/entity` for a participant. */
  id: string;
  type: RelationType;
  from: string;
  to: string;
  factId: string;
  label: string;
}

export type ExportItem =
  | { kind: 'entity'; entity: EntityEntry }
  | { kind: 'fact'; fact: FactEntry }
  | { kind: 'relation'; relation: ExportRelation };

export interface ExportHeader {
  /** The knowledge file id: the one dataset's when the graph holds one, else a name for the export. */
  id: string;
  title: string;
  /** Documents whose text the graph holds; `path` is where the JSON export writes the text (beside the file). */
  sources: SourceEntry[];
  /** Set for a neighbourhood export that a node or edge limit cut (MAX_NEIGHBORHOOD_NODES). */
  truncated: boolean;
}

/** Which parts of the stream a format needs: GraphML and CSV need no facts, CSV entities no relations. */
export interface ExportParts {
  entities: boolean;
  facts: boolean;
  relations: boolean;
}

export const ALL_PARTS: ExportParts = { entities: true, facts: true, relations: true };

/** An export: its header, and its items read from Neo4j page by page as they are consumed. */
export interface ExportStream {
  header: ExportHeader;
  items(parts: ExportParts): AsyncIterable<ExportItem>;
  /** Items the stream will give (an upper bound for facts), for a progress bar. */
  total(parts: ExportParts): Promise<number>;
}

/** Where the JSON export puts a document's text, relative to the knowledge file. */
export function sourcePath(document: string): string {
  return `sources/${document}.txt`;
}
