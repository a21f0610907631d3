/** Admission by cost: cheap operations never wait; expensive ones share a refilling budget, in order, with a patience. */
import { describe, expect, it } from 'vitest';
import { AdmissionGate } from '../../src/graphql/limits/admission.ts';

const settings = { freeCost: 10, costPerSecond: 1_000, burst: 100, queueTimeoutMs: 400 };
const elapsed = async (work: Promise<unknown>) => {
  const started = performance.now();
  await work;
  return performance.now() - started;
};

describe('admission gate', () => {
  it('lets operations at or below the free cost through at once, whatever the budget', async () => {
    const gate = new AdmissionGate(settings);
    await gate.admit(100); // the whole budget
    expect(await elapsed(Promise.all(Array.from({ length: 50 }, () => gate.admit(10))))).toBeLessThan(20);
  });

  it('makes expensive operations wait for the budget to refill, first come first served', async () => {
    const gate = new AdmissionGate(settings);
    await gate.admit(100);
    const order: number[] = [];
    const waits = await Promise.all([1, 2].map((i) => elapsed(gate.admit(100).then(() => order.push(i)))));
    // 100 of cost at 1,000 per second: 100 ms each.
    expect(waits[0]).toBeGreaterThanOrEqual(90);
    expect(waits[1]).toBeGreaterThanOrEqual(190);
    expect(order).toEqual([1, 2]);
    // Costlier than the whole budget: charged as the budget, so it runs once the budget is full.
    expect(await elapsed(gate.admit(10_000))).toBeLessThan(150);
  });

  it('refuses with a retryable SERVER_BUSY (503) an operation that waited past its patience', async () => {
    const gate = new AdmissionGate(settings);
    await gate.admit(100);
    const queued = Array.from({ length: 6 }, () => gate.admit(100).then(() => 'ran', (error: { extensions: Record<string, unknown> }) => error.extensions));
    const outcomes = await Promise.all(queued);
    // 100 ms of budget each against 400 ms of patience: the first runs, the last (600 ms away) is refused, and
    // every other either ran or was refused as busy. How many run depends on how late timers fire on a busy
    // machine, and two that queued together reach their patience together.
    expect(outcomes[0]).toBe('ran');
    for (const outcome of outcomes) if (outcome !== 'ran') expect(outcome).toMatchObject({ code: 'SERVER_BUSY', http: { status: 503 } });
    expect(outcomes.at(-1)).toMatchObject({ code: 'SERVER_BUSY', http: { status: 503 } });
  });
});
