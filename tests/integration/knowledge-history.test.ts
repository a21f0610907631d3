/**
 * Knowledge files through the diff path, with history: the shipped file as it was before issue 9's
 * corrections (tests/integration/fixtures/before-issue-9), then the current file. The revision between them
 * holds only the differences, and names the corrected facts: revised ones (REVISE_FACT, the old node kept as
 * a :FactVersion), removed ones (RETRACT_FACT, "removed from <file>"), and the entities whose fields changed.
 * Loading the same file again writes no revision; a file that differs only in its formatting neither.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig, PROJECT_ROOT } from '../../src/config/config.ts';
import { createDriver, Database } from '../../src/database/database.ts';
import { loadStatements } from '../../src/database/statements.ts';
import { canonicalJson } from '../../src/knowledge/graph-rows.ts';
import { loadKnowledgeFile } from '../../src/knowledge/loader.ts';
import { createLogger } from '../../src/logging/logger.ts';

const NAME = 'leblogauto-2024-musk-nvidia-h100.kg.json';
const CURRENT = path.join(PROJECT_ROOT, 'data/knowledge', NAME);
const BEFORE = path.join(PROJECT_ROOT, 'tests/integration/fixtures/before-issue-9', NAME);
const SOURCE = path.join(PROJECT_ROOT, 'data/sources/leblogauto-2024-musk-nvidia-h100.fr.txt');

let db: Database;
let driver: Driver;
let scratch: string;

beforeAll(async () => {
  const connection = inject('neo4j');
  const config = loadConfig({ NEO4J_URI: connection.uri, NEO4J_PASSWORD: connection.password, NEO4J_USERNAME: connection.username, NEO4J_DATABASE: connection.database });
  driver = createDriver(connection, config, createLogger('silent'));
  db = new Database(driver, loadStatements(), { database: connection.database, queryTimeoutMs: 30_000 });
  await db.ensureSchema();
  await loadKnowledgeFile(db, CURRENT);
  // The files sit as in data/ (knowledge/ beside sources/), under their shipped name: retractions name it.
  scratch = mkdtempSync(path.join(os.tmpdir(), 'kg-history-'));
  mkdirSync(path.join(scratch, 'knowledge'));
  mkdirSync(path.join(scratch, 'sources'));
  copyFileSync(SOURCE, path.join(scratch, 'sources', path.basename(SOURCE)));
  copyFileSync(path.join(PROJECT_ROOT, 'data/knowledge.schema.json'), path.join(scratch, 'knowledge.schema.json'));
});

afterAll(async () => {
  // The shipped knowledge, as the other tests expect it.
  await loadKnowledgeFile(db, CURRENT);
  await db.close();
  rmSync(scratch, { recursive: true, force: true });
});

function scratchFile(text: string): string {
  const file = path.join(scratch, 'knowledge', NAME);
  writeFileSync(file, text);
  return file;
}

async function logSequence(): Promise<number> {
  return (await driver.executeQuery("MATCH (l:RevisionLog {id: 'main'}) RETURN l.sequence AS n")).records[0]!.get('n');
}

interface Entry {
  id: string;
}

/** The ids of entries that differ between two lists: added, removed, changed. */
function diff(before: Entry[], after: Entry[]): { added: string[]; removed: string[]; changed: string[] } {
  const b = new Map(before.map((e) => [e.id, canonicalJson(e)]));
  const a = new Map(after.map((e) => [e.id, canonicalJson(e)]));
  return {
    added: [...a.keys()].filter((id) => !b.has(id)).sort(),
    removed: [...b.keys()].filter((id) => !a.has(id)).sort(),
    changed: [...a.keys()].filter((id) => b.has(id) && b.get(id) !== a.get(id)).sort(),
  };
}

