/**
 * Availability under the most expensive operations the limits allow (`npm run bench:load -- --availability`):
 * one-entity lookups arrive at a steady rate whatever the server is doing (an open loop: one every
 * LOOKUP_INTERVAL_MS, sent without waiting for the previous answer), first alone, then while HEAVY_CLIENTS
 * clients send the heaviest allowed operation back to back. It prints both p50s and their ratio (goal: 5x or
 * less).
 *
 * The heaviest operation is found, not assumed: each candidate is sized up to what the limits accept (aliases
 * added until the cost or response-size limit refuses one more), then timed alone; the slowest is the load.
 */
import { loadConfig } from '../src/config/config.ts';

const LOOKUP_INTERVAL_MS = 100;
const HEAVY_CLIENTS = 8;
const LOOKUP = '{ entity(id: "xai") { id name kind } }';
const HEADERS = { 'content-type': 'application/json', accept: 'application/graphql-response+json' };

interface Candidate {
  name: string;
  /** The operation with `copies` aliased copies of its root field. */
  build(copies: number): string;
}

const introspection = (i: number) => `s${i}: __schema { types { name description fields { name description args { name description type { name kind ofType { name kind ofType { name kind } } } } type { name kind ofType { name kind ofType { name kind } } } } } }`;
const { operationLimits } = loadConfig({});
const CANDIDATES: Candidate[] = [
  { name: 'introspection: whole schemas with descriptions', build: (n) => `{ ${range(n).map(introspection).join(' ')} }` },
  {
    name: 'max-cost data: 50 hits × relations × endpoints',
    build: (n) => `{ ${range(n).map((i) => `s${i}: search(text: "a", first: 50) { entity { relations(first: ${Math.floor((operationLimits.maxCost / n / 50 - 3) / 3)}) { nodes { to { name description } from { name description } } } } }`).join(' ')} }`,
  },
  {
    name: "document text: each citation's full article",
    build: (n) => `{ e: entity(id: "leblogauto-article-musk-nvidia-h100") { ... on Document { backedFacts(first: 50) { citations { document { ${range(n).map((i) => `t${i}: text`).join(' ')} } } } } } }`,
  },
  {
    name: 'neighbourhood depth 3 with relations',
    build: (n) => `{ ${range(n).map((i) => `n${i}: neighborhood(id: "xai", depth: 3) { nodes { id name relations(first: 5) { nodes { type to { id name } } } } edges { id type } }`).join(' ')} }`,
  },
];

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

async function post(url: string, query: string): Promise<{ status: number; bytes: number; ms: number; ok: boolean }> {
  const started = performance.now();
  const response = await fetch(url, { method: 'POST', headers: HEADERS, body: JSON.stringify({ query }) });
  const body = Buffer.from(await response.arrayBuffer());
  const ok = response.status === 200 && !body.subarray(0, 200).toString().includes('"errors"');
  return { status: response.status, bytes: body.length, ms: performance.now() - started, ok };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.floor(sorted.length / 2)]!;
};

/** The largest number of copies (1 to 30, the alias limit) the limits accept, or 0 when even one is refused. */
async function largestAccepted(url: string, candidate: Candidate): Promise<number> {
  let copies = 0;
  for (let n = 1; n <= operationLimits.maxAliases; n++) {
    if (!(await post(url, candidate.build(n))).ok) break;
    copies = n;
  }
  return copies;
}

/** Lookups at a steady rate for `durationMs`: each is sent on schedule, answered or not. Returns their latencies. */
async function openLoopLookups(url: string, durationMs: number): Promise<number[]> {
  const latencies: number[] = [];
  const pending: Promise<void>[] = [];
  const started = performance.now();
  for (let i = 0; i * LOOKUP_INTERVAL_MS < durationMs; i++) {
    const due = started + i * LOOKUP_INTERVAL_MS;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
    pending.push(post(url, LOOKUP).then((r) => void (r.ok ? latencies.push(r.ms) : latencies.push(Infinity))));
  }
  await Promise.all(pending);
  return latencies;
}

export interface AvailabilityResult {
  heaviest: string;
  aloneP50Ms: number;
  loadedP50Ms: number;
  ratio: number;
}

export async function measureAvailability(graphqlUrl: string, durationMs = 10_000): Promise<AvailabilityResult> {
  console.log(`Availability: lookups every ${LOOKUP_INTERVAL_MS} ms (open loop), alone and under ${HEAVY_CLIENTS} clients of the heaviest allowed operation`);
  let heaviest: { name: string; query: string; ms: number } | undefined;
  for (const candidate of CANDIDATES) {
    const copies = await largestAccepted(graphqlUrl, candidate);
    if (copies === 0) {
      console.log(`  candidate "${candidate.name}": refused even once`);
      continue;
    }
    const query = candidate.build(copies);
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await post(graphqlUrl, query));
    const ms = median(runs.map((r) => r.ms));
    console.log(`  candidate "${candidate.name}": ${copies} cop${copies === 1 ? 'y' : 'ies'} accepted, ${runs[0]!.bytes} bytes, ${ms.toFixed(0)} ms alone`);
    if (!heaviest || ms > heaviest.ms) heaviest = { name: `${candidate.name} ×${copies}`, query, ms };
  }
  if (!heaviest) throw new Error('no candidate operation is accepted by the limits');

  const alone = await openLoopLookups(graphqlUrl, durationMs);
  let running = true;
  const heavyAnswers: number[] = [];
  const clients = range(HEAVY_CLIENTS).map(async () => {
    while (running) heavyAnswers.push((await post(graphqlUrl, heaviest.query)).status);
  });
  await new Promise((resolve) => setTimeout(resolve, 2_000)); // the heavy load settles in
  const loaded = await openLoopLookups(graphqlUrl, durationMs);
  running = false;
  await Promise.all(clients);

  const result = { heaviest: heaviest.name, aloneP50Ms: median(alone), loadedP50Ms: median(loaded), ratio: median(loaded) / median(alone) };
  const statuses = heavyAnswers.reduce<Record<number, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {});
  console.log(`  heaviest: ${result.heaviest} (${heaviest.ms.toFixed(0)} ms alone); its answers during the run: ${JSON.stringify(statuses)}`);
  console.log(`  lookup p50 alone ${result.aloneP50Ms.toFixed(1)} ms (${alone.length} lookups), under load ${result.loadedP50Ms.toFixed(1)} ms (${loaded.length} lookups, failed ${loaded.filter((l) => l === Infinity).length})`);
  console.log(`  ratio ${result.ratio.toFixed(1)}x (goal 5x or less): ${result.ratio <= 5 ? 'MET' : 'NOT MET'}`);
  return result;
}
