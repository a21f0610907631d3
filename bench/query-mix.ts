/**
 * The load shared by `npm run bench:load` (bench/load.ts) and tests/integration/load.test.ts: a realistic
 * mix of GraphQL operations, rotated request by request on every connection, and a check of every
 * response body, because a GraphQL error comes back inside a 200 and autocannon alone would count it a success.
 */
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { runClosedLoop, summarize, type LoopResult } from './compare/closed-loop.ts';
import { graphqlClient, RequestFailure } from './compare/http-client.ts';
import { OURS_WRITES, writeIds, type WriteOperationName } from './write-operations.ts';

export interface MixQuery {
  /** Short label used in the per-query tally. */
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  /** A fragment of the expected JSON: proves the right data came back, not only that nothing failed. */
  expect: string;
}

const entityWithRelationsAndFacts = /* GraphQL */ `
  query Entity($id: ID!) {
    entity(id: $id) {
      id kind name description aliases { text language }
      relations(first: 20) { nodes { type label from { id name } to { id name } fact { id modality } } pageInfo { hasNextPage endCursor } }
      facts(first: 20) { nodes { id type statement modality time { text value precision } } }
    }
  }`;
const search = /* GraphQL */ `
  query Search($text: String!) { search(text: $text, first: 5) { edges { score node { id kind name aliases { text } } } } }`;
const relations = /* GraphQL */ `
  query Relations($from: ID, $to: ID, $type: RelationType) {
    relations(from: $from, to: $to, type: $type, first: 20) {
      nodes { id type from { id name } to { id name kind } fact { statement modality citations { quote saidBy { name } } } }
      pageInfo { hasNextPage endCursor }
    }
  }`;

/** Lookups and searches (the common calls of other apps) outnumber the heavier traversals, as in real use. */
export const QUERY_MIX: readonly MixQuery[] = [
  { name: 'entity elon-musk', query: entityWithRelationsAndFacts, variables: { id: 'elon-musk' }, expect: '"name":"Elon Musk"' },
  { name: 'search "dakota du nord"', query: search, variables: { text: 'dakota du nord' }, expect: '"id":"north-dakota"' },
  { name: 'relations to grok OWNS', query: relations, variables: { to: 'grok', type: 'OWNS' }, expect: '"quote":"xAI possède le chatbot Grok"' },
  { name: 'entity tesla', query: entityWithRelationsAndFacts, variables: { id: 'tesla' }, expect: '"id":"tesla"' },
  { name: 'search "nvidia"', query: search, variables: { text: 'nvidia' }, expect: '"id":"nvidia"' },
  {
    name: 'neighborhood xai depth 2',
    query: /* GraphQL */ `
      query Around($id: ID!) {
        neighborhood(id: $id, depth: 2) { center { id } nodes { id kind name } edges { id type from { id } to { id } } truncated }
      }`,
    variables: { id: 'xai' },
    expect: '"center":{"id":"xai"}',
  },
  { name: 'relations from xai OWNS', query: relations, variables: { from: 'xai', type: 'OWNS' }, expect: '"id":"grok"' },
  { name: 'search "h100"', query: search, variables: { text: 'h100' }, expect: '"id":"nvidia-h100"' },
  {
    name: 'path elon-musk -> grok',
    query: /* GraphQL */ `
      query Path($from: ID!, $to: ID!) {
        path(from: $from, to: $to, maxDepth: 4) { length elements { __typename ... on Entity { id name } ... on Relation { type label } } }
      }`,
    variables: { from: 'elon-musk', to: 'grok' },
    expect: '"id":"grok"',
  },
  { name: 'entity nvidia-h100', query: entityWithRelationsAndFacts, variables: { id: 'nvidia-h100' }, expect: '"id":"nvidia-h100"' },
  { name: 'search "elon"', query: search, variables: { text: 'elon' }, expect: '"id":"elon-musk"' },
  { name: 'relations to tesla GIVER', query: relations, variables: { to: 'tesla', type: 'GIVER' }, expect: '"type":"GIVER"' },
  {
    name: 'fact with citations',
    query: /* GraphQL */ `
      query Fact($id: ID!) {
        fact(id: $id) {
          statement modality time { text value precision }
          participants { role entity { id name kind } }
          quantities { kind value unit comparator text item { name } }
          citations { kind quote start end saidBy { name } reportedBy { name } document { name } }
        }
      }`,
    variables: { id: 'musk-redirects-h100-from-tesla-to-x' },
    expect: '"reportedBy":{"name":"CNBC"}',
  },
  {
    name: 'sources with backedFacts',
    query: /* GraphQL */ `
      query Sources {
        sources { __typename id name ... on Document { published { value } language } backedFacts(first: 5) { nodes { id statement } } }
      }`,
    expect: '"backedFacts":{"nodes":[{',
  },
];

