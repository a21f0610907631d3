/**
 * `npm run load -- FILE... [--force]`: validates and loads knowledge files into Neo4j (the one NEO4J_URI
 * names, or the local one, started for the occasion). Exit code 1 when a file is invalid: nothing of it
 * was written.
 *
 * `npm run load -- --bulk [FILE...] [--overwrite]`: the bulk path (src/knowledge/bulk): the files' graph
 * replaces the local Neo4j's database through neo4j-admin's offline importer. Only for the local Neo4j (exit 2
 * with NEO4J_URI set), only while it is stopped, and only onto an empty store unless --overwrite (exit 2).
 */
import path from 'node:path';
import { SingleBar } from 'cli-progress';
import { ConfigError } from '../config/config.ts';
import { configOrExit } from './config-or-exit.ts';
import type { Database } from '../database/database.ts';
import { knowledgeFilesIn, KnowledgeFileError, loadKnowledgeFiles } from '../knowledge/loader.ts';
import { createLogger, type Logger } from '../logging/logger.ts';
import { withDatabase } from './with-database.ts';
import { bulkLoad, BulkLoadRefusedError } from './bulk-load-command.ts';
import { BulkImportError } from '../neo4j-local/bulk-import.ts';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const force = args.includes('--force');
  const config = configOrExit();
  const log = createLogger(config.logLevel);
  const files = args.filter((a) => !a.startsWith('--')).map((f) => path.resolve(f));
  const targets = files.length > 0 ? files : knowledgeFilesIn(config.knowledge.dir);
  try {
    if (args.includes('--bulk')) return await bulkLoad(config, targets, args.includes('--overwrite'), log);
    return await withDatabase(config, log, (db) => load(db, targets, force, config.knowledge.batchRows, log));
  } catch (error) {
    if (error instanceof BulkLoadRefusedError) {
      console.error(error.message);
      return 2;
    }
    if (error instanceof KnowledgeFileError || error instanceof ConfigError || error instanceof BulkImportError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

/** Loads the files with a progress bar per file, then prints what each load did. */
async function load(db: Database, targets: string[], force: boolean, batchRows: number, log: Logger): Promise<number> {
  const bar = new SingleBar({
    format: '  {file} [{bar}] {percentage}% {value}/{total} rows {duration_formatted}',
    hideCursor: true,
    noTTYOutput: true,
    notTTYSchedule: 5_000,
  });
  let current = '';
  const results = await loadKnowledgeFiles(db, targets, log, {
    force,
    batchRows,
    // A bar per file: validation comes first, then the rows written batch by batch in its one transaction.
    onProgress: (p) => {
      if (p.file !== current) {
        if (current) bar.stop();
        current = p.file;
        bar.start(p.rowsTotal, 0, { file: path.basename(p.file) });
      }
      bar.update(p.rowsDone);
    },
  });
  if (current) bar.stop();
  for (const r of results) console.log(`${r.status.padEnd(9)} ${path.relative(process.cwd(), r.file)}: ${r.entities} entities, ${r.facts} facts, ${r.relations} relations, ${r.citations} citations (${r.ms} ms)`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
