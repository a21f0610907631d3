/**
 * `npm run bench:http-cache [-- --requests 300 --writes 5]`: what an ETag revalidation saves. Starts a throwaway
 * Neo4j and the server (production mode, the shipped knowledge), then for each of a few read operations by GET
 * alternates a full request (200) and a revalidation with the ETag it got (If-None-Match), request by request,
 * and prints how many revalidations were answered 304, and the p50/p99 latency and bytes of 200s and 304s.
 * `--writes` curation writes are spread over the run: each changes the ETag, so the next revalidation of each
 * operation is a 200 (counted apart).
 *
 * One client, one request at a time, server in this process: a latency comparison, not a throughput benchmark.
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

const { values: flags } = parseArgs({ options: { requests: { type: 'string' }, writes: { type: 'string' } } });
const count = (name: string, value: string | undefined, fallback: number) => {
  const n = Number(value ?? fallback);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer, not ${String(value)}`);
  return n;
};
const REQUESTS = count('requests', flags.requests, 300);
const WRITES = count('writes', flags.writes, 5);

/** Read operations of different weights: a lookup with its relations and citations, a page, a path. */
const OPERATIONS = [
  `query EntityLookup { entity(id: "elon-musk") { id name kind relations(first: 20) { nodes { id type from { id name } to { id name }
    fact { id statement citations { quote document { id name } } } } } } }`,
  'query EntitiesPage { entities(first: 50) { nodes { id name kind } } }',
  'query MuskToGrok { path(from: "elon-musk", to: "grok") { length } }',
];
const HEADERS = { accept: 'application/graphql-response+json', 'content-type': 'application/json' };

const log = createLogger('warn');
const dir = mkdtempSync(path.join(os.tmpdir(), 'kg-bench-http-cache-'));

interface Sample {
  ms: number;
  bytes: number;
}

async function timedGet(url: string, headers: Record<string, string>): Promise<{ status: number; etag: string | null } & Sample> {
  const started = performance.now();
  const response = await fetch(url, { headers: { ...HEADERS, ...headers } });
  const body = await response.arrayBuffer();
  return { status: response.status, etag: response.headers.get('etag'), ms: performance.now() - started, bytes: body.byteLength };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};

async function main(): Promise<void> {
  const neo4j = await startLocalNeo4j({ dir: path.join(dir, 'neo4j'), boltPort: await freePort(), heap: process.env.NEO4J_LOCAL_HEAP ?? '1g', pageCache: '256m', startTimeoutMs: 180_000 }, log);
  try {
    const config = loadConfig({
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'warn',
      NEO4J_URI: neo4j.connection.uri,
      NEO4J_PASSWORD: neo4j.connection.password,
      RATE_LIMIT_PER_MINUTE_ANONYMOUS: '0',
      RATE_LIMIT_PER_MINUTE_KEY: '0',
      RATE_LIMIT_PER_MINUTE_WRITE: '0',
    });
    const app = await startApp(config, log);
    try {
      const { key } = await new ApiKeyStore(app.db).create('WRITE', 'bench-http-cache');
      const urls = OPERATIONS.map((query) => `${app.url}/graphql?${new URLSearchParams({ query })}`);
      const etags = new Map<string, string>();
      for (const url of urls) etags.set(url, (await timedGet(url, {})).etag!); // warm-up, and the first tags
      const full: Sample[] = [];
      const notModified: Sample[] = [];
      let revalidatedAfterWrite = 0;
      let otherStatus = 0;
      const writeEvery = WRITES > 0 ? Math.max(1, Math.floor(REQUESTS / (WRITES + 1))) : Infinity;
      for (let i = 0; i < REQUESTS; i += 1) {
        if (i > 0 && i % writeEvery === 0 && i / writeEvery <= WRITES) await write(app.url, key, i);
        const url = urls[i % urls.length]!;
        const fresh = await timedGet(url, {});
        full.push(fresh);
        const revalidation = await timedGet(url, { 'if-none-match': etags.get(url)! });
        if (revalidation.status === 304) notModified.push(revalidation);
        else if (revalidation.status === 200) revalidatedAfterWrite += 1;
        else otherStatus += 1;
        etags.set(url, revalidation.etag ?? fresh.etag!);
      }
      const line = (name: string, samples: Sample[]) =>
        `${name.padEnd(5)} n=${String(samples.length).padStart(4)}  p50 ${percentile(samples.map((s) => s.ms), 50).toFixed(2)} ms  p99 ${percentile(samples.map((s) => s.ms), 99).toFixed(2)} ms  bytes/answer ${Math.round(samples.reduce((sum, s) => sum + s.bytes, 0) / Math.max(1, samples.length))}`;
      console.log(`\nHTTP cache: ${REQUESTS} revalidations of ${OPERATIONS.length} GET operations, ${WRITES} writes spread over the run`);
      console.log(`revalidations answered 304: ${notModified.length}/${REQUESTS}; 200 because a write changed the ETag: ${revalidatedAfterWrite}; other: ${otherStatus}`);
      console.log(line('200', full));
      console.log(line('304', notModified));
      console.log(`p50 ratio 304/200: ${(percentile(notModified.map((s) => s.ms), 50) / percentile(full.map((s) => s.ms), 50)).toFixed(2)}`);
    } finally {
      await app.stop();
    }
  } finally {
    await neo4j.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function write(url: string, key: string, i: number): Promise<void> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { ...HEADERS, authorization: `Bearer ${key}` },
    body: JSON.stringify({
      query: 'mutation ($input: UpsertEntityInput!) { upsertEntity(input: $input) { entity { id } } }',
      variables: { input: { id: 'bench-http-cache', kind: 'CONCEPT', name: `Bench ${i}`, description: 'A write that changes the ETag.' } },
    }),
  });
  const body = (await response.json()) as { errors?: unknown[] };
  if (body.errors) throw new Error(`write failed: ${JSON.stringify(body.errors)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
