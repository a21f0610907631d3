/**
 * SIGTERM drains: the real `npm start` entry point runs as a child process (against the test run's Neo4j);
 * requests are in flight when it gets SIGTERM. Each request that was accepted completes with its full answer,
 * none is cut or answered 5xx, and the process exits 0 promptly. Stopping closes the driver: checked on an app
 * stopped in this process (a process that exits drops its sockets anyway), where Neo4j itself no longer lists
 * a connection of the app's and the stopped Database refuses work.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import neo4jDriver from 'neo4j-driver';
import { PROJECT_ROOT } from '../../src/config/config.ts';
import { freePort } from '../support/free-port.ts';
import { startTestServer } from '../support/test-server.ts';

let child: ChildProcess | undefined;
afterAll(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
});

function startServer(port: number): Promise<{ process: ChildProcess; output: () => string }> {
  const neo4j = inject('neo4j');
  const server = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'src/cli/start.ts')], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      HOST: '127.0.0.1',
      PORT: String(port),
      NEO4J_URI: neo4j.uri,
      NEO4J_USERNAME: neo4j.username,
      NEO4J_PASSWORD: neo4j.password,
      NEO4J_DATABASE: neo4j.database,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 120_000);
    server.stdout!.on('data', () => {
      if (output.includes('Ready in')) {
        clearTimeout(timer);
        resolve({ process: server, output: () => output });
      }
    });
    server.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

describe('graceful shutdown', () => {
  it('answers the requests in flight at SIGTERM, then exits 0 and closes the driver', async () => {
    const port = await freePort();
    const started = await startServer(port);
    child = started.process;
    const url = `http://127.0.0.1:${port}/graphql`;
    const query = JSON.stringify({ query: '{ neighborhood(id: "xai", depth: 2) { nodes { id name } edges { type fact { statement citations { quote } } } } }' });

    type Outcome = { status: number; body: { data?: { neighborhood?: { nodes: unknown[] } } }; refused?: string };
    const inFlight = Array.from({ length: 24 }, (): Promise<Outcome> =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: query }).then(
        async (response) => ({ status: response.status, body: (await response.json()) as { data?: { neighborhood?: { nodes: unknown[] } } } }),
        (error: Error) => ({ status: 0, body: {}, refused: (error.cause as { code?: string } | undefined)?.code ?? error.message }),
      ),
    );
    // SIGTERM once the server has accepted some of them (it logs each incoming request), so that there are
    // requests in flight however slowly a busy machine delivers them; the rest may still be connecting.
    const accepted = () => started.output().split('"incoming request"').length - 1;
    for (const until = Date.now() + 20_000; accepted() === 0 && Date.now() < until; ) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(accepted(), 'the server accepted a request before SIGTERM').toBeGreaterThan(0);
    const signalledAt = Date.now();
    const exited = new Promise<number | null>((resolve) => child!.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');

    const results = await Promise.all(inFlight);
    const code = await exited;
    const exitMs = Date.now() - signalledAt;
    const answered = results.filter((r) => r.status === 200);
    const refused = results.filter((r) => r.status === 0);
    const others = results.filter((r) => r.status !== 200 && r.status !== 0).map((r) => r.status);
    const reasons = [...new Set(refused.map((r) => r.refused))].join(', ');
    console.log(`SIGTERM with ${inFlight.length} requests in flight: ${answered.length} answered in full, ${refused.length} refused before being accepted (${reasons}), other statuses [${others.join(', ')}], exit ${code} after ${exitMs} ms`);

    expect(code).toBe(0);
    expect(answered.length).toBeGreaterThan(0);
    for (const r of answered) expect(r.body.data?.neighborhood?.nodes.length).toBeGreaterThan(1);
    // Nothing in between: a request is either answered whole or never accepted.
    expect(answered.length + refused.length).toBe(inFlight.length);
    // Refused: the listener was closed (ECONNREFUSED), or an idle keep-alive socket was closed as the request
    // was written on it (ECONNRESET, before any byte of an answer).
    for (const r of refused) expect(['ECONNREFUSED', 'ECONNRESET']).toContain(r.refused);
    expect(started.output()).toContain('SIGTERM received');
    expect(started.output()).not.toMatch(/"level":(50|60)/);
    expect(exitMs).toBeLessThan(15_000);
  });
});

/** The app's connections as Neo4j lists them (the app's driver announces itself with its own user agent). */
async function appConnections(): Promise<number> {
  const { uri, username, password, database } = inject('neo4j');
  const observer = neo4jDriver.driver(uri, neo4jDriver.auth.basic(username, password));
  try {
    const { records } = await observer.executeQuery(
      "CALL dbms.listConnections() YIELD userAgent WHERE userAgent STARTS WITH 'kg-graphql-server/' RETURN count(*) AS n",
      {},
      { database },
    );
    return Number(records[0]!.get('n'));
  } finally {
    await observer.close();
  }
}

describe('stopping the app', () => {
  it('closes the driver: Neo4j lists none of its connections, and the Database refuses work', async () => {
    const server = await startTestServer();
    const { db } = server.app;
    try {
      expect(await db.ping()).toBe(true);
      const open = await appConnections();
      expect(open).toBeGreaterThan(0);
      await server.stop();
      const left = await appConnections();
      console.log(`app connections listed by Neo4j: ${open} while serving, ${left} after stop`);
      expect(left).toBe(0);
      expect(await db.ping()).toBe(false);
      await expect(db.read('read/ping', {})).rejects.toMatchObject({ failure: 'DATABASE_UNAVAILABLE' });
    } finally {
      await server.stop();
    }
  });
});
