/**
 * Loads knowledge files into Neo4j: validate first (a bad file writes nothing), then hand the file's rows to
 * the write layer (src/database/knowledge-writer.ts), which writes the whole file in one transaction (loading
 * twice gives the same graph). A file whose content hash is already recorded is skipped unless forced.
 * `onProgress` reports every batch, for progress bars. This module orchestrates; it runs no statement itself.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { systemPrincipal, type Principal } from '../auth/principal.ts';
import type { Database } from '../database/database.ts';
import { FactIdsTakenError, KnowledgeWriter } from '../database/knowledge-writer.ts';
import type { RevisionRecord } from '../database/records.ts';
import type { Logger } from '../logging/logger.ts';
import { DATASET_ENTITY_KEYS, DocumentTextChangedError, planDataset } from './dataset-diff.ts';
import type { KnowledgeFile } from './knowledge-file.ts';
import { toGraphRows, type GraphRows } from './graph-rows.ts';
import { validateKnowledgeFile, type KnowledgeError } from './validate-knowledge-file.ts';

export const KNOWLEDGE_FILE_SUFFIX = '.kg.json';
/** Rows per statement unless LoadOptions.batchRows says otherwise (measured: 5,000 beat 1,000). */
const DEFAULT_BATCH_ROWS = 5000;

export interface LoadResult {
  file: string;
  dataset: string;
  status: 'loaded' | 'unchanged';
  sha256: string;
  /** The revision holding the file's differences; null when unchanged. */
  revision: RevisionRecord | null;
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
  /** The statement being run, e.g. 'write/create-facts'. */
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
  const written = await writeKnowledge(db, validation.file, validation.sources, { ...options, file, sha256 });
  return { file, ms: Date.now() - started, ...written };
}

export interface WriteKnowledgeOptions extends LoadOptions {
  /** Names the file in errors, in the revision's author (SYSTEM) and in retraction reasons. */
  file: string;
  sha256: string;
  /** The revision's author; SYSTEM by the file's name unless given (importKnowledge: the caller). */
  principal?: Principal;
  onBookmark?: (bookmark: string) => void;
  idempotency?: { key: string; requestSha256: string } | null;
}

/**
 * A validated knowledge file into the graph: its differences from what the graph holds, as ONE revision in one
 * transaction (src/database/knowledge-writer.ts). Files on disk and importKnowledge take this same path.
 */
export async function writeKnowledge(db: Database, knowledge: KnowledgeFile, sources: ReadonlyMap<string, string>, options: WriteKnowledgeOptions): Promise<Omit<LoadResult, 'file' | 'ms'>> {
  const { file } = options;
  const name = path.basename(file);
  const rows = toGraphRows(knowledge, sources);
  const counts = countsOf(rows);
  const writer = new KnowledgeWriter(db);
  const props = { title: knowledge.title, file: name, loadedAt: new Date().toISOString(), ...counts };
  const written = await writer
    .writeDataset(
      { id: knowledge.id, sha256: options.sha256, props, rows },
      DATASET_ENTITY_KEYS,
      (state, sequence) => planDataset(knowledge, rows, state, sequence, name),
      { principal: options.principal ?? systemPrincipal(name), onBookmark: options.onBookmark, idempotency: options.idempotency },
      { force: options.force, batchRows: options.batchRows ?? DEFAULT_BATCH_ROWS, onBatch: progressReporter(file, rows, options.onProgress) },
    )
    .catch((error: unknown) => {
      if (error instanceof FactIdsTakenError) throw factIdsTaken(file, knowledge, error);
      if (error instanceof DocumentTextChangedError) throw documentTextChanged(file, knowledge, error);
      throw error;
    });
  if (written.status === 'loaded' && options.awaitSearchIndex !== false) await writer.awaitSearchIndex();
  return { dataset: knowledge.id, status: written.status, sha256: options.sha256, revision: written.revision, ...counts };
}

export function documentTextChanged(file: string, knowledge: KnowledgeFile, error: DocumentTextChangedError): KnowledgeFileError {
  const errors = error.documents.map((id) => {
    const index = knowledge.sources.findIndex((s) => s.document === id);
    return { file, pointer: `/sources/${index}`, entry: `sources[${index}] (document ${JSON.stringify(id)})`, message: 'has a text other than the one already stored for this document; a document\'s text never changes (citations point into it by offsets): give the new text a new document id' };
  });
  return new KnowledgeFileError(file, errors);
}

/** The file's error for fact ids that another knowledge file already loaded, naming each such fact. */
export function factIdsTaken(file: string, knowledge: KnowledgeFile, error: FactIdsTakenError): KnowledgeFileError {
  const errors = error.factIds.map((id) => {
    const index = knowledge.facts.findIndex((fact) => fact.id === id);
    const entry = index >= 0 ? `facts[${index}] (id "${id}")` : `fact "${id}"`;
    return { file, entry, message: 'uses a fact id that another knowledge file already loaded; fact ids must be unique across knowledge files', pointer: index >= 0 ? `/facts/${index}/id` : '' };
  });
  return new KnowledgeFileError(file, errors);
}

/** Returns once the name search index (eventually consistent) has taken in every committed load. */
export async function awaitSearchIndex(db: Database): Promise<void> {
  await new KnowledgeWriter(db).awaitSearchIndex();
}

export function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new KnowledgeFileError(file, [{ file, entry: '(file)', pointer: '', message: `is not valid JSON: ${(error as Error).message}` }]);
  }
}

export function countsOf(rows: GraphRows): { entities: number; facts: number; relations: number; citations: number } {
  const sum = (map: Map<string, unknown[]>) => [...map.values()].reduce((n, list) => n + list.length, 0);
  return { entities: sum(rows.entitiesByLabel), facts: rows.facts.length, relations: sum(rows.relationsByType), citations: rows.citations.length };
}

type Report = (step: string, rowsWritten: number) => void;

function progressReporter(file: string, rows: GraphRows, onProgress: LoadOptions['onProgress']): Report {
  const sum = (map: Map<string, unknown[]>) => [...map.values()].reduce((n, list) => n + list.length, 0);
  const rowsTotal = sum(rows.entitiesByLabel) + rows.documentTexts.length + rows.facts.length + rows.participants.length + rows.quantities.length + rows.citations.length + sum(rows.relationsByType);
  let rowsDone = 0;
  return (step, rowsWritten) => {
    rowsDone += rowsWritten;
    onProgress?.({ file, step, rowsDone, rowsTotal });
  };
}
