/**
 * The previous database of a bulk import, kept until the import has succeeded. `neo4j-admin database import full
 * --overwrite-destination` deletes the destination before it writes, so a failed import (a killed importer, a
 * full disk, a refused option) would otherwise leave nothing, or a half-written store, where the old database was.
 *
 * Contract: before the import, a marker file says that an import is running, and the database's two folders
 * (store and transaction logs) are renamed aside within the same file system, so each rename is atomic and costs
 * nothing at any size. After a failure, whatever the importer wrote is removed and the folders are renamed back.
 * After a success the marker is removed first (that is the commit), then the folders set aside. Before anything
 * else reads the store, the same recovery runs: a marker left by an interrupted run (the process itself was
 * killed) means its import did not finish, so the database from before it is put back (or none, if there was
 * none); folders set aside without a marker are the leftovers of an import that succeeded, and are deleted.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const ASIDE_SUFFIX = '.before-bulk-import';

/** The folders neo4j-admin replaces for database `name` under a Neo4j data folder. */
function databaseFolders(dataDir: string, name: string): string[] {
  return [path.join(dataDir, 'databases', name), path.join(dataDir, 'transactions', name)];
}

function runningMarker(dataDir: string, name: string): string {
  return path.join(dataDir, 'databases', `${name}.bulk-import-running`);
}

/**
 * Undoes an import that did not finish (removes what it wrote, puts back what it set aside) and deletes what a
 * finished one left aside. Returns whether there was an unfinished one.
 */
export function recoverInterruptedImport(dataDir: string, name: string): boolean {
  const marker = runningMarker(dataDir, name);
  const interrupted = existsSync(marker);
  for (const folder of databaseFolders(dataDir, name)) {
    const aside = folder + ASIDE_SUFFIX;
    if (!interrupted) rmSync(aside, { recursive: true, force: true });
    else {
      rmSync(folder, { recursive: true, force: true });
      if (existsSync(aside)) renameSync(aside, folder);
    }
  }
  if (interrupted) rmSync(marker);
  return interrupted;
}

/** Whether database `name` has a store with files in it (after undoing an interrupted import). */
export function databaseHoldsData(dataDir: string, name: string): boolean {
  recoverInterruptedImport(dataDir, name);
  const store = databaseFolders(dataDir, name)[0]!;
  return existsSync(store) && readdirSync(store).length > 0;
}

/**
 * Runs `replace` (the import) with database `name`'s folders set aside: on success they are deleted; on failure
 * the importer's output is removed, they are put back, and the failure is rethrown.
 */
export async function replaceKeepingPrevious<T>(dataDir: string, name: string, replace: () => Promise<T>): Promise<T> {
  recoverInterruptedImport(dataDir, name);
  const folders = databaseFolders(dataDir, name);
  mkdirSync(path.dirname(runningMarker(dataDir, name)), { recursive: true });
  writeFileSync(runningMarker(dataDir, name), `${process.pid}\n`);
  for (const folder of folders) if (existsSync(folder)) renameSync(folder, folder + ASIDE_SUFFIX);
  let result: T;
  try {
    result = await replace();
  } catch (error) {
    recoverInterruptedImport(dataDir, name);
    throw error;
  }
  rmSync(runningMarker(dataDir, name));
  for (const folder of folders) rmSync(folder + ASIDE_SUFFIX, { recursive: true, force: true });
  return result;
}
