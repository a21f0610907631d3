/**
 * Optimistic concurrency on one entity: 20 writers at once, each adding its own alias with `expectedRevision`
 * (the entity's revision it read) and, on CONFLICT, reading again and retrying until its alias is in. No update
 * may be lost (all 20 aliases present), every conflict must be answered as CONFLICT (counted; no other error),
 * and the revisions' sequences must stay gapless and increasing in commit order.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { bearer, issueApiKey } from '../support/api-keys.ts';
import { graphql, startTestServer, type TestServer } from '../support/test-server.ts';

const WRITERS = 20;
const ENTITY = 'concurrency-target';

let server: TestServer;
/** The writer's API key (scopes are enforced). */
let key: Record<string, string>;
let driver: Driver;

beforeAll(async () => {
  server = await startTestServer();
  const { uri, username, password } = inject('neo4j');
  driver = neo4j.driver(uri, neo4j.auth.basic(username, password), { disableLosslessIntegers: true });
  key = bearer(await issueApiKey(server.app.db, 'WRITE', 'concurrent-writer'));
});

afterAll(async () => {
  await driver?.close();
  await server?.stop();
});

async function cypher(query: string, params: Record<string, unknown> = {}): Promise<Record<string, any>[]> {
  return (await driver.executeQuery(query, params)).records.map((r) => r.toObject());
}

const UPSERT = `mutation ($input: UpsertEntityInput!) { upsertEntity(input: $input) { revision { id sequence } } }`;

/** What a writer reads before it writes: the entity's aliases and its revision. */
async function readEntity(): Promise<{ aliases: string[]; revision: number }> {
  const [row] = await cypher('MATCH (e:Entity {id: $id}) RETURN e.aliasTexts AS aliases, e.revision AS revision', { id: ENTITY });
  return { aliases: row!.aliases ?? [], revision: row!.revision };
}

interface WriterResult {
  attempts: number;
  conflicts: number;
  otherErrors: unknown[];
  sequence: number;
}

async function writer(alias: string): Promise<WriterResult> {
  const result: WriterResult = { attempts: 0, conflicts: 0, otherErrors: [], sequence: 0 };
  for (;;) {
    const { aliases, revision } = await readEntity();
    if (aliases.includes(alias)) return result;
    result.attempts += 1;
    const answer = await graphql(server.graphqlUrl, UPSERT, {
      input: { id: ENTITY, aliases: [...aliases, alias].map((text) => ({ text })), expectedRevision: `r${revision}` },
    }, key);
    const code = answer.errors?.[0]?.extensions?.code;
    if (code === 'CONFLICT') {
      result.conflicts += 1;
      expect(answer.errors![0]!.extensions!.currentRevision).toMatch(/^Revision:r\d+$/);
    } else if (answer.errors) {
      result.otherErrors.push(answer.errors);
      return result;
    } else {
      result.sequence = answer.data!.upsertEntity.revision.sequence;
    }
  }
}

describe('concurrent writers on one entity with expectedRevision', () => {
  it('loses no update, reports every conflict, and keeps sequences gapless', { timeout: 180_000 }, async () => {
    const created = await graphql(server.graphqlUrl, UPSERT, { input: { id: ENTITY, kind: 'CONCEPT', name: 'Target', description: 'Written by many at once.' } }, key);
    expect(created.errors).toBeUndefined();
    const firstSequence = created.data!.upsertEntity.revision.sequence as number;

    const started = Date.now();
    const aliases = Array.from({ length: WRITERS }, (_, i) => `alias-${i}`);
    const results = await Promise.all(aliases.map(writer));
    const ms = Date.now() - started;

    expect(results.flatMap((r) => r.otherErrors)).toEqual([]);
    const { aliases: stored, revision } = await readEntity();
    expect(stored.sort()).toEqual([...aliases].sort());
    const conflicts = results.reduce((n, r) => n + r.conflicts, 0);
    const attempts = results.reduce((n, r) => n + r.attempts, 0);
    // Every attempt either committed (one per writer) or was answered CONFLICT.
    expect(attempts).toBe(WRITERS + conflicts);

    // The entity's revisions: the creation, then one per writer, in strictly increasing sequence order.
    const history = await cypher('MATCH (r:Revision)-[:HAS_CHANGE]->(c:Change {target: $id}) RETURN DISTINCT r.sequence AS s, r.committedAt AS at ORDER BY s', { id: ENTITY });
    expect(history).toHaveLength(WRITERS + 1);
    expect(history[0]!.s).toBe(firstSequence);
    expect(revision).toBe(history.at(-1)!.s);
    expect(new Set(results.map((r) => r.sequence)).size).toBe(WRITERS);
    for (let i = 1; i < history.length; i++) expect(history[i]!.at >= history[i - 1]!.at, 'committedAt grows with the sequence').toBe(true);
    // Gapless across the whole log: every number up to the log's sequence is exactly one revision.
    const [log] = await cypher("MATCH (l:RevisionLog {id: 'main'}) RETURN l.sequence AS n");
    const sequences = (await cypher('MATCH (r:Revision) RETURN r.sequence AS s ORDER BY s')).map((r) => r.s);
    expect(sequences).toEqual(Array.from({ length: log!.n }, (_, i) => i + 1));
    console.log(`${WRITERS} concurrent writers: ${attempts} attempts, ${conflicts} answered CONFLICT, 0 updates lost, sequences ${firstSequence}..${revision} gapless, ${ms} ms`);
  });
});
