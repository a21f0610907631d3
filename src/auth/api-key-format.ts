/**
 * The API key format: `kg_<id>_<secret>`. The prefix makes a leaked key recognisable (secret scanners, logs);
 * the id inside lets the server find the key by id and compare one hash. The secret is 256 random bits, so a
 * plain SHA-256 of it is a safe verifier (nothing to brute-force, unlike a password); only that hash is stored.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const API_KEY_PREFIX = 'kg_';

/** 16 hex digits of id (64 random bits: unique in practice; the constraint refuses a repeat) and 43 base64url characters of secret. */
const API_KEY = /^kg_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

export interface NewApiKey {
  id: string;
  /** The whole bearer key, shown once. */
  key: string;
  secretSha256: string;
}

export function generateApiKey(): NewApiKey {
  const id = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { id, key: `${API_KEY_PREFIX}${id}_${secret}`, secretSha256: sha256Hex(secret) };
}

/** The id and secret of a well-formed key, or null. */
export function parseApiKey(key: string): { id: string; secret: string } | null {
  const match = API_KEY.exec(key);
  return match ? { id: match[1]!, secret: match[2]! } : null;
}

/** True when `secret` hashes to `secretSha256`, compared in constant time. */
export function secretMatches(secret: string, secretSha256: string): boolean {
  const presented = createHash('sha256').update(secret).digest();
  const stored = Buffer.from(secretSha256, 'hex');
  return stored.length === presented.length && timingSafeEqual(presented, stored);
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
