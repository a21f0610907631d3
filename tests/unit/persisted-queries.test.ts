import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BoundedTextCache, loadTrustedDocuments, sha256Hex, TrustedDocumentsError } from '../../src/http/persisted-queries.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'kg-trusted-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the APQ store', () => {
  it('keeps at most its bytes, evicting the least recently used first', async () => {
    const cache = new BoundedTextCache(100);
    await cache.set('apq:a', 'x'.repeat(40));
    await cache.set('apq:b', 'y'.repeat(40));
    expect(cache.size).toEqual({ entries: 2, bytes: 90 });
    await cache.get('apq:a');
    await cache.set('apq:c', 'z'.repeat(40));
    expect(await cache.get('apq:b')).toBeUndefined();
    expect(await cache.get('apq:a')).toBe('x'.repeat(40));
    expect(cache.peek('c')).toBe('z'.repeat(40));
    expect(cache.size.bytes).toBeLessThanOrEqual(100);
  });

  it('does not keep a text larger than the whole store, and replaces a key in place', async () => {
    const cache = new BoundedTextCache(10);
    await cache.set('apq:big', 'x'.repeat(50));
    expect(cache.size).toEqual({ entries: 0, bytes: 0 });
    await cache.set('k', 'ab');
    await cache.set('k', 'abc');
    expect(cache.size).toEqual({ entries: 1, bytes: 4 });
    expect(await cache.delete('k')).toBe(true);
    expect(cache.size).toEqual({ entries: 0, bytes: 0 });
  });
});

describe('trusted documents manifest', () => {
  const write = (name: string, content: unknown) => {
    const file = path.join(dir, name);
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
    return file;
  };

  it("reads the client preset's sha256 manifest, keyed by the bare hex hash", () => {
    const text = 'query A { __typename }';
    const documents = loadTrustedDocuments(write('ok.json', { [`sha256:${sha256Hex(text)}`]: text }));
    expect([...documents]).toEqual([[sha256Hex(text), text]]);
  });

  it('refuses ids that are not their text\'s SHA-256 (sha1 manifests, edited texts) and files that are not manifests', () => {
    expect(() => loadTrustedDocuments(write('sha1.json', { '0123abcd': 'query A { __typename }' }))).toThrow(/TRUSTED_DOCUMENTS=.*hashAlgorithm 'sha256'/);
    expect(() => loadTrustedDocuments(write('list.json', ['query A { __typename }']))).toThrow(TrustedDocumentsError);
    expect(() => loadTrustedDocuments(write('bad.json', '{ nope'))).toThrow(/TRUSTED_DOCUMENTS=.*cannot read a JSON manifest/);
  });
});
