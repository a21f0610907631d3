/**
 * The write layer for knowledge files: a dataset (what a knowledge file holds) is diffed against the graph and
 * its differences written as ONE revision in ONE transaction of named statements from cypher/write, so it
 * commits whole or not at all. Mutations (src/database/curation) write through the same graph rows.
 */
import type { Database, WriteTransaction } from './database.ts';
import { writeRevision, type ChangeRow, type WriteRequest } from './curation/revisions.ts';
import { isConstraintViolation } from './errors.ts';
import type { RevisionRecord } from './records.ts';
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

export interface WriteDatasetOptions {
  /** Diff against the graph even when the recorded content hash equals the dataset's. */
  force?: boolean;
  /** Rows per UNWIND statement. */
  batchRows: number;
  /** Called after each statement batch with the graph rows it wrote (a fact row counts with its parts). */
  onBatch?: (statement: WriteStatementName, rowsWritten: number) => void;
}

/** A dataset's fact ids that another dataset (or the API) already holds: fact ids are unique across datasets. */
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

/** What the graph holds for a dataset, read under its lock: what a changed file is diffed against. */
export interface DatasetState {
  /** Stored entities among the file's entity ids, their `entityKeys` values in order; redirects by merged id. */
  entities: Map<string, StoredEntity>;
  /** The dataset's facts (retracted ones too). */
  facts: Map<string, StoredFact>;
}

export interface StoredEntity {
  /** Null for a redirect (the entity was merged into `mergedInto`). */
  values: unknown[] | null;
  revision: number | null;
  mergedInto: string | null;
}

export interface StoredFact {
  contentSha256: string | null;
  retractedIn: number | null;
  rank: string | null;
  /** What the fact said (type, statement, modality, status): a revised fact's `before`. */
  content: Record<string, unknown>;
}

/** What a changed file writes: only its differences (docs/curation-model.md, "Knowledge files"). */
export interface DatasetPlan {
  /** Entities to create or change, by label; `versioned` are the existing ones whose old properties are kept. */
  entitiesByLabel: GraphRows['entitiesByLabel'];
  versioned: string[];
  documentTexts: GraphRows['documentTexts'];
  /** New facts and the new versions of revised ones, with their parts and relations. */
  facts: Pick<GraphRows, 'facts' | 'participants' | 'quantities' | 'citations' | 'relationsByType'>;
  /** Facts whose content changed: archived as :FactVersion before their new version is created. */
  revised: string[];
  /** Visible facts to hide, with their new state (a retraction). */
  retracted: { id: string; props: Props }[];
  changes: ChangeRow[];
  summary: string;
}

export interface DatasetWriteResult {
  status: 'loaded' | 'unchanged';
  revision: RevisionRecord | null;
}

export class KnowledgeWriter {
  constructor(private readonly db: Database) {}

