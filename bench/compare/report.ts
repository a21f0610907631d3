/**
 * Renders a benchmark run: the table printed at the end of `npm run bench`, BENCHMARKS.md (machine, versions,
 * date, tables, goals, chart), the raw JSON, and the latency-against-size chart as SVG (Vega-Lite compiled to
 * Vega, rendered headless: no browser, no canvas).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as vega from 'vega';
import * as vegaLite from 'vega-lite';
import type { LoopResult } from './closed-loop.ts';
import type { OperationName } from '../peer/operations.ts';
import { WRITE_OPERATION_NAMES, type WriteOperationName } from '../write-operations.ts';
import { MEMBER_RAM_BYTES, project } from './projection.ts';
import { SYSTEMS, type BenchRun, type Cell, type SizeRun, type SystemName } from './results.ts';

const OPS: readonly OperationName[] = ['EntityLookup', 'Search', 'Neighborhood', 'ShortestPath', 'Nested'];
const isRead = (op: Cell['op']): op is OperationName => (OPS as readonly string[]).includes(op);
const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : '–');
const mb = (bytes: number) => fmt(bytes / 2 ** 20, 0);
/** 10^6, or 2·10^6 for sizes between powers of ten. */
export const sizeLabel = (n: number) => {
  const power = Math.floor(Math.log10(n) + 1e-9);
  const mantissa = n / 10 ** power;
  return `${Math.abs(mantissa - 1) < 1e-9 ? '' : `${fmt(mantissa, Number.isInteger(mantissa) ? 0 : 1)}·`}10^${power}`;
};

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
  const phaseNames = [...new Set(run.sizes.flatMap((s) => Object.keys(s.load.phases)))];
  const head = `| size | path | files | relations loaded | files → first answered query s | relations/s | ${phaseNames.map((p) => `${p} s`).join(' | ')} | generate s (not counted) | graph: relations · entities · facts |`;
  const rows = run.sizes.map(
    (s) =>
      `| ${sizeLabel(s.generatedRelations)} | ${s.load.path} | ${s.load.files} | ${s.load.relations.toLocaleString('en')} | ${fmt(s.load.ms / 1000)} | ${Math.round(s.load.relationsPerSecond).toLocaleString('en')} | ${phaseNames.map((p) => fmt((s.load.phases[p] ?? NaN) / 1000, 1)).join(' | ')} | ${fmt(s.load.generateMs / 1000)} | ${s.graph.relations.toLocaleString('en')} · ${s.graph.entities.toLocaleString('en')} · ${s.graph.facts.toLocaleString('en')} |`,
  );
  const notes = [...new Set(run.sizes.flatMap((s) => (s.load.note ? [s.load.note] : [])))];
  const inc = run.incremental;
  const incremental = inc
    ? `\n\nIncremental path (loadKnowledgeFile: validation, then one transaction per file, batched UNWIND), once, ${inc.relations.toLocaleString('en')} relations in ${inc.files} file(s) into an empty database: **${fmt(inc.ms / 1000)} s, ${Math.round(inc.relationsPerSecond).toLocaleString('en')} relations/s**${inc.note ? ` (${inc.note})` : ''}.`
    : '\n\nIncremental path: not run.';
  return [head, `|${'---|'.repeat(8 + phaseNames.length)}`, ...rows].join('\n') + (notes.length ? `\n\n${notes.map((n) => `- ${n}`).join('\n')}` : '') + incremental;
}

/** The writes of every size side by side, with ours against raw (p50) and against the peer's create mutation (req/s). */
function writeRatios(run: BenchRun): string {
  const head = '| size | write | ours p50 ms | ours p99 ms | ours req/s | ours p50 ÷ raw | ours req/s ÷ raw | ours req/s ÷ peer | ours p50 ÷ peer |';
  const rows = run.sizes.flatMap((size) =>
    WRITE_OPERATION_NAMES.flatMap((op) => {
      const [raw, ours, peer] = SYSTEMS.map((s) => cellOf(size, op, s));
      if (!ours) return [];
      return [`| ${sizeLabel(size.generatedRelations)} | ${op} | ${fmt(ours.p50Ms, 2)} | ${fmt(ours.p99Ms, 2)} | ${fmt(ours.requestsPerSecond, 1)} | ${fmt(ratio(ours.p50Ms, raw?.p50Ms), 2)}× | ${fmt(ratio(ours.requestsPerSecond, raw?.requestsPerSecond), 2)}× | ${fmt(ratio(ours.requestsPerSecond, peer?.requestsPerSecond), 2)}× | ${fmt(ratio(ours.p50Ms, peer?.p50Ms), 2)}× |`];
    }),
  );
  return rows.length ? [head, `|${'---|'.repeat(9)}`, ...rows].join('\n') : 'No writes were run.';
}

