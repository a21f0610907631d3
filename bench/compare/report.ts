/**
 * Renders a benchmark run: the table printed at the end of `npm run bench`, BENCHMARKS.md (machine, versions,
 * date, tables, goals, chart), the raw JSON, and the latency-against-size chart as SVG (Vega-Lite compiled to
 * Vega, rendered headless: no browser, no canvas).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import * as vega from 'vega';
import * as vegaLite from 'vega-lite';
import type { OperationName } from '../peer/operations.ts';
import { WRITE_OPERATION_NAMES, type WriteOperationName } from '../write-operations.ts';
import { SYSTEMS, type BenchRun, type Cell, type SizeRun, type SystemName } from './results.ts';

const OPS: readonly OperationName[] = ['EntityLookup', 'Search', 'Neighborhood', 'ShortestPath', 'Nested'];
const isRead = (op: Cell['op']): op is OperationName => (OPS as readonly string[]).includes(op);
const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : '–');
const mb = (bytes: number) => fmt(bytes / 2 ** 20, 0);
const sizeLabel = (n: number) => `10^${Math.round(Math.log10(n))}`;

function cellOf(size: SizeRun, op: OperationName | WriteOperationName, system: SystemName): Cell | undefined {
  return size.cells.find((c) => c.op === op && c.system === system);
}

function ratio(a: number | undefined, b: number | undefined): number {
  return a !== undefined && b !== undefined && b > 0 ? a / b : NaN;
}

// ---------------------------------------------------------------------------------------------------- tables

function speedTable(size: SizeRun): string {
  const head = '| operation | raw req/s | ours req/s | peer req/s | raw p50 ms | ours p50 ms | peer p50 ms | raw p99 ms | ours p99 ms | peer p99 ms | ours p50 ÷ raw | ours req/s ÷ peer |';
  const rows = OPS.map((op) => {
    const [raw, ours, peer] = SYSTEMS.map((s) => cellOf(size, op, s));
    return `| ${op} | ${fmt(raw?.requestsPerSecond ?? NaN, 0)} | ${fmt(ours?.requestsPerSecond ?? NaN, 0)} | ${fmt(peer?.requestsPerSecond ?? NaN, 0)} | ${fmt(raw?.p50Ms ?? NaN, 2)} | ${fmt(ours?.p50Ms ?? NaN, 2)} | ${fmt(peer?.p50Ms ?? NaN, 2)} | ${fmt(raw?.p99Ms ?? NaN, 2)} | ${fmt(ours?.p99Ms ?? NaN, 2)} | ${fmt(peer?.p99Ms ?? NaN, 2)} | ${fmt(ratio(ours?.p50Ms, raw?.p50Ms), 2)}× | ${fmt(ratio(ours?.requestsPerSecond, peer?.requestsPerSecond), 2)}× |`;
  });
  return [head, `|${'---|'.repeat(12)}`, ...rows].join('\n');
}

function costTable(size: SizeRun): string {
  const head = '| operation | statements/op raw · ours · peer | peak RSS MB raw · ours · peer | errors raw · ours · peer | answers (raw, peer vs ours) |';
  const rows = OPS.map((op) => {
    const cells = SYSTEMS.map((s) => cellOf(size, op, s));
    const answers = ['raw', 'peer'].map((s) => `${s}: ${cells[SYSTEMS.indexOf(s as SystemName)]?.verified ?? '–'}`).join('; ');
    return `| ${op} | ${cells.map((c) => fmt(c?.roundTrips ?? NaN, 2)).join(' · ')} | ${cells.map((c) => mb(c?.peakRssBytes ?? NaN)).join(' · ')} | ${cells.map((c) => c?.errors ?? '–').join(' · ')} | ${answers} |`;
  });
  return [head, '|---|---|---|---|---|', ...rows].join('\n');
}

/** The writes of a size: throughput, p50, p99, errors, and whether each system's checked write left what it should. */
function writeTable(size: SizeRun): string {
  if (!size.cells.some((c) => !isRead(c.op))) return '';
  const head = '| write | raw req/s | ours req/s | peer req/s | raw p50 ms | ours p50 ms | peer p50 ms | raw p99 ms | ours p99 ms | peer p99 ms | writes raw · ours · peer | errors raw · ours · peer | checked raw · ours · peer |';
  const rows = WRITE_OPERATION_NAMES.map((op) => {
    const cells = SYSTEMS.map((s) => cellOf(size, op, s));
    const col = (pick: (c: Cell) => number, digits: number) => cells.map((c) => fmt(c ? pick(c) : NaN, digits));
    return `| ${op} | ${col((c) => c.requestsPerSecond, 0).join(' | ')} | ${col((c) => c.p50Ms, 2).join(' | ')} | ${col((c) => c.p99Ms, 2).join(' | ')} | ${cells.map((c) => c?.requests ?? '–').join(' · ')} | ${cells.map((c) => c?.errors ?? '–').join(' · ')} | ${cells.map((c) => c?.verified ?? '–').join(' · ')} |`;
  });
  return [head, `|${'---|'.repeat(13)}`, ...rows].join('\n');
}

