/**
 * Fault test: a bulk import that does not finish keeps the database that was there. `neo4j-admin database import
 * full --overwrite-destination` deletes its destination before writing, so the bulk path sets the previous
 * database aside and puts it back on failure (src/neo4j-local/previous-database.ts).
 *
 * Everything runs in throwaway local Neo4j folders; no Neo4j server is started, since the store's files are the
 * database: a store whose every file has the same bytes as before holds the same graph. Kill points are anchored on
 * what the importer has done, not on delays: its JVM is listed by `ps` (its command line names the CSV files in the
 * folder), and the destination store's folder or files have other inodes once it has begun writing.
 * Then (1) the importer alone is killed with SIGKILL while the load runs in this process; (2) the whole
 * `npm run load -- --bulk --overwrite` process group (the CLI and its importer) is killed, as an OOM killer or a
 * closed terminal would, so nothing of ours runs the recovery at the time; (3) an import into a folder that held
 * no database is killed.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSyntheticKnowledge } from '../../bench/synthetic/generate.ts';
import { PROJECT_ROOT, type LocalNeo4jSettings } from '../../src/config/config.ts';
import { bulkLoadKnowledgeFiles } from '../../src/knowledge/bulk/bulk-load.ts';
import { knowledgeFilesIn } from '../../src/knowledge/loader.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { BulkImportError, localDatabaseHoldsData } from '../../src/neo4j-local/bulk-import.ts';
import { groupAlive, importerPids, killGroup, waitFor } from '../support/crash-kit.ts';
import { freePort } from '../support/free-port.ts';

const log = createLogger('silent');
const ARTICLE = knowledgeFilesIn(path.join(PROJECT_ROOT, 'data/knowledge'));

let scratch: string;
let synthetic: string[];

beforeAll(async () => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'kg-bulk-crash-'));
  synthetic = (await writeSyntheticKnowledge({ relations: 3000, relationsPerFile: 1000, dir: path.join(scratch, 'files') })).files;
}, 120_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

async function localSettings(name: string): Promise<LocalNeo4jSettings> {
  return { dir: path.join(scratch, name), boltPort: await freePort(), heap: '1g', pageCache: '256m', startTimeoutMs: 240_000 };
}

/** Every file of the database's store and transaction logs with its sha256, and what else the data folders hold. */
function snapshot(settings: LocalNeo4jSettings): { files: Record<string, string>; folders: string[] } {
  const data = path.join(settings.dir, 'data');
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else files[path.relative(data, file)] = createHash('sha256').update(readFileSync(file)).digest('hex');
    }
  };
  for (const folder of ['databases/neo4j', 'transactions/neo4j']) if (existsSync(path.join(data, folder))) walk(path.join(data, folder));
  const folders = ['databases', 'transactions'].flatMap((top) => (existsSync(path.join(data, top)) ? readdirSync(path.join(data, top)).map((n) => `${top}/${n}`) : []));
  return { files, folders: folders.sort() };
}

/** The destination store as its folder's and files' inodes, or undefined when there is none. */
function storeInodes(settings: LocalNeo4jSettings): string | undefined {
  const store = path.join(settings.dir, 'data', 'databases', 'neo4j');
  if (!existsSync(store)) return undefined;
  return [statSync(store).ino, ...readdirSync(store).sort().map((name) => `${name}:${statSync(path.join(store, name)).ino}`)].join(' ');
}

/**
 * Resolves with the importer's pid once it runs in `settings.dir` and has begun writing: the destination store
 * exists and is not the store that was there before (another folder, or files deleted or created in it), however
 * the importer treats the previous one.
 */
async function importerWriting(settings: LocalNeo4jSettings, previous: string | undefined): Promise<number> {
  let pid: number | undefined;
  await waitFor('the importer to write the store', () => {
    pid = importerPids(settings.dir)[0];
    const now = storeInodes(settings);
    return pid !== undefined && now !== undefined && now !== previous;
  }, 180_000);
  return pid!;
}

describe('a bulk import that does not finish', () => {
  it('killed importer: the load fails with BulkImportError, and the previous database is there byte for byte', async () => {
    const settings = await localSettings('killed-importer');
    await bulkLoadKnowledgeFiles(ARTICLE, settings, log);
    const before = snapshot(settings);
    expect(Object.keys(before.files).length).toBeGreaterThan(10);

    const previous = storeInodes(settings);
    const load = bulkLoadKnowledgeFiles(synthetic, settings, log).then(() => 'finished', (error: unknown) => error);
    process.kill(await importerWriting(settings, previous), 'SIGKILL');
    const outcome = await load;
    expect(outcome).toBeInstanceOf(BulkImportError);
    expect(String(outcome)).toContain('killed by SIGKILL');
    expect(String(outcome)).toContain('the database there is as it was before');
    expect(snapshot(settings)).toEqual(before);
    // The same folder takes the next import as usual.
    await bulkLoadKnowledgeFiles(synthetic, settings, log);
    expect(snapshot(settings).files).not.toEqual(before.files);
  }, 600_000);

  it('killed CLI and importer together: the next load finds the previous database and refuses without --overwrite', async () => {
    const settings = await localSettings('killed-cli');
    await bulkLoadKnowledgeFiles(ARTICLE, settings, log);
    const before = snapshot(settings);
    const env = { ...process.env, NEO4J_URI: '', NEO4J_LOCAL_DIR: settings.dir, NEO4J_LOCAL_BOLT_PORT: String(settings.boltPort) };

    const previous = storeInodes(settings);
    const cli = spawn('npx', ['tsx', 'src/cli/load.ts', '--bulk', '--overwrite', ...synthetic], { cwd: PROJECT_ROOT, env, detached: true, stdio: 'ignore' });
    try {
      await importerWriting(settings, previous);
      killGroup(cli);
      await waitFor('the CLI and its importer to be gone', () => !groupAlive(cli.pid!) && importerPids(settings.dir).length === 0, 60_000);
    } finally {
      killGroup(cli);
    }
    // What the kill left: the previous database aside and a half-written store in its place.
    expect(snapshot(settings)).not.toEqual(before);

    const again = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn('npx', ['tsx', 'src/cli/load.ts', '--bulk', ...synthetic], { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
      child.once('exit', (code) => resolve({ code, stderr }));
    });
    expect(again.stderr).toContain('already holds a database: add --overwrite');
    expect(again.code).toBe(2);
    expect(snapshot(settings)).toEqual(before);
  }, 600_000);

  it('killed import into a folder without a database: no store is left, so no --overwrite is needed next', async () => {
    const settings = await localSettings('killed-first');
    const load = bulkLoadKnowledgeFiles(synthetic, settings, log).then(() => 'finished', (error: unknown) => error);
    process.kill(await importerWriting(settings, undefined), 'SIGKILL');
    expect(await load).toBeInstanceOf(BulkImportError);
    expect(localDatabaseHoldsData(settings)).toBe(false);
    expect(snapshot(settings).files).toEqual({});
  }, 600_000);
});
