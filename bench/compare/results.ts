/** The shape of a benchmark run, as written to bench/results/latest.json and rendered into BENCHMARKS.md. */
import type { OperationName } from '../peer/operations.ts';
import type { WriteOperationName } from '../write-operations.ts';
import type { LoopResult } from './closed-loop.ts';

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
}

export interface SizeRun {
  /** Relations generated for this size (the graph also holds the smaller sizes and the article). */
  generatedRelations: number;
  graph: { entities: number; relations: number; facts: number };
  load: { files: number; relations: number; ms: number; relationsPerSecond: number; generateMs: number };
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
}
