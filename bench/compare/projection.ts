/**
 * From the measured sizes to 10^8 relations on a cluster: least-squares fits of the store's bytes (linear in
 * relations), the hub's degree (power law) and the entity count (linear), then what a 3-primary + N-secondary
 * cluster needs per member and what gives first. Every figure is computed from the run; the only constants are
 * the target size and the member's assumed RAM, stated in the text.
 */
import type { BenchRun, SizeRun } from './results.ts';

export const TARGET_RELATIONS = 1e8;
/** An assumed cluster member: RAM for page cache + heap + OS. */
export const MEMBER_RAM_BYTES = 128 * 2 ** 30;

export interface Projection {
  /** bytes = intercept + perRelation × relations (store + transaction logs), least squares over the sizes. */
  perRelationBytes: number;
  interceptBytes: number;
  storeBytes: number;
  nodesPerRelation: number;
  relationshipsPerRelation: number;
  entitiesPerRelation: number;
  entities: number;
  /** degree ≈ c × relations^exponent. */
  hubExponent: number;
  hubDegree: number;
  /** Neo4j heap in use at the largest size (after its cells): the heap does not grow with the store. */
  heapUsedBytes: number;
  /** Page cache that keeps the store hot (store + 10 %). */
  pageCacheBytes: number;
  /** The first size at which the hot store no longer fits a member's RAM (less heap and 8 GiB for the OS). */
  memoryLimitRelations: number;
  bulkSeconds: number;
  incrementalSeconds: number;
  /** Our AssertFact throughput at the largest size with writes: the cluster's write ceiling (one writer). */
  writesPerSecond: number;
  /** Our EntityLookup throughput at the largest size: per member, so ~ this × (N secondaries). */
  lookupsPerSecondPerMember: number;
  sizes: number;
}

function linearFit(xs: number[], ys: number[]): { slope: number; intercept: number } {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  const sxx = xs.reduce((a, x) => a + (x - mx) ** 2, 0);
  const slope = sxx > 0 ? xs.reduce((a, x, i) => a + (x - mx) * (ys[i]! - my), 0) / sxx : my / mx;
  return { slope, intercept: my - slope * mx };
}

const relationsOf = (s: SizeRun) => s.graph.relations;

export function project(run: BenchRun): Projection | undefined {
  const measured = run.sizes.filter((s) => Number.isFinite(s.store?.storeBytes));
  const last = measured.at(-1);
  if (!last) return undefined;
  const bytes = linearFit(measured.map(relationsOf), measured.map((s) => s.store.storeBytes + s.store.transactionBytes));
  const perRelationBytes = bytes.slope;
  const storeBytes = bytes.intercept + perRelationBytes * TARGET_RELATIONS;
  const hubs = measured.filter((s) => s.store.hubDegree > 0);
  const hub = hubs.length > 1 ? linearFit(hubs.map((s) => Math.log(relationsOf(s))), hubs.map((s) => Math.log(s.store.hubDegree))) : { slope: 1, intercept: Math.log(last.store.hubDegree / relationsOf(last)) };
  const entities = linearFit(measured.map(relationsOf), measured.map((s) => s.store.entities));
  const heapUsedBytes = last.store.heapUsedBytes;
  const reserve = (Number.isFinite(heapUsedBytes) ? heapUsedBytes : 0) + 8 * 2 ** 30;
  const memoryLimitRelations = (MEMBER_RAM_BYTES - reserve) / 1.1 / perRelationBytes;
  const biggestBulk = [...run.sizes].reverse().find((s) => s.load.path === 'bulk');
  const withWrites = [...run.sizes].reverse().find((s) => s.cells.some((c) => c.op === 'AssertFact' && c.system === 'ours' && Number.isFinite(c.requestsPerSecond)));
  const lookup = last.cells.find((c) => c.op === 'EntityLookup' && c.system === 'ours');
  return {
    perRelationBytes,
    interceptBytes: bytes.intercept,
    storeBytes,
    nodesPerRelation: last.store.nodes / relationsOf(last),
    relationshipsPerRelation: last.store.relationships / relationsOf(last),
    entitiesPerRelation: entities.slope,
    entities: entities.intercept + entities.slope * TARGET_RELATIONS,
    hubExponent: hub.slope,
    hubDegree: Math.exp(hub.intercept + hub.slope * Math.log(TARGET_RELATIONS)),
    heapUsedBytes,
    pageCacheBytes: storeBytes * 1.1,
    memoryLimitRelations,
    bulkSeconds: biggestBulk ? (TARGET_RELATIONS / biggestBulk.load.relations) * (biggestBulk.load.ms / 1000) : NaN,
    incrementalSeconds: run.incremental ? TARGET_RELATIONS / run.incremental.relationsPerSecond : NaN,
    writesPerSecond: withWrites?.cells.find((c) => c.op === 'AssertFact' && c.system === 'ours')?.requestsPerSecond ?? NaN,
    lookupsPerSecondPerMember: lookup?.requestsPerSecond ?? NaN,
    sizes: measured.length,
  };
}