/** `48 (GraphQL DATABASE_TIMEOUT 40, network ECONNRESET 8)`: the count, then by cause where the run counted them. */
function errorsCell(result: LoopResult): string {
  const causes = Object.entries(result.errorsByCause ?? {}).sort(([, a], [, b]) => b - a);
  if (causes.length > 0) return `${result.errors} (${causes.map(([cause, n]) => `${cause} ${n}`).join(', ')})`;
  return result.firstError ? `${result.errors} (${result.firstError.slice(0, 120)})` : String(result.errors);
}

function mixTable(run: BenchRun): string {
  const size = run.sizes.find((s) => s.mix);
  const mix = size?.mix;
  if (!size || !mix) return 'The 90/10 mix did not run (no size chosen, or its check failed: see the run\'s output).';
  const r = mix.readsOnly.reads;
  const w = mix.withWrites.reads;
  const writes = mix.withWrites.writes;
  return [
    `At ${sizeLabel(size.generatedRelations)} relations, on ours, ${mix.connections} connections, ${mix.durationSeconds} s per phase (bench/query-mix.ts \`runMixRounds\`, as \`npm run bench:load\`; the mix's reads are the article's queries of bench/query-mix.ts):`,
    '',
    '| phase | reads | reads p50 ms | reads p99 ms | read errors | writes | writes p50 ms | writes p99 ms | write errors | req/s |',
    '|---|---|---|---|---|---|---|---|---|---|',
    `| reads only | ${r.requests} | ${fmt(r.p50Ms, 1)} | ${fmt(r.p99Ms, 1)} | ${errorsCell(r)} | – | – | – | – | ${fmt(mix.readsOnly.requestsPerSecond, 0)} |`,
    `| 90 % reads, 10 % writes | ${w.requests} | ${fmt(w.p50Ms, 1)} | ${fmt(w.p99Ms, 1)} | ${errorsCell(w)} | ${writes?.requests ?? '–'} | ${fmt(writes?.p50Ms ?? NaN, 1)} | ${fmt(writes?.p99Ms ?? NaN, 1)} | ${writes ? errorsCell(writes) : '–'} | ${fmt(mix.withWrites.requestsPerSecond, 0)} |`,
    '',
    `Reads' p99 with writes ÷ without: **${fmt(ratio(w.p99Ms, r.p99Ms), 2)}×**; our heap after GC ${mb(mix.heapReadsOnly)} MB → ${mb(mix.heapWithWrites)} MB.`,
  ].join('\n');
}

function routingSection(run: BenchRun): string {
  const routing = run.routing;
  if (!routing) return 'Not read.';
  const schemes = Object.entries(routing.uris).map(([system, uri]) => `${system} \`${uri.split('://')[0]}://\` (${uri})`);
  return [
    `Every driver connects through a routing URI: ${schemes.join(', ')}. The routing table, as the bench's own driver read it (\`CALL dbms.routing.getRoutingTable({}, 'neo4j')\` on the system database), ttl ${routing.ttlSeconds} s:`,
    '',
    '| role | addresses |',
    '|---|---|',
    ...routing.servers.map((s) => `| ${s.role} | ${s.addresses.join(', ')} |`),
    '',
    'A single Community server answers routing for itself: it is the writer, a reader and a router, so the drivers send reads and writes to the one member, as they would route reads to secondaries in a cluster.',
  ].join('\n');
}