const HEADERS = { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' };
const requestBody = (query: MixQuery) => JSON.stringify({ query: query.query, variables: query.variables });

/** Why a response body is not a successful answer to `query`, or undefined when it is. */
export function bodyProblem(query: MixQuery, body: string): string | undefined {
  let parsed: { data?: unknown; errors?: { message?: string }[] };
  try {
    parsed = JSON.parse(body) as typeof parsed;
  } catch {
    return `not JSON: ${body.slice(0, 120)}`;
  }
  if (parsed.errors?.length) return `GraphQL error: ${parsed.errors.map((e) => e.message).join('; ')}`;
  if (!parsed.data) return 'no data';
  // Compare on compact JSON so the expected fragment does not depend on how the server formats its output.
  if (!JSON.stringify(parsed.data).includes(query.expect)) return `data lacks ${query.expect}`;
  return undefined;
}

export interface LoadOptions {
  /** The GraphQL endpoint, such as http://127.0.0.1:4000/graphql. */
  url: string;
  connections: number;
  durationSeconds: number;
}

export interface LoadResult {
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  /** Responses received. */
  requests: number;
  /** Connection errors and timeouts. */
  errors: number;
  non2xx: number;
  /** Bodies that were not a successful answer (GraphQL errors, missing or wrong data). */
  badBodies: number;
  /** Responses and bad bodies per query of the mix. */
  perQuery: Record<string, { responses: number; bad: number }>;
  /** A few distinct problems, to say what went wrong without flooding the output. */
  problems: string[];
}

/**
 * Sends each query of the mix once, one after another: checks the mix against this server before any load
 * (a wrong id fails here with a clear message) and takes the cold start (first query plans in Neo4j, JIT)
 * out of the measured rounds. Returns the problems found, empty when all is well.
 */
export async function warmUp(url: string): Promise<string[]> {
  const problems: string[] = [];
  for (const query of QUERY_MIX) {
    const response = await fetch(url, { method: 'POST', headers: HEADERS, body: requestBody(query) });
    const body = await response.text();
    const problem = response.ok ? bodyProblem(query, body) : `HTTP ${response.status}: ${body.slice(0, 200)}`;
    if (problem !== undefined) problems.push(`${query.name}: ${problem}`);
  }
  return problems;
}

/** Runs autocannon against the endpoint with the query mix and checks every body. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const perQuery: LoadResult['perQuery'] = {};
  const problems = new Set<string>();
  let badBodies = 0;
  const path = new URL(options.url).pathname;
  // One autocannon request per query; each connection walks the array in order, so the mix rotates per request.
  const requests: autocannon.Request[] = QUERY_MIX.map((query) => {
    const tally = (perQuery[query.name] = { responses: 0, bad: 0 });
    return {
      method: 'POST',
      path,
      headers: HEADERS,
      body: requestBody(query),
      onResponse: (status: number, body: string) => {
        tally.responses += 1;
        // Non-2xx responses are counted by autocannon (non2xx); only 2xx bodies are judged here, but both are described.
        const ok = status >= 200 && status < 300;
        const problem = ok ? bodyProblem(query, body) : `HTTP ${status}: ${body.slice(0, 200)}`;
        if (problem === undefined) return;
        if (ok) {
          tally.bad += 1;
          badBodies += 1;
        }
        if (problems.size < 10) problems.add(`${query.name}: ${problem}`);
      },
    };
  });
  let clients = 0;
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationSeconds,
    requests,
    // Each connection starts at a different point of the mix: otherwise all of them send the same query at
    // the same moment, and the load would be a series of bursts of one query instead of a mix.
    setupClient: (client) => {
      const offset = clients++ % requests.length;
      client.setRequests([...requests.slice(offset), ...requests.slice(0, offset)]);
    },
    // A stuck request counts as an error (timeout) rather than stalling the run.
    timeout: 10,
  });
  return {
    requestsPerSecond: result.requests.average,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    requests: Object.values(perQuery).reduce((sum, q) => sum + q.responses, 0),
    errors: result.errors,
    non2xx: result.non2xx,
    badBodies,
    perQuery,
    problems: [...problems],
  };
}

// ------------------------------------------------------------------------------------ reads with writes

export interface MixedLoadOptions extends LoadOptions {
  /** Every `writeEvery`-th request is a write (10: 90 % reads, 10 % writes); null for reads only. */
  writeEvery: number | null;
  /** `Bearer <write key>`, sent with the writes. */
  authorization: string;
  /** Names this load's write ids (`load-<tag>`), unique per round. */
  tag: string;
}

