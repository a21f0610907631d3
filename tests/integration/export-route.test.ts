/**
 * GET /entities/{id} with fetch: content negotiation over the five export formats, 406 listing them, 404 for an
 * unknown id, a bad depth, and the same access rules (REQUIRE_KEY_FOR_READS) and rate limits as /graphql reads.
 */
import { MultiDirectedGraph } from 'graphology';
import { parse as parseGraphml } from 'graphology-graphml';
import jsonld from 'jsonld';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, issueApiKey } from '../support/api-keys.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

let open: TestServer;
let keyed: TestServer;
let limited: TestServer;

beforeAll(async () => {
  open = await startTestServer();
  keyed = await startTestServer({ REQUIRE_KEY_FOR_READS: 'true', MAX_NEIGHBORHOOD_NODES: '3' });
  limited = await startTestServer({ RATE_LIMIT_PER_MINUTE_ANONYMOUS: '3' });
});

afterAll(async () => {
  await Promise.all([open?.stop(), keyed?.stop(), limited?.stop()]);
});

const get = (server: TestServer, path: string, headers: Record<string, string> = {}) => fetch(`${server.baseUrl}${path}`, { headers });

describe('GET /entities/{id}', () => {
  it('answers the knowledge file by default, for application/json and for */*', async () => {
    for (const accept of [undefined, 'application/json', '*/*', 'text/html, */*;q=0.1']) {
      const response = await get(open, '/entities/grok', accept ? { accept } : {});
      expect(response.status, accept).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(response.headers.get('vary')).toMatch(/accept/i);
      const body = (await response.json()) as any;
      expect(body.format).toBe('kg-knowledge/1');
      expect(body.entities.map((e: any) => e.id)).toEqual(expect.arrayContaining(['grok', 'xai']));
      expect(body.facts.map((f: any) => f.id)).toContain('xai-owns-grok');
    }
  });

  it('answers JSON-LD whose entity IRIs are this route', async () => {
    const response = await get(open, '/entities/grok', { accept: 'application/ld+json' });
    expect(response.headers.get('content-type')).toBe('application/ld+json; charset=utf-8');
    const expanded = (await jsonld.expand((await response.json()) as any)) as unknown as Record<string, any>[];
    const grok = expanded.find((node: Record<string, any>) => node['@id'] === `${open.baseUrl}/entities/grok`)!;
    expect(grok['@type']).toContain('http://schema.org/Product');
    // The IRI is this route: it serves the entity.
    expect((await fetch(grok['@id']!, { headers: { accept: 'application/n-triples' } })).status).toBe(200);
  });

  it('answers N-Triples, GraphML and the CSV tables, choosing by q-value', async () => {
    const nt = await get(open, '/entities/grok', { accept: 'application/graphml+xml;q=0.5, application/n-triples' });
    expect(nt.headers.get('content-type')).toBe('application/n-triples; charset=utf-8');
    expect(await nt.text()).toContain(`<${open.baseUrl}/entities/grok> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/Product> .`);
    const graphml = await get(open, '/entities/xai?depth=2', { accept: 'application/graphml+xml' });
    expect(graphml.headers.get('content-type')).toBe('application/graphml+xml; charset=utf-8');
    const graph = parseGraphml(MultiDirectedGraph, await graphml.text());
    expect(graph.hasNode('xai') && graph.hasNode('grok') && graph.hasEdge('xai-owns-grok')).toBe(true);
    const depth1 = parseGraphml(MultiDirectedGraph, await (await get(open, '/entities/xai', { accept: 'application/graphml+xml' })).text());
    expect(graph.order).toBeGreaterThan(depth1.order);
    const csv = await get(open, '/entities/grok', { accept: 'text/csv' });
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    const relations = await csv.text();
    expect(relations.split('\r\n')[0]).toBe('id,type,from,to,fact,label');
    expect(relations).toContain('xai-owns-grok,OWNS,xai,grok,xai-owns-grok,OWNS\r\n');
    const entities = await (await get(open, '/entities/grok?table=entities', { accept: 'text/csv' })).text();
    expect(entities.split('\r\n')[0]).toBe('id,kind,name,description,aliases,background,published,published_precision');
  });

  it('answers 406 listing the types it serves, 404 for an unknown id, 400 for a bad depth or table', async () => {
    const refused = await get(open, '/entities/grok', { accept: 'image/png, application/json;q=0' });
    expect(refused.status).toBe(406);
    const body = (await refused.json()) as any;
    expect(body.errors[0].extensions).toEqual({
      code: 'NOT_ACCEPTABLE',
      available: ['application/json', 'application/ld+json', 'application/n-triples', 'application/graphml+xml', 'text/csv'],
    });
    const unknown = await get(open, '/entities/no-such-entity');
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as any).errors[0].extensions.code).toBe('NOT_FOUND');
    expect((await get(open, '/entities/Not%20A%20Slug')).status).toBe(404);
    const deep = await get(open, '/entities/grok?depth=4');
    expect(deep.status).toBe(400);
    expect(((await deep.json()) as any).errors[0].message).toContain('depth must be a whole number from 1 to 3');
    expect((await get(open, '/entities/grok?table=facts', { accept: 'text/csv' })).status).toBe(400);
  });

  it('needs a READ key when REQUIRE_KEY_FOR_READS is set', async () => {
    const anonymous = await get(keyed, '/entities/grok');
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const key = await issueApiKey(keyed.app.db, 'READ');
    expect((await get(keyed, '/entities/grok', bearer(key))).status).toBe(200);
    // (This server also caps a neighbourhood at 3 entities: the answer says it was cut.)
    const hub = await get(keyed, '/entities/tesla', { ...bearer(key), accept: 'application/graphml+xml' });
    expect(hub.headers.get('x-neighborhood-truncated')).toBe('true');
    expect(parseGraphml(MultiDirectedGraph, await hub.text()).order).toBeGreaterThanOrEqual(3);
    expect((await get(open, '/entities/tesla')).headers.get('x-neighborhood-truncated')).toBeNull();
  });

  it('draws from the caller\'s rate limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await get(limited, '/entities/grok', { accept: 'text/csv' })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });
});