/** Noise per cell (ours and the peer, two passes each) and the largest per size. */
function noiseTable(run: BenchRun): string {
  const head = `| size | ${OPS.map((op) => `${op} ours · peer`).join(' | ')} | max |`;
  const rows = run.sizes.map((size) => {
    const noise = (op: OperationName, s: SystemName) => cellOf(size, op, s)?.noise ?? NaN;
    const all = OPS.flatMap((op) => [noise(op, 'ours'), noise(op, 'peer')]).filter(Number.isFinite);
    return `| ${sizeLabel(size.generatedRelations)} | ${OPS.map((op) => `${pct(noise(op, 'ours'))} · ${pct(noise(op, 'peer'))}`).join(' | ')} | ${pct(all.length ? Math.max(...all) : NaN)} |`;
  });
  return [
    'Ours and the peer are timed twice per read cell, in alternating order (ours, peer, then peer, ours: a drift of the shared machine during an operation weighs on both alike); a cell\'s figures are the mean of its two passes. Noise = |p50 of pass 1 − p50 of pass 2| ÷ their mean:',
    '',
    head,
    `|${'---|'.repeat(OPS.length + 2)}`,
    ...rows,
  ].join('\n');
}

const pct = (x: number) => (Number.isFinite(x) ? `${fmt(x * 100, 1)} %` : '–');
const gib = (bytes: number) => fmt(bytes / 2 ** 30, 1);

function storeTable(run: BenchRun): string {
  const head = '| size | store MB (databases/neo4j) | transactions MB | nodes | relationships | entities | hub org-00001 degree | Neo4j heap used MB (of max) | page cache used MB |';
  const rows = run.sizes.map((s) => {
    const t = s.store;
    return `| ${sizeLabel(s.generatedRelations)} | ${mb(t.storeBytes)} | ${mb(t.transactionBytes)} | ${t.nodes.toLocaleString('en')} | ${t.relationships.toLocaleString('en')} | ${t.entities.toLocaleString('en')} | ${t.hubDegree.toLocaleString('en')} | ${mb(t.heapUsedBytes)} (${mb(t.heapMaxBytes)}) | ${mb(t.pageCacheUsedBytes)} (${t.pageCacheSource}) |`;
  });
  return [head, `|${'---|'.repeat(9)}`, ...rows].join('\n');
}

function projectionSection(run: BenchRun): string {
  const p = project(run);
  if (!p) return 'No store figures (against BENCH_NEO4J_URI the store is not on this machine).';
  const days = (seconds: number) => `${fmt(seconds / 3600, 1)} h (${fmt(seconds / 86_400, 2)} days)`;
  const members = [1, 2, 4].map((n) => `${n} secondar${n === 1 ? 'y' : 'ies'} ≈ ${Math.round(p.lookupsPerSecondPerMember * (3 + n)).toLocaleString('en')}`).join(', ');
  const breaks = [
    { what: 'memory (page cache to keep the store hot)', at: p.memoryLimitRelations, text: `a member with ${gib(MEMBER_RAM_BYTES)} GiB holds a hot store up to ≈ ${fmt(p.memoryLimitRelations / 1e6, 0)} M relations (RAM − heap in use − 8 GiB for the OS, ÷ 1.1); 10^8 needs ≈ ${gib(p.pageCacheBytes)} GiB of page cache per member` },
    { what: 'single-writer revision sequence', at: NaN, text: `every write takes the revision log's lock and commits on the leader: the cluster writes ≈ ${fmt(p.writesPerSecond, 1)} AssertFact/s at most (measured, ours, one member), however many members; loading 10^8 relations incrementally at ${Math.round(run.incremental?.relationsPerSecond ?? NaN).toLocaleString('en')} relations/s takes ${days(p.incrementalSeconds)}` },
    { what: 'bulk import only on an empty store', at: NaN, text: `the import writes a new store offline: ${days(p.bulkSeconds)} for 10^8 at the largest size's rate, then the store is seeded to every member; afterwards only the incremental path adds data` },
    { what: 'full-text index', at: NaN, text: `≈ ${Math.round(p.entities).toLocaleString('en')} entities at 10^8 (${fmt(p.entitiesPerRelation, 4)} per relation, fitted); the search index is one Lucene index per member, rebuilt on each after a bulk import` },
    { what: "hubs' degree", at: NaN, text: `the biggest hub's degree grows as relations^${fmt(p.hubExponent, 2)}: ≈ ${Math.round(p.hubDegree).toLocaleString('en')} relationships at 10^8; a page of its relations still reads every one of them (ordered by relation id), and Neighborhood and ShortestPath expand hubs too` },
  ];
  return [
    `Fitted over ${p.sizes} sizes (least squares, store + transaction logs against relations): **${fmt(p.perRelationBytes, 0)} bytes per relation** (intercept ${mb(p.interceptBytes)} MB); per relation ${fmt(p.nodesPerRelation, 2)} nodes and ${fmt(p.relationshipsPerRelation, 2)} relationships (largest size).`,
    '',
    `At 10^8 relations, a cluster of 3 primaries + N secondaries (every member holds the whole store; reads go to secondaries through the routing driver, writes to the leader):`,
    '',
    '| per member | at 10^8 |',
    '|---|---|',
    `| store on disk | ${gib(p.storeBytes)} GiB |`,
    `| page cache to keep it hot (store + 10 %) | ${gib(p.pageCacheBytes)} GiB |`,
    `| heap | ${mb(p.heapUsedBytes)} MB in use at the largest size; the heap holds queries, not the store, so it grows with concurrency, not with size |`,
    `| EntityLookup req/s (ours, one member, this machine) | ${fmt(p.lookupsPerSecondPerMember, 0)}; reads across 3 + N members: ${members} |`,
    '',
    'What gives first, from these figures:',
    '',
    ...breaks.map((b, i) => `${i + 1}. **${b.what}**: ${b.text}.`),
  ].join('\n');
}