export interface MixedLoadResult {
  requestsPerSecond: number;
  /** The reads' own latencies and errors (a GraphQL error or wrong data is an error here). */
  reads: LoopResult;
  /** The writes', or null for reads only. */
  writes: LoopResult | null;
  /** Writes by operation. */
  writesByOperation: Record<WriteOperationName, number>;
  problems: string[];
}

/**
 * The query mix with writes in it, on a closed loop of `connections` clients (bench/compare/closed-loop.ts),
 * timing reads and writes apart: autocannon reports one latency for every request, and the reads' p99 with
 * and without writes is the figure this load is for. Writes rotate AssertFact, UpsertEntity and RetractFact
 * (retracting a fact this load asserted and saw committed), each with its own ids (bench/write-operations.ts);
 * every answer is checked (a write's answer must name its id).
 */
export async function runMixedLoad(options: MixedLoadOptions): Promise<MixedLoadResult> {
  const url = new URL(options.url);
  const reader = graphqlClient(url.origin, url.pathname, options.connections);
  const writer = graphqlClient(url.origin, url.pathname, options.connections, { authorization: options.authorization });
  const cell = `load-${options.tag}`;
  const latencies = { reads: [] as number[], writes: [] as number[] };
  const errors = { reads: 0, writes: 0 };
  const causes: { reads: Record<string, number>; writes: Record<string, number> } = { reads: {}, writes: {} };
  const firstError: { reads?: string; writes?: string } = {};
  const problems = new Set<string>();
  const counters = { AssertFact: 0, UpsertEntity: 0, RetractFact: 0 };
  const writesByOperation: Record<WriteOperationName, number> = { AssertFact: 0, UpsertEntity: 0, RetractFact: 0 };
  /** Facts this load asserted and saw committed, not yet retracted. */
  const retractable: number[] = [];
  let writes = 0;

  const read = async (i: number) => {
    const query = QUERY_MIX[i % QUERY_MIX.length]!;
    const problem = bodyProblem(query, JSON.stringify(await reader.post(query.query, query.variables ?? {})));
    if (problem) throw new Error(`${query.name}: ${problem}`);
  };
  const write = async () => {
    const rotation: WriteOperationName[] = ['AssertFact', 'UpsertEntity', 'RetractFact'];
    let op = rotation[writes++ % rotation.length]!;
    if (op === 'RetractFact' && retractable.length === 0) op = 'AssertFact';
    const i = op === 'RetractFact' ? retractable.shift()! : counters[op]++;
    writesByOperation[op] += 1;
    const ids = writeIds(cell, i);
    const answer = JSON.stringify(await writer.post(OURS_WRITES[op].document, OURS_WRITES[op].variables(cell, i)));
    // Ids are answered as global ids (`Fact:<id>`): the local id inside, followed by its closing quote.
    if (!answer.includes(`${op === 'UpsertEntity' ? ids.entity : ids.fact}"`)) throw new Error(`${op}: the answer lacks its id: ${answer.slice(0, 200)}`);
    if (op === 'AssertFact') retractable.push(i);
  };

  const started = performance.now();
  await runClosedLoop(
    async (i) => {
      const kind = options.writeEvery !== null && i % options.writeEvery === options.writeEvery - 1 ? 'writes' : 'reads';
      const t0 = performance.now();
      try {
        await (kind === 'writes' ? write() : read(i));
        latencies[kind].push(performance.now() - t0);
      } catch (error) {
        errors[kind] += 1;
        // A request that came back without an answer says why; one that came back with the wrong data is ours.
        const cause = error instanceof RequestFailure ? error.reason : 'wrong answer';
        causes[kind][cause] = (causes[kind][cause] ?? 0) + 1;
        const message = error instanceof Error ? error.message : String(error);
        firstError[kind] ??= message;
        if (problems.size < 10) problems.add(`${kind}: ${message.slice(0, 300)}`);
      }
    },
    { concurrency: options.connections, durationMs: options.durationSeconds * 1000, warmupMs: 0 },
  );
  const elapsedMs = performance.now() - started;
  reader.close();
  writer.close();
  return {
    requestsPerSecond: ((latencies.reads.length + latencies.writes.length) / elapsedMs) * 1000,
    reads: { ...summarize(latencies.reads, errors.reads, firstError.reads, elapsedMs), errorsByCause: causes.reads },
    writes: options.writeEvery === null ? null : { ...summarize(latencies.writes, errors.writes, firstError.writes, elapsedMs), errorsByCause: causes.writes },
    writesByOperation,
    problems: [...problems],
  };
}