  /**
   * Writes a dataset's differences as ONE revision in one transaction (revision log first, then the dataset's
   * lock): the graph's state for the file is read, `plan` diffs the file against it, and only the differences
   * are written, in batched UNWIND statements; the hash is recorded last. 'unchanged' (nothing written, no
   * revision) when the recorded hash is the dataset's and not forced, or when the file differs in nothing the
   * graph holds (then only the new hash is recorded, and the sequence given back). Throws FactIdsTakenError
   * when a new fact id belongs to another dataset (nothing is written then either).
   */
  async writeDataset(
    dataset: DatasetWrite,
    entityKeys: readonly string[],
    plan: (state: DatasetState, sequence: number) => DatasetPlan,
    request: WriteRequest,
    options: WriteDatasetOptions,
  ): Promise<DatasetWriteResult> {
    try {
      const outcome = await writeRevision<DatasetWriteResult['status']>(this.db, 'write-dataset', { batchRows: options.batchRows, ...request }, async ({ tx, sequence }) => {
        // Under the dataset lock: a concurrent load of the same dataset waits, then finds it loaded.
        const [current] = await tx.run<{ sha256: string | null }>('write/lock-dataset', { dataset: dataset.id });
        if (!options.force && current?.sha256 === dataset.sha256) return { summary: '', changes: [], result: 'unchanged' };
        const state = await readDatasetState(tx, dataset, entityKeys);
        const todo = plan(state, sequence);
        await writePlan(tx, sequence, todo, options);
        await tx.run('write/finish-dataset', { dataset: dataset.id, props: { ...dataset.props, sha256: dataset.sha256, revision: sequence } });
        // A file that differs in nothing the graph holds: only its new hash is recorded, with no revision.
        return { summary: todo.summary, changes: todo.changes, result: todo.changes.length ? 'loaded' : 'unchanged', commitWithoutRevision: true };
      });
      return { status: outcome.revision ? 'loaded' : 'unchanged', revision: outcome.revision };
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

async function readDatasetState(tx: WriteTransaction, dataset: DatasetWrite, keys: readonly string[]): Promise<DatasetState> {
  const ids = [...dataset.rows.entitiesByLabel.values()].flat().map((e) => e.id);
  return { entities: await entityStates(tx, ids, keys), facts: await datasetFactStates(tx, dataset.id) };
}

/** The stored entities among `ids` (their `keys` values), and the redirects among them. */
export async function entityStates(tx: WriteTransaction, ids: readonly string[], keys: readonly string[]): Promise<Map<string, StoredEntity>> {
  const rows = await tx.run<{ id: string; values: unknown[] | null; revision: number | null; mergedInto: string | null }>('write/curation/entity-states', { ids, keys });
  return new Map(rows.map((row) => [row.id, { values: row.values, revision: row.revision, mergedInto: row.mergedInto }]));
}

async function datasetFactStates(tx: WriteTransaction, dataset: string): Promise<Map<string, StoredFact>> {
  const rows = await tx.run<{ id: string } & StoredFact>('write/curation/dataset-fact-states', { dataset });
  return new Map(rows.map(({ id, ...fact }) => [id, fact]));
}

async function writePlan(tx: WriteTransaction, sequence: number, plan: DatasetPlan, options: WriteDatasetOptions): Promise<void> {
  const report = options.onBatch ?? (() => undefined);
  const size = options.batchRows;
  const hidden = [...plan.revised, ...plan.retracted.map((r) => r.id)];
  for (let i = 0; i < hidden.length; i += size) await tx.run('write/curation/hide-facts', { ids: hidden.slice(i, i + size), sequence });
  for (let i = 0; i < plan.revised.length; i += size) await tx.run('write/curation/archive-facts', { ids: plan.revised.slice(i, i + size), sequence });
  await runBatches(tx, 'write/curation/set-fact-state', plan.retracted, { sequence }, undefined, size, report);
  for (let i = 0; i < plan.versioned.length; i += size) await tx.run('write/curation/save-entity-versions', { ids: plan.versioned.slice(i, i + size), sequence });
  await writeGraphRows(tx, sequence, { ...plan.facts, entitiesByLabel: plan.entitiesByLabel, documentTexts: plan.documentTexts }, size, report);
}

/**
 * Writes entities (MERGEd on their ids, datasets share them), document texts, facts with their participants,
 * quantities and citations, then their relations, in batched UNWIND statements; `since` of every edge is
 * `sequence`. The one projection of facts into the graph, for files and mutations alike.
 */
export async function writeGraphRows(
  tx: WriteTransaction,
  sequence: number,
  rows: GraphRows,
  size: number,
  report: (statement: WriteStatementName, rowsWritten: number) => void = () => undefined,
): Promise<void> {
  const batches = (statement: WriteStatementName, list: readonly Row[], slots?: { label?: string; type?: string }) => runBatches(tx, statement, list, { sequence }, slots, size, report);
  for (const [label, entities] of rows.entitiesByLabel) await batches('write/merge-entities', entities, { label });
  await batches('write/set-document-texts', rows.documentTexts);
  await batches('write/create-facts', factRows(rows, sequence));
  for (const [type, relations] of rows.relationsByType) await batches('write/create-relations', relations, { type });
}

type Row = object & { parts?: number };

export async function runBatches(
  tx: WriteTransaction,
  statement: WriteStatementName,
  rows: readonly Row[],
  params: Record<string, unknown>,
  slots: { label?: string; type?: string } | undefined,
  size: number,
  report: (statement: WriteStatementName, rowsWritten: number) => void,
): Promise<void> {
  for (let i = 0; i < rows.length; i += size) {
    const batch = rows.slice(i, i + size);
    await tx.run(statement, { ...params, rows: batch }, slots);
    report(statement, batch.reduce((n, row) => n + (row.parts ?? 1), 0));
  }
}

/** One row per fact holding everything the fact owns, so create-facts finds each fact once, not once per part. */
function factRows(rows: Pick<GraphRows, 'facts' | 'participants' | 'quantities' | 'citations'>, sequence: number): FactRow[] {
  // `revision` and `created`: the revision that wrote this version of the fact.
  const byId = new Map<string, FactRow>(
    rows.facts.map((fact) => [fact.id, { props: { ...fact.props, revision: sequence, created: sequence }, about: [], quantities: [], citations: [], parts: 1 }]),
  );
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
