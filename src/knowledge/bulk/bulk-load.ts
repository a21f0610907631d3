/**
 * The bulk load path (README, "Bulk load"): knowledge files → validated (the same validator) → planned
 * against an empty graph exactly as the incremental path writes them, file by file (planned-graph.ts) →
 * neo4j-admin CSV on disk → `database import full` into the stopped local Neo4j. Then startAfterBulkLoad starts
 * it and builds the schema (constraints, indexes, the search index) on the imported graph.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { LocalNeo4jSettings } from '../../config/config.ts';
import { createDriver, Database } from '../../database/database.ts';
import { KnowledgeWriter } from '../../database/knowledge-writer.ts';
import { loadStatements } from '../../database/statements.ts';
import type { Logger } from '../../logging/logger.ts';
import { runBulkImport } from '../../neo4j-local/bulk-import.ts';
import { startLocalNeo4j, type LocalNeo4j } from '../../neo4j-local/local-neo4j.ts';
import { ARRAY_DELIMITER, CsvWriter, EMPTY_ELEMENT } from './csv-files.ts';
import { planFile } from './plan-files.ts';
import { PlannedGraph } from './planned-graph.ts';
import { validateFiles } from './validate-files.ts';
import { rereadKnowledgeFile } from './read-file.ts';

export interface BulkLoadResult {
  files: number;
  relations: number;
  entities: number;
  facts: number;
  citations: number;
  ms: { validate: number; csv: number; import: number; total: number };
}

/** Neo4j at settings.dir must be stopped. Replaces database `neo4j` in it with the files' graph. */
export async function bulkLoadKnowledgeFiles(
  files: readonly string[],
  settings: LocalNeo4jSettings,
  log: Logger,
  options?: { onProgress?: (phase: string, done: number, total: number) => void },
): Promise<BulkLoadResult> {
  const started = Date.now();
  const progress = options?.onProgress ?? (() => undefined);
  // Every file is valid before anything is written; the datasets tell which file is the last of each.
  const validatedFiles = await validateFiles(files, (done) => progress('validate', done, files.length));
  const datasets = validatedFiles.map((v) => v.dataset);
  const validated = Date.now();
  mkdirSync(settings.dir, { recursive: true });
  const csvDir = mkdtempSync(path.join(settings.dir, 'bulk-csv-'));
  try {
    const csv = new CsvWriter(csvDir);
    const graph = new PlannedGraph(csv);
    const lastIndex = new Map(datasets.map((d, i) => [d, i]));
    const totals = { entities: 0, facts: 0, relations: 0, citations: 0 };
    files.forEach((file, i) => {
      const counts = planFile(graph, rereadKnowledgeFile(file, validatedFiles[i]!.sha256), lastIndex.get(datasets[i]!) === i);
      for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += counts[key];
      progress('csv', i + 1, files.length);
    });
    graph.finish();
    const groups = csv.close();
    const planned = Date.now();
    progress('import', 0, 1);
    const importMs = await runBulkImport(settings, { ...groups, arrayDelimiter: ARRAY_DELIMITER }, log);
    progress('import', 1, 1);
    const ms = { validate: validated - started, csv: planned - validated, import: importMs, total: Date.now() - started };
    return { files: files.length, ...totals, entities: graph.counts.entities, ms };
  } finally {
    if (!process.env.BULK_KEEP_CSV) rmSync(csvDir, { recursive: true, force: true });
  }
}

/**
 * Starts the local Neo4j on a bulk-loaded store (same dir: the password is kept) and builds the schema on the
 * imported graph: constraints, indexes and the search index, waiting until they are online.
 */
export async function startAfterBulkLoad(settings: LocalNeo4jSettings, log: Logger): Promise<{ neo4j: LocalNeo4j; schemaMs: number }> {
  const neo4j = await startLocalNeo4j(settings, log);
  const started = Date.now();
  const db = new Database(createDriver(neo4j.connection, { database: { connectionTimeoutMs: 10_000 } }, log), loadStatements(), { database: neo4j.connection.database, queryTimeoutMs: 0 });
  try {
    await db.write('bulk-empty-alias-lists', (tx) => tx.run('write/bulk/empty-alias-lists', { empty: EMPTY_ELEMENT }));
    await db.ensureSchema();
    await new KnowledgeWriter(db).awaitSearchIndex();
  } catch (error) {
    await neo4j.stop();
    throw error;
  } finally {
    await db.close();
  }
  return { neo4j, schemaMs: Date.now() - started };
}