function loadTable(run: BenchRun): string {
  const head = '| size | files | relations loaded | load time s | relations/s | graph after: relations · entities · facts |';
  const rows = run.sizes.map((s) => `| ${sizeLabel(s.generatedRelations)} | ${s.load.files} | ${s.load.relations.toLocaleString('en')} | ${fmt(s.load.ms / 1000)} | ${Math.round(s.load.relationsPerSecond).toLocaleString('en')} | ${s.graph.relations.toLocaleString('en')} · ${s.graph.entities.toLocaleString('en')} · ${s.graph.facts.toLocaleString('en')} |`);
  return [head, '|---|---|---|---|---|---|', ...rows].join('\n');
}

// ----------------------------------------------------------------------------------------------------- goals

interface Goal {
  goal: string;
  measured: string;
  met: boolean;
}

function goals(run: BenchRun): Goal[] {
  const last = run.sizes.at(-1);
  const first = run.sizes[0];
  if (!last || !first) return [];
  const out: Goal[] = [];
  for (const size of run.sizes) {
    const ratios = OPS.map((op) => ({ op, r: ratio(cellOf(size, op, 'ours')?.p50Ms, cellOf(size, op, 'raw')?.p50Ms) }));
    const lookup = ratios.find((x) => x.op === 'EntityLookup')!.r;
    const others = ratios.filter((x) => x.op !== 'EntityLookup');
    out.push({ goal: `${sizeLabel(size.generatedRelations)}: ours p50 ≤ 1.3 × raw on EntityLookup`, measured: `${fmt(lookup, 2)}×`, met: lookup <= 1.3 });
    out.push({ goal: `${sizeLabel(size.generatedRelations)}: ours p50 ≤ 1.5 × raw on the others`, measured: others.map((x) => `${x.op} ${fmt(x.r, 2)}×`).join(', '), met: others.every((x) => x.r <= 1.5) });
    const nested = ratio(cellOf(size, 'Nested', 'ours')?.requestsPerSecond, cellOf(size, 'Nested', 'peer')?.requestsPerSecond);
    out.push({ goal: `${sizeLabel(size.generatedRelations)}: ours ≥ 2 × the peer's throughput on Nested`, measured: `${fmt(nested, 2)}×`, met: nested >= 2 });
    const versus = OPS.map((op) => ({ op, r: ratio(cellOf(size, op, 'ours')?.requestsPerSecond, cellOf(size, op, 'peer')?.requestsPerSecond) }));
    out.push({ goal: `${sizeLabel(size.generatedRelations)}: ours not slower than the peer on any operation`, measured: versus.map((x) => `${x.op} ${fmt(x.r, 2)}×`).join(', '), met: versus.every((x) => x.r >= 1) });
  }
  const trips = last.cells.filter((c) => c.system === 'ours' && isRead(c.op));
  out.push({ goal: 'one database round trip per root field (ours; every operation has one root field)', measured: trips.map((c) => `${c.op} ${fmt(c.roundTrips, 2)}`).join(', '), met: trips.every((c) => c.roundTrips <= 1) });
  const million = run.sizes.find((s) => s.generatedRelations >= 1_000_000);
  out.push({ goal: '10^6 relations load in under 60 s through the import path', measured: million ? `${fmt(million.load.ms / 1000)} s (${Math.round(million.load.relationsPerSecond).toLocaleString('en')} relations/s)` : 'not run', met: million !== undefined && million.load.ms < 60_000 });
  for (const op of ['EntityLookup', 'Neighborhood'] as const) {
    const growth = ratio(cellOf(last, op, 'ours')?.p50Ms, cellOf(first, op, 'ours')?.p50Ms);
    out.push({ goal: `${op} p50 grows ≤ 2 × from ${sizeLabel(first.generatedRelations)} to ${sizeLabel(last.generatedRelations)} (ours)`, measured: `${fmt(cellOf(first, op, 'ours')?.p50Ms ?? NaN, 2)} → ${fmt(cellOf(last, op, 'ours')?.p50Ms ?? NaN, 2)} ms: ${fmt(growth, 2)}×`, met: growth <= 2 });
  }
  const heaps = run.repeatedHeapAfter;
  const growth = heaps.length > 1 ? heaps.at(-1)! / heaps[0]! : NaN;
  out.push({ goal: 'no memory growth across repeated runs (our heap after GC, last ÷ first round ≤ 1.1)', measured: `${heaps.map((h) => `${mb(h)} MB`).join(' → ')}: ${fmt(growth, 2)}×`, met: growth <= 1.1 });
  return out;
}