// ------------------------------------------------------------------------------------ the 90/10 rounds

export interface MixRoundsOptions {
  /** The server's origin, such as http://127.0.0.1:4000 (the endpoint is /graphql). */
  url: string;
  /** An API key of scope WRITE. */
  writeKey: string;
  connections: number;
  durationSeconds: number;
  rounds: number;
  /** One request in 100 / writePercent is a write. */
  writePercent: number;
  /** Unique per run, in every write id. */
  tag: string;
  /** The server's heap after a forced GC, read after each phase. */
  memory: () => Promise<{ heapUsed: number; rss: number; gcForced: boolean }>;
  onPhase?: (label: string, result: MixedLoadResult, memory: { heapUsed: number; rss: number; gcForced: boolean }) => void;
}

export interface MixRound {
  readsOnly: MixedLoadResult;
  withWrites: MixedLoadResult;
  heapReadsOnly: number;
  heapWithWrites: number;
}

/**
 * The rounds of `npm run bench:load` (and of `npm run bench` at one size): the mix checked once (each read and
 * one write of each kind), then per round reads only, then with writes. `problems` lists what failed before
 * any load (then no round runs).
 */
export async function runMixRounds(options: MixRoundsOptions): Promise<{ problems: string[]; rounds: MixRound[] }> {
  const graphqlUrl = `${options.url}/graphql`;
  const problems = await warmUp(graphqlUrl);
  const authorization = `Bearer ${options.writeKey}`;
  const writer = graphqlClient(options.url, '/graphql', 1, { authorization });
  try {
    // One write of each kind before any load: a broken write fails here with the server's own message.
    for (const op of ['AssertFact', 'UpsertEntity', 'RetractFact'] as const) {
      const answer = (await writer.post(OURS_WRITES[op].document, OURS_WRITES[op].variables(`load-${options.tag}-check`, 0))) as { errors?: { message?: string }[] };
      if (answer.errors?.length) problems.push(`${op}: ${answer.errors.map((e) => e.message).join('; ')}`);
    }
  } catch (error) {
    problems.push(`writes: ${(error as Error).message}`);
  } finally {
    writer.close();
  }
  const rounds: MixRound[] = [];
  if (problems.length > 0) return { problems, rounds };
  const writeEvery = Math.round(100 / options.writePercent);
  for (let round = 1; round <= options.rounds; round++) {
    const base = { url: graphqlUrl, connections: options.connections, durationSeconds: options.durationSeconds, authorization, tag: `${options.tag}-${round}` };
    const readsOnly = await runMixedLoad({ ...base, writeEvery: null });
    const afterReads = await options.memory();
    options.onPhase?.(`round ${round}, reads only  `, readsOnly, afterReads);
    const withWrites = await runMixedLoad({ ...base, writeEvery });
    const afterWrites = await options.memory();
    options.onPhase?.(`round ${round}, with writes`, withWrites, afterWrites);
    rounds.push({ readsOnly, withWrites, heapReadsOnly: afterReads.heapUsed, heapWithWrites: afterWrites.heapUsed });
  }
  return { problems, rounds };
}
