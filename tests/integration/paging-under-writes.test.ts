/**
 * Paging stays stable under concurrent writes. An entity's relations are paged by keyset (`r.id > after`,
 * cypher/read/entity-relations.cypher), its facts by (rank, id): a cursor names a position in that order, not an
 * offset, so writes between or during pages neither repeat nor skip the items they do not touch.
 *
 * Acme gets 40 facts `pgw-f-010` … `pgw-f-400` (Acme OWNS Widgets, one relation each). Then:
 * - a walk of Acme's relations, 3 per page, with writes between the pages: each time a fact asserted behind the
 *   cursor (never seen), one ahead of it (seen), a retraction of one not yet reached (never seen) and of one
 *   already seen. The walk must be exactly what the keyset order predicts;
 * - the same for Acme's facts, where the writes also change ranks: a fact made PREFERRED moves to the front, one
 *   DEPRECATED is hidden; every fact that no write touched is seen exactly once, in (rank, id) order;
 * - walks running while a writer asserts and retracts on the same entity as fast as it can: no page repeats an
 *   item of another, the order is strictly increasing, and every relation that existed throughout is seen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertOwns, clientFor, DOCUMENT_TEXT, seedWorld, type Client } from '../support/curation.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const P = 'pgw';
const PAGE = 3;
const QUOTE = DOCUMENT_TEXT.slice(0, 'Acme bought Widgets Inc'.length);
const factId = (n: number) => `${P}-f-${String(n).padStart(3, '0')}`;
const INITIAL = Array.from({ length: 40 }, (_, i) => factId((i + 1) * 10));

let server: TestServer;
let client: Client;
let world: Awaited<ReturnType<typeof seedWorld>>;

beforeAll(async () => {
  server = await startTestServer();
  client = await clientFor(server.graphqlUrl, server.app.db);
  world = await seedWorld(client, P);
  for (const id of INITIAL) await assertOwns(client, world, id, world.acme, world.widgets, QUOTE);
}, 600_000);

afterAll(async () => {
  await server?.stop();
});

const assert = (id: string) => assertOwns(client, world, id, world.acme, world.widgets, QUOTE);
const retract = (id: string) => client.gql(`mutation ($id: ID!) { retractFact(id: $id, reason: "paging test") { fact { id } } }`, { id });
const setRank = (id: string, rank: string) => client.gql(`mutation ($id: ID!, $rank: Rank!) { setFactRank(id: $id, rank: $rank, reason: "paging test") { fact { id } } }`, { id, rank });

interface Page {
  ids: string[];
  end: string | null;
  hasNextPage: boolean;
}

/** One page of Acme's relations (their fact ids) or facts. */
async function page(list: 'relations' | 'facts', after: string | null): Promise<Page> {
  const node = list === 'relations' ? 'factId: fact { id }' : 'id';
  const data = await client.gql(
    `query ($id: ID!, $after: String) { entity(id: $id) { ${list}(first: ${PAGE}, after: $after) { nodes { ${node} } pageInfo { endCursor hasNextPage } } } }`,
    { id: world.acme, after },
  );
  const connection = data.entity[list];
  const ids = connection.nodes.map((n: { id?: string; factId?: { id: string } }) => stripType(n.factId?.id ?? n.id!));
  return { ids, end: connection.pageInfo.endCursor, hasNextPage: connection.pageInfo.hasNextPage };
}

/** `Fact:pgw-f-010` → `pgw-f-010`. */
const stripType = (id: string) => id.replace(/^Fact:/, '');

/** Walks a whole list, calling `between` with what was seen so far after each page. */
async function walk(list: 'relations' | 'facts', between: (seen: string[]) => Promise<void> = async () => undefined): Promise<string[]> {
  const seen: string[] = [];
  let after: string | null = null;
  for (;;) {
    const next = await page(list, after);
    seen.push(...next.ids);
    if (!next.hasNextPage) return seen;
    after = next.end;
    await between(seen);
  }
}

const mine = (ids: string[]) => ids.filter((id) => id.startsWith(`${P}-f-`));
const sorted = (ids: string[]) => [...ids].sort();

