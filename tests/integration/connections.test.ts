/**
 * Every connection, walked forward (`first`/`after`) and backward (`last`/`before`) on the article graph plus
 * facts written here through the curation mutations (more than 100 on one entity, so that an entity's facts
 * beyond the largest page are reachable): both walks give the same items in the same order, with no gap and no
 * duplicate, PageInfo is right at both ends, and totalCount is exact. A second server on the same database,
 * with a small EXACT_COUNT_LIMIT, shows the estimate flag; `first` with `last` is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, DOCUMENT_TEXT, seedWorld, type Client } from '../support/curation.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const P = 'conn';
/** More than MAX_PAGE_SIZE (100): the test's point is that the facts beyond it are reachable. */
const EXTRA_FACTS = 110;
/** Every seventh extra fact is PREFERRED: the order is rank first, so they interleave with the article's facts. */
const preferred = (i: number) => i % 7 === 0;
const SMALL_BOUND = 5;

let server: TestServer;
let bounded: TestServer;
let client: Client;
let small: Client;
let world: Awaited<ReturnType<typeof seedWorld>>;

beforeAll(async () => {
  server = await startTestServer();
  client = await clientFor(server.graphqlUrl, server.app.db);
  world = await seedWorld(client, P);
  const assert = `mutation ($input: AssertFactInput!) { assertFact(input: $input) { fact { id } } }`;
  const quote = DOCUMENT_TEXT.slice(0, 'Acme bought Widgets Inc'.length);
  for (let i = 0; i < EXTRA_FACTS; i += 1) {
    const id = `${P}-acme-owns-${String(i).padStart(3, '0')}`;
    await client.gql(assert, {
      input: {
        id,
        type: 'OWNS',
        subject: world.acme,
        object: i % 2 === 0 ? world.widgets : world.globex,
        statement: `Acme owns part ${i}.`,
        modality: 'ACTUAL',
        rank: preferred(i) ? 'PREFERRED' : 'NORMAL',
        citations: [{ document: world.doc, quote, saidBy: world.doc, kind: 'STATEMENT' }],
      },
    });
  }
  // Acme's history: its creation and these, more than SMALL_BOUND revisions.
  for (const description of ['Changed once.', 'Changed twice.', 'Changed thrice.', 'Changed again.', 'Changed at last.']) {
    await client.gql(`mutation ($input: UpsertEntityInput!) { upsertEntity(input: $input) { revision { id } } }`, { input: { id: world.acme, description } });
  }
  bounded = await startTestServer({ EXACT_COUNT_LIMIT: String(SMALL_BOUND) });
  small = await clientFor(bounded.graphqlUrl, bounded.app.db);
}, 600_000);

afterAll(async () => {
  await bounded?.stop();
  await server?.stop();
});

interface Connection {
  edges: { cursor: string; node: { id: string } }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
  totalCountIsEstimate: boolean;
}

const SELECTION = 'edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount totalCountIsEstimate';
const PAGING = '$first: Int, $after: String, $last: Int, $before: String';
const ARGS = 'first: $first, after: $after, last: $last, before: $before';

interface List {
  name: string;
  /** The operation, with PAGING's variables and SELECTION on the connection. */
  query: string;
  /** The connection in the answer. */
  pick: (data: any) => Connection;
  size: number;
  /** Items the list must hold at least (proof the walk was not over a trivial list). */
  atLeast: number;
}

