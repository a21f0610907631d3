/** The write benchmark's inputs: every request its own ids, facts between two different entities, the quote where it says. */
import { describe, expect, it } from 'vitest';
import { BENCH_WRITE_DOCUMENT, BENCH_WRITE_ENTITIES, OURS_WRITES, PEER_WRITES, QUOTE_END, QUOTE_START, WRITE_OPERATION_NAMES, writeIds } from '../../bench/write-operations.ts';

describe('bench write operations', () => {
  it('give every request of a cell its own ids, and never a fact of an entity with itself', () => {
    const facts = new Set<string>();
    const pairs = new Set<string>();
    for (let i = 0; i < 2_000; i++) {
      const ids = writeIds('ours-1000-x', i);
      expect(ids.subject).not.toBe(ids.object);
      facts.add(ids.fact);
      pairs.add(`${ids.subject}>${ids.object}`);
    }
    expect(facts.size).toBe(2_000);
    // Every ordered pair of the 16 entities comes up: no pair becomes a hub of parallel relations.
    expect(pairs.size).toBe(BENCH_WRITE_ENTITIES.length * (BENCH_WRITE_ENTITIES.length - 1));
    expect(writeIds('ours-1000-x', 3).fact).not.toBe(writeIds('peer-1000-x', 3).fact);
  });

  it('cite a quote that is in the document, at the offsets the peer is sent', () => {
    const { quote, start, end } = PEER_WRITES.AssertFact.variables('peer-1', 0) as { quote: string; start: number; end: number };
    expect(BENCH_WRITE_DOCUMENT.text.slice(QUOTE_START, QUOTE_END)).toBe(quote);
    expect([start, end]).toEqual([QUOTE_START, QUOTE_END]);
    const ours = OURS_WRITES.AssertFact.variables('ours-1', 0) as { input: { citations: { quote: string }[] } };
    expect(ours.input.citations[0]!.quote).toBe(quote);
  });

  it('send ours and the peer the same ids for the same request', () => {
    for (const op of WRITE_OPERATION_NAMES) {
      const ours = JSON.stringify(OURS_WRITES[op].variables('c', 7));
      const peer = JSON.stringify(PEER_WRITES[op].variables('c', 7));
      const id = op === 'UpsertEntity' ? writeIds('c', 7).entity : writeIds('c', 7).fact;
      expect(ours).toContain(JSON.stringify(id));
      expect(peer).toContain(JSON.stringify(id));
    }
  });
});
