/**
 * The write layer of mutations: `edit` runs a mutation's work as ONE revision in ONE transaction
 * (revisions.ts), and hands it the graph edits below, each a named statement from cypher/write. What to
 * write (which entries, which changes) is decided by src/curation from the state read here, inside the same
 * transaction, after the revision log's lock: no other write can come in between.
 */
import type { Database, WriteTransaction } from '../database.ts';
import { entityStates, runBatches, writeGraphRows, type GraphRows, type RelationRow, type StoredEntity } from '../knowledge-writer.ts';
import type { RelationType } from '../../vocabulary/index.ts';
import { writeRevision, type RevisionWork, type WriteOutcome, type WriteRequest } from './revisions.ts';

export interface StoredFactState {
  revision: number | null;
  rank: string | null;
  rankHistory: string | null;
  retractedIn: number | null;
  dataset: string | null;
  contentSha256: string | null;
}

/** A relation as rows carry it, with its type. */
export type TypedRelationRow = RelationRow & { type: RelationType };

/** The graph edits a mutation's work may make, bound to its transaction and its revision's sequence. */
export class GraphEdits {
  constructor(
    private readonly tx: WriteTransaction,
    readonly sequence: number,
    private readonly batchRows: number,
  ) {}

  entityStates(ids: readonly string[], keys: readonly string[]): Promise<Map<string, StoredEntity>> {
    return entityStates(this.tx, ids, keys);
  }

  async factStates(ids: readonly string[]): Promise<Map<string, StoredFactState>> {
    const rows = await this.tx.run<{ id: string } & StoredFactState>('write/curation/fact-states', { ids });
    return new Map(rows.map(({ id, ...state }) => [id, state]));
  }

  async documentTexts(ids: readonly string[]): Promise<Map<string, string>> {
    const rows = await this.tx.run<{ id: string; text: string }>('write/curation/document-texts', { ids });
    return new Map(rows.map((row) => [row.id, row.text]));
  }

  async factIdsTaken(ids: readonly string[]): Promise<Set<string>> {
    const rows = await this.tx.run<{ id: string }>('write/curation/fact-ids-taken', { ids });
    return new Set(rows.map((row) => row.id));
  }

  /** Keeps the current properties of these entities as :EntityVersion nodes, before they change. */
  async saveEntityVersions(ids: readonly string[]): Promise<void> {
    if (ids.length) await this.tx.run('write/curation/save-entity-versions', { ids, sequence: this.sequence });
  }

  /** Entities, document texts, facts and their projection, as a knowledge file's rows are written. */
  async writeRows(rows: GraphRows): Promise<void> {
    await writeGraphRows(this.tx, this.sequence, rows, this.batchRows);
  }

  /** Visible facts leave the current graph: their edges become history edges. */
  async hideFacts(ids: readonly string[]): Promise<void> {
    if (ids.length) await this.tx.run('write/curation/hide-facts', { ids, sequence: this.sequence });
  }

  /** Hidden facts come back: the edges they had last are created again, since this revision. */
  async showFacts(ids: readonly string[]): Promise<void> {
    if (!ids.length) return;
    type Row = { id: string; about: { role: string; entity: string }[]; relations: TypedRelationRow[] };
    const rows = await this.tx.run<Row>('write/curation/hidden-fact-edges', { ids });
    const about = rows.flatMap((row) => row.about.map((a) => ({ fact: row.id, ...a })));
    await runBatches(this.tx, 'write/curation/create-about', about, { sequence: this.sequence }, undefined, this.batchRows, () => undefined);
    await this.createRelations(rows.flatMap((row) => row.relations));
  }

  /** Sets facts' mutable state (rank, rank history, retraction) and their `revision`. */
  async setFactState(rows: readonly { id: string; props: Record<string, unknown> }[]): Promise<void> {
    await runBatches(this.tx, 'write/curation/set-fact-state', rows, { sequence: this.sequence }, undefined, this.batchRows, () => undefined);
  }

  async setEntityRevision(ids: readonly string[]): Promise<void> {
    await this.tx.run('write/curation/set-entity-revision', { ids, sequence: this.sequence });
  }

  /** The current relations of an entity, either direction. */
  relationsOf(id: string): Promise<TypedRelationRow[]> {
    return this.tx.run<TypedRelationRow>('write/curation/entity-relations', { id });
  }

  async createRelations(relations: readonly TypedRelationRow[]): Promise<void> {
    const byType = new Map<RelationType, RelationRow[]>();
    for (const { type, ...row } of relations) byType.set(type, [...(byType.get(type) ?? []), row]);
    for (const [type, rows] of byType) await runBatches(this.tx, 'write/create-relations', rows, { sequence: this.sequence }, { type }, this.batchRows, () => undefined);
  }

  /** `from` becomes a :Redirect to `into` (see merge-away.cypher); its relations are for the caller to recreate. */
  async mergeAway(from: string, into: string): Promise<void> {
    await this.tx.run('write/curation/merge-away', { from, into, sequence: this.sequence });
  }

  /** Every id that redirects to `id`, through chains of merges. */
  async redirectsInto(id: string): Promise<string[]> {
    const found: string[] = [];
    for (let ids = [id]; ids.length; ) {
      ids = (await this.tx.run<{ id: string }>('write/curation/redirects-into', { ids })).map((row) => row.id).filter((r) => !found.includes(r));
      found.push(...ids);
    }
    return found;
  }
}

export class CurationWriter {
  constructor(
    private readonly db: Database,
    private readonly batchRows = 5000,
  ) {}

  /** Runs `work` as one revision: what it returns is committed with its changes, or nothing when it has none. */
  edit<T>(name: string, request: WriteRequest, work: (edits: GraphEdits) => Promise<RevisionWork<T>>): Promise<WriteOutcome<T>> {
    return writeRevision(this.db, name, { batchRows: this.batchRows, ...request }, ({ tx, sequence }) => work(new GraphEdits(tx, sequence, this.batchRows)));
  }
}
