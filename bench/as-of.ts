/**
 * `npm run bench:as-of [-- --relations 20000 --requests 400]`: what asOf costs. Loads a synthetic graph
 * (bench/synthetic) into a throwaway Neo4j, writes revisions through the mutations (entity edits, which keep
 * EntityVersions, and fact retractions, which turn edges into history edges), then measures the same
 * EntityLookup-like read (bench/peer/operations.ts's shape: an entity, 20 relations with their facts and
 * citations) current and `asOf` a past revision, interleaved request by request in one run, and prints p50 and
 * p99 of each with their ratio.
 *
 * One client, one request at a time, server in this process: this compares two statements' latency under the
 * same conditions, it is not a throughput benchmark (bench/load.ts is).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startApp } from '../src/app.ts';
import { ApiKeyStore } from '../src/auth/api-key-store.ts';
import { loadConfig } from '../src/config/config.ts';
import { createLogger } from '../src/logging/logger.ts';
import { startLocalNeo4j } from '../src/neo4j-local/local-neo4j.ts';
import { freePort } from '../tests/support/free-port.ts';
import { writeSyntheticKnowledge } from './synthetic/generate.ts';

const { values: flags } = parseArgs({ options: { relations: { type: 'string' }, requests: { type: 'string' }, writes: { type: 'string' } } });
const positive = (name: string, value: string | undefined, fallback: number) => {
  const n = Number(value ?? fallback);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, not ${String(value)}`);
  return n;
};
const RELATIONS = positive('relations', flags.relations, 20_000);
const REQUESTS = positive('requests', flags.requests, 400);
const WRITES = positive('writes', flags.writes, 40);

const LOOKUP = `query EntityLookup($id: ID!, $asOf: AsOf) { entity(id: $id, asOf: $asOf) { id name kind relations(first: 20) { nodes {
  id type from { id name } to { id name } fact { id statement citations { quote start end document { id name } saidBy { id name } reportedBy { id name } } } } } } }`;

const log = createLogger('warn');
const dir = mkdtempSync(path.join(os.tmpdir(), 'kg-bench-as-of-'));

async function main(): Promise<void> {
  console.log(`Generating ${RELATIONS} synthetic relations…`);
  const knowledge = await writeSyntheticKnowledge({ relations: RELATIONS, dir: path.join(dir, 'knowledge') });
  const neo4j = await startLocalNeo4j({ dir: path.join(dir, 'neo4j'), boltPort: await freePort(), heap: '1g', pageCache: '512m', startTimeoutMs: 180_000 }, log);
  try {
    const started = Date.now();
    const config = loadConfig({
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'warn',
      NEO4J_URI: neo4j.connection.uri,
      NEO4J_PASSWORD: neo4j.connection.password,
      KNOWLEDGE_DIR: path.join(dir, 'knowledge'),
      RATE_LIMIT_PER_MINUTE_ANONYMOUS: '0',
      RATE_LIMIT_PER_MINUTE_KEY: '0',
      RATE_LIMIT_PER_MINUTE_WRITE: '0',
    });
    const app = await startApp(config, log);
    console.log(`Loaded ${knowledge.facts} facts, ${knowledge.entities} entities in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    try {
      await run(`${app.url}/graphql`, (await new ApiKeyStore(app.db).create('ADMIN', 'bench-as-of')).key);
    } finally {
      await app.stop();
    }
  } finally {
    await neo4j.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function run(url: string, key: string): Promise<void> {
  const post = async (query: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: JSON.stringify({ query, variables }) });
    const body = (await response.json()) as { data?: any; errors?: unknown[] };
    if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors).slice(0, 500)}`);
    return body.data;
  };
  // The entities looked up: the best connected organizations and people (hubs and ordinary ones alike).
  const page = await post(`{ entities(first: 100) { nodes { id relations(first: 1) { nodes { id } } facts(first: 1) { id } } } }`);
  const ids: string[] = page.entities.nodes.filter((e: any) => e.relations.nodes.length > 0 && e.facts.length > 0).map((e: any) => e.id);
  if (ids.length < 10) throw new Error(`Only ${ids.length} connected entities found`);

  // Revisions: half of the writes, then the past revision, then the other half (the as-of read must undo them).
  const write = async (i: number) => {
    const id = ids[i % ids.length]!;
    if (i % 2 === 0) {
      await post(`mutation ($id: ID!, $d: String!) { upsertEntity(input: {id: $id, description: $d}) { revision { id } } }`, { id, d: `Edited for the as-of bench (${i}).` });
      return;
    }
    const { entity } = await post(`query ($id: ID!) { entity(id: $id) { facts(first: 1) { id } } }`, { id });
    if (entity.facts[0]) await post(`mutation ($id: ID!) { retractFact(id: $id, reason: "as-of bench") { revision { id } } }`, { id: entity.facts[0].id });
  };
  for (let i = 0; i < WRITES / 2; i += 1) await write(i);
  const past = (await post(`{ knowledgeVersion { id } }`)).knowledgeVersion.id as string;
  for (let i = Math.floor(WRITES / 2); i < WRITES; i += 1) await write(i);
  const latest = (await post(`{ knowledgeVersion { id } }`)).knowledgeVersion.id as string;
  console.log(`Wrote revisions up to ${latest}; as-of reads ask ${past}; ${ids.length} entities looked up`);

  const variants = { current: {}, asOf: { asOf: { revision: past } } } as const;
  const timings: Record<keyof typeof variants, number[]> = { current: [], asOf: [] };
  // Warm-up: both statements planned and cached, the page cache filled.
  for (let i = 0; i < Math.min(40, ids.length); i += 1) for (const variables of Object.values(variants)) await post(LOOKUP, { id: ids[i]!, ...variables });
  for (let i = 0; i < REQUESTS; i += 1) {
    const id = ids[i % ids.length]!;
    // Interleaved, the order flipped each time: neither variant gets the other's warm cache systematically.
    const order = (i % 2 === 0 ? ['current', 'asOf'] : ['asOf', 'current']) as (keyof typeof variants)[];
    for (const variant of order) {
      const start = performance.now();
      await post(LOOKUP, { id, ...variants[variant] });
      timings[variant].push(performance.now() - start);
    }
  }
  const stats = Object.fromEntries(Object.entries(timings).map(([name, list]) => [name, { p50: percentile(list, 0.5), p99: percentile(list, 0.99) }])) as Record<keyof typeof variants, { p50: number; p99: number }>;
  console.log(`\nEntityLookup, ${REQUESTS} requests each, ${RELATIONS} relations:`);
  console.log(`  current        p50 ${stats.current.p50.toFixed(2)} ms   p99 ${stats.current.p99.toFixed(2)} ms`);
  console.log(`  asOf ${past.padEnd(9)} p50 ${stats.asOf.p50.toFixed(2)} ms   p99 ${stats.asOf.p99.toFixed(2)} ms`);
  console.log(`  ratio asOf/current: p50 ${(stats.asOf.p50 / stats.current.p50).toFixed(2)}x   p99 ${(stats.asOf.p99 / stats.current.p99).toFixed(2)}x`);
}

function percentile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

main().catch((error: unknown) => {
  console.error(error);
  rmSync(dir, { recursive: true, force: true });
  process.exitCode = 1;
});
