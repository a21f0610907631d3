import { describe, expect, it } from 'vitest';
import { isAsOfRevisionOnly, matches, passesCsrfRule } from '../../src/http/http-cache.ts';

describe('If-None-Match', () => {
  it('compares weakly, in lists, with `*`', () => {
    expect(matches('W/"r1-abc"', 'W/"r1-abc"')).toBe(true);
    expect(matches('"r1-abc"', 'W/"r1-abc"')).toBe(true);
    expect(matches('"x", W/"r1-abc"', 'W/"r1-abc"')).toBe(true);
    expect(matches('*', 'W/"r1-abc"')).toBe(true);
    expect(matches('W/"r2-abc"', 'W/"r1-abc"')).toBe(false);
    expect(matches(undefined, 'W/"r1-abc"')).toBe(false);
  });
});

describe("Apollo's CSRF rule", () => {
  it('passes a non-simple content-type or a preflight header, and nothing else', () => {
    expect(passesCsrfRule({ 'content-type': 'application/json' })).toBe(true);
    expect(passesCsrfRule({ 'apollo-require-preflight': 'true' })).toBe(true);
    expect(passesCsrfRule({ 'x-apollo-operation-name': 'Q' })).toBe(true);
    expect(passesCsrfRule({})).toBe(false);
    expect(passesCsrfRule({ 'content-type': 'text/plain; charset=utf-8' })).toBe(false);
    expect(passesCsrfRule({ 'apollo-require-preflight': '' })).toBe(false);
  });
});

describe('operations as of a revision', () => {
  it('are those whose every root field reads asOf.revision', () => {
    expect(isAsOfRevisionOnly('{ entity(id: "a", asOf: { revision: "r1" }) { id } __typename }', undefined, undefined)).toBe(true);
    expect(isAsOfRevisionOnly('query ($at: AsOf) { entity(id: "a", asOf: $at) { id } }', undefined, '{"at":{"revision":"r1"}}')).toBe(true);
    expect(isAsOfRevisionOnly('query ($r: ID) { entity(id: "a", asOf: { revision: $r }) { id } }', undefined, '{"r":"r1"}')).toBe(true);
    expect(isAsOfRevisionOnly('{ entity(id: "a", asOf: { time: "2024-01-01T00:00:00Z" }) { id } }', undefined, undefined)).toBe(false);
    expect(isAsOfRevisionOnly('{ a: entity(id: "a", asOf: { revision: "r1" }) { id } b: entity(id: "a") { id } }', undefined, undefined)).toBe(false);
    expect(isAsOfRevisionOnly('{ __typename }', undefined, undefined)).toBe(false);
    expect(isAsOfRevisionOnly('{ ...F } fragment F on Query { entity(id: "a", asOf: { revision: "r1" }) { id } }', undefined, undefined)).toBe(false);
    expect(isAsOfRevisionOnly('query A { entity(id: "a", asOf: { revision: "r1" }) { id } } query B { entity(id: "a") { id } }', 'B', undefined)).toBe(false);
  });
});
