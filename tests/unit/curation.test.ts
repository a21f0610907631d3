/**
 * The pure parts of the write side: quotes found in a text (nearest `near`), the closest passage of an absent
 * quote, readable fact ids, problems pointed back at a mutation's arguments, the diff of a knowledge file
 * against the graph's state, and revision ids.
 */
import { describe, expect, it } from 'vitest';
import { sequenceOfRevisionId } from '../../src/database/curation/revisions.ts';
import { factIdBase, factIdCandidates } from '../../src/curation/fact-id.ts';
import { toInputPointer } from '../../src/curation/pointers.ts';
import { findQuote } from '../../src/curation/quotes.ts';
import { planDataset } from '../../src/knowledge/dataset-diff.ts';
import { ENTITY_STORED_KEYS, entityRow, toGraphRows } from '../../src/knowledge/graph-rows.ts';
import type { KnowledgeFile } from '../../src/knowledge/knowledge-file.ts';
import { closestPassage, validateEntries } from '../../src/knowledge/validate-knowledge-file.ts';

describe('quotes', () => {
  const text = 'one two three. one two three again. one two';
  it('finds the occurrence nearest `near`, else the first', () => {
    expect(findQuote(text, 'one two')).toEqual({ start: 0, end: 7 });
    expect(findQuote(text, 'one two', 14)).toEqual({ start: 15, end: 22 });
    expect(findQuote(text, 'one two', 1000)).toEqual({ start: 36, end: 43 });
    expect(findQuote(text, 'absent')).toBeUndefined();
  });

  it('gives the closest passage of an absent quote', () => {
    expect(closestPassage('Elon Musk a détourné 12 000 GPU H100 vers X.', 'a detourne 12 000 GPU')).toEqual({ passage: 'a détourné 12 000 GPU', start: 10, end: 31 });
    expect(closestPassage('short', 'a much longer quote')).toBeUndefined();
  });
});

describe('fact ids', () => {
  it('are readable slugs of the subject, the type and the object or event, with a suffix when taken', () => {
    expect(factIdBase({ type: 'OWNS', subject: 'xai', object: 'grok' })).toBe('xai-owns-grok');
    expect(factIdBase({ type: 'LEADER_IN', subject: 'tesla', event: 'ai-race' })).toBe('tesla-leader-in-ai-race');
    expect(factIdCandidates('x-owns-y', 3)).toEqual(['x-owns-y', 'x-owns-y-2', 'x-owns-y-3']);
  });
});

describe('problems pointed at the arguments', () => {
  it('maps knowledge-file pointers to the input, with the input names', () => {
    expect(toInputPointer('/facts/0/citations/1/quote', '/facts/0', '/input')).toBe('/input/citations/1/quote');
    expect(toInputPointer('/entities/0/aliases/2/lang', '/entities/0', '/input')).toBe('/input/aliases/2/language');
    expect(toInputPointer('/facts/0', '/facts/0', '/input')).toBe('/input');
    expect(toInputPointer('/sources/0/path', '', '/file')).toBe('/file/sources/0/path');
  });

  it('checks entries by the knowledge file rules against the graph, every problem with its pointer', () => {
    const result = validateEntries(
      { entities: [], facts: [{ id: 'f', type: 'OWNS', subject: 'nobody', object: 'grok', statement: 's', modality: 'ACTUAL', citations: [{ quote: 'abc', start: 0, end: 3, document: 'doc', saidBy: 'doc', kind: 'STATEMENT' }] }] },
      { name: 'assertFact', known: new Map([['grok', 'PRODUCT'], ['doc', 'DOCUMENT']]), texts: new Map([['doc', 'xyz abc']]) },
    );
    expect(result.ok ? [] : result.errors.map((e) => e.pointer)).toEqual(['/facts/0/subject', '/facts/0/citations/0/quote']);
  });
});

describe('a knowledge file diffed against the graph', () => {
  const file = {
    format: 'kg-knowledge/1',
    id: 'ds',
    title: 't',
    sources: [],
    entities: [
      { id: 'a', kind: 'ORGANIZATION', name: 'A', description: 'a' },
      { id: 'b', kind: 'PRODUCT', name: 'B', description: 'b' },
    ],
    facts: [
      { id: 'a-owns-b', type: 'OWNS', subject: 'a', object: 'b', statement: 'A owns B.', modality: 'ACTUAL', background: true, basis: 'x', citations: [] },
      { id: 'a-produces-b', type: 'PRODUCES', subject: 'a', object: 'b', statement: 'A makes B.', modality: 'ACTUAL', background: true, basis: 'x', citations: [] },
    ],
  } as unknown as KnowledgeFile;
  const rows = toGraphRows(file, new Map());
  const stored = (id: string, name: string) => {
    const props: Record<string, unknown> = { ...entityRow(file.entities.find((e) => e.id === id)!).props, name };
    return { values: ENTITY_STORED_KEYS.map((k) => props[k] ?? null), revision: 1, mergedInto: null };
  };

  it('on an empty graph, creates everything', () => {
    const plan = planDataset(file, rows, { entities: new Map(), facts: new Map() }, 7, 'ds.kg.json');
    expect(plan.changes.map((c) => `${c.operation} ${c.target}`)).toEqual(['CREATE_ENTITY a', 'CREATE_ENTITY b', 'ASSERT_FACT a-owns-b', 'ASSERT_FACT a-produces-b']);
    expect(plan.facts.facts).toHaveLength(2);
    expect(plan.summary).toBe('ds.kg.json: 2 entities created, 0 changed; 2 facts asserted, 0 revised, 0 retracted');
  });

  it('writes only the differences: a changed field, a revised fact, a removed fact retracted', () => {
    const facts = new Map([
      ['a-owns-b', { contentSha256: rows.facts[0]!.props.contentSha256 as string, retractedIn: null, rank: null, content: {} }],
      ['a-produces-b', { contentSha256: 'old', retractedIn: null, rank: null, content: { statement: 'old' } }],
      ['gone', { contentSha256: 'x', retractedIn: null, rank: null, content: {} }],
    ]);
    const entities = new Map([
      ['a', stored('a', 'A')],
      ['b', stored('b', 'Old B')],
    ]);
    const plan = planDataset(file, rows, { entities, facts }, 9, 'ds.kg.json');
    expect(plan.changes.map((c) => [c.operation, c.target, c.field ?? c.reason ?? null])).toEqual([
      ['UPDATE_ENTITY', 'b', 'name'],
      ['REVISE_FACT', 'a-produces-b', null],
      ['RETRACT_FACT', 'gone', 'removed from ds.kg.json'],
    ]);
    expect(plan.versioned).toEqual(['b']);
    expect(plan.revised).toEqual(['a-produces-b']);
    expect(plan.facts.facts.map((f) => f.id)).toEqual(['a-produces-b']);
    expect(plan.retracted).toEqual([{ id: 'gone', props: { retractedIn: 9, retractionReason: 'removed from ds.kg.json' } }]);
  });
});

describe('revision ids', () => {
  it('are r and a sequence number', () => {
    expect(sequenceOfRevisionId('r42')).toBe(42);
    for (const bad of ['42', 'r0', 'r-1', 'r01', 'rx']) expect(sequenceOfRevisionId(bad)).toBeUndefined();
  });
});
