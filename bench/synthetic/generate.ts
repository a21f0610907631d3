/**
 * Deterministic synthetic knowledge for load benchmarks: a graph of exactly N relations (as `toGraphRows` counts
 * them) written as shard knowledge files of at most `relationsPerFile` relations each, every shard a valid
 * standalone `kg-knowledge/1` file with its own source texts. Same options, byte-identical files.
 *
 *   tsx bench/synthetic/generate.ts --relations 100000 --out /tmp/kg-1e5 [--seed 1] [--per-file 50000]
 *
 * Shards are made one at a time (a generator), so memory stays at one shard whatever N is.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { buildShard, type ShardStats, type SyntheticFile } from './shard.ts';
import { World } from './world.ts';

export type { SyntheticFile } from './shard.ts';
export { sizeTag } from './world.ts';

export interface SyntheticOptions {
  relations: number;
  /** Default 1. */
  seed?: number;
  /** Default 50,000: one shard is one import transaction, and a 10^6-relation file would be ~500 MB. */
  relationsPerFile?: number;
}

export interface WriteOptions extends SyntheticOptions {
  dir: string;
  onProgress?: (filesDone: number, filesTotal: number) => void;
}

export interface DegreeStats {
  /** Entities with at least one relation. */
  entities: number;
  max: number;
  maxEntity: string;
  median: number;
}

export interface WriteResult {
  /** The knowledge files written (absolute paths), in load order. */
  files: string[];
  relations: number;
  facts: number;
  /** Distinct entities over all shards. */
  entities: number;
  /** Bytes written, knowledge files and source texts. */
  bytes: number;
  degrees: DegreeStats;
  ms: number;
}

export const DEFAULT_SEED = 1;
export const DEFAULT_RELATIONS_PER_FILE = 50_000;

/** The shard files of a graph, one at a time. */
export function* generateSyntheticKnowledge(options: SyntheticOptions): Generator<SyntheticFile> {
  for (const shard of generateShards(options)) yield shard.file;
}

/** Shards with their counts (what the writer reports without parsing the JSON again). */
export function* generateShards(options: SyntheticOptions): Generator<{ file: SyntheticFile; stats: ShardStats }> {
  const { relations, seed, relationsPerFile } = checkOptions(options);
  const world = new World(relations, seed);
  const total = Math.ceil(relations / relationsPerFile);
  let firstFact = 1;
  for (let index = 0; index < total; index++) {
    const shard = buildShard(world, { index, total, relations: Math.min(relationsPerFile, relations - index * relationsPerFile), firstFact });
    firstFact += shard.stats.facts;
    yield shard;
  }
}

export async function writeSyntheticKnowledge(options: WriteOptions): Promise<WriteResult> {
  const started = performance.now();
  const { relations, relationsPerFile } = checkOptions(options);
  const filesTotal = Math.ceil(relations / relationsPerFile);
  await mkdir(options.dir, { recursive: true });
  const files: string[] = [];
  const poolIds = new Set<string>();
  const degrees = new Map<string, number>();
  let facts = 0;
  let ownEntities = 0;
  let bytes = 0;
  for (const { file, stats } of generateShards(options)) {
    for (const source of file.sources) bytes += await write(path.join(options.dir, source.name), source.text);
    const target = path.resolve(options.dir, file.name);
    bytes += await write(target, file.json);
    files.push(target);
    facts += stats.facts;
    ownEntities += stats.ownEntities;
    for (const id of stats.poolIds) poolIds.add(id);
    for (const [id, degree] of stats.degrees) degrees.set(id, (degrees.get(id) ?? 0) + degree);
    options.onProgress?.(files.length, filesTotal);
  }
  const ms = Math.round(performance.now() - started);
  return { files, relations, facts, entities: poolIds.size + ownEntities, bytes, degrees: degreeStats(degrees), ms };
}

async function write(file: string, text: string): Promise<number> {
  const data = Buffer.from(text, 'utf8');
  await writeFile(file, data);
  return data.length;
}

