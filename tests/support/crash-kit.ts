/**
 * What the fault tests that kill a write with SIGKILL share (tests/integration/import-crash.test.ts,
 * mutation-crash.test.ts): a larger knowledge file cloned from the shipped one, Neo4j's list of the app's
 * write transactions (kill points are anchored on what Neo4j reports, not on delays), killing a process group
 * and waiting for it to be gone.
 */
import { execFileSync, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { PROJECT_ROOT } from '../../src/config/config.ts';

export const SHIPPED = path.join(PROJECT_ROOT, 'data/knowledge/leblogauto-2024-musk-nvidia-h100.kg.json');
export const SOURCES = path.join(PROJECT_ROOT, 'data/sources');

export interface KnowledgeJson {
  id: string;
  title: string;
  sources: { document: string; path: string; sha256: string; language: string }[];
  entities: { id: string }[];
  facts: {
    id: string;
    statement: string;
    subject: string;
    object?: string;
    event?: string;
    participants?: { role: string; entity: string }[];
    quantities?: { item?: string }[];
    citations: { saidBy: string; reportedBy?: string; document?: string }[];
  }[];
}

/**
 * The shipped file cloned `copies` times with suffixed ids (`tesla-k3`, `xai-owns-grok-k3`); the source
 * documents and the citations are kept (their quotes still match the real text at their offsets), and
 * `sources[].path` points at the real source text from `folder`.
 */
export function largeKnowledge(folder: string, copies: number, dataset: string): KnowledgeJson {
  const shipped = JSON.parse(readFileSync(SHIPPED, 'utf8')) as KnowledgeJson & { $schema?: string };
  const shared = new Set(shipped.sources.map((s) => s.document));
  const entities: KnowledgeJson['entities'] = shipped.entities.filter((e) => shared.has(e.id));
  const facts: KnowledgeJson['facts'] = [];
  for (let copy = 0; copy < copies; copy++) {
    const id = (ref: string) => (shared.has(ref) ? ref : `${ref}-k${copy}`);
    for (const entity of shipped.entities) if (!shared.has(entity.id)) entities.push({ ...entity, id: id(entity.id) });
    for (const original of shipped.facts) {
      const fact = structuredClone(original);
      fact.id = `${original.id}-k${copy}`;
      fact.subject = id(fact.subject);
      if (fact.object) fact.object = id(fact.object);
      if (fact.event) fact.event = id(fact.event);
      for (const p of fact.participants ?? []) p.entity = id(p.entity);
      for (const q of fact.quantities ?? []) if (q.item) q.item = id(q.item);
      for (const c of fact.citations) {
        c.saidBy = id(c.saidBy);
        if (c.reportedBy) c.reportedBy = id(c.reportedBy);
        if (c.document) c.document = id(c.document);
      }
      facts.push(fact);
    }
  }
  const sources = shipped.sources.map((s) => ({ ...s, path: path.relative(folder, path.join(SOURCES, path.basename(s.path))) }));
  const { $schema: _schema, ...rest } = shipped;
  return { ...rest, id: dataset, title: `${shipped.title} (${copies} copies, fault test)`, sources, entities, facts };
}

/** Writes `knowledge` as `<id>.kg.json` in `folder` and returns its path. */
export function writeKnowledgeFile(folder: string, knowledge: KnowledgeJson, name = `${knowledge.id}.kg.json`): string {
  const target = path.join(folder, name);
  writeFileSync(target, JSON.stringify(knowledge));
  return target;
}

/** The same knowledge with every fact's statement changed: loaded over it, every fact is revised. */
export function revisedKnowledge(knowledge: KnowledgeJson): KnowledgeJson {
  return { ...knowledge, facts: knowledge.facts.map((f) => ({ ...f, statement: `${f.statement} (revised)` })) };
}

export interface WriteTxRow {
  id: string;
  /** The Cypher text being run ('' between statements). */
  query: string;
  status: string;
  name: string;
}

/** The app's write transactions as Neo4j lists them (Database.write tags them with metadata `work: 'write'`). */
export async function writeTransactions(driver: Driver): Promise<WriteTxRow[]> {
  const result = await driver.executeQuery(
    "SHOW TRANSACTIONS YIELD transactionId, metaData, currentQuery, status WHERE metaData.work = 'write' RETURN transactionId AS id, currentQuery AS q, status, metaData.name AS name",
    {},
    { database: 'system' },
  );
  return result.records.map((r) => ({ id: r.get('id'), query: String(r.get('q') ?? ''), status: r.get('status'), name: String(r.get('name') ?? '') }));
}

export function killGroup(child: ChildProcess): void {
  try {
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

export function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function waitFor(what: string, condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await sleep(25);
  }
}

/** Processes of the Neo4j whose home is `home`: its JVM and its wrapper script. */
export function neo4jProcesses(home: string): string[] {
  const lines = execFileSync('ps', ['-ww', '-eo', 'pid=,args='], { encoding: 'utf8' }).split('\n');
  return lines.filter((line) => line.includes(`--home-dir=${home}`)).map((line) => line.trim().slice(0, 120));
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The pids of neo4j-admin importers (`database import`) whose command line names a file under `home`. */
export function importerPids(home: string): number[] {
  const lines = execFileSync('ps', ['-ww', '-eo', 'pid=,args='], { encoding: 'utf8' }).split('\n');
  return lines.filter((line) => line.includes('org.neo4j.cli.AdminTool') && line.includes(`${home}${path.sep}`)).map((line) => Number.parseInt(line.trim(), 10));
}
