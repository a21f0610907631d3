/**
 * Configuration: read once from the environment at start-up, validated by a schema, then passed down.
 * A bad value stops start-up with a message naming the variable and what it accepts.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = (max: number) => z.coerce.number().int().min(1).max(max);
const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
/** A JVM memory size such as `512m` or `2g`. */
const memorySize = z.string().regex(/^\d+[kmg]$/i, 'a JVM size such as 512m or 2g');

/**
 * The deepest neighbourhood and path the statements can serve (cypher/read/neighborhood.cypher has one CALL
 * per layer; shortest-path.cypher's variable-length bound cannot be a parameter): MAX_NEIGHBORHOOD_DEPTH and
 * MAX_PATH_DEPTH accept up to these, and a test checks the statements agree. Deeper would need new Cypher,
 * measured first: each layer and each hop multiplies the work on a hub.
 */
export const NEIGHBORHOOD_DEPTH_CEILING = 3;
export const PATH_DEPTH_CEILING = 6;

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port.default(4000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  NEO4J_URI: z
    .string()
    .regex(/^(neo4j|neo4j\+s|neo4j\+ssc|bolt|bolt\+s|bolt\+ssc):\/\/.+/, 'a Bolt URI: neo4j://, neo4j+s://, bolt:// or bolt+s:// followed by a host')
    .optional(),
  NEO4J_USERNAME: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().min(1).optional(),
  NEO4J_DATABASE: z.string().regex(/^[A-Za-z][A-Za-z0-9.\-]{2,62}$/, 'a Neo4j database name (3 to 63 letters, digits, dots, dashes)').default('neo4j'),
  NEO4J_QUERY_TIMEOUT_MS: positiveInt(600_000).default(10_000),
  NEO4J_CONNECTION_TIMEOUT_MS: positiveInt(120_000).default(5_000),

  NEO4J_LOCAL_DIR: z.string().min(1).default(path.join(PROJECT_ROOT, '.neo4j')),
  NEO4J_LOCAL_BOLT_PORT: port.default(7687),
  NEO4J_LOCAL_HEAP: memorySize.default('4g'),
  NEO4J_LOCAL_PAGECACHE: memorySize.default('2g'),
  NEO4J_LOCAL_START_TIMEOUT_S: positiveInt(1800).default(180),

  KNOWLEDGE_DIR: z.string().min(1).default(path.join(PROJECT_ROOT, 'data/knowledge')),
  KNOWLEDGE_AUTOLOAD: bool.default(true),
  /** Rows per UNWIND statement when loading knowledge (a file is one transaction of many such statements). */
  KNOWLEDGE_BATCH_ROWS: positiveInt(50_000).default(5_000),

  MAX_PAGE_SIZE: positiveInt(1000).default(100),
  MAX_SEARCH_RESULTS: positiveInt(1000).default(50),
  /** Connections count their items exactly up to this many (`totalCount`); beyond, they give an estimate. */
  EXACT_COUNT_LIMIT: positiveInt(10_000_000).default(10_000),
  MAX_NEIGHBORHOOD_DEPTH: positiveInt(NEIGHBORHOOD_DEPTH_CEILING).default(3),
  MAX_NEIGHBORHOOD_NODES: positiveInt(10_000).default(200),
  MAX_PATH_DEPTH: positiveInt(PATH_DEPTH_CEILING).default(6),

  // Operation limits, checked before any Cypher runs (see src/graphql/limits/).
  MAX_QUERY_DEPTH: positiveInt(100).default(12),
  MAX_ALIASES: positiveInt(1000).default(30),
  MAX_DIRECTIVES: positiveInt(1000).default(20),
  MAX_TOKENS: positiveInt(100_000).default(2_000),
  MAX_QUERY_COST: positiveInt(10_000_000).default(10_000),
  // Admission by cost (src/graphql/limits/admission.ts): operations costing more than ADMISSION_FREE_COST draw
  // their cost from a budget refilled at ADMISSION_COST_PER_SECOND (up to MAX_QUERY_COST) and wait their turn.
  ADMISSION_FREE_COST: positiveInt(10_000_000).default(1_000),
  ADMISSION_COST_PER_SECOND: positiveInt(100_000_000).default(20_000),
  ADMISSION_QUEUE_TIMEOUT_MS: positiveInt(600_000).default(10_000),

  // HTTP
  BODY_LIMIT_BYTES: positiveInt(64 * 1024 * 1024).default(100 * 1024),
  /** Largest answer; a larger one is refused with LIMIT_EXCEEDED (`responseBytes`) instead of being sent. */
  MAX_RESPONSE_BYTES: positiveInt(1024 * 1024 * 1024).default(4 * 1024 * 1024),
  /** Open connections at once; further ones are closed on arrival. */
  MAX_CONNECTIONS: positiveInt(1_000_000).default(1024),
  /** Time a client has to send its request's headers, and its whole request (headers and body). */
  HEADERS_TIMEOUT_MS: positiveInt(600_000).default(5_000),
  REQUEST_TIMEOUT_MS: positiveInt(600_000).default(10_000),
  CORS_ORIGINS: z
    .string()
    .regex(/^(\*|https?:\/\/[^\s,]+(,https?:\/\/[^\s,]+)*)$/, '`*` or a comma-separated list of origins such as https://app.example')
    .optional(),
  ALLOW_BATCHED_REQUESTS: bool.default(false),
  INTROSPECTION: bool.default(true),
  PLAYGROUND: bool.default(true),
  EXPLORER: bool.default(true),
  DEBUG_ERRORS: bool.default(false),
  READY_TIMEOUT_MS: positiveInt(60_000).default(1_000),
  // HTTP caching and persisted queries (src/http/http-cache.ts, src/http/persisted-queries.ts).
  /** `max-age` of GET query answers; 0 answers them `no-store` (no ETag, no 304). */
  CACHE_MAX_AGE_SECONDS: z.coerce.number().int().min(0).max(31_536_000).default(60),
  /** Memory for automatic persisted queries' texts, per instance (least recently used go first); 0 turns APQ off. */
  PERSISTED_QUERIES_CACHE_BYTES: z.coerce.number().int().min(0).max(1024 * 1024 * 1024).default(16 * 1024 * 1024),
  /** A persisted-documents.json (graphql-codegen's client preset, sha256): only its documents run. */
  TRUSTED_DOCUMENTS: z.string().min(1).refine((file) => existsSync(file), 'must be a path to an existing file (persisted-documents.json)').optional(),

  /** Serve /graphql as an Apollo Federation 2 subgraph (`_service`, `_entities`, @key): docs/public-api.md, "Federation". */
  FEDERATION_SUBGRAPH: bool.default(false),
  // The change feed (src/subscriptions): each instance polls for new revisions this often while someone listens.
  CHANGE_FEED_POLL_MS: positiveInt(60_000).default(1_000),
  // Access (src/auth): API keys in Neo4j, optionally JWTs verified against a JWKS.
  /** Queries need a key (scope READ) too; by default reads are public and only mutations need one. */
  REQUIRE_KEY_FOR_READS: bool.default(false),
  /** How long a looked-up key is trusted without asking Neo4j again: a revocation takes effect within it. 0: never cached. */
  API_KEY_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(5_000),
  JWT_JWKS_URL: z.url({ protocol: /^https?$/, error: 'an http(s) URL of a JSON Web Key Set' }).optional(),
  JWT_ISSUER: z.string().min(1).optional(),
  JWT_AUDIENCE: z.string().min(1).optional(),
  /** The claim holding the token's scopes: space-separated or a list, values read, write, admin. */
  JWT_SCOPE_CLAIM: z.string().min(1).default('scope'),
  // Requests per minute per instance (in memory); 0 turns that budget off. Writes also count against their own.
  RATE_LIMIT_PER_MINUTE_ANONYMOUS: z.coerce.number().int().min(0).max(10_000_000).default(3_000),
  RATE_LIMIT_PER_MINUTE_KEY: z.coerce.number().int().min(0).max(10_000_000).default(6_000),
  RATE_LIMIT_PER_MINUTE_WRITE: z.coerce.number().int().min(0).max(10_000_000).default(600),
});