describe('a knowledge file corrected: the corrections show up in history', () => {
  it('loads the file as it was before issue 9, then the current one: one revision holding exactly the corrections', async () => {
    const oldText = readFileSync(BEFORE, 'utf8');
    const currentText = readFileSync(CURRENT, 'utf8');
    const older = await loadKnowledgeFile(db, scratchFile(oldText));
    expect(older.status).toBe('loaded');

    const corrected = await loadKnowledgeFile(db, scratchFile(currentText));
    expect(corrected.status).toBe('loaded');
    const revision = corrected.revision!;
    expect(revision).toMatchObject({ authorKind: 'SYSTEM', author: NAME });
    expect(revision.summary).toMatch(new RegExp(`^${NAME.replace(/\./g, '\\.')}: `));

    const [oldFile, newFile] = [JSON.parse(oldText), JSON.parse(currentText)];
    const facts = diff(oldFile.facts, newFile.facts);
    const entities = diff(oldFile.entities, newFile.entities);
    const targets = (operation: string) => [...new Set(revision.changes.filter((c) => c.operation === operation).map((c) => c.target))].sort();
    // The facts the first load retracted (not in the old file) come back as new versions, like the changed ones.
    expect(targets('REVISE_FACT')).toEqual([...facts.changed, ...facts.added].sort());
    expect(targets('RETRACT_FACT')).toEqual(facts.removed);
    expect(targets('UPDATE_ENTITY')).toEqual(entities.changed);
    expect(targets('ASSERT_FACT')).toEqual([]);
    expect(targets('CREATE_ENTITY')).toEqual([]); // entities are never removed, so the first load left them
    expect(revision.changes).toHaveLength(revision.changes.filter((c) => c.operation !== 'UPDATE_ENTITY').length + revision.changes.filter((c) => c.operation === 'UPDATE_ENTITY').length);
    expect(revision.changes.filter((c) => c.operation !== 'UPDATE_ENTITY')).toHaveLength(facts.changed.length + facts.added.length + facts.removed.length);

    // Issue 9's corrections by name: Tesla's former goal, its ambitions as GOALs, X the company apart from its platform.
    expect(facts.changed).toContain('tesla-goal-20-million-vehicles-a-year');
    expect(facts.removed).toEqual(['tesla-leader-in-ai-claim', 'tesla-leader-in-robotics-claim']);
    expect(facts.added).toEqual(expect.arrayContaining(['tesla-goal-leader-in-ai', 'tesla-goal-leader-in-robotics', 'x-runs-x-platform']));
    const former = revision.changes.find((c) => c.target === 'tesla-goal-20-million-vehicles-a-year')!;
    expect(former).toMatchObject({ operation: 'REVISE_FACT', before: { status: 'CURRENT' }, after: { status: 'FORMER', modality: 'GOAL' } });
    expect(revision.changes.find((c) => c.target === 'tesla-leader-in-ai-claim')).toMatchObject({ operation: 'RETRACT_FACT', reason: `removed from ${NAME}` });
    expect(entities.changed).toContain('x');

    // The old version is kept beside the new one; the retracted fact is kept, out of the current graph.
    const versions = await driver.executeQuery(
      "MATCH (v:FactVersion {versionOf: 'tesla-goal-20-million-vehicles-a-year'}) RETURN v.until AS until, v.status AS status, COUNT { (v)-[:CITED_BY]->() } AS citations ORDER BY until DESC LIMIT 1",
    );
    expect(versions.records[0]!.toObject()).toEqual({ until: revision.sequence, status: 'CURRENT', citations: expect.any(Number) });
    const retracted = await driver.executeQuery("MATCH (f:Fact {id: 'tesla-leader-in-ai-claim'}) RETURN f.retractedIn AS r, COUNT { (f)-[:ABOUT]->() } AS about");
    expect(retracted.records[0]!.toObject()).toEqual({ r: revision.sequence, about: 0 });
    // The history of the corrected fact is a seek on Change.target.
    const history = await driver.executeQuery("MATCH (r:Revision)-[:HAS_CHANGE]->(:Change {target: 'tesla-goal-20-million-vehicles-a-year'}) RETURN r.sequence AS s ORDER BY s");
    expect(history.records.map((r) => r.get('s'))).toContain(revision.sequence);

    // Loaded again: skipped by its hash, no revision, no sequence taken.
    const sequence = await logSequence();
    const again = await loadKnowledgeFile(db, scratchFile(currentText));
    expect(again).toMatchObject({ status: 'unchanged', revision: null });
    expect(await logSequence()).toBe(sequence);
  });

  it('writes no revision for a file that differs only in its formatting (and records its hash)', async () => {
    const sequence = await logSequence();
    const reformatted = JSON.stringify(JSON.parse(readFileSync(CURRENT, 'utf8')));
    const result = await loadKnowledgeFile(db, scratchFile(reformatted));
    expect(result).toMatchObject({ status: 'unchanged', revision: null });
    expect(await logSequence()).toBe(sequence);
    const hash = await driver.executeQuery('MATCH (d:Dataset {id: $id}) RETURN d.sha256 AS sha', { id: JSON.parse(reformatted).id });
    expect(hash.records[0]!.get('sha')).toBe(result.sha256);
  });
});
