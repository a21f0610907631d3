/**
 * Admission by cost: operations costing more than `freeCost` draw their cost from a per-process budget that
 * refills at `costPerSecond` (up to one MAX_QUERY_COST), first come first served. So clients sending the most
 * expensive operations the limits allow queue behind each other instead of taking every turn of the event
 * loop, while cheap operations (the lookups most clients make) go straight through. An operation that waits
 * longer than `queueTimeoutMs` is refused with a retryable SERVER_BUSY (HTTP 503, `retry-after`), as
 * cost-based rate limits elsewhere do. Settings: `admission` in the config.
 */
import { GraphQLError } from 'graphql';
import type { AdmissionSettings } from '../../config/config.ts';
import { ErrorCode } from '../errors.ts';

export class AdmissionGate {
  private tokens: number;
  private refilledAt = performance.now();
  private readonly waiting: { charge: number; admit: () => void }[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly settings: AdmissionSettings) {
    this.tokens = settings.burst;
  }

  /** Resolves when the operation may run; rejects with SERVER_BUSY when it waited too long. */
  async admit(cost: number): Promise<void> {
    if (cost <= this.settings.freeCost) return;
    // An operation costlier than the whole budget still runs, once the budget is full.
    const charge = Math.min(cost, this.settings.burst);
    this.refill();
    if (this.waiting.length === 0 && this.tokens >= charge) {
      this.tokens -= charge;
      return;
    }
    return new Promise((resolve, reject) => {
      const entry = { charge, admit: () => (clearTimeout(patience), resolve()) };
      const patience = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(entry), 1);
        reject(serverBusy(this.settings.queueTimeoutMs));
        this.schedule();
      }, this.settings.queueTimeoutMs);
      this.waiting.push(entry);
      this.schedule();
    });
  }

  private refill(): void {
    const now = performance.now();
    this.tokens = Math.min(this.settings.burst, this.tokens + ((now - this.refilledAt) * this.settings.costPerSecond) / 1000);
    this.refilledAt = now;
  }

  /** Admits the head of the queue as soon as the budget covers it, then the next. */
  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.refill();
    while (this.waiting.length > 0 && this.tokens >= this.waiting[0]!.charge) {
      const next = this.waiting.shift()!;
      this.tokens -= next.charge;
      next.admit();
    }
    const head = this.waiting[0];
    if (head) this.timer = setTimeout(() => this.schedule(), Math.ceil(((head.charge - this.tokens) * 1000) / this.settings.costPerSecond));
  }
}

function serverBusy(waitedMs: number): GraphQLError {
  return new GraphQLError(
    `The server is busy with expensive operations: this one waited ${waitedMs} ms for its turn. Retry later, or ask for less (an operation of low cost runs at once).`,
    { extensions: { code: ErrorCode.SERVER_BUSY, http: { status: 503, headers: new Map([['retry-after', '1']]) } } },
  );
}
