/**
 * Loads knowledge files into Neo4j: validate first (a bad file writes nothing), then write the whole file in
 * one transaction: the file's previous facts are deleted, entities are MERGEd on their constrained ids (other
 * files share them), and the facts with everything they own are created in batched UNWIND statements (loading
 * twice gives the same graph). A file whose content hash is already recorded is skipped unless forced.
 * `onProgress` reports every batch, for progress bars.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Neo4jError, type ManagedTransaction } from 'neo4j-driver';
import type { Database } from '../database/database.ts';
import { renderTemplate, type StatementName } from '../database/statements.ts';
import type { Logger } from '../logging/logger.ts';
import { ENTITY_LABELS, RELATION_TYPE } from '../vocabulary/index.ts';
import type { KnowledgeFile } from './knowledge-file.ts';
import { toGraphRows, type GraphRows } from './graph-rows.ts';
import { validateKnowledgeFile, type KnowledgeError } from './validate-knowledge-file.ts';

export const KNOWLEDGE_FILE_SUFFIX = '.kg.json';
/** Rows per statement unless LoadOptions.batchRows says otherwise (measured: 5,000 beat 1,000). */
const DEFAULT_BATCH_ROWS = 5000;
const RELATION_TYPES = new Set<string>(RELATION_TYPE.values);
const LABELS = new Set<string>(ENTITY_LABELS);

export interface LoadResult {
  file: string;
  dataset: string;
  status: 'loaded' | 'unchanged';
  sha256: string;
  entities: number;
  facts: number;
  relations: number;
  citations: number;
  ms: number;
}

export class KnowledgeFileError extends Error {
  override name = 'KnowledgeFileError';
  constructor(
    readonly file: string,
    readonly errors: KnowledgeError[],
  ) {
    super(`Knowledge file ${file} is invalid, nothing was written (${errors.length} problem${errors.length === 1 ? '' : 's'}):\n${errors.map((e) => `  ${e.entry}: ${e.message}`).join('\n')}`);
  }
}

/** Every knowledge file of a folder, in name order. */
export function knowledgeFilesIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(KNOWLEDGE_FILE_SUFFIX))
    .sort()
    .map((name) => path.join(dir, name));
}

export async function loadKnowledgeFiles(db: Database, files: readonly string[], log: Logger, options: LoadOptions = {}): Promise<LoadResult[]> {
  const results: LoadResult[] = [];
  for (const file of files) {
    const result = await loadKnowledgeFile(db, file, { ...options, awaitSearchIndex: false });
    log.info({ ...result }, result.status === 'loaded' ? `Loaded ${path.basename(file)}` : `${path.basename(file)} is unchanged`);
    results.push(result);
  }
  if (options.awaitSearchIndex !== false && results.some((r) => r.status === 'loaded')) await awaitSearchIndex(db);
  return results;
}

/** Where a load stands: called after each batch, so a caller can draw a progress bar. */
export interface LoadProgress {
  file: string;
  /** The statement being run, e.g. 'knowledge/create-facts'. */
  step: string;
  rowsDone: number;
  rowsTotal: number;
}

export interface LoadOptions {
  /** Load even when the file's content hash is already recorded. */
  force?: boolean;
  onProgress?: (progress: LoadProgress) => void;
  /**
   * Wait, after the commit, until the name search index has taken in the new names (default true). A caller
   * loading several files in a row waits after the last one only, letting the index work meanwhile.
   */
  awaitSearchIndex?: boolean;
  /** Rows per UNWIND statement (KNOWLEDGE_BATCH_ROWS); default 5,000. */
  batchRows?: number;
}

export async function loadKnowledgeFile(db: Database, file: string, options: LoadOptions = {}): Promise<LoadResult> {
  const started = Date.now();
  const raw = readFileSync(file);
  const sha256 = createHash('sha256').update(raw).digest('hex');
  const data = parseJson(file, raw.toString('utf8'));
  const validation = validateKnowledgeFile(data, { filePath: file, readSource: (p) => readFileSync(p, 'utf8') });
  if (!validation.ok) throw new KnowledgeFileError(file, validation.errors);
  const knowledge = validation.file;
  const rows = toGraphRows(knowledge, validation.sources);
  const counts = countsOf(rows);
  const status = await db
    .writeTransaction(async (tx) => {
      // Checked under the dataset lock: a concurrent load of the same file waits, then finds it loaded.
      const current = await tx.run(db.statement('knowledge/lock-dataset'), { dataset: knowledge.id });
      if (!options.force && current.records[0]?.get('sha256') === sha256) return 'unchanged' as const;
      const batches = { rows: options.batchRows ?? DEFAULT_BATCH_ROWS, report: progressReporter(file, rows, options.onProgress) };
      await writeRows(db, tx, knowledge.id, rows, batches);
      const props = { sha256, title: knowledge.title, file: path.basename(file), loadedAt: new Date().toISOString(), ...counts };
      await run(db, tx, 'knowledge/finish-dataset', { dataset: knowledge.id, props });
      return 'loaded' as const;
    })
    .catch((error: unknown) => {
      throw factIdTaken(file, knowledge, error) ?? error;
    });
  if (status === 'loaded' && options.awaitSearchIndex !== false) await awaitSearchIndex(db);
  return { file, dataset: knowledge.id, status, sha256, ...counts, ms: Date.now() - started };
}

/**
 * Facts are created, not merged (see create-facts.cypher): a fact id another knowledge file already uses fails
 * Neo4j's uniqueness constraint, and the load (rolled back whole) is reported as the file's error.
 */
