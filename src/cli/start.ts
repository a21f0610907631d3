/**
 * `npm start`: starts Neo4j (unless NEO4J_URI is set), loads the shipped knowledge when it is missing or
 * changed, and serves GraphQL. Ctrl-C or SIGTERM stops everything cleanly, the local Neo4j included.
 */
import { startApp } from '../app.ts';
import { configOrExit } from './config-or-exit.ts';
import { createLogger } from '../logging/logger.ts';

async function main(): Promise<void> {
  const config = configOrExit();
  const log = createLogger(config.logLevel);
  let app: Awaited<ReturnType<typeof startApp>>;
  try {
    app = await startApp(config, log);
  } catch (error) {
    log.fatal({ err: error }, `Start-up failed: ${(error as Error).message}`);
    process.exit(1);
  }
  log.info(
    { neo4jStartupMs: app.timings.neo4jMs, totalStartupMs: app.timings.totalMs },
    `Ready in ${(app.timings.totalMs / 1000).toFixed(1)} s. GraphQL and the playground: ${app.url}/graphql`,
  );
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal} received: stopping…`);
    app.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

void main();
