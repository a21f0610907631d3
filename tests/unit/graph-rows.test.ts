/**
 * Graph rows: what the load statements write for a knowledge file, without a database. A binary fact gives one
 * relation subject → object of its type; an n-ary fact gives one relation event → participant per role; a cited
 * fact gets citation rows and a report time from its documents; a background fact has neither.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { toGraphRows, withNumber, type GraphRows } from '../../src/knowledge/graph-rows.ts';
import type { EntityEntry, FactEntry, KnowledgeFile } from '../../src/knowledge/knowledge-file.ts';

const TEXT = 'Selon CNBC, Musk a fait livrer 12 000 GPU H100 de Tesla à X. xAI possède Grok.';

const entity = (id: string, kind: EntityEntry['kind'], extra: Partial<EntityEntry> = {}): EntityEntry => ({ id, kind, name: id.toUpperCase(), description: `The ${id}.`, ...extra });

const ENTITIES: EntityEntry[] = [
  entity('article', 'DOCUMENT', { published: { text: 'juin 2024', value: '2024-06-04', precision: 'DAY', inferred: false } }),
  entity('memo', 'DOCUMENT', { published: { value: '2023-12', precision: 'MONTH', inferred: true } }),
  entity('cnbc', 'MEDIA'),
  entity('musk', 'PERSON', { aliases: [{ text: 'Elon', lang: 'en' }, { text: 'EM' }] }),
  entity('tesla', 'ORGANIZATION'),
  entity('x', 'ORGANIZATION'),
  entity('xai', 'ORGANIZATION', { background: true }),
  entity('grok', 'PRODUCT'),
  entity('h100', 'PRODUCT'),
  entity('redirect', 'EVENT'),
];

/** Binary, cited twice (the second quote from another document, reported by a medium). */
const BINARY: FactEntry = {
  id: 'xai-owns-grok',
  type: 'OWNS',
  subject: 'xai',
  object: 'grok',
  statement: 'xAI owns Grok.',
  modality: 'ACTUAL',
  time: { text: 'en 2024', value: '2024', precision: 'YEAR', inferred: false },
  citations: [
    { quote: 'xAI possède Grok', start: 61, end: 77, saidBy: 'article', kind: 'EDITORIAL' },
    { quote: 'Grok', start: 73, end: 77, document: 'memo', saidBy: 'memo', reportedBy: 'cnbc', kind: 'REPORTED', confidence: 0.9 },
  ],
};

/** N-ary: an event with four participants and two numbers, one of them about an item. */
const NARY: FactEntry = {
  id: 'musk-redirects-h100',
  type: 'REALLOCATES',
  subject: 'musk',
  event: 'redirect',
  participants: [
    { role: 'DECIDED_BY', entity: 'musk' },
    { role: 'GIVER', entity: 'tesla' },
    { role: 'RECIPIENT', entity: 'x' },
    { role: 'ITEM', entity: 'h100' },
  ],
  statement: 'Musk had 12,000 H100 redirected from Tesla to X.',
  modality: 'ACTUAL',
  quantities: [
    { kind: 'COUNT', value: 12000, unit: 'GPU', item: 'h100', text: '12 000 GPU H100' },
    { kind: 'MONEY', value: 500000000, currency: 'USD', comparator: 'MORE_THAN', role: 'VALUE' },
  ],
  citations: [{ quote: 'Musk a fait livrer 12 000 GPU H100 de Tesla à X', start: 12, end: 59, saidBy: 'cnbc', kind: 'REPORTED' }],
};

/** Background: no citation, a basis, and a vague number. */
const BACKGROUND: FactEntry = {
  id: 'musk-founded-xai',
  type: 'FOUNDED',
  subject: 'musk',
  object: 'xai',
  statement: 'Musk founded xAI.',
  modality: 'ACTUAL',
  background: true,
  basis: 'Widely reported in 2023.',
  quantities: [{ kind: 'DURATION', unit: 'month', comparator: 'SEVERAL' }],
  citations: [],
};

const FILE: KnowledgeFile = {
  format: 'kg-knowledge/1',
  id: 'rows-test',
  title: 'Graph rows test',
  sources: [
    { document: 'article', path: 'article.txt', sha256: '0'.repeat(64), language: 'fr' },
    { document: 'memo', path: 'memo.txt', sha256: '1'.repeat(64), language: 'en' },
  ],
  entities: ENTITIES,
  facts: [BINARY, NARY, BACKGROUND],
};

const rows: GraphRows = toGraphRows(FILE, new Map([['article', TEXT]]));
const factRow = (id: string) => rows.facts.find((f) => f.id === id)!.props;
const ofFact = <T extends { fact: string }>(list: T[], id: string) => list.filter((row) => row.fact === id);

