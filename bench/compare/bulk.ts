/**
 * The benchmark's way to a graph of a given size through the BULK path (contract §2): the three systems and
 * Neo4j are stopped, `bulkLoadKnowledgeFiles` writes the store files, `startAfterBulkLoad` starts Neo4j and makes
 * the schema. The module is wt/bulk's (src/knowledge/bulk/bulk-load.ts); it is imported at run time so the
 * benchmark still runs (incrementally, into a fresh data folder, and says so) on a tree that lacks it.
 */
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT, type LocalNeo4jSettings } from '../../src/config/config.ts';
import type { Logger } from '../../src/logging/logger.ts';
import { startLocalNeo4j, type LocalNeo4j } from '../../src/neo4j-local/local-neo4j.ts';

export interface BulkLoadResult {
  files: number;
  relations: number;
  entities: number;
  facts: number;
  citations: number;
  ms: { validate: number; csv: number; import: number; total: number };
}

interface BulkModule {
  bulkLoadKnowledgeFiles(files: readonly string[], settings: LocalNeo4jSettings, log: Logger, options?: { onProgress?: (phase: string, done: number, total: number) => void }): Promise<BulkLoadResult>;
  startAfterBulkLoad?(settings: LocalNeo4jSettings, log: Logger): Promise<{ neo4j: LocalNeo4j; schemaMs: number }>;
}

const BULK_MODULE = path.join(PROJECT_ROOT, 'src/knowledge/bulk/bulk-load.ts');

/** wt/bulk's module, or undefined when this tree does not have it yet. */
export async function bulkModule(): Promise<BulkModule | undefined> {
  if (!existsSync(BULK_MODULE)) return undefined;
  const module = (await import(pathToFileURL(BULK_MODULE).href)) as Partial<BulkModule>;
  return typeof module.bulkLoadKnowledgeFiles === 'function' ? (module as BulkModule) : undefined;
}

/**
 * Starts Neo4j on a freshly imported store and makes the schema: wt/bulk's `startAfterBulkLoad` when it exports
 * one, else the same sequence here (start, the app's schema statements, the indexes awaited).
 */
export async function startAfterBulk(
  module: BulkModule,
  settings: LocalNeo4jSettings,
  log: Logger,
  ensureSchema: (neo: LocalNeo4j) => Promise<void>,
): Promise<{ neo4j: LocalNeo4j; startMs: number; schemaMs: number }> {
  const t0 = performance.now();
  if (module.startAfterBulkLoad) {
    const { neo4j, schemaMs } = await module.startAfterBulkLoad(settings, log);
    return { neo4j, schemaMs, startMs: performance.now() - t0 - schemaMs };
  }
  const neo4j = await startLocalNeo4j(settings, log);
  const startMs = performance.now() - t0;
  const t1 = performance.now();
  await ensureSchema(neo4j);
  return { neo4j, startMs, schemaMs: performance.now() - t1 };
}

/** Removes a stopped Neo4j's data (the password file is kept, so the same one is set again). */
export function wipeStore(settings: LocalNeo4jSettings): void {
  rmSync(path.join(settings.dir, 'data'), { recursive: true, force: true });
}
