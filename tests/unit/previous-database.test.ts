/**
 * The bulk import's keeping of the previous database, state by state, on plain folders (the fault test
 * tests/integration/bulk-load-crash.test.ts kills real importers; these are the states between its kill points,
 * among them one a kill cannot be aimed at: after the commit, before the cleanup).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseHoldsData, recoverInterruptedImport, replaceKeepingPrevious } from '../../src/neo4j-local/previous-database.ts';

let data: string;
beforeEach(() => {
  data = mkdtempSync(path.join(os.tmpdir(), 'kg-previous-db-'));
});
afterEach(() => rmSync(data, { recursive: true, force: true }));

const store = (top: 'databases' | 'transactions', suffix = '') => path.join(data, top, `neo4j${suffix}`);
/** A database whose files say `tag`. */
function writeDatabase(tag: string, suffix = ''): void {
  for (const top of ['databases', 'transactions'] as const) {
    mkdirSync(store(top, suffix), { recursive: true });
    writeFileSync(path.join(store(top, suffix), 'neostore'), tag);
  }
}
const databaseTag = () => ['databases', 'transactions'].map((top) => (existsSync(store(top as 'databases')) ? readFileSync(path.join(store(top as 'databases'), 'neostore'), 'utf8') : null));
const listing = () => ['databases', 'transactions'].flatMap((top) => (existsSync(path.join(data, top)) ? readdirSync(path.join(data, top)).map((n) => `${top}/${n}`) : [])).sort();

describe('keeping the previous database of a bulk import', () => {
  it('keeps the new database after a success, and nothing aside', async () => {
    writeDatabase('old');
    await replaceKeepingPrevious(data, 'neo4j', async () => writeDatabase('new'));
    expect(databaseTag()).toEqual(['new', 'new']);
    expect(listing()).toEqual(['databases/neo4j', 'transactions/neo4j']);
  });

  it('puts the previous database back after a failure, removing what the import wrote, and rethrows', async () => {
    writeDatabase('old');
    const failure = new Error('importer failed');
    await expect(
      replaceKeepingPrevious(data, 'neo4j', async () => {
        mkdirSync(store('databases'), { recursive: true });
        writeFileSync(path.join(store('databases'), 'half-written'), 'x');
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(databaseTag()).toEqual(['old', 'old']);
    expect(readdirSync(store('databases'))).toEqual(['neostore']);
    expect(listing()).toEqual(['databases/neo4j', 'transactions/neo4j']);
  });

  it('undoes an import whose process was killed while it ran (marker left): the previous database is back', () => {
    writeDatabase('old', '.before-bulk-import');
    writeDatabase('half');
    writeFileSync(path.join(data, 'databases', 'neo4j.bulk-import-running'), '1\n');
    expect(databaseHoldsData(data, 'neo4j')).toBe(true);
    expect(databaseTag()).toEqual(['old', 'old']);
    expect(listing()).toEqual(['databases/neo4j', 'transactions/neo4j']);
  });

  it('undoes a killed first import (no previous database): no store is left', () => {
    writeDatabase('half');
    writeFileSync(path.join(data, 'databases', 'neo4j.bulk-import-running'), '1\n');
    expect(databaseHoldsData(data, 'neo4j')).toBe(false);
    expect(listing()).toEqual([]);
  });

  it('keeps an import killed after its commit (marker gone) and deletes what it had set aside', async () => {
    writeDatabase('old', '.before-bulk-import');
    writeDatabase('new');
    expect(recoverInterruptedImport(data, 'neo4j')).toBe(false);
    expect(databaseTag()).toEqual(['new', 'new']);
    expect(listing()).toEqual(['databases/neo4j', 'transactions/neo4j']);
    // And the next import sets aside and replaces as usual.
    await replaceKeepingPrevious(data, 'neo4j', async () => writeDatabase('newer'));
    expect(databaseTag()).toEqual(['newer', 'newer']);
  });
});
