/**
 * `npm run bench:export [-- --relations 100000]`: export sizes, times and memory, for the shipped graph and for a
 * synthetic one of `--relations` relations (bench/synthetic, loaded through the project's own import path), in
 * every format, each written to a file as `npm run kg -- export --out` does. Memory is sampled every 10 ms during
 * each export (after a full GC before it): peak heap used and peak RSS of this process. Flat memory means the
 * peaks do not grow with the graph. Prints a Markdown table and writes it to bench/results/export.md.
 *
 * One Neo4j, started in a temporary folder unless BENCH_NEO4J_URI names one (then its graph is CLEARED).
 * Run with `node --expose-gc --import tsx bench/export.ts` for the GC before each export (the npm script does).
 */
import { once } from 'node:events';
import { createWriteStream, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { loadConfig, PROJECT_ROOT } from '../src/config/config.ts';
import { createDriver, Database } from '../src/database/database.ts';
import { loadStatements } from '../src/database/statements.ts';
import { CSV_TABLES, EXPORT_FORMATS, exportText, FORMATS, graphExport, writeSourceTexts, type ExportFormat, type ExportStream } from '../src/export/index.ts';
import { awaitSearchIndex, knowledgeFilesIn, loadKnowledgeFile } from '../src/knowledge/loader.ts';
import { createLogger } from '../src/logging/logger.ts';
import { startLocalNeo4j, type LocalNeo4j } from '../src/neo4j-local/local-neo4j.ts';
import { freePort } from '../tests/support/free-port.ts';
import { writeSyntheticKnowledge } from './synthetic/generate.ts';

const { values: flags } = parseArgs({ options: { relations: { type: 'string' }, out: { type: 'string' } } });
const RELATIONS = Number(flags.relations ?? 100_000);
if (!Number.isInteger(RELATIONS) || RELATIONS < 100 || RELATIONS > 2_000_000) {
  console.error('--relations must be a whole number from 100 to 2000000 (default 100000).');
  process.exit(2);
}
const OUT = flags.out ?? path.join(PROJECT_ROOT, 'bench/results/export.md');

interface Row {
  graph: string;
  format: ExportFormat;
  items: number;
  bytes: number;
  ms: number;
  heapBaseMb: number;
  heapPeakMb: number;
  /** The most heap still in use after a full GC, measured every LIVE_EVERY items: what the export holds. */
  liveHeapMb: number;
  rssPeakMb: number;
}

const LIVE_EVERY = 5_000;

const MB = 1024 * 1024;
const gc = (globalThis as { gc?: () => void }).gc;

async function main(): Promise<void> {
  let local: LocalNeo4j | undefined;
  let tmp: string | undefined;
  let connection;
  if (process.env.BENCH_NEO4J_URI) {
    connection = { uri: process.env.BENCH_NEO4J_URI, username: process.env.BENCH_NEO4J_USERNAME ?? 'neo4j', password: process.env.BENCH_NEO4J_PASSWORD ?? '', database: process.env.BENCH_NEO4J_DATABASE ?? 'neo4j' };
  } else {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'kg-bench-export-neo4j-'));
    local = await startLocalNeo4j({ dir: tmp, boltPort: await freePort(), heap: process.env.NEO4J_LOCAL_HEAP ?? '2g', pageCache: '512m', startTimeoutMs: 180_000 }, createLogger('warn'));
    connection = local.connection;
  }
  const config = loadConfig({ NEO4J_URI: connection.uri, NEO4J_USERNAME: connection.username, NEO4J_PASSWORD: connection.password, NEO4J_DATABASE: connection.database, NEO4J_QUERY_TIMEOUT_MS: '120000' });
  const db = new Database(createDriver(connection, config, createLogger('warn')), loadStatements(), { database: connection.database, queryTimeoutMs: 120_000 });
  const work = mkdtempSync(path.join(os.tmpdir(), 'kg-bench-export-'));
  const rows: Row[] = [];
  try {
    await db.ensureSchema();
    await clear(db, connection.database);
    for (const file of knowledgeFilesIn(path.join(PROJECT_ROOT, 'data/knowledge'))) await loadKnowledgeFile(db, file, { force: true });
    rows.push(...(await exportAll(db, 'shipped article', path.join(work, 'shipped'))));
    await clear(db, connection.database);
    const data = path.join(work, 'synthetic');
    // Shards of 10,000 relations: each load is one transaction, and this fits the 1 GiB heap the shared machine allows.
    const generated = await writeSyntheticKnowledge({ relations: RELATIONS, dir: data, relationsPerFile: 10_000 });
    const loadStarted = performance.now();
    for (const file of generated.files) await loadKnowledgeFile(db, file, { force: true, awaitSearchIndex: false });
    await awaitSearchIndex(db);
    console.error(`loaded ${generated.relations} relations, ${generated.facts} facts, ${generated.entities} entities in ${((performance.now() - loadStarted) / 1000).toFixed(0)} s`);
    rows.push(...(await exportAll(db, `${RELATIONS.toExponential().replace('e+', 'e')} relations`, path.join(work, 'large'))));
  } finally {
    await db.close();
    await local?.stop();
    rmSync(work, { recursive: true, force: true });
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
  const table = report(rows);
  console.log(table);
  mkdirSync(path.dirname(OUT), { recursive: true });
  writeFileSync(OUT, `# Export benchmark\n\n${machine()}\n\n${table}\n`);
}

