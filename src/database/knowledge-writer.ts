/**
 * The write layer: every write to the graph is one method here, and each method is ONE transaction of named
 * statements from cypher/write (Database.write), so it commits whole or not at all. Today a dataset (what a
 * knowledge file holds) is replaced whole; a mutation (an entity upserted, a fact asserted or retracted) is
 * another method of the same shape.
 */
import type { Database, WriteTransaction } from './database.ts';
import { isConstraintViolation } from './errors.ts';
import type { WriteStatementName } from './statements.ts';
import type { EntityTypeName, FactAnchorRole, ParticipantRole, RelationType } from '../vocabulary/index.ts';

type Props = Record<string, unknown>;

/**
 * The rows a dataset is written from, grouped as the cypher/write statements take them (`$rows`): made from a
 * knowledge file by src/knowledge/graph-rows.ts.
 */
export interface GraphRows {
  /** By Neo4j label: the entity kind's type (vocabulary ENTITY_TYPE_OF_KIND). */
  entitiesByLabel: Map<EntityTypeName, { id: string; props: Props }[]>;
  documentTexts: { id: string; text: string; sha256: string; language: string }[];
  facts: { id: string; props: Props }[];
  participants: { fact: string; role: FactAnchorRole | ParticipantRole; entity: string }[];
  quantities: { fact: string; id: string; props: Props }[];
  citations: { fact: string; id: string; props: Props }[];
  relationsByType: Map<RelationType, RelationRow[]>;
}

export interface RelationRow {
  id: string;
  from: string;
  to: string;
  factId: string;
  label: string;
}

/** A dataset to write: its id, its content hash (recorded, so an unchanged file is skipped) and its rows. */
export interface DatasetWrite {
  id: string;
  sha256: string;
  /** Properties recorded on the :Dataset node with the hash (title, file, counts…). */
  props: Props;
  rows: GraphRows;
}

export interface ReplaceDatasetOptions {
  /** Write even when the recorded content hash equals the dataset's. */
  force?: boolean;
  /** Rows per UNWIND statement. */
  batchRows: number;
  /** Called after each statement batch with the graph rows it wrote (a fact row counts with its parts). */
  onBatch?: (statement: WriteStatementName, rowsWritten: number) => void;
}

/** A dataset's fact ids that another dataset already holds: fact ids are unique across datasets. */
export class FactIdsTakenError extends Error {
  override name = 'FactIdsTakenError';
  constructor(
    readonly dataset: string,
    readonly factIds: readonly string[],
    options?: { cause?: unknown },
  ) {
    super(`Dataset ${dataset} uses fact ids another dataset holds: ${factIds.join(', ')}`, options);
  }
}

export class KnowledgeWriter {
  constructor(private readonly db: Database) {}

  /**
   * Replaces a dataset whole, in one transaction: under the dataset's lock, its previous facts and the relations
   * they project are deleted, entities MERGEd on their ids (datasets share them), facts created with their
   * participants, quantities and citations, then their relations, in batched UNWIND statements; the hash is
   * recorded last. 'unchanged' (nothing written) when the recorded hash is the dataset's and not forced.
   * Throws FactIdsTakenError when a fact id belongs to another dataset (nothing is written then either).
   */
  async replaceDataset(dataset: DatasetWrite, options: ReplaceDatasetOptions): Promise<'loaded' | 'unchanged'> {
    try {
      return await this.db.write('replace-dataset', async (tx) => {
        // Checked under the dataset lock: a concurrent load of the same dataset waits, then finds it loaded.
        const [current] = await tx.run<{ sha256: string | null }>('write/lock-dataset', { dataset: dataset.id });
        if (!options.force && current?.sha256 === dataset.sha256) return 'unchanged';
        await writeRows(tx, dataset.id, dataset.rows, options);
        await tx.run('write/finish-dataset', { dataset: dataset.id, props: { ...dataset.props, sha256: dataset.sha256 } });
        return 'loaded';
      });
    } catch (error) {
      throw (await this.factIdsTaken(dataset, error)) ?? error;
    }
  }

  /** Returns once the name search index (eventually consistent) has taken in every committed write. */
  async awaitSearchIndex(): Promise<void> {
    await this.db.write('await-search-index', (tx) => tx.run('write/await-search-index', {}));
  }

  /**
   * Facts are created, not merged (see create-facts.cypher): a fact id another dataset holds fails the
   * uniqueness constraint, and the transaction is rolled back whole. The constraint's code says so; which ids
   * were taken is asked of the database, not read from the error's text.
   */
  private async factIdsTaken(dataset: DatasetWrite, error: unknown): Promise<FactIdsTakenError | undefined> {
    if (!isConstraintViolation(error)) return undefined;
    const ids = dataset.rows.facts.map((fact) => fact.id);
    const taken = await this.db.read<{ id: string }>('read/facts-of-other-datasets', { ids, dataset: dataset.id });
    return taken.length ? new FactIdsTakenError(dataset.id, taken.map((row) => row.id), { cause: error }) : undefined;
  }
}

async function writeRows(tx: WriteTransaction, dataset: string, rows: GraphRows, options: ReplaceDatasetOptions): Promise<void> {
  const report = options.onBatch ?? (() => undefined);
  // A changed dataset replaces its own facts whole, so facts removed from it leave the graph.
  for (const statement of ['write/delete-dataset-relations', 'write/delete-dataset-facts'] as const) {
    await tx.run(statement, { dataset });
    report(statement, 0);
  }
  const batches = (statement: WriteStatementName, list: readonly Row[], slots?: { label?: string; type?: string }) =>
    runBatches(tx, statement, list, slots, options.batchRows, report);
  for (const [label, entities] of rows.entitiesByLabel) await batches('write/merge-entities', entities, { label });
  await batches('write/set-document-texts', rows.documentTexts);
  await batches('write/create-facts', factRows(rows));
  for (const [type, relations] of rows.relationsByType) await batches('write/create-relations', relations, { type });
}

type Row = object & { parts?: number };

async function runBatches(
  tx: WriteTransaction,
  statement: WriteStatementName,
  rows: readonly Row[],
  slots: { label?: string; type?: string } | undefined,
  size: number,
  report: (statement: WriteStatementName, rowsWritten: number) => void,
): Promise<void> {
  for (let i = 0; i < rows.length; i += size) {
    const batch = rows.slice(i, i + size);
    await tx.run(statement, { rows: batch }, slots);
    report(statement, batch.reduce((n, row) => n + (row.parts ?? 1), 0));
  }
}

/** One row per fact holding everything the fact owns, so create-facts finds each fact once, not once per part. */
function factRows(rows: GraphRows): FactRow[] {
  const byId = new Map<string, FactRow>(rows.facts.map((fact) => [fact.id, { props: fact.props, about: [], quantities: [], citations: [], parts: 1 }]));
  const of = (id: string): FactRow => {
    const row = byId.get(id);
    if (!row) throw new Error(`Row for unknown fact ${id}`);
    row.parts += 1;
    return row;
  };
  for (const { fact, role, entity } of rows.participants) of(fact).about.push({ role, entity });
  for (const { fact, props } of rows.quantities) of(fact).quantities.push({ props });
  for (const { fact, props } of rows.citations) of(fact).citations.push({ props });
  return [...byId.values()];
}

interface FactRow {
  props: Props;
  about: { role: string; entity: string }[];
  quantities: { props: Props }[];
  citations: { props: Props }[];
  /** Graph rows this fact row stands for (itself, its participants, quantities, citations): for progress. */
  parts: number;
}
