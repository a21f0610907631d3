/**
 * API keys in Neo4j: `(:ApiKey {id, name, scope, secretSha256, createdAt, revokedAt})`. The server keeps no
 * state of its own: a short in-process cache (API_KEY_CACHE_MS) spares a lookup per request, and a revocation
 * takes effect everywhere within it.
 */
import type { Database } from '../database/database.ts';
import { generateApiKey, parseApiKey, secretMatches } from './api-key-format.ts';
import { SCOPES_IN_ORDER, type Principal, type Scope } from './principal.ts';

export interface ApiKeyInfo {
  id: string;
  name: string;
  scope: Scope;
  /** RFC 3339, UTC. */
  createdAt: string;
  revokedAt: string | null;
}

interface StoredKey extends ApiKeyInfo {
  secretSha256: string;
}

/** The most keys the cache holds; past it the oldest entry goes (a flood of made-up ids cannot grow it). */
const CACHE_ENTRIES = 10_000;

export class ApiKeyStore {
  private readonly cache = new Map<string, { key: StoredKey | null; until: number }>();

  constructor(
    private readonly db: Database,
    private readonly cacheMs = 0,
  ) {}

  /** Creates a key and returns it with the bearer key (the only time the secret exists). */
  async create(scope: Scope, name: string): Promise<ApiKeyInfo & { key: string }> {
    if (!SCOPES_IN_ORDER.includes(scope)) throw new Error(`Unknown scope ${JSON.stringify(scope)}: use one of ${SCOPES_IN_ORDER.join(', ')}`);
    const { id, key, secretSha256 } = generateApiKey();
    const createdAt = new Date().toISOString();
    const [row] = await this.db.write('create-api-key', (tx) => tx.run<ApiKeyInfo>('write/auth/create-api-key', { id, name, scope, secretSha256, createdAt }));
    return { ...row!, key };
  }

  async list(): Promise<ApiKeyInfo[]> {
    return this.db.read<ApiKeyInfo & Record<string, unknown>>('read/auth/api-keys', {});
  }

  /** Revokes the key; null when there is no key with this id. Revoking twice keeps the first time. */
  async revoke(id: string): Promise<ApiKeyInfo | null> {
    const [row] = await this.db.write('revoke-api-key', (tx) => tx.run<ApiKeyInfo>('write/auth/revoke-api-key', { id, revokedAt: new Date().toISOString() }));
    this.cache.delete(id);
    return row ?? null;
  }

  /** The principal of a bearer key, or null when it is malformed, unknown, revoked or its secret is wrong. */
  async principalOf(bearer: string): Promise<Principal | null> {
    const parsed = parseApiKey(bearer);
    if (!parsed) return null;
    const key = await this.lookup(parsed.id);
    if (!key || key.revokedAt !== null || !secretMatches(parsed.secret, key.secretSha256)) return null;
    return { kind: 'KEY', id: key.id, name: key.name, scope: key.scope };
  }

  private async lookup(id: string): Promise<StoredKey | null> {
    const now = Date.now();
    const cached = this.cache.get(id);
    if (cached && cached.until > now) return cached.key;
    const [key] = await this.db.read<StoredKey & Record<string, unknown>>('read/auth/api-key-by-id', { id });
    if (this.cacheMs > 0) {
      this.cache.delete(id);
      if (this.cache.size >= CACHE_ENTRIES) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(id, { key: key ?? null, until: now + this.cacheMs });
    }
    return key ?? null;
  }
}
