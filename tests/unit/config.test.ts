import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.ts';

describe('loadConfig', () => {
  it('reads CORS origins as a list or `*`, and refuses anything else naming what is allowed', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://a.example,http://localhost:3000' }).http.corsOrigins).toEqual(['https://a.example', 'http://localhost:3000']);
    expect(loadConfig({ CORS_ORIGINS: '*' }).http.corsOrigins).toBe('*');
    expect(() => loadConfig({ CORS_ORIGINS: 'a.example' })).toThrow(/CORS_ORIGINS="a.example": .*comma-separated list of origins/);
  });

  it('gives documented defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config.http).toEqual({
      host: '127.0.0.1',
      port: 4000,
      bodyLimitBytes: 102_400,
      maxResponseBytes: 4 * 1024 * 1024,
      maxConnections: 1024,
      headersTimeoutMs: 5_000,
      requestTimeoutMs: 10_000,
      corsOrigins: [],
      allowBatchedRequests: false,
      introspection: true,
      playground: true,
      explorer: true,
      debugErrors: false,
      readyTimeoutMs: 1000,
      cacheMaxAgeSeconds: 60,
      persistedQueriesCacheBytes: 16 * 1024 * 1024,
      trustedDocuments: undefined,
    });
    expect(config.operationLimits).toEqual({ maxDepth: 12, maxAliases: 30, maxDirectives: 20, maxTokens: 2000, maxCost: 10_000 });
    expect(config.neo4j).toBeUndefined();
    expect(config.localNeo4j.boltPort).toBe(7687);
    expect(config.limits).toEqual({ maxPageSize: 100, maxSearchResults: 50, exactCountLimit: 10_000, maxNeighborhoodDepth: 3, maxNeighborhoodNodes: 200, maxPathDepth: 6 });
    expect(config.changeFeed).toEqual({ pollMs: 1000 });
  });

  it('uses the server given by NEO4J_URI unchanged', () => {
    const config = loadConfig({ NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io', NEO4J_USERNAME: 'u', NEO4J_PASSWORD: 'p', NEO4J_DATABASE: 'knowledge' });
    expect(config.neo4j).toEqual({ uri: 'neo4j+s://abc.databases.neo4j.io', username: 'u', password: 'p', database: 'knowledge' });
  });

  it.each([
    [{ PORT: 'abc' }, /PORT="abc": must be an integer/],
    [{ PORT: '70000' }, /PORT="70000": must be at most 65535/],
    [{ NODE_ENV: 'prod' }, /NODE_ENV="prod": accepts one of development, production, test/],
    [{ NEO4J_URI: 'http://localhost:7474', NEO4J_PASSWORD: 'x' }, /NEO4J_URI=.*Bolt URI/],
    [{ NEO4J_URI: 'bolt://localhost:7687' }, /NEO4J_PASSWORD: required when NEO4J_URI is set/],
    [{ NEO4J_LOCAL_HEAP: 'lots' }, /NEO4J_LOCAL_HEAP="lots": must be a JVM size such as 512m or 2g/],
    [{ KNOWLEDGE_AUTOLOAD: 'maybe' }, /KNOWLEDGE_AUTOLOAD="maybe": accepts one of 0, 1, true, false/],
    [{ FEDERATION_SUBGRAPH: 'yes' }, /FEDERATION_SUBGRAPH="yes": accepts one of 0, 1, true, false/],
    [{ MAX_PAGE_SIZE: '0' }, /MAX_PAGE_SIZE="0": must be at least 1/],
    [{ EXACT_COUNT_LIMIT: '0' }, /EXACT_COUNT_LIMIT="0": must be at least 1/],
    [{ EXACT_COUNT_LIMIT: 'all' }, /EXACT_COUNT_LIMIT="all": must be an integer/],
    [{ CHANGE_FEED_POLL_MS: '0' }, /CHANGE_FEED_POLL_MS="0": must be at least 1/],
    [{ CHANGE_FEED_POLL_MS: 'often' }, /CHANGE_FEED_POLL_MS="often": must be an integer/],
    [{ HEADERS_TIMEOUT_MS: '20000', REQUEST_TIMEOUT_MS: '10000' }, /HEADERS_TIMEOUT_MS: must be at most REQUEST_TIMEOUT_MS/],
    [{ CACHE_MAX_AGE_SECONDS: '-1' }, /CACHE_MAX_AGE_SECONDS="-1": must be at least 0/],
    [{ CACHE_MAX_AGE_SECONDS: 'long' }, /CACHE_MAX_AGE_SECONDS="long": must be an integer/],
    [{ PERSISTED_QUERIES_CACHE_BYTES: '-5' }, /PERSISTED_QUERIES_CACHE_BYTES="-5": must be at least 0/],
    [{ TRUSTED_DOCUMENTS: '/nowhere/persisted-documents.json' }, /TRUSTED_DOCUMENTS="\/nowhere\/persisted-documents.json": must be a path to an existing file/],
  ])('refuses %j, naming the variable and what it accepts', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('serves the plain schema unless FEDERATION_SUBGRAPH turns the subgraph on', () => {
    expect(loadConfig({}).federationSubgraph).toBe(false);
    expect(loadConfig({ FEDERATION_SUBGRAPH: 'true' }).federationSubgraph).toBe(true);
    expect(loadConfig({ FEDERATION_SUBGRAPH: '0' }).federationSubgraph).toBe(false);
  });

  it('lists every bad variable at once', () => {
    expect(() => loadConfig({ PORT: 'x', LOG_LEVEL: 'loud' })).toThrow(/PORT[\s\S]*LOG_LEVEL/);
  });
});

describe('access configuration', () => {
  it('has documented defaults: public reads, a 5 s key cache, no JWTs, budgets per minute', () => {
    const config = loadConfig({});
    expect(config.auth).toEqual({ requireKeyForReads: false, apiKeyCacheMs: 5_000, jwt: undefined });
    expect(config.rateLimits).toEqual({ anonymousPerMinute: 3_000, keyPerMinute: 6_000, writePerMinute: 600 });
  });

  it('reads the JWT settings and refuses bad ones naming the variable', () => {
    const config = loadConfig({ JWT_JWKS_URL: 'https://id.example/.well-known/jwks.json', JWT_ISSUER: 'https://id.example', JWT_AUDIENCE: 'kg', JWT_SCOPE_CLAIM: 'scp' });
    expect(config.auth.jwt).toEqual({ jwksUrl: 'https://id.example/.well-known/jwks.json', issuer: 'https://id.example', audience: 'kg', scopeClaim: 'scp' });
    expect(() => loadConfig({ JWT_JWKS_URL: 'ftp://id.example/jwks' })).toThrow(/JWT_JWKS_URL="ftp:\/\/id.example\/jwks": must be an http\(s\) URL of a JSON Web Key Set/);
    expect(() => loadConfig({ JWT_AUDIENCE: 'kg' })).toThrow(/JWT_JWKS_URL: required when JWT_ISSUER or JWT_AUDIENCE is set/);
    expect(() => loadConfig({ REQUIRE_KEY_FOR_READS: 'yes' })).toThrow(/REQUIRE_KEY_FOR_READS="yes": accepts one of 0, 1, true, false/);
    expect(() => loadConfig({ RATE_LIMIT_PER_MINUTE_KEY: '-1' })).toThrow(/RATE_LIMIT_PER_MINUTE_KEY="-1": must be at least 0/);
    expect(() => loadConfig({ API_KEY_CACHE_MS: '120000' })).toThrow(/API_KEY_CACHE_MS="120000": must be at most 60000/);
  });
});