describe('paging under writes', () => {
  it("an entity's relations: writes between pages change only what the keyset order says they change", async () => {
    const live = new Set(INITIAL);
    const expected = { seen: new Set<string>(), unseen: new Set<string>() };
    let round = 0;
    const seen = await walk('relations', async (so) => {
      round += 1;
      // Ids sort as text: `pgw-f-020-…` sorts after `pgw-f-020` and before `pgw-f-030`.
      const before = `${so[0]!}-${round}-behind`; // right after the first item seen: behind the cursor
      const ahead = `${so.at(-1)!}-${round}-ahead`; // right after the cursor: ahead of it
      await assert(before);
      await assert(ahead);
      live.add(before).add(ahead);
      expected.unseen.add(before);
      expected.seen.add(ahead);
      const notReached = sorted([...live]).find((id) => id > ahead && !expected.seen.has(id) && INITIAL.includes(id));
      if (notReached) {
        await retract(notReached);
        live.delete(notReached);
        expected.unseen.add(notReached);
      }
      const alreadySeen = so.find((id) => live.has(id) && INITIAL.includes(id));
      if (alreadySeen) {
        await retract(alreadySeen);
        live.delete(alreadySeen);
        expected.seen.add(alreadySeen);
      }
    });
    const walked = mine(seen);
    expect(round).toBeGreaterThan(5);
    expect(walked).toEqual(sorted(walked)); // keyset order, strictly increasing:
    expect(new Set(walked).size).toBe(walked.length); // no repeat
    for (const id of expected.seen) expect(walked).toContain(id);
    for (const id of expected.unseen) expect(walked).not.toContain(id);
    // Every initial fact no write touched is seen exactly once.
    const untouched = INITIAL.filter((id) => !expected.unseen.has(id) && !expected.seen.has(id));
    expect(untouched.length).toBeGreaterThan(10);
    for (const id of untouched) expect(walked.filter((w) => w === id)).toHaveLength(1);
    // And the walk is exactly what was live at some point when its page was read: nothing else.
    expect(sorted(walked)).toEqual(sorted([...untouched, ...expected.seen]));
  }, 600_000);

  it("an entity's facts: rank changes move a fact, and every fact no write touched is seen once, in (rank, id) order", async () => {
    const touched = new Set<string>();
    const ranks = new Map<string, number>();
    let round = 0;
    const seen = await walk('facts', async (so) => {
      round += 1;
      const notSeen = async (skip: number) => {
        const all = mine(await walk('facts'));
        return all.filter((id) => !so.includes(id) && !touched.has(id))[skip];
      };
      // One not yet reached becomes PREFERRED (moves to the front, behind the cursor: not seen), one DEPRECATED
      // (hidden: not seen), and one already seen becomes PREFERRED (seen once, before it moved).
      for (const [rank, id] of [['PREFERRED', await notSeen(3)], ['DEPRECATED', await notSeen(4)], ['PREFERRED', mine(so).find((i) => !touched.has(i))]] as const) {
        if (!id || round > 6) continue;
        await setRank(id, rank);
        touched.add(id);
        ranks.set(id, rank === 'PREFERRED' ? 0 : 2);
      }
    });
    const walked = mine(seen);
    expect(round).toBeGreaterThan(5);
    expect(touched.size).toBeGreaterThanOrEqual(15);
    expect(new Set(walked).size).toBe(walked.length);
    const now = mine(await walk('facts'));
    const untouchedNow = now.filter((id) => !touched.has(id));
    expect(untouchedNow.length).toBeGreaterThan(10);
    for (const id of untouchedNow) expect(walked.filter((w) => w === id)).toHaveLength(1);
    // The untouched appear in the walk in the same order as in a quiet walk.
    expect(walked.filter((id) => !touched.has(id))).toEqual(untouchedNow);
  }, 600_000);

  it('walks during a writer that asserts and retracts on the same entity: no repeat, no gap, in order', async () => {
    const before = new Set(mine(await walk('relations')));
    let writing = true;
    let writes = 0;
    const retracted = new Set<string>();
    const victims = [...before].filter((id) => INITIAL.includes(id) && id > factId(200));
    const writer = (async () => {
      for (let i = 0; writing; i += 1) {
        await assert(`${factId(100 + ((i * 37) % 300))}-w${i}`);
        writes += 1;
        const victim = i % 2 === 0 ? victims.shift() : undefined;
        if (victim) {
          await retract(victim);
          retracted.add(victim);
          writes += 1;
        }
      }
    })();
    const walks: string[][] = [];
    try {
      // Walk until the writer has landed several writes (a walk is faster than a write), and at least 4 times.
      while ((walks.length < 4 || writes < 8) && walks.length < 500) walks.push(mine(await walk('relations')));
    } finally {
      writing = false;
      await writer;
    }
    // The writer really ran during the walks.
    expect(writes).toBeGreaterThanOrEqual(8);
    expect(retracted.size).toBeGreaterThan(0);
    for (const walked of walks) {
      expect(walked).toEqual(sorted(walked));
      expect(new Set(walked).size).toBe(walked.length);
      for (const id of before) if (!retracted.has(id)) expect(walked).toContain(id);
    }
  }, 600_000);
});