describe('entities', () => {
  it('are grouped by the Neo4j label of their kind, with names and aliases for the full-text index', () => {
    expect(Object.fromEntries([...rows.entitiesByLabel].map(([label, list]) => [label, list.map((e) => e.id)]))).toEqual({
      Document: ['article', 'memo'],
      Media: ['cnbc'],
      Person: ['musk'],
      Organization: ['tesla', 'x', 'xai'],
      Product: ['grok', 'h100'],
      Event: ['redirect'],
    });
    expect(rows.entitiesByLabel.get('Person')![0]!.props).toEqual({
      kind: 'PERSON',
      name: 'MUSK',
      description: 'The musk.',
      background: false,
      aliasTexts: ['Elon', 'EM'],
      aliasLanguages: ['en', ''],
      searchNames: 'MUSK\nElon\nEM',
    });
    expect(rows.entitiesByLabel.get('Organization')![2]!.props.background).toBe(true);
  });

  it('keep a document its publication time, and each source its text, hash and language', () => {
    expect(rows.entitiesByLabel.get('Document')![0]!.props).toMatchObject({
      publishedText: 'juin 2024',
      publishedValue: '2024-06-04',
      publishedEndValue: null,
      publishedPrecision: 'DAY',
      publishedInferred: false,
    });
    expect(rows.documentTexts).toEqual([
      { id: 'article', text: TEXT, sha256: createHash('sha256').update(TEXT).digest('hex'), language: 'fr' },
      // A source whose text was not read is written empty, not left out.
      { id: 'memo', text: '', sha256: createHash('sha256').update('').digest('hex'), language: 'en' },
    ]);
  });
});

describe('a binary fact', () => {
  it('becomes one relation of its type from subject to object, named by the fact id', () => {
    expect(rows.relationsByType.get('OWNS')).toEqual([{ id: 'xai-owns-grok', from: 'xai', to: 'grok', factId: 'xai-owns-grok', label: 'OWNS' }]);
  });

  it('is a fact row with its dataset, modality and time, linked to its subject and object', () => {
    expect(factRow('xai-owns-grok')).toMatchObject({
      id: 'xai-owns-grok',
      dataset: 'rows-test',
      type: 'OWNS',
      statement: 'xAI owns Grok.',
      subject: 'xai',
      object: 'grok',
      event: null,
      modality: 'ACTUAL',
      background: false,
      basis: null,
      timeText: 'en 2024',
      timeValue: '2024',
      timePrecision: 'YEAR',
    });
    expect(ofFact(rows.participants, 'xai-owns-grok')).toEqual([
      { fact: 'xai-owns-grok', role: 'SUBJECT', entity: 'xai' },
      { fact: 'xai-owns-grok', role: 'OBJECT', entity: 'grok' },
    ]);
  });
});

describe('a cited fact', () => {
  it('has one citation row per quote, in order, with the first source as default document', () => {
    expect(ofFact(rows.citations, 'xai-owns-grok')).toEqual([
      {
        fact: 'xai-owns-grok',
        id: 'xai-owns-grok#c0',
        props: { id: 'xai-owns-grok#c0', fact: 'xai-owns-grok', position: 0, quote: 'xAI possède Grok', start: 61, end: 77, kind: 'EDITORIAL', confidence: null, document: 'article', saidBy: 'article', reportedBy: null },
      },
      {
        fact: 'xai-owns-grok',
        id: 'xai-owns-grok#c1',
        props: { id: 'xai-owns-grok#c1', fact: 'xai-owns-grok', position: 1, quote: 'Grok', start: 73, end: 77, kind: 'REPORTED', confidence: 0.9, document: 'memo', saidBy: 'memo', reportedBy: 'cnbc' },
      },
    ]);
  });

  it('is reported at the earliest publication time of the documents its quotes come from', () => {
    // The memo (2023-12) is earlier than the article (2024-06-04).
    expect(factRow('xai-owns-grok')).toMatchObject({ reportedText: null, reportedValue: '2023-12', reportedPrecision: 'MONTH', reportedInferred: true });
    // Quoted only from the article (the default document).
    expect(factRow('musk-redirects-h100')).toMatchObject({ reportedText: 'juin 2024', reportedValue: '2024-06-04', reportedPrecision: 'DAY' });
  });
});

