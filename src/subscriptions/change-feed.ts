/**
 * The change feed of one server instance: revisions as they commit, in commit order, to every subscriber of
 * `Subscription.changes`. The server is stateless and may run as several instances, so each instance learns of
 * revisions by polling the database (`changes after <last>`), never from another instance: ONE poller per
 * instance, running only while someone listens, every CHANGE_FEED_POLL_MS. Sequence order is commit order
 * (docs/curation-model.md), so reading "after the last sequence seen" never skips a revision.
 */
import type { KnowledgeGraphRepository } from '../database/repository.ts';
import type { RevisionRecord } from '../database/records.ts';
import type { Logger } from '../logging/logger.ts';

/** Revisions read per poll round trip; a poll reads pages until it has caught up. */
const POLL_PAGE = 100;

interface Listener {
  /** The last sequence this listener has been given. */
  cursor: number;
  queue: RevisionRecord[];
  /** Resolves the pending `next()` when revisions arrive or the listener ends. */
  wake: (() => void) | null;
  done: boolean;
}

export class ChangeFeed {
  private readonly listeners = new Set<Listener>();
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<void> | null = null;
  /** Polls made since start: tests read it to see the poller stop. */
  readonly stats = { polls: 0 };

  constructor(
    private readonly repository: KnowledgeGraphRepository,
    private readonly pollMs: number,
    private readonly log: Logger,
  ) {}

  /** True while a poller runs (someone listens). */
  get running(): boolean {
    return this.timer !== null;
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  /**
   * The revisions after sequence `after` (null: after the latest committed now), as an async iterator that
   * ends when its consumer returns (an unsubscribe or a closed stream). The last listener to leave stops the
   * poller.
   */
  async subscribe(after: number | null): Promise<AsyncIterableIterator<RevisionRecord>> {
    const cursor = after ?? (await this.repository.knowledgeVersion())?.sequence ?? 0;
    const listener: Listener = { cursor, queue: [], wake: null, done: false };
    this.listeners.add(listener);
    this.start();
    const end = () => {
      listener.done = true;
      this.listeners.delete(listener);
      listener.wake?.();
      if (this.listeners.size === 0) this.stop();
    };
    const iterator: AsyncIterableIterator<RevisionRecord> = {
      next: async () => {
        while (listener.queue.length === 0 && !listener.done) await new Promise<void>((resolve) => (listener.wake = resolve));
        listener.wake = null;
        const value = listener.queue.shift();
        return value ? { value, done: false } : { value: undefined, done: true };
      },
      // Not an async generator: its return() would wait for a pending next(), i.e. for the next revision.
      return: async () => {
        end();
        return { value: undefined, done: true };
      },
      throw: async (error: unknown) => {
        end();
        throw error;
      },
      [Symbol.asyncIterator]: () => iterator,
    };
    // A subscriber that asked from an older revision gets the backlog without waiting for the next tick.
    if (after !== null) void this.poll();
    return iterator;
  }

  /** Stops the poller and ends every subscription (server shutdown). */
  async close(): Promise<void> {
    for (const listener of [...this.listeners]) {
      listener.done = true;
      listener.wake?.();
    }
    this.listeners.clear();
    this.stop();
    await this.polling;
  }

  private start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.poll(), this.pollMs);
    // The poller alone never keeps the process alive.
    this.timer.unref();
  }

  private stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One poll: the revisions after the furthest-behind listener, in order, to each listener that lacks them. */
  private poll(): Promise<void> {
    // Polls never overlap: a slow database delays the next, never doubles it.
    this.polling ??= this.pollOnce()
      .catch((error: unknown) => this.log.warn({ err: error }, 'change feed poll failed; retrying at the next interval'))
      .finally(() => (this.polling = null));
    return this.polling;
  }

  private async pollOnce(): Promise<void> {
    for (;;) {
      if (this.listeners.size === 0) return;
      this.stats.polls += 1;
      const after = Math.min(...[...this.listeners].map((listener) => listener.cursor));
      const page = await this.repository.revisionsAfter(after, POLL_PAGE);
      for (const listener of this.listeners) {
        const fresh = page.items.filter((revision) => revision.sequence > listener.cursor);
        if (fresh.length === 0) continue;
        listener.queue.push(...fresh);
        listener.cursor = fresh[fresh.length - 1]!.sequence;
        listener.wake?.();
      }
      if (!page.hasNextPage) return;
    }
  }
}
