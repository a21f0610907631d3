/** The pure parts of the exports: content negotiation, CSV and XML escaping, the RDF tables and literals. */
import { describe, expect, it } from 'vitest';
import { field } from '../../src/export/csv.ts';
import { escapeXml } from '../../src/export/graphml.ts';
import { DataIris, TripleMapper } from '../../src/export/rdf/triples.ts';
import { SCHEMA_TYPE_OF_KIND } from '../../src/export/rdf/vocabulary.ts';
import { negotiate } from '../../src/http/entity-route.ts';
import { ENTITY_KINDS } from '../../src/vocabulary/index.ts';

describe('content negotiation on /entities/{id}', () => {
  it('picks the highest q, then the most specific range; none or */* is the knowledge file; null when nothing matches', () => {
    expect(negotiate(undefined)).toBe('json');
    expect(negotiate('*/*')).toBe('json');
    expect(negotiate('application/ld+json')).toBe('jsonld');
    expect(negotiate('Application/N-Triples; charset=utf-8')).toBe('ntriples');
    expect(negotiate('application/graphml+xml;q=0.5, application/n-triples')).toBe('ntriples');
    expect(negotiate('text/*')).toBe('csv');
    expect(negotiate('text/html, */*;q=0.1')).toBe('json');
    expect(negotiate('*/*, application/json;q=0')).toBe('jsonld');
    expect(negotiate('image/png')).toBeNull();
    expect(negotiate('application/json;q=0')).toBeNull();
  });
});

describe('escaping', () => {
  it('quotes CSV fields with a comma, a quote or a line break, doubling quotes (RFC 4180)', () => {
    expect(field('plain')).toBe('plain');
    expect(field('a,b')).toBe('"a,b"');
    expect(field('say "hi"')).toBe('"say ""hi"""');
    expect(field('two\nlines')).toBe('"two\nlines"');
    expect(field('cr\r')).toBe('"cr\r"');
  });

  it('escapes XML text and drops the characters XML 1.0 cannot hold', () => {
    expect(escapeXml('a < b & "c" > d')).toBe('a &lt; b &amp; &quot;c&quot; &gt; d');
    expect(escapeXml('bell\u0007tab\t')).toBe('belltab\t');
  });
});

describe('the RDF mapping', () => {
  it('gives every entity kind a schema.org type', () => {
    expect(Object.keys(SCHEMA_TYPE_OF_KIND).sort()).toEqual([...ENTITY_KINDS].sort());
  });

  it('types numbers by their lexical form and asserts schema.org properties only for facts that hold now', () => {
    const header = { id: 'x', title: 'x', truncated: false, sources: [{ document: 'doc', path: 'sources/doc.txt', sha256: '0'.repeat(64), language: 'fr' }] };
    const mapper = new TripleMapper(new DataIris('https://example.org/'), header);
    const fact = (modality: 'ACTUAL' | 'GOAL', status?: 'FORMER') => ({
      kind: 'fact' as const,
      fact: {
        id: 'xai-owns-grok', type: 'OWNS' as const, subject: 'xai', object: 'grok', statement: 'xAI owns Grok.', modality, ...(status ? { status } : {}),
        quantities: [{ kind: 'PERCENT' as const, value: 12.5, comparator: 'EXACT' as const, role: 'AMOUNT' as const }],
        citations: [{ quote: 'Grok', start: 0, end: 4, saidBy: 'doc', kind: 'EDITORIAL' as const, confidence: 0.9 }],
      },
    });
    const owns = (t: { predicate: string }) => t.predicate === 'schema:owns';
    const actual = mapper.triples(fact('ACTUAL'));
    expect(actual.filter(owns)).toEqual([{ subject: 'https://example.org/entities/xai', predicate: 'schema:owns', object: { iri: 'https://example.org/entities/grok' } }]);
    expect(mapper.triples(fact('GOAL')).filter(owns)).toEqual([]);
    expect(mapper.triples(fact('ACTUAL', 'FORMER')).filter(owns)).toEqual([]);
    expect(actual.find((t) => t.predicate === 'schema:value')!.object).toEqual({ value: '12.5', datatype: 'xsd:decimal' });
    expect(actual.find((t) => t.predicate === 'oa:start')!.object).toEqual({ value: '0', datatype: 'xsd:integer' });
    expect(actual.find((t) => t.predicate === 'prov:value')!.object).toEqual({ value: 'Grok', language: 'fr' });
  });
});