describe('an n-ary fact', () => {
  it('becomes one relation from the event to each participant, typed by the role, labelled with its number', () => {
    const relations = Object.fromEntries(['DECIDED_BY', 'GIVER', 'RECIPIENT', 'ITEM'].map((role) => [role, rows.relationsByType.get(role as never)]));
    expect(relations).toEqual({
      DECIDED_BY: [{ id: 'musk-redirects-h100/DECIDED_BY/musk', from: 'redirect', to: 'musk', factId: 'musk-redirects-h100', label: 'DECIDED_BY' }],
      GIVER: [{ id: 'musk-redirects-h100/GIVER/tesla', from: 'redirect', to: 'tesla', factId: 'musk-redirects-h100', label: 'GIVER' }],
      RECIPIENT: [{ id: 'musk-redirects-h100/RECIPIENT/x', from: 'redirect', to: 'x', factId: 'musk-redirects-h100', label: 'RECIPIENT' }],
      ITEM: [{ id: 'musk-redirects-h100/ITEM/h100', from: 'redirect', to: 'h100', factId: 'musk-redirects-h100', label: 'ITEM · 12,000 GPU' }],
    });
    // No relation of the fact's own type: it has no object.
    expect(rows.relationsByType.has('REALLOCATES')).toBe(false);
  });

  it('links the fact to its subject, its event and every participant', () => {
    expect(ofFact(rows.participants, 'musk-redirects-h100')).toEqual([
      { fact: 'musk-redirects-h100', role: 'SUBJECT', entity: 'musk' },
      { fact: 'musk-redirects-h100', role: 'EVENT', entity: 'redirect' },
      { fact: 'musk-redirects-h100', role: 'DECIDED_BY', entity: 'musk' },
      { fact: 'musk-redirects-h100', role: 'GIVER', entity: 'tesla' },
      { fact: 'musk-redirects-h100', role: 'RECIPIENT', entity: 'x' },
      { fact: 'musk-redirects-h100', role: 'ITEM', entity: 'h100' },
    ]);
    expect(factRow('musk-redirects-h100')).toMatchObject({ object: null, event: 'redirect' });
  });

  it('has its numbers as quantity rows, in order, with the default comparator and role filled in', () => {
    expect(ofFact(rows.quantities, 'musk-redirects-h100')).toEqual([
      {
        fact: 'musk-redirects-h100',
        id: 'musk-redirects-h100#q0',
        props: { id: 'musk-redirects-h100#q0', fact: 'musk-redirects-h100', position: 0, kind: 'COUNT', value: 12000, unit: 'GPU', currency: null, item: 'h100', comparator: 'EXACT', role: 'AMOUNT', text: '12 000 GPU H100' },
      },
      {
        fact: 'musk-redirects-h100',
        id: 'musk-redirects-h100#q1',
        props: { id: 'musk-redirects-h100#q1', fact: 'musk-redirects-h100', position: 1, kind: 'MONEY', value: 500000000, unit: null, currency: 'USD', item: null, comparator: 'MORE_THAN', role: 'VALUE', text: null },
      },
    ]);
  });
});

describe('a background fact', () => {
  it('keeps its basis and has no citation and no report time', () => {
    const props = factRow('musk-founded-xai');
    expect(props).toMatchObject({ background: true, basis: 'Widely reported in 2023.' });
    expect(Object.keys(props).filter((key) => key.startsWith('reported') || key.startsWith('time'))).toEqual([]);
    expect(ofFact(rows.citations, 'musk-founded-xai')).toEqual([]);
  });

  it('still becomes its relation, labelled with a vague number', () => {
    expect(rows.relationsByType.get('FOUNDED')).toEqual([{ id: 'musk-founded-xai', from: 'musk', to: 'xai', factId: 'musk-founded-xai', label: 'FOUNDED · several month' }]);
  });
});

describe('relation labels', () => {
  it.each([
    [undefined, 'OWNS'],
    [{ kind: 'PERCENT', value: 12.5 }, 'OWNS · 12.5%'],
    [{ kind: 'MONEY', value: 2e9, currency: 'EUR', comparator: 'APPROXIMATE' }, 'OWNS · ~2,000,000,000 EUR'],
    [{ kind: 'COUNT', value: 3, comparator: 'AT_MOST' }, 'OWNS · ≤3'],
  ] as const)('%j gives %s', (quantity, label) => {
    expect(withNumber('OWNS', quantity)).toBe(label);
  });

  it('show the target of a change rather than its start', () => {
    const fact: FactEntry = {
      ...BACKGROUND,
      id: 'tesla-produces',
      subject: 'tesla',
      object: 'h100',
      type: 'PRODUCES',
      quantities: [
        { kind: 'COUNT', value: 35000, role: 'FROM' },
        { kind: 'COUNT', value: 85000, role: 'TO' },
      ],
    };
    const { relationsByType } = toGraphRows({ ...FILE, facts: [fact] }, new Map());
    expect(relationsByType.get('PRODUCES')![0]!.label).toBe('PRODUCES · 85,000');
  });
});
