/**
 * What a size costs Neo4j: the store's bytes on disk, the JVM's heap and page cache in use, the counts of
 * nodes and relationships; and the routing table the `neo4j://` drivers read. These statements belong to the
 * benchmark, not the app (the app's are in cypher/), as in targets.ts.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';

const neo4jInt = (n: number) => neo4j.int(n);

export interface StoreFigures {
  /** `du -sb` of data/databases/neo4j and data/transactions/neo4j, bytes; NaN against an external server. */
  storeBytes: number;
  transactionBytes: number;
  nodes: number;
  relationships: number;
  /** The Neo4j JVM's heap in use (JMX java.lang:type=Memory), bytes; NaN when the procedure is not there. */
  heapUsedBytes: number;
  heapMaxBytes: number;
  /** Page cache in use: JMX when Neo4j exposes it, else the store's size capped at the configured cache. */
  pageCacheUsedBytes: number;
  pageCacheSource: 'jmx' | 'store size, capped at the configured page cache' | 'unknown';
  /** Projected relations of the synthetic graph's biggest hub (org-00001), both directions. */
  hubDegree: number;
  /** Entities (the full-text index's documents). */
  entities: number;
}

export interface RoutingFigures {
  /** As read by the bench's own driver: `CALL dbms.routing.getRoutingTable({}, $db)`. */
  ttlSeconds: number;
  servers: { role: string; addresses: string[] }[];
  /** The URI each system was given, by system. */
  uris: Record<string, string>;
}

function du(dir: string): number {
  if (!existsSync(dir)) return 0;
  return Number(execFileSync('du', ['-sb', dir], { encoding: 'utf8' }).split('\t')[0]);
}

const COUNTS = 'MATCH (n) WITH count(n) AS nodes MATCH ()-[r]->() RETURN nodes, count(r) AS relationships';
const HEAP = "CALL dbms.queryJmx('java.lang:type=Memory') YIELD attributes RETURN attributes.HeapMemoryUsage.value.properties AS heap";
const PAGE_CACHE = "CALL dbms.queryJmx('org.neo4j:*') YIELD name, attributes WHERE name CONTAINS 'Page cache' RETURN attributes AS a";
const HUB = "MATCH (e:Entity {id: 'org-00001'}) RETURN COUNT { (e)--(:Entity) } AS degree";
const ENTITIES = 'MATCH (e:Entity) RETURN count(e) AS n';
const ROUTING = 'CALL dbms.routing.getRoutingTable({}, $database) YIELD ttl, servers RETURN ttl, servers';

const num = (value: unknown): number => (value === null || value === undefined ? NaN : Number(value));

/** `dataDir` is the local Neo4j's data folder (undefined against BENCH_NEO4J_URI). */
export async function storeFigures(driver: Driver, database: string, dataDir: string | undefined, pageCacheBytes: number): Promise<StoreFigures> {
  const counts = (await driver.executeQuery(COUNTS, {}, { database })).records[0]!;
  let heapUsedBytes = NaN;
  let heapMaxBytes = NaN;
  try {
    const heap = (await driver.executeQuery(HEAP, {}, { database })).records[0]?.get('heap') as { used?: unknown; max?: unknown } | undefined;
    heapUsedBytes = num(heap?.used);
    heapMaxBytes = num(heap?.max);
  } catch {
    // dbms.queryJmx is not on every server: the figure stays unknown.
  }
  const storeBytes = dataDir ? du(path.join(dataDir, 'databases', database)) : NaN;
  const transactionBytes = dataDir ? du(path.join(dataDir, 'transactions', database)) : NaN;
  let pageCacheUsedBytes = NaN;
  let pageCacheSource: StoreFigures['pageCacheSource'] = 'unknown';
  try {
    const a = (await driver.executeQuery(PAGE_CACHE, {}, { database })).records[0]?.get('a') as Record<string, { value?: unknown }> | undefined;
    const used = num(a?.UsageRatio?.value) * pageCacheBytes;
    if (Number.isFinite(used)) [pageCacheUsedBytes, pageCacheSource] = [used, 'jmx'];
  } catch {
    // No page cache bean on Community: estimated below.
  }
  if (pageCacheSource === 'unknown' && Number.isFinite(storeBytes)) [pageCacheUsedBytes, pageCacheSource] = [Math.min(storeBytes, pageCacheBytes), 'store size, capped at the configured page cache'];
  const hubDegree = num((await driver.executeQuery(HUB, {}, { database })).records[0]?.get('degree'));
  const entities = num((await driver.executeQuery(ENTITIES, {}, { database })).records[0]?.get('n'));
  return { hubDegree, entities, storeBytes, transactionBytes, nodes: num(counts.get('nodes')), relationships: num(counts.get('relationships')), heapUsedBytes, heapMaxBytes, pageCacheUsedBytes, pageCacheSource };
}

export async function routingTable(driver: Driver, database: string, uris: Record<string, string>): Promise<RoutingFigures> {
  const record = (await driver.executeQuery(ROUTING, { database }, { database: 'system' })).records[0]!;
  const servers = (record.get('servers') as { role: string; addresses: string[] }[]).map((s) => ({ role: s.role, addresses: [...s.addresses] }));
  return { ttlSeconds: num(record.get('ttl')), servers, uris };
}

/** "4g", "512m", "3G": bytes. */
export function memoryBytes(setting: string): number {
  const match = /^(\d+(?:\.\d+)?)([kmgt]?)b?$/i.exec(setting.trim());
  if (!match) return NaN;
  const power = { '': 0, k: 1, m: 2, g: 3, t: 4 }[match[2]!.toLowerCase() as '' | 'k' | 'm' | 'g' | 't'];
  return Number(match[1]) * 1024 ** power;
}

/** Waits for every index to be online (after a bulk import the schema's indexes populate in the background). */
export async function awaitIndexes(driver: Driver, database: string, seconds = 1800): Promise<void> {
  await driver.executeQuery('CALL db.awaitIndexes($seconds)', { seconds: neo4jInt(seconds) }, { database });
}
