/**
 * Access control's pure parts: the key format and its constant-time check, JWT scope claims, the scopes the
 * SDL's @requiresScope gives each root field, the policy (through fragments, per operation, with and without
 * REQUIRE_KEY_FOR_READS), the request headers that reach the context, and the configuration.
 */
import { mergeTypeDefs } from '@graphql-tools/merge';
import { buildASTSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { generateApiKey, parseApiKey, secretMatches } from '../../src/auth/api-key-format.ts';
import { createAccessPolicy, scopeRequirements } from '../../src/auth/authorize.ts';
import { looksLikeJwt, strongestScope } from '../../src/auth/jwt.ts';
import { ANONYMOUS, type Principal, type Scope } from '../../src/auth/principal.ts';
import { loadTypeDefs } from '../../src/graphql/schema.ts';
import { bookmarksOf, idempotencyKeyOf } from '../../src/http/request-headers.ts';

const schema = buildASTSchema(mergeTypeDefs(loadTypeDefs()));
const key = (scope: Scope | null): Principal => ({ kind: 'KEY', id: 'k', name: 'test', scope });

describe('API keys', () => {
  it('have a prefix, the id inside and a 256-bit secret, and store only its hash', () => {
    const a = generateApiKey();
    const b = generateApiKey();
    expect(a.key).toMatch(/^kg_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    expect(a.id).not.toBe(b.id);
    expect(parseApiKey(a.key)).toEqual({ id: a.id, secret: a.key.slice(20) });
    expect(a.secretSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(a.key).not.toContain(a.secretSha256);
    expect(Buffer.from(a.key.slice(20), 'base64url')).toHaveLength(32);
  });

  it('match only their own secret', () => {
    const { key: bearer, secretSha256 } = generateApiKey();
    const { secret } = parseApiKey(bearer)!;
    expect(secretMatches(secret, secretSha256)).toBe(true);
    expect(secretMatches(`${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`, secretSha256)).toBe(false);
    expect(secretMatches(secret, 'abcd')).toBe(false);
  });

  it('refuse anything not in the format', () => {
    for (const bad of ['', 'kg_', 'kg_0123456789abcdef', `kg_0123456789ABCDEF_${'a'.repeat(43)}`, `kg_0123456789abcdef_${'a'.repeat(42)}`, `xx_0123456789abcdef_${'a'.repeat(43)}`]) {
      expect(parseApiKey(bad), bad).toBeNull();
    }
  });
});

describe('JWT scope claims', () => {
  it('grant the strongest scope listed, space-separated or as a list, any case', () => {
    expect(strongestScope('openid read')).toBe('READ');
    expect(strongestScope('write read')).toBe('WRITE');
    expect(strongestScope(['read', 'ADMIN'])).toBe('ADMIN');
    expect(strongestScope('profile')).toBeNull();
    expect(strongestScope(42)).toBeNull();
    expect(strongestScope(undefined)).toBeNull();
  });

  it('are told apart from API keys by their shape', () => {
    expect(looksLikeJwt('eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln')).toBe(true);
    expect(looksLikeJwt(generateApiKey().key)).toBe(false);
    expect(looksLikeJwt('eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.')).toBe(false);
  });
});

describe('scopes from the SDL', () => {
  const requirements = scopeRequirements(schema);

  it('give every mutation a scope, and no query one', () => {
    const mutations = schema.getMutationType()!.getFields();
    expect(Object.keys(mutations).filter((name) => !requirements.get('Mutation')!.has(name))).toEqual([]);
    expect(requirements.get('Mutation')!.get('upsertEntity')).toBe('WRITE');
    expect(requirements.get('Mutation')!.get('mergeEntities')).toBe('ADMIN');
    expect(requirements.get('Mutation')!.get('importKnowledge')).toBe('ADMIN');
    expect(requirements.get('Query')!.size).toBe(0);
  });

  it('are enforced for the operation run, through fragments, with 401 without credentials and 403 without the scope', () => {
    const policy = createAccessPolicy(schema, { requireKeyForReads: false });
    const document = parse(`
      query Read { entity(id: "x") { id } }
      mutation Write { upsertEntity(input: {id: "x"}) { existed } }
      mutation Hidden { ...M }
      fragment M on Mutation { ... on Mutation { mergeEntities(from: "a", into: "b", reason: "r") { redirected } } }
    `);
    expect(policy.requiredScope(document, 'Read')).toBeNull();
    expect(policy.requiredScope(document, 'Write')).toBe('WRITE');
    expect(policy.requiredScope(document, 'Hidden')).toBe('ADMIN');
    expect(policy.requiredScope(document, 'Nope')).toBeUndefined();
    expect(policy.authorize(ANONYMOUS, document, 'Read')).toBeNull();
    expect(policy.authorize(ANONYMOUS, document, 'Write')?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', http: { status: 401 } });
    expect(policy.authorize(key('READ'), document, 'Write')?.extensions).toMatchObject({ code: 'FORBIDDEN', http: { status: 403 } });
    expect(policy.authorize(key('WRITE'), document, 'Write')).toBeNull();
    expect(policy.authorize(key('WRITE'), document, 'Hidden')?.message).toBe('This operation needs scope ADMIN; the key `test` has scope WRITE.');
    expect(policy.authorize(key('ADMIN'), document, 'Hidden')).toBeNull();
    expect(policy.authorize(key(null), document, 'Write')?.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('ask READ of every operation, subscriptions included, when REQUIRE_KEY_FOR_READS is set', () => {
    const closed = createAccessPolicy(schema, { requireKeyForReads: true });
    const open = createAccessPolicy(schema, { requireKeyForReads: false });
    for (const text of ['{ __typename }', 'subscription { changes { id } }', '{ knowledgeVersion { id } }']) {
      expect(closed.authorize(ANONYMOUS, parse(text))?.extensions?.code, text).toBe('UNAUTHENTICATED');
      expect(closed.authorize(key('READ'), parse(text)), text).toBeNull();
      expect(open.authorize(ANONYMOUS, parse(text)), text).toBeNull();
    }
  });
});

describe('request headers into the context', () => {
  it('take an Idempotency-Key of 1 to 255 visible ASCII characters', () => {
    expect(idempotencyKeyOf({})).toEqual({ value: null });
    expect(idempotencyKeyOf({ 'idempotency-key': 'a-B_9:~!' })).toEqual({ value: 'a-B_9:~!' });
    for (const bad of ['', 'a b', 'x'.repeat(256), 'tab\there', 'é']) expect(idempotencyKeyOf({ 'idempotency-key': bad }), bad).toHaveProperty('error');
  });

  it('pass neo4j-bookmark values through as strings, split on commas', () => {
    expect(bookmarksOf({})).toEqual([]);
    expect(bookmarksOf({ 'neo4j-bookmark': 'FB:a, FB:b,,' })).toEqual(['FB:a', 'FB:b']);
  });
});
