/**
 * Loads knowledge files into Neo4j: validate first (a bad file writes nothing), then write the whole file in
 * one transaction with MERGE on constrained ids (loading twice gives the same graph). A file whose content
 * hash is already recorded is skipped unless forced.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ManagedTransaction } from 'neo4j-driver';
import type { Database } from '../database/database.ts';
import { renderTemplate, type StatementName } from '../database/statements.ts';
import type { Logger } from '../logging/logger.ts';
import { FACT_TYPES, PARTICIPANT_ROLES } from './knowledge-file.ts';
import { KIND_LABELS, toGraphRows, type GraphRows } from './graph-rows.ts';
import { validateKnowledgeFile, type KnowledgeError } from './validate-knowledge-file.ts';

export const KNOWLEDGE_FILE_SUFFIX = '.kg.json';
const BATCH_SIZE = 1000;
const RELATION_TYPES = new Set<string>([...FACT_TYPES, ...PARTICIPANT_ROLES]);
const LABELS = new Set<string>(Object.values(KIND_LABELS));

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

export async function loadKnowledgeFiles(db: Database, files: readonly string[], log: Logger, options: { force?: boolean } = {}): Promise<LoadResult[]> {
  const results: LoadResult[] = [];
  for (const file of files) {
    const result = await loadKnowledgeFile(db, file, options);
    log.info({ ...result }, result.status === 'loaded' ? `Loaded ${path.basename(file)}` : `${path.basename(file)} is unchanged`);
    results.push(result);
  }
  return results;
}

export async function loadKnowledgeFile(db: Database, file: string, options: { force?: boolean } = {}): Promise<LoadResult> {
  const started = Date.now();
  const raw = readFileSync(file);
  const sha256 = createHash('sha256').update(raw).digest('hex');
  const data = parseJson(file, raw.toString('utf8'));
  const validation = validateKnowledgeFile(data, { filePath: file, readSource: (p) => readFileSync(p, 'utf8') });
  if (!validation.ok) throw new KnowledgeFileError(file, validation.errors);
  const knowledge = validation.file;
  const rows = toGraphRows(knowledge, validation.sources);
  const counts = countsOf(rows);
  const status = await db.writeTransaction(async (tx) => {
    // Checked under the dataset lock: a concurrent load of the same file waits, then finds it loaded.
    const current = await tx.run(db.statement('knowledge/lock-dataset'), { dataset: knowledge.id });
    if (!options.force && current.records[0]?.get('sha256') === sha256) return 'unchanged' as const;
    await writeRows(db, tx, knowledge.id, rows);
    const props = { sha256, title: knowledge.title, file: path.basename(file), loadedAt: new Date().toISOString(), ...counts };
    await run(db, tx, 'knowledge/finish-dataset', { dataset: knowledge.id, props });
    return 'loaded' as const;
  });
  return { file, dataset: knowledge.id, status, sha256, ...counts, ms: Date.now() - started };
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

async function writeRows(db: Database, tx: ManagedTransaction, dataset: string, rows: GraphRows): Promise<void> {
  // A changed file replaces its own facts whole, so facts removed from the file leave the graph.
  await run(db, tx, 'knowledge/delete-dataset-relations', { dataset });
  await run(db, tx, 'knowledge/delete-dataset-facts', { dataset });
  for (const [label, entities] of rows.entitiesByLabel) {
    if (!LABELS.has(label)) throw new Error(`Unknown entity label ${label}`);
    await runBatches(tx, renderTemplate(db.statement('knowledge/merge-entities'), { label }), entities);
  }
  await runBatches(tx, db.statement('knowledge/set-document-texts'), rows.documentTexts);
  await runBatches(tx, db.statement('knowledge/merge-facts'), rows.facts);
  await runBatches(tx, db.statement('knowledge/merge-fact-participants'), rows.participants);
  await runBatches(tx, db.statement('knowledge/merge-quantities'), rows.quantities);
  await runBatches(tx, db.statement('knowledge/merge-citations'), rows.citations);
  for (const [type, relations] of rows.relationsByType) {
    if (!RELATION_TYPES.has(type)) throw new Error(`Unknown relation type ${type}`);
    await runBatches(tx, renderTemplate(db.statement('knowledge/merge-relations'), { type }), relations);
  }
}

async function run(db: Database, tx: ManagedTransaction, name: StatementName, params: Record<string, unknown>): Promise<void> {
  await tx.run(db.statement(name), params);
}

async function runBatches(tx: ManagedTransaction, statement: string, rows: readonly unknown[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH_SIZE) await tx.run(statement, { rows: rows.slice(i, i + BATCH_SIZE) });
}