/** What limits each goal that is not met, from what the profiles and experiments showed (see the README). */
function limits(goalRows: Goal[]): string {
  const unmet = (pattern: RegExp) => goalRows.some((g) => !g.met && pattern.test(g.goal));
  const notes: string[] = [];
  if (unmet(/× raw/)) {
    notes.push(
      '- **ours against raw.** Raw runs the very statement ours runs, inside one process, with no HTTP, no GraphQL and no JSON. ' +
        'Ours adds parsing the request, executing the selection, serializing the answer and the load generator reading it, on the ' +
        'same 2 cores as Neo4j: a few milliseconds per request, which is a large share of an operation that costs Neo4j 5 ms and a ' +
        'small one of a 100 ms one. A CPU profile of the server under this load (BENCH_CPU_PROFILE_DIR) puts most of the rest in ' +
        'the Bolt driver decoding records and in GC, not in our code.',
    );
  }
  if (unmet(/load in under 60 s/)) {
    notes.push(
      '- **10^6 relations in under 60 s.** Each relation is a fact node, a citation node and about eight relationships ' +
        '(ABOUT to each participant, CITED_BY, QUOTED_FROM, SAID_BY, REPORTED_BY, the projected relation), with their index ' +
        'entries: about 9 million records for 10^6 relations, written by one transaction per file and committed by one thread. ' +
        'Loading two files at once was no faster (both lock the shared hub entities, so the second waits).',
    );
  }
  if (unmet(/peer's throughput on Nested/)) {
    notes.push(
      "- **twice the peer on Nested, at the smallest size.** Ours gains on Nested by expanding each entity once per level, " +
        "however often the level above reaches it; the peer expands it at every occurrence. In a small graph few entities recur " +
        'and no hub is large, so there is little repeated work to save; the ratio grows with the graph (see the other sizes).',
    );
  }
  if (unmet(/not slower than the peer/)) notes.push('- **not slower than the peer.** See the per-size tables for the operation and size.');
  if (unmet(/grows/)) notes.push('- **growth with size.** Pages of a hub\'s relations are ordered by relation id, which reads every relation of the hub.');
  return notes.length ? `\n### What limits the goals not met\n\n${notes.join('\n')}\n` : '';
}

// ----------------------------------------------------------------------------------------------------- chart

async function chartSvg(run: BenchRun): Promise<string> {
  const values = run.sizes.flatMap((size) =>
    size.cells.filter((c) => Number.isFinite(c.p50Ms)).map((c) => ({ relations: size.graph.relations, operation: c.op, system: c.system, p50: c.p50Ms })),
  );
  const spec: vegaLite.TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: 'p50 latency against graph size', subtitle: `${run.machine.cpus} cores, ${run.settings.concurrency} concurrent requests, ${run.date.slice(0, 10)}` },
    data: { values },
    facet: { field: 'operation', type: 'nominal', title: null, sort: [...OPS, ...WRITE_OPERATION_NAMES] },
    columns: 3,
    spec: {
      width: 220,
      height: 160,
      mark: { type: 'line', point: true },
      encoding: {
        x: { field: 'relations', type: 'quantitative', scale: { type: 'log', nice: false }, title: 'relations in the graph', axis: { format: '~s' } },
        y: { field: 'p50', type: 'quantitative', scale: { type: 'log' }, title: 'p50 ms' },
        color: { field: 'system', type: 'nominal', scale: { domain: [...SYSTEMS], range: ['#7f7f7f', '#1f77b4', '#d62728'] } },
      },
    },
    resolve: { scale: { y: 'independent' } },
    config: { font: 'sans-serif' },
  };
  const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}

// ---------------------------------------------------------------------------------------------------- report

