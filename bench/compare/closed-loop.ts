/**
 * A closed-loop load: `concurrency` workers each send a request, wait for its answer and send the next, for a
 * fixed time. The same loop drives all three systems (the raw driver, our server, the peer), so client costs
 * are equal and latencies are measured the same way (monotonic clock, sub-millisecond). A warm-up runs first
 * and is not counted: it compiles the code paths and fills Neo4j's plan cache.
 */
import { performance } from 'node:perf_hooks';

export interface LoopOptions {
  concurrency: number;
  durationMs: number;
  warmupMs: number;
  /**
   * At most this many calls, warm-up included (i runs from 0 to maxRequests - 1): a write cell that consumes
   * prepared inputs (RetractFact retracts each asserted fact once) stops when they run out, before the time is up.
   */
  maxRequests?: number;
}

export interface LoopResult {
  requests: number;
  errors: number;
  /** The first error's message, to say why a cell failed. */
  firstError?: string;
  /** Errors by cause (RequestFailure's reason), where the caller counted them so. */
  errorsByCause?: Record<string, number>;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
}

/** Runs `call(i)` (i counts requests, to rotate inputs) until the time is up; a call that throws is an error. */
export async function runClosedLoop(call: (i: number) => Promise<void>, options: LoopOptions): Promise<LoopResult> {
  let next = 0;
  const more = () => options.maxRequests === undefined || next < options.maxRequests;
  await runFor(options.warmupMs, options.concurrency, more, async () => call(next++), () => undefined);
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const started = performance.now();
  await runFor(options.durationMs, options.concurrency, more, async () => {
    const t0 = performance.now();
    try {
      await call(next++);
      latencies.push(performance.now() - t0);
    } catch (error) {
      errors += 1;
      firstError ??= error instanceof Error ? error.message : String(error);
    }
  }, () => undefined);
  const elapsedMs = performance.now() - started;
  return summarize(latencies, errors, firstError, elapsedMs);
}

async function runFor(durationMs: number, concurrency: number, more: () => boolean, once: () => Promise<void>, onError: (e: unknown) => void): Promise<void> {
  const deadline = performance.now() + durationMs;
  const worker = async () => {
    while (performance.now() < deadline && more()) await once().catch(onError);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

export function summarize(latencies: number[], errors: number, firstError: string | undefined, elapsedMs: number): LoopResult {
  const sorted = Float64Array.from(latencies).sort();
  const at = (q: number) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!);
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    requests: sorted.length,
    errors,
    firstError,
    requestsPerSecond: (sorted.length / elapsedMs) * 1000,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    meanMs: sorted.length ? sum / sorted.length : NaN,
  };
}
