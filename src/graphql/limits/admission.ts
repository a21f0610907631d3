/**
 * Admission by cost: expensive operations share a per-process budget of cost in flight, so a few clients
 * sending the most expensive operations the limits allow queue behind each other instead of taking every
 * turn of the event loop, while cheap operations (the lookups most clients make) go straight through. An
 * operation that waits longer than its patience is refused with a retryable SERVER_BUSY (HTTP 503,
 * `retry-after`), like cost-based rate limits elsewhere. Settings: `admission` in the config.
 */
import { GraphQLError } from 'graphql';
import type { AdmissionSettings } from '../../config/config.ts';
import { ErrorCode } from '../errors.ts';

export class AdmissionGate {
  private inFlight = 0;
  private readonly waiting: { cost: number; admit: () => void }[] = [];

  constructor(private readonly settings: AdmissionSettings) {}

  /** Waits until `cost` fits in the budget; returns the release to call once the operation is answered. */
  async admit(cost: number): Promise<() => void> {
    if (cost <= this.settings.freeCost) return () => undefined;
    // An operation costlier than the whole budget still runs, alone.
    const charge = Math.min(cost, this.settings.costBudget);
    if (this.waiting.length > 0 || this.inFlight + charge > this.settings.costBudget) await this.queue(charge);
    else this.inFlight += charge;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inFlight -= charge;
      this.admitWaiting();
    };
  }

  private queue(charge: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const entry = { cost: charge, admit: () => (clearTimeout(timer), resolve()) };
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(entry), 1);
        reject(serverBusy(this.settings.queueTimeoutMs));
      }, this.settings.queueTimeoutMs);
      this.waiting.push(entry);
    });
  }

  /** First come, first served: the head of the queue runs as soon as its cost fits. */
  private admitWaiting(): void {
    while (this.waiting.length > 0 && this.inFlight + this.waiting[0]!.cost <= this.settings.costBudget) {
      const next = this.waiting.shift()!;
      this.inFlight += next.cost;
      next.admit();
    }
  }
}

function serverBusy(waitedMs: number): GraphQLError {
  return new GraphQLError(
    `The server is busy with expensive operations: this one waited ${waitedMs} ms for its turn. Retry later, or ask for less (a lower cost runs at once).`,
    { extensions: { code: ErrorCode.SERVER_BUSY, http: { status: 503, headers: new Map([['retry-after', '1']]) } } },
  );
}
