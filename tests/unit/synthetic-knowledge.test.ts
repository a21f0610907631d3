/**
 * The synthetic knowledge generator (bench/synthetic/generate.ts): every shard is a valid standalone knowledge
 * file, the relations add up to exactly the number asked for, shared entities are declared identically in every
 * shard, the same options give the same bytes, degrees have a heavy tail, and the CLI refuses bad flags.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSyntheticKnowledge, writeSyntheticKnowledge, type SyntheticFile, type SyntheticOptions, type WriteResult } from '../../bench/synthetic/generate.ts';
import { toGraphRows } from '../../src/knowledge/graph-rows.ts';
import type { EntityEntry, KnowledgeFile } from '../../src/knowledge/knowledge-file.ts';
import { ENTITY_KINDS } from '../../src/vocabulary/index.ts';
import { validateKnowledgeFile, type ValidationResult } from '../../src/knowledge/validate-knowledge-file.ts';

const SCRIPT = fileURLToPath(new URL('../../bench/synthetic/generate.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const tempDirs: string[] = [];

afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kg-synthetic-'));
  tempDirs.push(dir);
  return dir;
}

/** Validates an in-memory shard as if it had been written to /virtual, its sources beside it. */
function validateShard(shard: SyntheticFile): ValidationResult {
  const texts = new Map(shard.sources.map((source) => [source.name, source.text]));
  const readSource = (absPath: string): string => {
    const text = texts.get(path.basename(absPath));
    if (text === undefined) throw new Error(`no source ${absPath}`);
    return text;
  };
  return validateKnowledgeFile(JSON.parse(shard.json), { filePath: path.join('/virtual', shard.name), readSource });
}

function validKnowledge(shard: SyntheticFile): { file: KnowledgeFile; sources: Map<string, string> } {
  const result = validateShard(shard);
  if (!result.ok) throw new Error(`${shard.name} is invalid:\n${result.errors.slice(0, 10).map((e) => `  ${e.entry}: ${e.message}`).join('\n')}`);
  return result;
}

function relationCount(file: KnowledgeFile, sources: ReadonlyMap<string, string> = new Map()): number {
  let count = 0;
  for (const rows of toGraphRows(file, sources).relationsByType.values()) count += rows.length;
  return count;
}

function collect(options: SyntheticOptions): SyntheticFile[] {
  return [...generateSyntheticKnowledge(options)];
}

describe('synthetic knowledge, 10^3 relations written to disk', () => {
  const dir = tempDir();
  let result: WriteResult;
  let validation: { file: KnowledgeFile; sources: Map<string, string> };
  let knowledge: KnowledgeFile;

  beforeAll(async () => {
    result = await writeSyntheticKnowledge({ relations: 1000, dir });
    const file = result.files[0]!;
    const validated = validateKnowledgeFile(JSON.parse(readFileSync(file, 'utf8')), { filePath: file, readSource: (p) => readFileSync(p, 'utf8') });
    if (!validated.ok) throw new Error(JSON.stringify(validated.errors.slice(0, 10), null, 2));
    validation = validated;
    knowledge = validated.file;
  });

  it('is one valid file with its source texts beside it, and exactly 1,000 relations', () => {
    expect(result.files.map((f) => path.basename(f))).toEqual(['synthetic-1e3-part-001.kg.json']);
    expect(readdirSync(dir).filter((name) => name.endsWith('.txt')).length).toBe(knowledge.sources.length);
    expect(relationCount(knowledge, validation.sources)).toBe(1000);
    expect(result.relations).toBe(1000);
    expect(result.facts).toBe(knowledge.facts.length);
    expect(result.entities).toBe(knowledge.entities.length);
  });

  it('has every entity kind, about relations / 8 entities, names with aliases and documents with a date', () => {
    expect(new Set(knowledge.entities.map((e) => e.kind))).toEqual(new Set(ENTITY_KINDS));
    expect(knowledge.entities.length).toBeGreaterThanOrEqual(100);
    expect(knowledge.entities.length).toBeLessThanOrEqual(200);
    expect(knowledge.entities.some((e) => e.aliases?.some((alias) => alias.lang !== undefined))).toBe(true);
    for (const source of knowledge.sources) expect(knowledge.entities.find((e) => e.id === source.document)?.published).toBeDefined();
  });

  it('mixes binary and n-ary facts, modalities, quantities and times', () => {
    const nary = knowledge.facts.filter((f) => f.event !== undefined);
    expect(nary.length / knowledge.facts.length).toBeGreaterThan(0.05);
    expect(nary.length / knowledge.facts.length).toBeLessThan(0.15);
    for (const fact of nary) expect(fact.participants!.length).toBeGreaterThanOrEqual(2);
    for (const fact of nary) expect(fact.participants!.length).toBeLessThanOrEqual(4);
    expect(new Set(knowledge.facts.map((f) => f.modality)).size).toBeGreaterThanOrEqual(5);
    expect(knowledge.facts.some((f) => f.type === 'INVESTS_IN' && f.quantities?.[0]?.kind === 'MONEY')).toBe(true);
    expect(knowledge.facts.filter((f) => f.time).length).toBeGreaterThan(knowledge.facts.length / 3);
    expect(new Set(knowledge.facts.map((f) => f.type)).size).toBeGreaterThanOrEqual(25);
  });

  it('cites every fact: a quote at its offsets, who said it, a kind and a confidence', () => {
    const kinds = new Set<string>();
    for (const fact of knowledge.facts) {
      expect(fact.background).toBeUndefined();
      expect(fact.citations.length).toBeGreaterThanOrEqual(1);
      for (const citation of fact.citations) {
        const text = validation.sources.get(citation.document ?? knowledge.sources[0]!.document)!;
        expect(text.slice(citation.start, citation.end)).toBe(citation.quote);
        expect(citation.quote.length).toBeLessThanOrEqual(160);
        expect(citation.confidence).toBeGreaterThan(0);
        kinds.add(citation.kind);
      }
    }
    expect(kinds).toEqual(new Set(['REPORTED', 'QUOTED', 'STATEMENT', 'EDITORIAL']));
    expect(knowledge.facts.some((f) => f.citations.some((c) => c.reportedBy !== undefined))).toBe(true);
  });
});