function partsTable(run: BenchRun): string {
  return ['| part | s |', '|---|---|', ...run.parts.map((p) => `| ${p.part} | ${fmt(p.seconds, 0)} |`)].join('\n');
}

// ----------------------------------------------------------------------------------------------------- goals

interface Goal {
  goal: string;
  measured: string;
  met: boolean;
  /** Why it is not met, from the figures (shown under the table). */
  limit?: string;
}

/** Issue 11's run (bench/results/issue-11-baseline.json): the figures issue 12's goals are relative to. */
export type Baseline = BenchRun;

const atSize = (run: BenchRun, relations: number) => run.sizes.find((s) => s.generatedRelations === relations);
const p50 = (size: SizeRun | undefined, op: OperationName, s: SystemName) => (size ? (cellOf(size, op, s)?.p50Ms ?? NaN) : NaN);

/** Ahead of the peer by more than the noise: ours' p50 × (1 + the larger noise of the two cells) below the peer's. */
function ahead(size: SizeRun, op: OperationName): { margin: number; noise: number; met: boolean } {
  const ours = cellOf(size, op, 'ours');
  const peer = cellOf(size, op, 'peer');
  const noise = Math.max(ours?.noise ?? NaN, peer?.noise ?? NaN);
  const margin = ratio(peer?.p50Ms, ours?.p50Ms) - 1;
  return { margin, noise, met: margin > noise };
}