function factIdTaken(file: string, knowledge: KnowledgeFile, error: unknown): KnowledgeFileError | undefined {
  const cause = error instanceof Error ? error.cause : undefined;
  if (!(cause instanceof Neo4jError) || cause.code !== 'Neo.ClientError.Schema.ConstraintValidationFailed') return undefined;
  const id = /label `Fact` and property `id` = '([^']*)'/.exec(cause.message)?.[1];
  if (id === undefined) return undefined;
  const index = knowledge.facts.findIndex((fact) => fact.id === id);
  const entry = index >= 0 ? `facts[${index}] (id "${id}")` : `fact "${id}"`;
  return new KnowledgeFileError(file, [{ file, entry, message: 'uses a fact id that another knowledge file already loaded; fact ids must be unique across knowledge files' }]);
}

/** Returns once the name search index (eventually consistent) has taken in every committed load. */
export async function awaitSearchIndex(db: Database): Promise<void> {
  await db.writeTransaction((tx) => run(db, tx, 'knowledge/await-search-index', {}));
}

function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new KnowledgeFileError(file, [{ file, entry: '(file)', message: `is not valid JSON: ${(error as Error).message}` }]);
  }
}

function countsOf(rows: GraphRows): { entities: number; facts: number; relations: number; citations: number } {
  const sum = (map: Map<string, unknown[]>) => [...map.values()].reduce((n, list) => n + list.length, 0);
  return { entities: sum(rows.entitiesByLabel), facts: rows.facts.length, relations: sum(rows.relationsByType), citations: rows.citations.length };
}

type Report = (step: string, rowsWritten: number) => void;

/** How rows are sent: so many per statement, each batch reported. */
interface Batches {
  rows: number;
  report: Report;
}

function progressReporter(file: string, rows: GraphRows, onProgress: LoadOptions['onProgress']): Report {
  const sum = (map: Map<string, unknown[]>) => [...map.values()].reduce((n, list) => n + list.length, 0);
  const rowsTotal = sum(rows.entitiesByLabel) + rows.documentTexts.length + rows.facts.length + rows.participants.length + rows.quantities.length + rows.citations.length + sum(rows.relationsByType);
  let rowsDone = 0;
  return (step, rowsWritten) => {
    rowsDone += rowsWritten;
    onProgress?.({ file, step, rowsDone, rowsTotal });
  };
}

async function writeRows(db: Database, tx: ManagedTransaction, dataset: string, rows: GraphRows, batches: Batches): Promise<void> {
  const { report } = batches;
  // A changed file replaces its own facts whole, so facts removed from the file leave the graph.
  await run(db, tx, 'knowledge/delete-dataset-relations', { dataset });
  report('knowledge/delete-dataset-relations', 0);
  await run(db, tx, 'knowledge/delete-dataset-facts', { dataset });
  report('knowledge/delete-dataset-facts', 0);
  for (const [label, entities] of rows.entitiesByLabel) {
    if (!LABELS.has(label)) throw new Error(`Unknown entity label ${label}`);
    await runBatches(tx, renderTemplate(db.statement('knowledge/merge-entities'), { label }), entities, 'knowledge/merge-entities', batches);
  }
  await runBatches(tx, db.statement('knowledge/set-document-texts'), rows.documentTexts, 'knowledge/set-document-texts', batches);
  await runBatches(tx, db.statement('knowledge/create-facts'), factRows(rows), 'knowledge/create-facts', batches);
  for (const [type, relations] of rows.relationsByType) {
    if (!RELATION_TYPES.has(type)) throw new Error(`Unknown relation type ${type}`);
    await runBatches(tx, renderTemplate(db.statement('knowledge/create-relations'), { type }), relations, 'knowledge/create-relations', batches);
  }
}

/** One row per fact holding everything the fact owns, so create-facts finds each fact once, not once per part. */
function factRows(rows: GraphRows): FactRow[] {
  const byId = new Map<string, FactRow>(rows.facts.map((fact) => [fact.id, { props: fact.props, about: [], quantities: [], citations: [], parts: 1 }]));
  const of = (id: string): FactRow => {
    const row = byId.get(id);
    if (!row) throw new Error(`Row for unknown fact ${id}`);
    return row;
  };
  for (const { fact, role, entity } of rows.participants) of(fact).about.push({ role, entity }), (of(fact).parts += 1);
  for (const { fact, props } of rows.quantities) of(fact).quantities.push({ props }), (of(fact).parts += 1);
  for (const { fact, props } of rows.citations) of(fact).citations.push({ props }), (of(fact).parts += 1);
  return [...byId.values()];
}

interface FactRow {
  props: Record<string, unknown>;
  about: { role: string; entity: string }[];
  quantities: { props: Record<string, unknown> }[];
  citations: { props: Record<string, unknown> }[];
  /** Graph rows this fact row stands for (itself, its participants, quantities, citations): for progress. */
  parts: number;
}

async function run(db: Database, tx: ManagedTransaction, name: StatementName, params: Record<string, unknown>): Promise<void> {
  await tx.run(db.statement(name), params);
}

async function runBatches(tx: ManagedTransaction, statement: string, rows: readonly unknown[], step: string, batches: Batches): Promise<void> {
  for (let i = 0; i < rows.length; i += batches.rows) {
    const batch = rows.slice(i, i + batches.rows);
    await tx.run(statement, { rows: batch });
    batches.report(step, batch.reduce<number>((n, row) => n + ((row as Partial<FactRow>).parts ?? 1), 0));
  }
}
