/** The benchmark's closed loop: percentiles, error counting, concurrency and warm-up. */
import { describe, expect, it } from 'vitest';
import { runClosedLoop, summarize } from '../../bench/compare/closed-loop.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('summarize', () => {
  it('reports p50, p99, mean and throughput from the latencies', () => {
    const latencies = Array.from({ length: 100 }, (_, i) => i + 1);
    const result = summarize(latencies, 2, 'boom', 2_000);
    expect(result).toMatchObject({ requests: 100, errors: 2, firstError: 'boom', p50Ms: 51, p99Ms: 100, meanMs: 50.5, requestsPerSecond: 50 });
  });

  it('has no percentiles without answers', () => {
    expect(summarize([], 3, 'down', 1_000).p50Ms).toBeNaN();
  });
});

describe('runClosedLoop', () => {
  it('keeps `concurrency` calls in flight, counts errors apart, and does not count the warm-up', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const calls: number[] = [];
    const result = await runClosedLoop(
      async (i) => {
        calls.push(i);
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await sleep(5);
        inFlight -= 1;
        if (i % 10 === 0) throw new Error(`failed ${i}`);
      },
      { concurrency: 4, durationMs: 300, warmupMs: 100 },
    );
    expect(maxInFlight).toBe(4);
    expect(result.requests + result.errors).toBeLessThan(calls.length);
    expect(result.errors).toBeGreaterThan(0);
    expect(result.firstError).toMatch(/^failed \d*0$/);
    expect(result.p50Ms).toBeGreaterThanOrEqual(4);
    expect(result.requestsPerSecond).toBeGreaterThan(100);
  });

  it('stops at maxRequests, warm-up included, before the time is up (each input used once)', async () => {
    const calls: number[] = [];
    const started = performance.now();
    const result = await runClosedLoop(
      async (i) => {
        calls.push(i);
        await sleep(2);
      },
      { concurrency: 3, durationMs: 5_000, warmupMs: 5, maxRequests: 60 },
    );
    expect(performance.now() - started).toBeLessThan(2_000);
    expect([...calls].sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, i) => i));
    expect(result.requests).toBeGreaterThan(0);
    expect(result.requests).toBeLessThan(60);
  });
});
