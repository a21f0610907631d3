/**
 * The server under benchmark, run as a child of bench/load.ts (see there why). Starts the app from the
 * environment exactly as `npm start` does, then talks to the parent over the IPC channel:
 *   → { type: 'ready', url } | { type: 'failed', message }
 *   ← { type: 'memory' }  → { type: 'memory', rss, heapUsed, gcForced, statements }
 * `statements` is the number of read statements the app has sent to Neo4j since start (Database.stats), so the
 * parent can count database round trips per request by difference.
 *   ← { type: 'issueKey', scope, name } → { type: 'key', key } | { type: 'keyFailed', message }: an API key in the
 *     app's Neo4j (for the writes of the load)
 *   ← { type: 'stop' } or the parent going away → stops the app (and its Neo4j) and exits.
 */
import { startApp, type RunningApp } from '../src/app.ts';
import { ApiKeyStore } from '../src/auth/api-key-store.ts';
import type { Scope } from '../src/auth/principal.ts';
import { loadConfig } from '../src/config/config.ts';
import { createLogger } from '../src/logging/logger.ts';

export type ToServer = { type: 'memory' } | { type: 'issueKey'; scope: Scope; name: string } | { type: 'stop' };
export type FromServer =
  | { type: 'ready'; url: string }
  | { type: 'key'; key: string }
  | { type: 'keyFailed'; message: string }
  | { type: 'failed'; message: string }
  | { type: 'memory'; rss: number; heapUsed: number; gcForced: boolean; statements: number };

const send = (message: FromServer) => process.send?.(message);

const config = loadConfig();
const starting: Promise<RunningApp> = startApp(config, createLogger(config.logLevel));

let running: RunningApp | undefined;
void starting.then((app) => (running = app), () => undefined);

let stopping: Promise<void> | undefined;
const stop = () =>
  (stopping ??= (async () => {
    // A stop during start-up waits for it: exiting mid-way could orphan the Neo4j JVM being started.
    const app = await starting.catch(() => undefined);
    await app?.stop();
    process.exit(0);
  })());

// Stop on every way the parent can end us, so no Neo4j JVM is left behind.
process.on('disconnect', () => void stop());
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
process.on('message', (message: ToServer) => {
  if (message.type === 'stop') void stop();
  if (message.type === 'issueKey' && running) {
    void new ApiKeyStore(running.db).create(message.scope, message.name).then(
      ({ key }) => send({ type: 'key', key }),
      (error: unknown) => send({ type: 'keyFailed', message: String(error) }),
    );
  }
  if (message.type === 'memory') {
    // Garbage left by the round would hide (or fake) growth: collect it first when --expose-gc allows.
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const { rss, heapUsed } = process.memoryUsage();
    send({ type: 'memory', rss, heapUsed, gcForced: gc !== undefined, statements: running?.db.stats.statements ?? 0 });
  }
});

starting.then(
  (app) => send({ type: 'ready', url: app.url }),
  (error: unknown) => {
    send({ type: 'failed', message: (error as Error).message });
    process.exit(1);
  },
);