export async function writeReport(run: BenchRun, markdownFile: string, resultsDir: string): Promise<{ table: string; files: string[] }> {
  const jsonFile = path.join(resultsDir, 'latest.json');
  const svgFile = path.join(resultsDir, 'latency-vs-size.svg');
  writeFileSync(jsonFile, `${JSON.stringify(run, null, 2)}\n`);
  writeFileSync(svgFile, await chartSvg(run));
  const goalList = goals(run);
  const goalRows = goalList.map((g) => `| ${g.met ? 'met' : '**not met**'} | ${g.goal} | ${g.measured} |`);
  const perSize = run.sizes.map((s) => `### ${sizeLabel(s.generatedRelations)} relations generated (graph: ${s.graph.relations.toLocaleString('en')} relations)\n\n${speedTable(s)}\n\n${costTable(s)}${writeTable(s) ? `\n\nWrites, after the reads of this size:\n\n${writeTable(s)}` : ''}`);
  const m = run.machine;
  const markdown = `# Benchmarks

Written by \`npm run bench\` (bench/run.ts) on ${run.date}; raw data in [bench/results/latest.json](bench/results/latest.json).
Every number below comes from that one run, on one machine, with the three systems measured one after another
on the same Neo4j and the same data. Rerun it to refresh this file.

- **Machine**: ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, ${m.os}; load average at start ${m.loadAverageAtStart.join(' / ')} (shared machine).
- **Versions**: ${Object.entries(run.versions).map(([k, v]) => `${k} ${v}`).join(', ')}.
- **Settings**: ${run.settings.concurrency} concurrent requests (closed loop), ${run.settings.durationMs / 1000} s per cell after ${run.settings.warmupMs / 1000} s of warm-up, ${run.settings.inputsPerOperation} inputs per operation rotated request by request (the 4 biggest hubs and 12 entities spread over the id order); Neo4j heap ${run.settings.neo4jHeap}, page cache ${run.settings.neo4jPageCache}. Total run ${fmt(run.totalMs / 60_000)} min.
- **Systems**: *raw* = the exact Cypher statements our server runs for the operation, in the same order, through neo4j-driver (no GraphQL, no HTTP); *ours* = this server over HTTP in production mode; *peer* = @neo4j/graphql ${run.versions['@neo4j/graphql'] ?? ''} on Apollo Server over HTTP, type definitions in bench/peer/type-defs.graphql. Before timing, every answer of raw and the peer is compared with ours (bench/peer/operations.ts normalizes both); a system whose answers differ is not timed.
- **Operations** (bench/peer/operations.ts): EntityLookup (entity by id, its first 20 relations, each relation's fact and citations with their document, speaker and medium), Search (10 hits by name), Neighborhood (depth 2, capped at 200 entities), ShortestPath (at most 4 hops), Nested (entity → 10 relations → entity → 5 relations → entity → 3 facts).
- **Writes** (bench/write-operations.ts), after the reads of each size, each request with its own ids, about the benchmark's own 16 entities and document (never read by the cells above): AssertFact (a binary fact with one quote), RetractFact (each fact AssertFact asserted, once: the cell stops when they run out), UpsertEntity (a new entity). *ours* over HTTP with a write key; *raw* through our write layer (the same statements, one transaction each); *peer* through @neo4j/graphql's generated mutations. Each system's write is checked first (the graph read back: the fact, its ABOUT edges, its citation at the quote's offsets, its retraction). Not the same work: ours writes the revision log, finds the quote's offsets, projects the relation and keeps history edges; every write of ours takes the revision log's lock, so they commit one at a time; the peer writes the nodes and edges only, concurrently.

## Goals

| status | goal | measured |
|---|---|---|
${goalRows.join('\n')}
${limits(goalList)}
## Latency against graph size

![p50 latency against graph size](bench/results/latency-vs-size.svg)

## Loading (the project's import path: validation, then one transaction per knowledge file, batched UNWIND)

${loadTable(run)}

## Per size

${perSize.join('\n\n')}

## Memory across repeated runs

Our server's heap after a forced GC, after each size: ${run.sizes.map((s) => `${sizeLabel(s.generatedRelations)} ${mb(s.heapAfter.ours)} MB`).join(', ')};
after ${run.repeatedHeapAfter.length} extra rounds of all five operations at the largest size: ${run.repeatedHeapAfter.map((h) => `${mb(h)} MB`).join(' → ')}.
The peer: ${run.sizes.map((s) => `${sizeLabel(s.generatedRelations)} ${mb(s.heapAfter.peer)} MB`).join(', ')}.
`;
  writeFileSync(markdownFile, markdown);
  const last = run.sizes.at(-1);
  const table = last ? `${sizeLabel(last.generatedRelations)} relations:\n${speedTable(last)}\n\n${costTable(last)}\n\n${writeTable(last)}\n\n${goalRows.join('\n')}` : '(no sizes run)';
  return { table, files: [markdownFile, jsonFile, svgFile] };
}
