/**
 * Admission by cost: cheap operations never wait; expensive ones share a refilling budget, in order, with a
 * patience. The gate reads time only through `performance.now()` and `setTimeout`, so these tests run it on
 * vitest's fake clock: every expectation is an exact time, whatever the load of the machine running them (on
 * the real clock, a process descheduled in the middle of queueing made a late arrival look early, and CI failed).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AdmissionGate } from '../../src/graphql/limits/admission.ts';

const settings = { freeCost: 10, costPerSecond: 1_000, burst: 100, queueTimeoutMs: 450 };

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
});
afterEach(() => {
  vi.useRealTimers();
});

type Outcome = { at?: number; ran?: boolean; error?: { code?: unknown; http?: { status?: number; headers?: Map<string, string> } } };

/** Asks the gate to admit `cost` and records when (fake ms from now) and how the answer came. */
function ask(gate: AdmissionGate, cost: number): Outcome {
  const askedAt = performance.now();
  const outcome: Outcome = {};
  gate.admit(cost).then(
    () => Object.assign(outcome, { at: performance.now() - askedAt, ran: true }),
    (error: { extensions: Outcome['error'] }) => Object.assign(outcome, { at: performance.now() - askedAt, ran: false, error: error.extensions }),
  );
  return outcome;
}

describe('admission gate', () => {
  it('lets operations at or below the free cost through at once, whatever the budget', async () => {
    const gate = new AdmissionGate(settings);
    await gate.admit(100); // the whole budget
    const cheap = Array.from({ length: 50 }, () => ask(gate, 10));
    await vi.advanceTimersByTimeAsync(0);
    expect(cheap.map((outcome) => [outcome.ran, outcome.at])).toEqual(cheap.map(() => [true, 0]));
  });

  it('makes expensive operations wait for the budget to refill, first come first served', async () => {
    const gate = new AdmissionGate(settings);
    await gate.admit(100);
    const [first, second] = [ask(gate, 100), ask(gate, 100)];
    await vi.advanceTimersByTimeAsync(99);
    expect([first.ran, second.ran]).toEqual([undefined, undefined]);
    // 100 of cost at 1,000 per second: 100 ms each, in the order they came.
    await vi.advanceTimersByTimeAsync(1);
    expect([first.at, second.ran]).toEqual([100, undefined]);
    await vi.advanceTimersByTimeAsync(100);
    expect([first.ran, second.ran, second.at]).toEqual([true, true, 200]);
    // Costlier than the whole budget: charged as the budget, so it runs once the budget is full again.
    const huge = ask(gate, 10_000);
    await vi.advanceTimersByTimeAsync(100);
    expect([huge.ran, huge.at]).toEqual([true, 100]);
  });

  it('refuses with a retryable SERVER_BUSY (503) each operation that waited past its patience, and only those', async () => {
    const gate = new AdmissionGate(settings);
    await gate.admit(100);
    const queued = Array.from({ length: 6 }, () => ask(gate, 100));
    await vi.advanceTimersByTimeAsync(1_000);
    // 100 ms of budget each against 450 ms of patience: four run, at 100, 200, 300 and 400 ms; the other two
    // are refused when their patience ends, not before.
    expect(queued.map((outcome) => [outcome.ran, outcome.at])).toEqual([[true, 100], [true, 200], [true, 300], [true, 400], [false, 450], [false, 450]]);
    for (const refused of queued.slice(4)) {
      expect(refused.error).toMatchObject({ code: 'SERVER_BUSY', http: { status: 503 } });
      expect(refused.error?.http?.headers?.get('retry-after')).toBe('1');
    }
  });

  it('counts the patience from each operation’s own arrival, and a refusal frees its place for the next', async () => {
    const gate = new AdmissionGate(settings);
    await gate.admit(100);
    const early = Array.from({ length: 5 }, () => ask(gate, 100));
    await vi.advanceTimersByTimeAsync(300);
    const late = ask(gate, 100); // behind two that are still queued, with 450 ms of its own patience
    await vi.advanceTimersByTimeAsync(1_000);
    expect(early.map((outcome) => outcome.ran)).toEqual([true, true, true, true, false]);
    // The fifth is refused at 450 ms; the late one comes next and runs at 500 ms, 200 ms after it arrived.
    expect([late.ran, late.at]).toEqual([true, 200]);
  });
});
