/**
 * Starts the real server (HTTP + GraphQL) against the test run's Neo4j, on a free loopback port, with the
 * shipped knowledge loaded. Stop it in afterAll.
 */
import { inject } from 'vitest';
import { startApp, type RunningApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config/config.ts';
import { createLogger } from '../../src/logging/logger.ts';

/** Budgets of 0: no rate limit. For test and benchmark servers, whose clients all share one address. */
export const NO_RATE_LIMITS = { RATE_LIMIT_PER_MINUTE_ANONYMOUS: '0', RATE_LIMIT_PER_MINUTE_KEY: '0', RATE_LIMIT_PER_MINUTE_WRITE: '0' } as const;

export interface TestServer {
  baseUrl: string;
  graphqlUrl: string;
  app: RunningApp;
  stop(): Promise<void>;
}

export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const neo4j = inject('neo4j');
  const config = loadConfig({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    NEO4J_URI: neo4j.uri,
    NEO4J_USERNAME: neo4j.username,
    NEO4J_PASSWORD: neo4j.password,
    NEO4J_DATABASE: neo4j.database,
    // Every test client comes from 127.0.0.1: rate limits are off unless a test sets them (rate-limit.test.ts).
    ...NO_RATE_LIMITS,
    ...env,
  });
  const app = await startApp(config, createLogger(process.env.TEST_LOG_LEVEL ?? 'warn'));
  return { baseUrl: app.url, graphqlUrl: `${app.url}/graphql`, app, stop: () => app.stop() };
}

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string; [key: string]: unknown }; path?: (string | number)[] }[];
  extensions?: { databaseRoundTrips?: number };
}

/** POSTs one GraphQL operation (with `headers`, e.g. an API key's) and returns the status and the parsed body. */
export async function graphql<T = Record<string, any>>(url: string, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as object) };
}