const LISTS: List[] = [
  { name: 'entities', query: `query(${PAGING}) { entities(${ARGS}) { ${SELECTION} } }`, pick: (d) => d.entities, size: 7, atLeast: 50 },
  { name: 'entities of a kind', query: `query(${PAGING}) { entities(kind: ORGANIZATION, ${ARGS}) { ${SELECTION} } }`, pick: (d) => d.entities, size: 4, atLeast: 8 },
  { name: 'relations', query: `query(${PAGING}) { relations(${ARGS}) { ${SELECTION} } }`, pick: (d) => d.relations, size: 30, atLeast: 150 },
  { name: 'relations from an entity', query: `query(${PAGING}) { relations(from: "${P}-acme", type: OWNS, ${ARGS}) { ${SELECTION} } }`, pick: (d) => d.relations, size: 16, atLeast: EXTRA_FACTS },
  {
    name: 'Entity.relations',
    query: `query(${PAGING}) { entity(id: "${P}-acme") { relations(${ARGS}) { ${SELECTION} } } }`,
    pick: (d) => d.entity.relations,
    size: 25,
    atLeast: EXTRA_FACTS,
  },
  {
    name: 'Entity.relations, nested (loaders)',
    query: `query(${PAGING}) { relations(from: "elon-musk", type: FOUNDED) { nodes { to { id } from { relations(direction: OUTGOING, ${ARGS}) { ${SELECTION} } } } } }`,
    pick: (d) => d.relations.nodes[0].from.relations,
    size: 3,
    atLeast: 5,
  },
  { name: 'Entity.facts (beyond 100)', query: `query(${PAGING}) { entity(id: "${P}-acme") { facts(${ARGS}) { ${SELECTION} } } }`, pick: (d) => d.entity.facts, size: 100, atLeast: EXTRA_FACTS },
  { name: 'Entity.facts, small pages', query: `query(${PAGING}) { entity(id: "${P}-acme") { facts(${ARGS}) { ${SELECTION} } } }`, pick: (d) => d.entity.facts, size: 13, atLeast: EXTRA_FACTS },
  {
    name: 'Entity.facts with retracted ones',
    query: `query(${PAGING}) { entity(id: "${P}-acme") { facts(includeRetracted: true, ${ARGS}) { ${SELECTION} } } }`,
    pick: (d) => d.entity.facts,
    size: 40,
    atLeast: EXTRA_FACTS,
  },
  {
    name: 'Source.backedFacts',
    query: `query(${PAGING}) { entity(id: "${P}-doc") { ... on Source { backedFacts(${ARGS}) { ${SELECTION} } } } }`,
    pick: (d) => d.entity.backedFacts,
    size: 17,
    atLeast: EXTRA_FACTS,
  },
  { name: 'search', query: `query(${PAGING}) { search(text: "tesla", ${ARGS}) { ${SELECTION} } }`, pick: (d) => d.search, size: 2, atLeast: 3 },
  { name: 'history', query: `query(${PAGING}) { history(id: "${P}-acme", ${ARGS}) { ${SELECTION} } }`, pick: (d) => d.history, size: 2, atLeast: 5 },
  {
    name: 'changes',
    query: `query($first: Int, $after: ID, $last: Int, $before: ID) { changes(${ARGS}) { ${SELECTION} } }`,
    pick: (d) => d.changes,
    size: 25,
    atLeast: EXTRA_FACTS + 5,
  },
];

const ids = (page: Connection) => page.edges.map((edge) => edge.node.id);

/** The page's own consistency: at most `size` edges, and start and end cursors those of its first and last edge. */
function checkPage(page: Connection, size: number): void {
  expect(page.edges.length).toBeLessThanOrEqual(size);
  expect(page.edges.length).toBeGreaterThan(0);
  expect(page.pageInfo.startCursor).toBe(page.edges[0]!.cursor);
  expect(page.pageInfo.endCursor).toBe(page.edges[page.edges.length - 1]!.cursor);
}

async function walk(list: List, direction: 'forward' | 'backward'): Promise<{ items: string[]; pages: Connection[] }> {
  const pages: Connection[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 1000; guard += 1) {
    const variables = direction === 'forward' ? { first: list.size, after: cursor } : { last: list.size, before: cursor };
    const page = list.pick(await client.gql(list.query, variables));
    checkPage(page, list.size);
    pages.push(page);
    const more = direction === 'forward' ? page.pageInfo.hasNextPage : page.pageInfo.hasPreviousPage;
    if (!more) break;
    cursor = direction === 'forward' ? page.pageInfo.endCursor : page.pageInfo.startCursor;
  }
  const ordered = direction === 'forward' ? pages : [...pages].reverse();
  return { items: ordered.flatMap(ids), pages };
}

