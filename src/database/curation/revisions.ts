/**
 * Every curated write is ONE transaction that is ONE revision (docs/curation-model.md): it takes the next
 * sequence of the revision log first (the log's lock serializes writers, so sequence order is commit order),
 * does its work, and writes the :Revision with its :Change nodes before committing. A write that changes
 * nothing is rolled back, so it takes no sequence number: sequences stay gapless. An idempotency key is
 * looked up and recorded in the same transaction.
 */
import { createHash } from 'node:crypto';
import type { Principal } from '../../auth/principal.ts';
import type { Database, WriteTransaction } from '../database.ts';
import type { ChangeRecord, RevisionRecord } from '../records.ts';

/** A change as the work reports it; `before`/`after` are values (stored as JSON text). */
export type ChangeRow = Pick<ChangeRecord, 'operation' | 'target'> & Partial<Omit<ChangeRecord, 'operation' | 'target'>>;

/** What a write's work hands back: the revision's summary and changes (none: nothing is written), and its result. */
export interface RevisionWork<T> {
  summary: string;
  changes: ChangeRow[];
  result: T;
  /**
   * With no changes, commit what the work wrote anyway (bookkeeping such as a file's new hash), giving the
   * sequence back so that it stays gapless; otherwise a write without changes is rolled back.
   */
  commitWithoutRevision?: boolean;
}

export interface WriteRequest {
  principal: Principal;
  /** The `Idempotency-Key` header and a hash of the request it came with; null without a key. */
  idempotency?: { key: string; requestSha256: string } | null;
  /** Receives the commit's bookmark. */
  onBookmark?: (bookmark: string) => void;
  /** Rows per UNWIND statement for the changes. */
  batchRows?: number;
  timeoutMs?: number;
}

export interface WriteOutcome<T> {
  result: T;
  /** Null when nothing changed (nothing was written). */
  revision: RevisionRecord | null;
  /** True when an idempotency key answered with a stored outcome instead of writing again. */
  replayed: boolean;
}

/** The same Idempotency-Key, from the same caller, with another request: refused, nothing written. */
export class IdempotencyKeyReusedError extends Error {
  override name = 'IdempotencyKeyReusedError';
  constructor() {
    super('This Idempotency-Key was already used with a different request: use a new key for a new request.');
  }
}

/** A rollback on purpose, carrying what the write answers anyway (nothing changed, or a stored answer). */
class Rollback<T> extends Error {
  constructor(readonly outcome: WriteOutcome<T>) {
    super('rolled back on purpose');
  }
}

/** What a revision's work runs in: the transaction, and the revision's sequence (for `since`, `until`, `revision`). */
export interface RevisionTransaction {
  tx: WriteTransaction;
  sequence: number;
}

export async function writeRevision<T>(
  db: Database,
  name: string,
  request: WriteRequest,
  work: (rt: RevisionTransaction) => Promise<RevisionWork<T>>,
): Promise<WriteOutcome<T>> {
  try {
    return await db.write(
      name,
      async (tx) => {
        const [{ sequence }] = (await tx.run<{ sequence: number }>('write/revision/next-sequence', {})) as [{ sequence: number }];
        const key = request.idempotency ? idempotencyKeyId(request.principal, request.idempotency.key) : null;
        if (key) await replayStored<T>(tx, key, request.idempotency!.requestSha256);
        const done = await work({ tx, sequence });
        if (done.changes.length === 0) {
          if (!done.commitWithoutRevision) throw new Rollback({ result: done.result, revision: null, replayed: false });
          await tx.run('write/revision/release-sequence', { sequence });
          return { result: done.result, revision: null, replayed: false };
        }
        const revision = await recordRevision(tx, sequence, request, done);
        if (key) {
          const response = JSON.stringify({ result: done.result, revision });
          await tx.run('write/curation/record-idempotency-key', { id: key, requestSha256: request.idempotency!.requestSha256, response, sequence, createdAt: revision.committedAt });
        }
        return { result: done.result, revision, replayed: false };
      },
      { onBookmark: request.onBookmark, timeoutMs: request.timeoutMs },
    );
  } catch (error) {
    if (error instanceof Rollback) return error.outcome as WriteOutcome<T>;
    throw error;
  }
}

/** A key already recorded: its stored answer when the request is the same (rolled back: nothing new is written). */
async function replayStored<T>(tx: WriteTransaction, id: string, requestSha256: string): Promise<void> {
  const [stored] = await tx.run<{ requestSha256: string; response: string }>('write/curation/find-idempotency-key', { id });
  if (!stored) return;
  if (stored.requestSha256 !== requestSha256) throw new IdempotencyKeyReusedError();
  const { result, revision } = JSON.parse(stored.response) as { result: T; revision: RevisionRecord };
  throw new Rollback<T>({ result, revision, replayed: true });
}

async function recordRevision(tx: WriteTransaction, sequence: number, request: WriteRequest, done: RevisionWork<unknown>): Promise<RevisionRecord> {
  const { principal } = request;
  // Taken last, just before the commit: under the log's lock, so committedAt grows with the sequence.
  const committedAt = new Date().toISOString();
  // Before auth guards writes, an anonymous caller is recorded as a key named "anonymous".
  const authorKind = principal.kind === 'ANONYMOUS' ? 'KEY' : principal.kind;
  const summary = done.summary;
  await tx.run('write/revision/create-revision', { sequence, committedAt, authorKind, author: principal.name, summary });
  const changes: ChangeRecord[] = done.changes.map((c) => ({
    operation: c.operation,
    target: c.target,
    field: c.field ?? null,
    before: c.before ?? null,
    after: c.after ?? null,
    reason: c.reason ?? null,
  }));
  const size = request.batchRows ?? 5000;
  for (let i = 0; i < changes.length; i += size) {
    const rows = changes.slice(i, i + size).map((c, j) => ({ index: i + j, props: { ...c, before: json(c.before), after: json(c.after) } }));
    await tx.run('write/revision/create-changes', { sequence, rows });
  }
  return { id: `r${sequence}`, sequence, committedAt, authorKind, author: principal.name, summary, changes };
}

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

/** The stored key: a hash of the caller and the header, so two callers' keys never meet. */
export function idempotencyKeyId(principal: Principal, key: string): string {
  return createHash('sha256').update(`${principal.kind}:${principal.id}\n${key}`).digest('hex');
}

/** `r42` → 42; undefined for anything else. */
export function sequenceOfRevisionId(id: string): number | undefined {
  const match = /^r([1-9]\d{0,15})$/.exec(id);
  return match ? Number(match[1]) : undefined;
}
