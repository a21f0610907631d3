/**
 * The typed client's generated artifacts agree with each other and with the SDL: every generated operation is
 * in the manifest under the SHA-256 of its manifest text (what the client sends as the APQ hash, and what
 * TRUSTED_DOCUMENTS matches), and every manifest text is a valid operation of today's schema.
 */
import { createHash } from 'node:crypto';
import { buildSchema, isAbstractType, parse, validate, type DocumentNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import * as generated from '../../clients/typescript/generated/graphql.ts';
import manifest from '../../clients/typescript/generated/persisted-documents.json' with { type: 'json' };
import possibleTypesResult from '../../clients/typescript/generated/possible-types.ts';
import { loadTypeDefs } from '../../src/graphql/schema.ts';

const schema = buildSchema(loadTypeDefs().join('\n'));
const operations = Object.entries(generated).filter(
  (entry): entry is [string, DocumentNode & { __meta__: { hash: string } }] => entry[0].endsWith('Document') && typeof entry[1] === 'object',
);

describe('the typed client manifest', () => {
  it('holds every generated operation under the SHA-256 of its text', () => {
    expect(operations.length).toBeGreaterThanOrEqual(7);
    const entries = manifest as Record<string, string>;
    for (const [name, document] of operations) {
      const text = entries[document.__meta__.hash];
      expect(text, name).toBeDefined();
      expect(`sha256:${createHash('sha256').update(text!).digest('hex')}`, name).toBe(document.__meta__.hash);
    }
    expect(Object.keys(entries).sort()).toEqual(operations.map(([, d]) => d.__meta__.hash).sort());
  });

  it('lists only documents that validate against the schema', () => {
    for (const [hash, text] of Object.entries(manifest as Record<string, string>)) {
      expect(validate(schema, parse(text)).map((e) => e.message), hash).toEqual([]);
    }
  });

  it('gives possibleTypes for every interface and union of the schema', () => {
    const expected = Object.values(schema.getTypeMap())
      .filter(isAbstractType)
      .map((t) => [t.name, schema.getPossibleTypes(t).map((p) => p.name).sort()]);
    expect(expected.map(([name]) => name)).toContain('Entity');
    const sorted = Object.entries(possibleTypesResult.possibleTypes).map(([name, types]) => [name, [...types].sort()]);
    expect(Object.fromEntries(sorted)).toEqual(Object.fromEntries(expected));
  });
});
