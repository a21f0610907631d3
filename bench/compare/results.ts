/** The shape of a benchmark run, as written to bench/results/latest.json and rendered into BENCHMARKS.md. */
import type { OperationName } from '../peer/operations.ts';
import type { WriteOperationName } from '../write-operations.ts';
import type { MixRound } from '../query-mix.ts';
import type { LoopResult } from './closed-loop.ts';
import type { RoutingFigures, StoreFigures } from './store.ts';

export type SystemName = 'raw' | 'ours' | 'peer';
export const SYSTEMS: readonly SystemName[] = ['raw', 'ours', 'peer'];

export interface Cell extends LoopResult {
  /** A read (bench/peer/operations.ts) or a write (bench/write-operations.ts). */
  op: OperationName | WriteOperationName;
  system: SystemName;
  /** Database statements per operation, counted by the system itself over one pass of the inputs (reads only: NaN for writes, each one transaction). */
  roundTrips: number;
  /** Peak resident memory of the system's Node process during the cell, bytes. */
  peakRssBytes: number;
  /**
   * Reads: 'same' when every answer equals ours (raw, peer) or raw's (ours); otherwise what differed.
   * Writes: 'checked' when the graph holds what the checked write should have left; otherwise what it holds.
   */
  verified: string;
  /**
   * Ours and the peer's reads are timed twice, in alternating order (ours, peer, then peer, ours): each pass
   * here, the cell's figures being their mean. Absent for raw and writes (one pass).
   */
  passes?: LoopResult[];
  /** |p50 of pass 1 − p50 of pass 2| ÷ their mean: the run-to-run noise of this cell. */
  noise?: number;
}

/** How a size's graph was made, and how long each phase took (ms). */
export interface LoadFigures {
  /** 'bulk': bulkLoadKnowledgeFiles + startAfterBulkLoad; 'incremental': loadKnowledgeFile per file (say why in `note`). */
  path: 'bulk' | 'incremental';
  note?: string;
  files: number;
  relations: number;
  /** From the knowledge files (generated) to the first GraphQL request answered by ours. */
  ms: number;
  relationsPerSecond: number;
  generateMs: number;
  /** validate, csv, import (bulk); load (incremental); neo4jStart, schema, indexesOnline, oursStart, firstQuery (raw and the peer start after, untimed). */
  phases: Record<string, number>;
}

export interface SizeRun {
  /** Relations generated for this size (the graph also holds the smaller sizes and the article). */
  generatedRelations: number;
  graph: { entities: number; relations: number; facts: number };
  load: LoadFigures;
  store: StoreFigures;
  /** The 90/10 read-write mix (bench/query-mix.ts), at the one size it ran at. */
  mix?: MixRound & { connections: number; durationSeconds: number };
  cells: Cell[];
  /** Heap after a forced GC once the size's cells are done, bytes. */
  heapAfter: Record<SystemName, number>;
}

export interface BenchRun {
  date: string;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; os: string; loadAverageAtStart: number[] };
  versions: Record<string, string>;
  settings: { concurrency: number; durationMs: number; warmupMs: number; inputsPerOperation: number; neo4jHeap: string; neo4jPageCache: string };
  sizes: SizeRun[];
  /** Our server's heap after GC, after each extra round of all operations at the largest size. */
  repeatedHeapAfter: number[];
  totalMs: number;
  /** The incremental path once per run: `relations` generated, loaded with loadKnowledgeFile into an empty database. */
  incremental: { relations: number; files: number; ms: number; relationsPerSecond: number; note?: string } | null;
  routing: RoutingFigures | null;
  /** Seconds each part of the run took, in order. */
  parts: { part: string; seconds: number }[];
}
