/**
 * The repository's export reads (src/export): the current graph in keyset pages (entities, facts, the relations
 * leaving a page of entities), each one named statement from cypher/read/export, and the lookups a
 * neighbourhood export needs. Rows are the stored properties; src/export maps them to the knowledge format.
 */
import type { Database } from './database.ts';

type Props = Record<string, unknown>;

export interface ExportRelationRow {
  id: string;
  type: string;
  factId: string;
  label: string;
  from: string;
  to: string;
}

export interface ExportSourceRow {
  document: string;
  sha256: string;
  language: string | null;
}

export interface ExportCounts {
  entities: number;
  /** Hidden facts included (the count store's figure): a bound for a progress bar. */
  facts: number;
  relations: number;
}

export class ExportReader {
  constructor(private readonly db: Database) {}

  /** Entities with ids after `after`, in id order (stored properties, as the repository's projections read them). */
  async entityPage(after: string, limit: number): Promise<Props[]> {
    const rows = await this.db.read<{ entity: Props }>('read/export/entities', { after, limit });
    return rows.map((row) => row.entity);
  }

  async entitiesByIds(ids: readonly string[]): Promise<Props[]> {
    const rows = await this.db.read<{ entity: Props }>('read/export/entities-by-ids', { ids });
    return rows.map((row) => row.entity);
  }

  /** Current facts with ids after `after`, in id order, each with its quantities, citations and ABOUT edges. */
  async factPage(after: string, limit: number): Promise<Props[]> {
    const rows = await this.db.read<{ fact: Props }>('read/export/facts', { after, limit });
    return rows.map((row) => row.fact);
  }

  async factsByIds(ids: readonly string[]): Promise<Props[]> {
    const rows = await this.db.read<{ fact: Props }>('read/export/facts-by-ids', { ids });
    return rows.map((row) => row.fact);
  }

  /**
   * The relations leaving the `limit` entities after `after` (in id order); `last` is the page's last entity
   * id, where the next page starts (null after the last entity).
   */
  async relationPage(after: string, limit: number): Promise<{ relations: ExportRelationRow[]; last: string | null }> {
    const rows = await this.db.read<{ id: string; relations: ExportRelationRow[] }>('read/export/relations', { after, limit });
    return { relations: rows.flatMap((row) => row.relations), last: rows.length < limit ? null : rows.at(-1)!.id };
  }

  async sources(): Promise<ExportSourceRow[]> {
    return this.db.read<{ document: string; sha256: string; language: string | null }>('read/export/sources', {});
  }

  async datasets(): Promise<{ id: string; title: string | null }[]> {
    return this.db.read<{ id: string; title: string | null }>('read/export/datasets', {});
  }

  async counts(): Promise<ExportCounts> {
    const rows = await this.db.read<{ entities: number; facts: number; relations: number }>('read/export/counts', {});
    return rows[0] ?? { entities: 0, facts: 0, relations: 0 };
  }

  async documentText(id: string): Promise<string | null> {
    const rows = await this.db.read<{ id: string; text: string | null }>('read/document-texts', { ids: [id] });
    return rows[0]?.text ?? null;
  }
}