describe('synthetic knowledge, 12,345 relations in shards of at most 1,000', () => {
  const shards = collect({ relations: 12_345, relationsPerFile: 1000 });
  const files = shards.map(validKnowledge);

  it('makes 13 valid shards whose relations add up to exactly 12,345', () => {
    expect(shards.map((s) => s.name)).toEqual(Array.from({ length: 13 }, (_, i) => `synthetic-12345-part-${String(i + 1).padStart(3, '0')}.kg.json`));
    const counts = files.map(({ file, sources }) => relationCount(file, sources));
    for (const count of counts) expect(count).toBeLessThanOrEqual(1000);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(12_345);
  });

  it('keeps dataset, fact and event ids unique across shards', () => {
    const datasets = files.map(({ file }) => file.id);
    const facts = files.flatMap(({ file }) => file.facts.map((f) => f.id));
    const events = files.flatMap(({ file }) => file.facts.flatMap((f) => (f.event ? [f.event] : [])));
    for (const ids of [datasets, facts, events]) expect(new Set(ids).size).toBe(ids.length);
    for (const id of facts) expect(id).toMatch(/^fact-12345-\d{5}$/);
  });

  it('declares an entity shared by several shards with identical content in each', () => {
    const seen = new Map<string, string>();
    let shared = 0;
    for (const { file } of files) {
      for (const entity of file.entities) {
        const json = JSON.stringify(entity);
        const before = seen.get(entity.id);
        if (before !== undefined) {
          shared++;
          expect(json).toBe(before);
        }
        seen.set(entity.id, json);
      }
    }
    expect(shared).toBeGreaterThan(100);
  });
});

describe('synthetic knowledge, determinism', () => {
  it('gives byte-identical files for the same options, and different ones for another seed', () => {
    const options = { relations: 5000, relationsPerFile: 2000, seed: 7 };
    const first = collect(options);
    expect(collect(options)).toEqual(first);
    const other = collect({ ...options, seed: 8 });
    expect(other.map((s) => s.name)).toEqual(first.map((s) => s.name));
    expect(other[0]!.json).not.toBe(first[0]!.json);
  });
});

describe('synthetic knowledge, 10^5 relations', () => {
  it('has a heavy-tailed degree distribution, and its first and last shards are valid', () => {
    const degrees = new Map<string, number>();
    const hubs: EntityEntry[] = [];
    let total = 0;
    let index = 0;
    for (const shard of generateSyntheticKnowledge({ relations: 100_000 })) {
      const knowledge = index === 0 || index === 1 ? validKnowledge(shard).file : (JSON.parse(shard.json) as KnowledgeFile);
      for (const rows of toGraphRows(knowledge, new Map()).relationsByType.values()) {
        for (const row of rows) {
          degrees.set(row.from, (degrees.get(row.from) ?? 0) + 1);
          degrees.set(row.to, (degrees.get(row.to) ?? 0) + 1);
        }
        total += rows.length;
      }
      hubs.push(knowledge.entities.find((e) => e.id === 'org-00001')!);
      index++;
    }
    expect(index).toBe(2);
    expect(total).toBe(100_000);
    const sorted = [...degrees.values()].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    const max = sorted[sorted.length - 1]!;
    expect(max).toBeGreaterThan(50 * median);
    expect(max).toBeGreaterThan(total / 100);
    expect(degrees.get('org-00001')).toBe(max);
    expect(hubs[1]).toEqual(hubs[0]);
  });
});

describe('synthetic knowledge CLI', () => {
  const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', SCRIPT, ...args], { cwd: ROOT, encoding: 'utf8' });

  it('refuses unknown flags and bad values with exit code 2, saying what is allowed', () => {
    const unknown = run('--relations', '10', '--out', tempDir(), '--size', '3');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/error: .*--size/);
    expect(unknown.stderr).toContain('--per-file M');
    const bad = run('--relations', 'lots', '--out', tempDir());
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--relations must be an integer from 1');
    expect(run('--relations', '10').stderr).toContain('--out is required');
  });

  it('writes the shards and prints the counts', () => {
    const dir = tempDir();
    const ok = run('--relations', '2e2', '--out', dir, '--per-file', '100', '--seed', '3');
    expect(ok.status).toBe(0);
    expect(readdirSync(dir).filter((name) => name.endsWith('.kg.json')).sort()).toEqual(['synthetic-2e2-part-001.kg.json', 'synthetic-2e2-part-002.kg.json']);
    expect(ok.stdout).toContain('200 relations');
    expect(ok.stderr).toContain('2/2 files');
  });
});