export function degreeStats(degrees: ReadonlyMap<string, number>): DegreeStats {
  let max = 0;
  let maxEntity = '';
  for (const [id, degree] of degrees) {
    if (degree > max) [max, maxEntity] = [degree, id];
  }
  const sorted = Float64Array.from(degrees.values()).sort();
  const median = sorted.length === 0 ? 0 : sorted[Math.floor(sorted.length / 2)]!;
  return { entities: degrees.size, max, maxEntity, median };
}

function checkOptions(options: SyntheticOptions): Required<SyntheticOptions> {
  const { relations, seed = DEFAULT_SEED, relationsPerFile = DEFAULT_RELATIONS_PER_FILE } = options;
  if (!Number.isSafeInteger(relations) || relations < 1) throw new RangeError(`relations must be a positive integer, not ${relations}`);
  if (!Number.isSafeInteger(relationsPerFile) || relationsPerFile < 1) throw new RangeError(`relationsPerFile must be a positive integer, not ${relationsPerFile}`);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new RangeError(`seed must be an integer from 0 to 4294967295, not ${seed}`);
  return { relations, seed, relationsPerFile };
}

// ---------------------------------------------------------------------------------------------------------
// CLI

const USAGE = `usage: tsx bench/synthetic/generate.ts --relations N --out DIR [--seed S] [--per-file M]
  --relations N   total relations, a positive integer (100000, 1e6 and 1_000_000 are accepted)
  --out DIR       folder to write the knowledge files and their source texts into (created if missing)
  --seed S        integer from 0 to 4294967295 (default ${DEFAULT_SEED}); same options, same bytes
  --per-file M    at most M relations per knowledge file (default ${DEFAULT_RELATIONS_PER_FILE})`;

class UsageError extends Error {}

type CliOptions = WriteOptions;

export function parseCli(argv: readonly string[]): CliOptions {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { relations: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string' }, 'per-file': { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.relations === undefined) throw new UsageError('--relations is required');
  if (!values.out) throw new UsageError('--out is required');
  return {
    relations: integerFlag('relations', values.relations, 1, Number.MAX_SAFE_INTEGER),
    dir: values.out,
    seed: values.seed === undefined ? DEFAULT_SEED : integerFlag('seed', values.seed, 0, 0xffffffff),
    relationsPerFile: values['per-file'] === undefined ? DEFAULT_RELATIONS_PER_FILE : integerFlag('per-file', values['per-file'], 1, Number.MAX_SAFE_INTEGER),
  };
}

function integerFlag(name: string, text: string, min: number, max: number): number {
  const value = text.trim() === '' ? Number.NaN : Number(text.replaceAll('_', ''));
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`--${name} must be an integer from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}, not ${JSON.stringify(text)}`);
  }
  return value;
}

async function main(argv: readonly string[]): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCli(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`error: ${error.message}\n${USAGE}\n`);
    return 2;
  }
  const result = await writeSyntheticKnowledge({
    ...options,
    onProgress: (done, total) => progress(`generating ${options.relations.toLocaleString('en-US')} relations: ${done}/${total} files`),
  });
  if (process.stderr.isTTY) process.stderr.write('\n');
  process.stdout.write(`${summary(options, result)}\n`);
  return 0;
}

/** One line rewritten in place on a terminal; a line per file in a log. */
function progress(line: string): void {
  process.stderr.write(process.stderr.isTTY ? `\r${line}` : `${line}\n`);
}

function summary(options: CliOptions, r: WriteResult): string {
  const n = (value: number) => value.toLocaleString('en-US');
  const d = r.degrees;
  return [
    `wrote ${r.files.length} knowledge files (+ source texts, ${(r.bytes / 1024 / 1024).toFixed(1)} MB) to ${path.resolve(options.dir)} in ${(r.ms / 1000).toFixed(2)} s`,
    `  ${n(r.relations)} relations, ${n(r.facts)} facts, ${n(r.entities)} entities (seed ${options.seed ?? DEFAULT_SEED}, at most ${n(options.relationsPerFile ?? DEFAULT_RELATIONS_PER_FILE)} relations per file)`,
    `  degree: max ${n(d.max)} (${d.maxEntity}), median ${n(d.median)} over ${n(d.entities)} entities with relations`,
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = await main(process.argv.slice(2));
}
