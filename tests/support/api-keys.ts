/**
 * API keys for tests: issued straight into the test Neo4j through the key store, as `npm run keys -- create`
 * does. Send the result as `Authorization: Bearer <key>`.
 */
import { ApiKeyStore } from '../../src/auth/api-key-store.ts';
import type { Scope } from '../../src/auth/principal.ts';
import type { Database } from '../../src/database/database.ts';

let issued = 0;

export async function issueApiKey(db: Database, scope: Scope, name = `test-${scope.toLowerCase()}-${++issued}`): Promise<string> {
  const { key } = await new ApiKeyStore(db).create(scope, name);
  return key;
}

/** Headers for a GraphQL POST with the key. */
export function bearer(key: string): Record<string, string> {
  return { authorization: `Bearer ${key}` };
}