function goals(run: BenchRun, baseline: Baseline | undefined): Goal[] {
  const out: Goal[] = [];
  const million = atSize(run, 1_000_000);
  // 1. Bulk load of 10^6 in 60 s.
  out.push({
    goal: '10^6 relations: knowledge files → first answered query ≤ 60 s (bulk path)',
    measured: million ? `${fmt(million.load.ms / 1000)} s by the ${million.load.path} path (${Object.entries(million.load.phases).map(([k, v]) => `${k} ${fmt(v / 1000, 1)} s`).join(', ')})` : 'not run',
    met: million !== undefined && million.load.path === 'bulk' && million.load.ms <= 60_000,
    limit: million ? `the largest phase is ${Object.entries(million.load.phases).sort((a, b) => b[1] - a[1])[0]?.[0] ?? '?'}${million.load.path === 'bulk' ? '' : `; ${million.load.note ?? 'the bulk path did not run'}`}` : undefined,
  });
  // 2. Incremental throughput.
  const inc = run.incremental;
  out.push({
    goal: 'incremental path (loadKnowledgeFile) ≥ 10,000 relations/s',
    measured: inc ? `${Math.round(inc.relationsPerSecond).toLocaleString('en')} relations/s (${inc.relations.toLocaleString('en')} relations in ${fmt(inc.ms / 1000)} s)` : 'not run',
    met: inc !== null && inc.relationsPerSecond >= 10_000,
    limit: inc ? `${fmt(10_000 / inc.relationsPerSecond, 1)}× short: one transaction per file, committed by one thread on ${run.machine.cpus} cores shared with Neo4j` : undefined,
  });
  // 3. EntityLookup tail at 10^6.
  const lookup = million ? cellOf(million, 'EntityLookup', 'ours') : undefined;
  out.push({
    goal: '10^6: EntityLookup p99 ≤ 3 × p50 (ours)',
    measured: lookup ? `p50 ${fmt(lookup.p50Ms, 2)} ms, p99 ${fmt(lookup.p99Ms, 2)} ms: ${fmt(ratio(lookup.p99Ms, lookup.p50Ms), 2)}×` : 'not run',
    met: lookup !== undefined && lookup.p99Ms <= 3 * lookup.p50Ms,
    limit: lookup ? `raw's p99 ÷ p50 on the same inputs is ${fmt(ratio(cellOf(million!, 'EntityLookup', 'raw')?.p99Ms, cellOf(million!, 'EntityLookup', 'raw')?.p50Ms), 2)}×: the hubs among the 16 inputs cost more than the other entities in Neo4j itself` : undefined,
  });
  // 4. Nested p50 at 10^6 halved against the baseline.
  const before = p50(baseline ? atSize(baseline, 1_000_000) : undefined, 'Nested', 'ours');
  const now = p50(million, 'Nested', 'ours');
  out.push({
    goal: `10^6: Nested p50 ≤ half of issue 11's (${fmt(before, 2)} ms, bench/results/issue-11-baseline.json)`,
    measured: `${fmt(now, 2)} ms: ${fmt(ratio(now, before), 2)}× the baseline (raw now ${fmt(p50(million, 'Nested', 'raw'), 2)} ms)`,
    met: now <= before / 2,
    limit: `raw, the same statement without HTTP and GraphQL, takes ${fmt(p50(million, 'Nested', 'raw'), 2)} ms: ${fmt(ratio(p50(million, 'Nested', 'raw'), now) * 100, 0)} % of ours is the statement in Neo4j`,
  });
  // 5. Ours against raw at 10^5 and 10^6.
  for (const relations of [100_000, 1_000_000]) {
    const size = atSize(run, relations);
    const ratios = OPS.map((op) => ({ op, r: ratio(p50(size, op, 'ours'), p50(size, op, 'raw')) }));
    const worst = [...ratios].sort((a, b) => b.r - a.r)[0]!;
    out.push({
      goal: `${sizeLabel(relations)}: ours p50 ≤ 1.3 × raw on every operation`,
      measured: size ? ratios.map((x) => `${x.op} ${fmt(x.r, 2)}×`).join(', ') : 'not run',
      met: size !== undefined && ratios.every((x) => x.r <= 1.3),
      limit: size ? `worst ${worst.op}: ours ${fmt(p50(size, worst.op, 'ours'), 2)} ms against raw ${fmt(p50(size, worst.op, 'raw'), 2)} ms, ${fmt(p50(size, worst.op, 'ours') - p50(size, worst.op, 'raw'), 2)} ms of HTTP, GraphQL and JSON per request on the cores Neo4j uses` : undefined,
    });
  }
  // 6. Ahead of the peer by more than the noise; 7. twice the peer on Nested.
  for (const size of run.sizes) {
    const rows = OPS.map((op) => ({ op, ...ahead(size, op) }));
    const behind = rows.filter((x) => !x.met);
    out.push({
      goal: `${sizeLabel(size.generatedRelations)}: ours ahead of the peer by more than the noise on every operation (peer p50 ÷ ours − 1 > noise)`,
      measured: rows.map((x) => `${x.op} ${pct(x.margin)} (noise ${pct(x.noise)})`).join(', '),
      met: behind.length === 0,
      limit: behind.length ? `${behind.map((x) => `${x.op}: ${pct(x.margin)} against a noise of ${pct(x.noise)}`).join('; ')}` : undefined,
    });
    const nested = ratio(cellOf(size, 'Nested', 'ours')?.requestsPerSecond, cellOf(size, 'Nested', 'peer')?.requestsPerSecond);
    out.push({
      goal: `${sizeLabel(size.generatedRelations)}: ours ≥ 2 × the peer's throughput on Nested`,
      measured: `${fmt(nested, 2)}×`,
      met: nested >= 2,
      limit: `ours expands each entity once per level, the peer at every occurrence: the saving grows with repeated entities and hubs (Nested ours ÷ raw ${fmt(ratio(p50(size, 'Nested', 'ours'), p50(size, 'Nested', 'raw')), 2)}× here)`,
    });
  }
  // 8. Memory against the baseline.
  const heap = run.repeatedHeapAfter.at(-1) ?? NaN;
  const heapBefore = baseline?.repeatedHeapAfter.at(-1) ?? NaN;
  const growth = run.repeatedHeapAfter.length > 1 ? run.repeatedHeapAfter.at(-1)! / run.repeatedHeapAfter[0]! : NaN;
  out.push({
    goal: "memory unchanged or lower than issue 11's (our heap after GC after the repeated rounds; ≤ 1.1× for GC timing), and flat across rounds",
    measured: `${mb(heap)} MB against ${mb(heapBefore)} MB: ${fmt(ratio(heap, heapBefore), 2)}×; rounds ${run.repeatedHeapAfter.map((h) => `${mb(h)} MB`).join(' → ')} (${fmt(growth, 2)}×)`,
    met: heap <= 1.1 * heapBefore && growth <= 1.1,
    limit: `the heap grew by ${mb(heap - heapBefore)} MB: what the baseline run's server did not hold is the candidate (issue 11's persisted-query store, trusted documents, federation and HTTP-cache code, loaded whether used or not; not profiled)`,
  });
  // 9. One statement per root field.
  const trips = run.sizes.flatMap((s) => s.cells.filter((c) => c.system === 'ours' && isRead(c.op)));
  const worst = Math.max(...trips.map((c) => c.roundTrips));
  out.push({
    goal: 'one database statement per root field (ours; every operation has one root field), every size',
    measured: `at most ${fmt(worst, 2)} statements per operation (${[...new Set(trips.filter((c) => c.roundTrips > 1).map((c) => c.op))].join(', ') || 'every operation 1.00'})`,
    met: worst <= 1,
    limit: 'an operation sent more than one statement: see the per-size cost tables',
  });
  return out;
}

