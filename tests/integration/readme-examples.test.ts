/**
 * The README's example queries, run against the real server: each ```graphql block followed by a ```json
 * block must be answered with exactly that JSON, so the documentation cannot drift from the API.
 *
 * The "Curating knowledge" section is a walkthrough: its blocks run in order, with the write key that the
 * section's own `npm run keys -- create …` command prints (the command is run as written, against the test
 * Neo4j). Its answers are compared as strictly, with one documented allowance: revision ids (`r2`) are those
 * of a fresh `npm start`, where the article's load is r1; on a server with more history every id (a value, or
 * inside a message) is shifted by the same number, learned from the first revision answered, and the
 * walkthrough's queries are sent with the shifted ids. A revision id that does not fit that one shift fails.
 * It writes the README's own ids, so it runs once per database (npm test's is fresh each run).
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config/config.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

interface Example {
  query: string;
  expected: unknown;
}

const WALKTHROUGH = '## Curating knowledge';
const README = readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');

/** Pairs each ```graphql block with the ```json block right after it. */
function examplesIn(text: string): Example[] {
  const pattern = /```graphql\n([\s\S]*?)```\s*```json\n([\s\S]*?)```/g;
  return [...text.matchAll(pattern)].map((m) => ({ query: m[1]!, expected: JSON.parse(m[2]!) }));
}

/** The README without the walkthrough, and the walkthrough (from its heading to the next `## ` heading). */
function sections(): { reads: string; walkthrough: string } {
  const start = README.indexOf(`\n${WALKTHROUGH}\n`);
  if (start === -1) return { reads: README, walkthrough: '' };
  const next = README.indexOf('\n## ', start + WALKTHROUGH.length + 2);
  const end = next === -1 ? README.length : next;
  return { reads: README.slice(0, start) + README.slice(end), walkthrough: README.slice(start, end) };
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

/** The answer, and its `extensions` apart: generated per request (a write's bookmark, round trips outside production), not documentation. */
async function post(example: Example, headers: Record<string, string> = {}, query = example.query): Promise<{ body: Record<string, unknown>; extensions: Record<string, unknown> }> {
  const response = await fetch(server.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  const { extensions = {}, ...body } = (await response.json()) as Record<string, unknown>;
  expect(response.headers.get('neo4j-bookmark') ?? undefined, 'the bookmark header and extension agree').toBe((extensions as { bookmark?: string }).bookmark);
  return { body, extensions: extensions as Record<string, unknown> };
}

describe('README examples', () => {
  const examples = examplesIn(sections().reads);
  it('are there', () => {
    expect(examples.length).toBeGreaterThanOrEqual(3);
  });

  it.each(examples.map((e) => [e.query.split('\n')[1]?.trim(), e] as const))('%s … answers as documented', async (_first, example) => {
    expect((await post(example)).body).toEqual(example.expected);
  });
});

describe('README walkthrough: curating knowledge', () => {
  const { walkthrough } = sections();
  const steps = examplesIn(walkthrough);
  const keyCommand = /^npm run keys -- (create .+)$/m.exec(walkthrough);
  let key = '';
  /** README revision sequence + shift = this server's. */
  let shift: number | undefined;

  // A revision id as answered (`Revision:r3`) or as the README's arguments give it (`r3`).
  const REVISION_ID = /^(?:Revision:)?r(\d+)$/;
  const shifted = (id: string) => `r${Number(REVISION_ID.exec(id)![1]) + (shift ?? 0)}`;

  /**
   * The expected answer with its revision ids shifted, as values (`"Revision:r3"`) and inside messages ("… now at r3");
   * the shift is learned from the first revision id answered.
   */
  function align(expected: unknown, actual: unknown): unknown {
    if (typeof expected === 'string') {
      if (shift === undefined && REVISION_ID.test(expected) && typeof actual === 'string' && REVISION_ID.test(actual)) {
        shift = Number(REVISION_ID.exec(actual)![1]) - Number(REVISION_ID.exec(expected)![1]);
      }
      return expected.replace(/\br\d+\b/g, shifted);
    }
    if (Array.isArray(expected)) return expected.map((item, i) => align(item, Array.isArray(actual) ? actual[i] : undefined));
    if (expected && typeof expected === 'object') {
      const other = (actual && typeof actual === 'object' ? actual : {}) as Record<string, unknown>;
      return Object.fromEntries(Object.entries(expected).map(([k, v]) => [k, align(v, other[k])]));
    }
    return expected;
  }

  it('is there: a key command and at least eight steps', () => {
    expect(keyCommand, 'the walkthrough shows `npm run keys -- create …`').not.toBeNull();
    expect(steps.length).toBeGreaterThanOrEqual(8);
  });

  it('runs on a database where it has not run before (its ids are the README\'s)', async () => {
    const document = /addDocument\(input: \{\s*id: "([^"]+)"/.exec(walkthrough)?.[1];
    expect(document, 'the walkthrough adds a document').toBeDefined();
    const { body } = await post({ query: `{ entity(id: ${JSON.stringify(document)}) { id } }`, expected: null });
    expect(body, `${document} exists already: the walkthrough ran on this database before; run it on a fresh one, as npm test does`).toEqual({ data: { entity: null } });
  });

  it('creates the key with the README\'s own command', async () => {
    const neo4j = inject('neo4j');
    const env = { ...process.env, NEO4J_URI: neo4j.uri, NEO4J_USERNAME: neo4j.username, NEO4J_PASSWORD: neo4j.password, NEO4J_DATABASE: neo4j.database, LOG_LEVEL: 'warn' };
    const args = keyCommand![1]!.split(/\s+/);
    const { stdout } = await promisify(execFile)(path.join(PROJECT_ROOT, 'node_modules/.bin/tsx'), ['src/cli/keys.ts', ...args], { cwd: PROJECT_ROOT, env });
    key = stdout.trim().split('\n').at(-1)!;
    expect(key).toMatch(/^kg_[0-9a-f]{16}_\S+$/);
  });

  it.each(steps.map((step, i) => [i + 1, step.query.split('\n').find((line) => /\w/.test(line) && !/^\s*(mutation|query)?\s*\{?\s*$/.test(line))?.trim(), step] as const))(
    'step %i: %s … answers as documented',
    async (_n, _first, step) => {
      expect(key, 'the key step ran').not.toBe('');
      const query = step.query.replace(/"(r\d+)"/g, (_m, id: string) => JSON.stringify(shifted(id)));
      const { body, extensions } = await post(step, { authorization: `Bearer ${key}` }, query);
      expect(body).toEqual(align(step.expected, body));
      // As the README says: a write answers its bookmark (reads and refused writes have none).
      const wrote = /^\s*mutation\b/.test(step.query) && !body.errors;
      expect(typeof extensions.bookmark === 'string' && extensions.bookmark.length > 0, 'extensions.bookmark').toBe(wrote);
    },
  );
});
