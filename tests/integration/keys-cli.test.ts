/**
 * `npm run keys`, the real CLI in its own process against the test Neo4j: `create` prints the key alone on its
 * last line and the server accepts it; `list` shows it (never the secret); `revoke` makes the server refuse it;
 * bad arguments exit with 2 and say what is accepted.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config/config.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const run = promisify(execFile);

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

async function keys(...args: string[]): Promise<CliResult> {
  const neo4j = inject('neo4j');
  const env = { ...process.env, NEO4J_URI: neo4j.uri, NEO4J_USERNAME: neo4j.username, NEO4J_PASSWORD: neo4j.password, NEO4J_DATABASE: neo4j.database, LOG_LEVEL: 'warn' };
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'src/cli/keys.ts'), ...args], { env, cwd: PROJECT_ROOT, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

const UPSERT = 'mutation { upsertEntity(input: {id: "keys-cli-person", kind: PERSON, name: "Keys CLI", description: "A test entity."}) { existed } }';

async function post(server: TestServer, key: string, query: string): Promise<{ status: number; code: string | undefined }> {
  const response = await fetch(server.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
  return { status: response.status, code: body.errors?.[0]?.extensions?.code };
}

let server: TestServer;
beforeAll(async () => {
  // No key cache: a revocation shows at once.
  server = await startTestServer({ KNOWLEDGE_AUTOLOAD: 'false', API_KEY_CACHE_MS: '0' });
});
afterAll(async () => {
  await server?.stop();
});

describe('npm run keys', () => {
  it('creates a key (alone on the last line), lists it without its secret, and revokes it', async () => {
    const created = await keys('create', '--scope', 'write', '--name', 'keys-cli-test');
    expect(created.code, created.stderr).toBe(0);
    const lines = created.stdout.trimEnd().split('\n');
    const key = lines.at(-1)!;
    expect(key).toMatch(/^kg_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    const id = key.slice(3, 19);

    const accepted = await post(server, key, UPSERT);
    expect([401, 403]).not.toContain(accepted.status);
    expect(await post(server, key, 'mutation { mergeEntities(from: "a", into: "b", reason: "r") { redirected } }')).toEqual({ status: 403, code: 'FORBIDDEN' });

    const listed = await keys('list');
    expect(listed.code).toBe(0);
    const row = listed.stdout.split('\n').find((line) => line.startsWith(id));
    expect(row).toMatch(new RegExp(`^${id}\\s+keys-cli-test\\s+WRITE\\s+\\d{4}-\\d\\d-\\d\\dT\\S+Z\\s+-$`));
    expect(listed.stdout).not.toContain(key.slice(20));

    const revoked = await keys('revoke', id);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toContain(`Revoked key ${id}`);
    expect(await post(server, key, UPSERT)).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    const after = await keys('list');
    expect(after.stdout.split('\n').find((line) => line.startsWith(id))).toMatch(/WRITE\s+\S+Z\s+\d{4}-\S+Z$/);
  });

  it('refuses bad arguments with exit code 2 and says what is accepted', async () => {
    const cases: [string[], RegExp][] = [
      [[], /No command given/],
      [['make'], /Unknown command "make"/],
      [['create', '--name', 'x'], /--scope with one of read, write, admin/],
      [['create', '--scope', 'root', '--name', 'x'], /read, write, admin, not "root"/],
      [['create', '--scope', 'read'], /create needs --name/],
      [['create', '--scope', 'read', '--name', 'x', '--color', 'red'], /Unknown option '--color'/],
      [['revoke'], /revoke needs one key id: 16 hex digits/],
      [['list', '--scope', 'read'], /--scope and --name go with create only/],
    ];
    for (const [args, message] of cases) {
      const result = await keys(...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toMatch(message);
      expect(result.stderr).toContain('Usage:');
    }
  });

  it('says so when revoking a key that does not exist (exit code 1)', async () => {
    const result = await keys('revoke', 'ffffffffffffffff');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('No key with id ffffffffffffffff.');
  });
});