export type Env = z.infer<typeof EnvSchema>;

export interface Neo4jConnection {
  uri: string;
  username: string;
  password: string;
  database: string;
}

export interface LocalNeo4jSettings {
  dir: string;
  boltPort: number;
  heap: string;
  pageCache: string;
  startTimeoutMs: number;
}

export interface Limits {
  maxPageSize: number;
  maxSearchResults: number;
  /** A connection's `totalCount` is exact up to this many items, an estimate beyond. */
  exactCountLimit: number;
  maxNeighborhoodDepth: number;
  maxNeighborhoodNodes: number;
  maxPathDepth: number;
}

export interface OperationLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  maxCost: number;
}

export interface AdmissionSettings {
  /** Operations at or below this cost are never queued. */
  freeCost: number;
  /** Cost per second the queued kind may use together, and the most it can save up (one MAX_QUERY_COST). */
  costPerSecond: number;
  burst: number;
  /** How long an operation waits for its turn before SERVER_BUSY. */
  queueTimeoutMs: number;
}

export interface HttpSettings {
  host: string;
  port: number;
  bodyLimitBytes: number;
  maxResponseBytes: number;
  maxConnections: number;
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  /** `'*'`, a list of allowed origins, or empty for no cross-origin access. */
  corsOrigins: '*' | string[];
  allowBatchedRequests: boolean;
  introspection: boolean;
  playground: boolean;
  /** The graph explorer page at /explorer/. */
  explorer: boolean;
  /** Stack traces in error responses: for debugging only, never on by default. */
  debugErrors: boolean;
  readyTimeoutMs: number;
  /** `max-age` of GET query answers; 0: `no-store`. */
  cacheMaxAgeSeconds: number;
  /** Bytes of APQ texts kept per instance; 0: APQ off. */
  persistedQueriesCacheBytes: number;
  /** Path of the trusted documents' manifest; unset: any document runs. */
  trustedDocuments: string | undefined;
}