/** What limits each goal not met, from the figures the goal itself computed. */
function limits(goalRows: Goal[]): string {
  const notes = goalRows.filter((g) => !g.met && g.limit).map((g) => `- **${g.goal}**: ${g.limit}.`);
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

function readBaseline(resultsDir: string): Baseline | undefined {
  const file = path.join(resultsDir, 'issue-11-baseline.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Baseline) : undefined;
}

export async function writeReport(run: BenchRun, markdownFile: string, resultsDir: string): Promise<{ table: string; files: string[] }> {
  const jsonFile = path.join(resultsDir, 'latest.json');
  const svgFile = path.join(resultsDir, 'latency-vs-size.svg');
  writeFileSync(jsonFile, `${JSON.stringify(run, null, 2)}\n`);
  writeFileSync(svgFile, await chartSvg(run));
  const goalList = goals(run, readBaseline(resultsDir));
  const goalRows = goalList.map((g) => `| ${g.met ? 'met' : '**not met**'} | ${g.goal} | ${g.measured} |`);
  const perSize = run.sizes.map((s) => `### ${sizeLabel(s.generatedRelations)} relations generated (graph: ${s.graph.relations.toLocaleString('en')} relations)\n\n${speedTable(s)}\n\n${costTable(s)}${writeTable(s) ? `\n\nWrites, after the reads of this size:\n\n${writeTable(s)}` : ''}`);
  const m = run.machine;
  const markdown = `# Benchmarks

Written by \`npm run bench\` (bench/run.ts) on ${run.date}; raw data in [bench/results/latest.json](bench/results/latest.json); the baseline (issue 11's run) in [bench/results/issue-11-baseline.json](bench/results/issue-11-baseline.json).
Every number below comes from that one run, on one machine, with the three systems measured side by side on the same Neo4j
and the same data; every ratio is taken within the run. Rerun it to refresh this file.

- **Machine**: ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, ${m.os}; load average at start ${m.loadAverageAtStart.join(' / ')} (shared machine).
- **Versions**: ${Object.entries(run.versions).map(([k, v]) => `${k} ${v}`).join(', ')}.
- **Settings**: ${run.settings.concurrency} concurrent requests (closed loop), ${run.settings.durationMs / 1000} s per cell after ${run.settings.warmupMs / 1000} s of warm-up, ${run.settings.inputsPerOperation} inputs per operation rotated request by request (the 4 biggest hubs and 12 entities spread over the id order); Neo4j heap ${run.settings.neo4jHeap}, page cache ${run.settings.neo4jPageCache}. Total run ${fmt(run.totalMs / 60_000)} min.
- **Graphs**: each size is its own graph, data/knowledge plus the synthetic shards (bench/synthetic), made by the bulk path (\`bulkLoadKnowledgeFiles\` then \`startAfterBulkLoad\`) with the three systems and Neo4j stopped, the systems started again after; the time is from the knowledge files to the first request answered by ours.
- **Systems**: *raw* = the exact Cypher statements our server runs for the operation, in the same order, through neo4j-driver (no GraphQL, no HTTP); *ours* = this server over HTTP in production mode; *peer* = @neo4j/graphql ${run.versions['@neo4j/graphql'] ?? ''} on Apollo Server over HTTP, type definitions in bench/peer/type-defs.graphql. Before timing, every answer of raw and the peer is compared with ours (bench/peer/operations.ts normalizes both); a system whose answers differ is not timed.
- **Operations** (bench/peer/operations.ts): EntityLookup (entity by id, its first 20 relations, each relation's fact and citations with their document, speaker and medium), Search (10 hits by name), Neighborhood (depth 2, capped at 200 entities), ShortestPath (at most 4 hops), Nested (entity → 10 relations → entity → 5 relations → entity → 3 facts).
- **Writes** (bench/write-operations.ts), after the reads of each size, each request with its own ids, about the benchmark's own 16 entities and document (never read by the cells above): AssertFact (a binary fact with one quote), RetractFact (each fact AssertFact asserted, once: the cell stops when they run out), UpsertEntity (a new entity). *ours* over HTTP with a write key; *raw* through our write layer (the same statements, one transaction each); *peer* through @neo4j/graphql's generated create/update mutations. Each system's write is checked first (the graph read back). Not the same work: ours writes the revision log, finds the quote's offsets, projects the relation and keeps history edges; every write of ours takes the revision log's lock, so they commit one at a time; the peer writes the nodes and edges only, concurrently.

## Goals (issue 12)

| status | goal | measured |
|---|---|---|
${goalRows.join('\n')}
${limits(goalList)}
## Latency against graph size

![p50 latency against graph size](bench/results/latency-vs-size.svg)

## Loading

${loadTable(run)}

## Routing

${routingSection(run)}

## Noise

${noiseTable(run)}

## Per size

${perSize.join('\n\n')}

## Writes: ours against raw and the peer

${writeRatios(run)}

## The 90/10 read–write mix

${mixTable(run)}
## Store and memory

${storeTable(run)}

Our server's heap after a forced GC, after each size: ${run.sizes.map((s) => `${sizeLabel(s.generatedRelations)} ${mb(s.heapAfter.ours)} MB`).join(', ')};
after ${run.repeatedHeapAfter.length} extra rounds of all five operations at the largest size: ${run.repeatedHeapAfter.map((h) => `${mb(h)} MB`).join(' → ')}.
The peer: ${run.sizes.map((s) => `${sizeLabel(s.generatedRelations)} ${mb(s.heapAfter.peer)} MB`).join(', ')}.

## Projection to 10^8 relations on a cluster

${projectionSection(run)}

## How long each part of the run took

${partsTable(run)}
`;
  writeFileSync(markdownFile, markdown);
  const last = run.sizes.at(-1);
  const table = last ? `${sizeLabel(last.generatedRelations)} relations:\n${speedTable(last)}\n\n${costTable(last)}\n\n${writeTable(last)}\n\n${goalRows.join('\n')}` : '(no sizes run)';
  return { table, files: [markdownFile, jsonFile, svgFile] };
}