/** Clears the graph in batches (the benchmark's own database). */
async function clear(db: Database, database: string): Promise<void> {
  // The one write the benchmark needs outside the project's statements: a fresh graph per size.
  const session = db.driver.session({ database });
  try {
    // Relationships first: detaching a hub's tens of thousands at once overflows a small transaction pool.
    await session.run('MATCH ()-[r]->() CALL { WITH r DELETE r } IN TRANSACTIONS OF 10000 ROWS');
    await session.run('MATCH (n) CALL { WITH n DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
  }
}

async function exportAll(db: Database, graph: string, dir: string): Promise<Row[]> {
  const rows: Row[] = [];
  for (const format of EXPORT_FORMATS) {
    const target = path.join(dir, format);
    mkdirSync(target, { recursive: true });
    gc?.();
    const heapBase = process.memoryUsage().heapUsed;
    let heapPeak = heapBase;
    let rssPeak = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      heapPeak = Math.max(heapPeak, m.heapUsed);
      rssPeak = Math.max(rssPeak, m.rss);
    }, 10);
    const started = performance.now();
    let items = 0;
    let live = heapBase;
    let gcMs = 0;
    const onItem = () => {
      if (++items % LIVE_EVERY !== 0 || !gc) return;
      const t = performance.now();
      gc();
      live = Math.max(live, process.memoryUsage().heapUsed);
      gcMs += performance.now() - t;
    };
    const stream = await graphExport(db);
    if (format === 'csv') {
      for (const table of CSV_TABLES) await writeFile(stream, format, path.join(target, `${table}.csv`), onItem, table);
    } else {
      await writeFile(stream, format, path.join(target, `${stream.header.id}${FORMATS[format].extension}`), onItem);
      if (format === 'json') await writeSourceTexts(db, stream.header, target);
    }
    // The forced GCs are the measurement's cost, not the export's.
    const ms = performance.now() - started - gcMs;
    clearInterval(sampler);
    rows.push({ graph, format, items, bytes: folderBytes(target), ms, heapBaseMb: heapBase / MB, heapPeakMb: heapPeak / MB, liveHeapMb: live / MB, rssPeakMb: rssPeak / MB });
    console.error(`${graph} ${format}: ${(ms / 1000).toFixed(1)} s`);
    rmSync(target, { recursive: true, force: true });
  }
  return rows;
}

async function writeFile(stream: ExportStream, format: ExportFormat, file: string, onItem: () => void, table?: (typeof CSV_TABLES)[number]): Promise<void> {
  const out = createWriteStream(file);
  for await (const chunk of exportText(format, stream, { table }, onItem)) if (!out.write(chunk)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

function folderBytes(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).reduce((sum, f) => {
    const stat = statSync(path.join(dir, f));
    return sum + (stat.isFile() ? stat.size : 0);
  }, 0);
}

function report(rows: Row[]): string {
  const head = '| graph | format | items | size | time | items/s | heap before | live heap max | heap peak | RSS peak |\n|---|---|--:|--:|--:|--:|--:|--:|--:|--:|';
  const size = (bytes: number) => (bytes >= MB ? `${(bytes / MB).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} kB`);
  const lines = rows.map((r) =>
    `| ${r.graph} | ${r.format} | ${r.items.toLocaleString('en')} | ${size(r.bytes)} | ${(r.ms / 1000).toFixed(2)} s | ${Math.round(r.items / (r.ms / 1000)).toLocaleString('en')} | ${r.heapBaseMb.toFixed(0)} MB | ${r.liveHeapMb.toFixed(0)} MB | ${r.heapPeakMb.toFixed(0)} MB | ${r.rssPeakMb.toFixed(0)} MB |`,
  );
  return [head, ...lines].join('\n');
}

function machine(): string {
  return `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}. Items: entities, facts and relations read for the format (CSV: both tables). Sizes include the JSON export's source texts. Live heap: the heap in use after a full GC every ${LIVE_EVERY.toLocaleString('en')} items (what the export holds); heap peak: the largest heap sampled, garbage included (V8 collects when it likes). Times leave out the forced GCs.`;
}

await main();