export interface AuthSettings {
  requireKeyForReads: boolean;
  apiKeyCacheMs: number;
  /** Set when JWT_JWKS_URL is: bearer JWTs are verified against it. */
  jwt: { jwksUrl: string; issuer: string | undefined; audience: string | undefined; scopeClaim: string } | undefined;
}

/** Requests per minute; 0 is no limit. */
export interface RateLimitSettings {
  anonymousPerMinute: number;
  keyPerMinute: number;
  writePerMinute: number;
}

export interface Config {
  env: Env['NODE_ENV'];
  auth: AuthSettings;
  rateLimits: RateLimitSettings;
  http: HttpSettings;
  logLevel: Env['LOG_LEVEL'];
  /** Set when NEO4J_URI is given: use that server unchanged. */
  neo4j: Neo4jConnection | undefined;
  /** Used when `neo4j` is undefined: the project starts its own Neo4j. */
  localNeo4j: LocalNeo4jSettings;
  database: { name: string; queryTimeoutMs: number; connectionTimeoutMs: number };
  knowledge: { dir: string; autoload: boolean; batchRows: number };
  limits: Limits;
  operationLimits: OperationLimits;
  admission: AdmissionSettings;
  changeFeed: { pollMs: number };
  /** The schema is built as a Federation 2 subgraph (src/graphql/schema.ts). */
  federationSubgraph: boolean;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and validates the configuration; throws ConfigError listing every bad variable. */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(environment).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? '?');
      return `  ${name}=${JSON.stringify(environment[name] ?? '')}: ${describeIssue(issue)}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  if (env.NEO4J_URI && !env.NEO4J_PASSWORD) {
    throw new ConfigError('Invalid configuration:\n  NEO4J_PASSWORD: required when NEO4J_URI is set');
  }
  if (!env.JWT_JWKS_URL && (env.JWT_ISSUER || env.JWT_AUDIENCE)) {
    throw new ConfigError('Invalid configuration:\n  JWT_JWKS_URL: required when JWT_ISSUER or JWT_AUDIENCE is set (the keys that verify the tokens)');
  }
  if (env.HEADERS_TIMEOUT_MS > env.REQUEST_TIMEOUT_MS) {
    throw new ConfigError('Invalid configuration:\n  HEADERS_TIMEOUT_MS: must be at most REQUEST_TIMEOUT_MS (the headers are part of the request)');
  }
  return toConfig(env);
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_value') return `accepts one of ${issue.values.map(String).join(', ')}`;
  if (issue.code === 'too_small') return `must be at least ${String(issue.minimum)}`;
  if (issue.code === 'too_big') return `must be at most ${String(issue.maximum)}`;
  if (issue.code === 'invalid_type') return `must be ${issue.expected === 'number' ? 'an integer' : issue.expected}`;
  if (issue.code === 'invalid_format') return `must be ${issue.message}`;
  return issue.message;
}

function toConfig(env: Env): Config {
  return {
    env: env.NODE_ENV,
    auth: {
      requireKeyForReads: env.REQUIRE_KEY_FOR_READS,
      apiKeyCacheMs: env.API_KEY_CACHE_MS,
      jwt: env.JWT_JWKS_URL
        ? { jwksUrl: env.JWT_JWKS_URL, issuer: env.JWT_ISSUER, audience: env.JWT_AUDIENCE, scopeClaim: env.JWT_SCOPE_CLAIM }
        : undefined,
    },
    rateLimits: {
      anonymousPerMinute: env.RATE_LIMIT_PER_MINUTE_ANONYMOUS,
      keyPerMinute: env.RATE_LIMIT_PER_MINUTE_KEY,
      writePerMinute: env.RATE_LIMIT_PER_MINUTE_WRITE,
    },
    http: {
      host: env.HOST,
      port: env.PORT,
      bodyLimitBytes: env.BODY_LIMIT_BYTES,
      maxResponseBytes: env.MAX_RESPONSE_BYTES,
      maxConnections: env.MAX_CONNECTIONS,
      headersTimeoutMs: env.HEADERS_TIMEOUT_MS,
      requestTimeoutMs: env.REQUEST_TIMEOUT_MS,
      corsOrigins: env.CORS_ORIGINS === '*' ? '*' : (env.CORS_ORIGINS?.split(',') ?? []),
      allowBatchedRequests: env.ALLOW_BATCHED_REQUESTS,
      introspection: env.INTROSPECTION,
      playground: env.PLAYGROUND,
      explorer: env.EXPLORER,
      debugErrors: env.DEBUG_ERRORS,
      readyTimeoutMs: env.READY_TIMEOUT_MS,
      cacheMaxAgeSeconds: env.CACHE_MAX_AGE_SECONDS,
      persistedQueriesCacheBytes: env.PERSISTED_QUERIES_CACHE_BYTES,
      trustedDocuments: env.TRUSTED_DOCUMENTS === undefined ? undefined : path.resolve(env.TRUSTED_DOCUMENTS),
    },
    logLevel: env.LOG_LEVEL,
    neo4j: env.NEO4J_URI
      ? { uri: env.NEO4J_URI, username: env.NEO4J_USERNAME, password: env.NEO4J_PASSWORD ?? '', database: env.NEO4J_DATABASE }
      : undefined,
    localNeo4j: {
      dir: path.resolve(env.NEO4J_LOCAL_DIR),
      boltPort: env.NEO4J_LOCAL_BOLT_PORT,
      heap: env.NEO4J_LOCAL_HEAP,
      pageCache: env.NEO4J_LOCAL_PAGECACHE,
      startTimeoutMs: env.NEO4J_LOCAL_START_TIMEOUT_S * 1000,
    },
    database: {
      name: env.NEO4J_DATABASE,
      queryTimeoutMs: env.NEO4J_QUERY_TIMEOUT_MS,
      connectionTimeoutMs: env.NEO4J_CONNECTION_TIMEOUT_MS,
    },
    knowledge: { dir: path.resolve(env.KNOWLEDGE_DIR), autoload: env.KNOWLEDGE_AUTOLOAD, batchRows: env.KNOWLEDGE_BATCH_ROWS },
    limits: {
      maxPageSize: env.MAX_PAGE_SIZE,
      maxSearchResults: env.MAX_SEARCH_RESULTS,
      exactCountLimit: env.EXACT_COUNT_LIMIT,
      maxNeighborhoodDepth: env.MAX_NEIGHBORHOOD_DEPTH,
      maxNeighborhoodNodes: env.MAX_NEIGHBORHOOD_NODES,
      maxPathDepth: env.MAX_PATH_DEPTH,
    },
    operationLimits: {
      maxDepth: env.MAX_QUERY_DEPTH,
      maxAliases: env.MAX_ALIASES,
      maxDirectives: env.MAX_DIRECTIVES,
      maxTokens: env.MAX_TOKENS,
      maxCost: env.MAX_QUERY_COST,
    },
    admission: {
      freeCost: env.ADMISSION_FREE_COST,
      costPerSecond: env.ADMISSION_COST_PER_SECOND,
      burst: env.MAX_QUERY_COST,
      queueTimeoutMs: env.ADMISSION_QUEUE_TIMEOUT_MS,
    },
    changeFeed: { pollMs: env.CHANGE_FEED_POLL_MS },
    federationSubgraph: env.FEDERATION_SUBGRAPH,
  };
}
