/**
 * Loads knowledge files into Neo4j: validate first (a bad file writes nothing), then hand the file's rows to
 * the write layer (src/database/knowledge-writer.ts), which writes the whole file in one transaction (loading
 * twice gives the same graph). A file whose content hash is already recorded is skipped unless forced.
 * `onProgress` reports every batch, for progress bars. This module orchestrates; it runs no statement itself.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Database } from '../database/database.ts';
import { FactIdsTakenError, KnowledgeWriter } from '../database/knowledge-writer.ts';
import type { Logger } from '../logging/logger.ts';
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
  const knowledge = validation.file;
  const rows = toGraphRows(knowledge, validation.sources);
  const counts = countsOf(rows);
  const writer = new KnowledgeWriter(db);
  const props = { title: knowledge.title, file: path.basename(file), loadedAt: new Date().toISOString(), ...counts };
  const status = await writer
    .replaceDataset(
      { id: knowledge.id, sha256, props, rows },
      { force: options.force, batchRows: options.batchRows ?? DEFAULT_BATCH_ROWS, onBatch: progressReporter(file, rows, options.onProgress) },
    )
    .catch((error: unknown) => {
      throw error instanceof FactIdsTakenError ? factIdsTaken(file, knowledge, error) : error;
    });
  if (status === 'loaded' && options.awaitSearchIndex !== false) await writer.awaitSearchIndex();
  return { file, dataset: knowledge.id, status, sha256, ...counts, ms: Date.now() - started };
}

/** The file's error for fact ids that another knowledge file already loaded, naming each such fact. */
function factIdsTaken(file: string, knowledge: KnowledgeFile, error: FactIdsTakenError): KnowledgeFileError {
  const errors = error.factIds.map((id) => {
    const index = knowledge.facts.findIndex((fact) => fact.id === id);
    const entry = index >= 0 ? `facts[${index}] (id "${id}")` : `fact "${id}"`;
    return { file, entry, message: 'uses a fact id that another knowledge file already loaded; fact ids must be unique across knowledge files' };
  });
  return new KnowledgeFileError(file, errors);
}

/** Returns once the name search index (eventually consistent) has taken in every committed load. */
export async function awaitSearchIndex(db: Database): Promise<void> {
  await new KnowledgeWriter(db).awaitSearchIndex();
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

function progressReporter(file: string, rows: GraphRows, onProgress: LoadOptions['onProgress']): Report {
  const sum = (map: Map<string, unknown[]>) => [...map.values()].reduce((n, list) => n + list.length, 0);
  const rowsTotal = sum(rows.entitiesByLabel) + rows.documentTexts.length + rows.facts.length + rows.participants.length + rows.quantities.length + rows.citations.length + sum(rows.relationsByType);
  let rowsDone = 0;
  return (step, rowsWritten) => {
    rowsDone += rowsWritten;
    onProgress?.({ file, step, rowsDone, rowsTotal });
  };
}