describe('every connection pages both ways over the same items', () => {
  it.each(LISTS)('$name: first/after and last/before give the same items, in order, each once; PageInfo and totalCount agree', async (list) => {
    const forward = await walk(list, 'forward');
    const backward = await walk(list, 'backward');
    expect(forward.items.length).toBeGreaterThanOrEqual(list.atLeast);
    expect(new Set(forward.items).size, 'no duplicate').toBe(forward.items.length);
    expect(backward.items, 'the same items in the same order').toEqual(forward.items);
    // Forward: only the first page has nothing before it, only the last nothing after it.
    forward.pages.forEach((page, i) => {
      expect(page.pageInfo.hasPreviousPage, `forward page ${i}`).toBe(i > 0);
      expect(page.pageInfo.hasNextPage, `forward page ${i}`).toBe(i < forward.pages.length - 1);
    });
    // Backward, from the end: the mirror image.
    backward.pages.forEach((page, i) => {
      expect(page.pageInfo.hasNextPage, `backward page ${i}`).toBe(i > 0);
      expect(page.pageInfo.hasPreviousPage, `backward page ${i}`).toBe(i < backward.pages.length - 1);
    });
    // Full pages but the last one read.
    for (const page of forward.pages.slice(0, -1)) expect(page.edges).toHaveLength(list.size);
    for (const page of backward.pages.slice(0, -1)) expect(page.edges).toHaveLength(list.size);
    for (const page of [...forward.pages, ...backward.pages]) expect(page).toMatchObject({ totalCount: forward.items.length, totalCountIsEstimate: false });
  }, 300_000);

  it('reaches an entity\'s facts beyond the 100th, preferred ones first, then by id', async () => {
    const { entity } = await client.gql(`{ entity(id: "${P}-acme") { facts(first: 100) { edges { cursor node { id rank } } pageInfo { endCursor hasNextPage } totalCount } } }`);
    expect(entity.facts.pageInfo.hasNextPage).toBe(true);
    const rest = await client.gql(`query($after: String) { entity(id: "${P}-acme") { facts(first: 100, after: $after) { nodes { id rank } } } }`, { after: entity.facts.pageInfo.endCursor });
    const all = [...entity.facts.edges.map((e: { node: { id: string; rank: string } }) => e.node), ...rest.entity.facts.nodes];
    expect(all).toHaveLength(entity.facts.totalCount);
    const rankKey = (f: { rank: string }) => (f.rank === 'PREFERRED' ? 0 : 1);
    const sorted = [...all].sort((a, b) => rankKey(a) - rankKey(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    expect(all).toEqual(sorted);
    const mine = all.filter((f: { id: string }) => f.id.includes(`${P}-acme-owns-`));
    expect(mine).toHaveLength(EXTRA_FACTS);
  });

  it('pages between two cursors (after and before together)', async () => {
    const list = LISTS.find((l) => l.name === 'Entity.facts, small pages')!;
    const { items, pages } = await walk(list, 'forward');
    const [a, b] = [pages[0]!.pageInfo.endCursor, pages[2]!.pageInfo.startCursor];
    // Neither first nor last: the default page (20), cut by `before`.
    const between = list.pick(await client.gql(list.query, { after: a, before: b }));
    expect(ids(between)).toEqual(items.slice(list.size, 2 * list.size));
    const lastBetween = list.pick(await client.gql(list.query, { last: 5, after: a, before: b }));
    expect(ids(lastBetween)).toEqual(items.slice(2 * list.size - 5, 2 * list.size));
  });

  it('an empty page has null cursors and no flags but the one the cursor implies', async () => {
    const { entity } = await client.gql(`{ entity(id: "${P}-widgets") { facts(types: [LEADER_IN]) { ${SELECTION} } } }`);
    expect(entity.facts).toEqual({ edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null }, totalCount: 0, totalCountIsEstimate: false });
  });
});

describe('totalCount beyond EXACT_COUNT_LIMIT is flagged as an estimate', () => {
  const count = async (c: Client, query: string, pick: (d: any) => { totalCount: number; totalCountIsEstimate: boolean }) => pick(await c.gql(query));

  it(`exact up to the bound (${SMALL_BOUND}), an estimate beyond it, never below what was counted`, async () => {
    const cases: [string, (d: any) => { totalCount: number; totalCountIsEstimate: boolean }][] = [
      [`{ entity(id: "${P}-acme") { facts { totalCount totalCountIsEstimate } } }`, (d) => d.entity.facts],
      [`{ entity(id: "${P}-acme") { relations { totalCount totalCountIsEstimate } } }`, (d) => d.entity.relations],
      ['{ entities { totalCount totalCountIsEstimate } }', (d) => d.entities],
      ['{ entities(kind: ORGANIZATION) { totalCount totalCountIsEstimate } }', (d) => d.entities],
      ['{ relations { totalCount totalCountIsEstimate } }', (d) => d.relations],
      [`{ relations(from: "${P}-acme") { totalCount totalCountIsEstimate } }`, (d) => d.relations],
      [`{ entity(id: "${P}-doc") { ... on Source { backedFacts { totalCount totalCountIsEstimate } } } }`, (d) => d.entity.backedFacts],
      [`{ history(id: "${P}-acme") { totalCount totalCountIsEstimate } }`, (d) => d.history],
    ];
    for (const [query, pick] of cases) {
      const exact = await count(client, query, pick);
      const estimated = await count(small, query, pick);
      expect(exact.totalCountIsEstimate, query).toBe(false);
      expect(exact.totalCount, query).toBeGreaterThan(SMALL_BOUND);
      expect(estimated.totalCountIsEstimate, query).toBe(true);
      expect(estimated.totalCount, query).toBeGreaterThan(SMALL_BOUND);
    }
    // Under the bound, exact on both servers.
    const few = '{ entity(id: "xai") { facts { totalCount totalCountIsEstimate } } }';
    expect(await count(small, few, (d) => d.entity.facts)).toEqual(await count(client, few, (d) => d.entity.facts));
    // The stored degree counts the entity's fact edges: at least the facts it has.
    const facts = await count(small, cases[0]![0], cases[0]![1]);
    expect(facts.totalCount).toBeGreaterThanOrEqual((await count(client, cases[0]![0], cases[0]![1])).totalCount);
  });

  it('counts only when asked: a page without totalCount costs no count statement', async () => {
    const rounds = async (query: string) => (await client.raw(query)).body.extensions?.databaseRoundTrips as number;
    const without = await rounds('{ entity(id: "tesla") { facts(first: 3) { nodes { id } } } }');
    const withCount = await rounds('{ entity(id: "tesla") { facts(first: 3) { nodes { id } totalCount totalCountIsEstimate } } }');
    expect(without).toBe(1);
    expect(withCount).toBe(2);
  });
});

describe('refusals', () => {
  it.each([
    ['{ entities(first: 2, last: 2) { nodes { id } } }', 'last', /cannot be given with `first`/],
    ['{ relations(first: 2, last: 2) { nodes { id } } }', 'last', /cannot be given with `first`/],
    ['{ entity(id: "tesla") { facts(first: 2, last: 2) { nodes { id } } } }', 'last', /cannot be given with `first`/],
    ['{ search(text: "tesla", first: 2, last: 2) { nodes { id } } }', 'last', /cannot be given with `first`/],
    ['{ history(id: "tesla", first: 2, last: 2) { nodes { id } } }', 'last', /cannot be given with `first`/],
    ['{ changes(first: 2, last: 2) { nodes { id } } }', 'last', /cannot be given with `first`/],
    ['{ entities(last: 0) { nodes { id } } }', 'last', /between 1 and 100/],
    ['{ entity(id: "tesla") { facts(before: "bm9wZQ") { nodes { id } } } }', 'before', /not a cursor of this list/],
  ])('%s is BAD_USER_INPUT on `%s`', async (query, argument, message) => {
    const { body } = await client.raw(query);
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toContain(`Invalid argument \`${argument}\``);
    expect(body.errors?.[0]?.message).toMatch(message);
  });

  it("refuses a cursor of another list: a relation's cursor is not an entity's", async () => {
    const { relations } = await client.gql('{ relations(first: 1) { pageInfo { endCursor } } }');
    const { body } = await client.raw('query($after: String) { entities(after: $after) { nodes { id } } }', { after: relations.pageInfo.endCursor });
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
