/**
 * The knowledge format: the shipped knowledge file validates and its quotes sit at their offsets, and bad files
 * are refused with errors that name the entry and the problem. (Its enumerations: tests/unit/vocabulary.test.ts.)
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { KnowledgeFile } from '../../src/knowledge/knowledge-file.ts';
import { validateKnowledgeFile, type KnowledgeError } from '../../src/knowledge/validate-knowledge-file.ts';

const pathOf = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const SHIPPED = pathOf('../../data/knowledge/leblogauto-2024-musk-nvidia-h100.kg.json');
const SOURCE = pathOf('../../data/sources/leblogauto-2024-musk-nvidia-h100.fr.txt');
const MINIMAL = pathOf('./fixtures/minimal.kg.json');

const readSource = (p: string) => readFileSync(p, 'utf8');
const shipped = (): KnowledgeFile => JSON.parse(readFileSync(SHIPPED, 'utf8')) as KnowledgeFile;
const text = readFileSync(SOURCE, 'utf8');

function validate(data: unknown, source: (p: string) => string = readSource) {
  return validateKnowledgeFile(data, { filePath: SHIPPED, readSource: source });
}

/** The errors of the shipped file after `mutate`; fails when the file is accepted. */
function errorsAfter(mutate: (k: KnowledgeFile) => void, source?: (p: string) => string): KnowledgeError[] {
  const knowledge = shipped();
  mutate(knowledge);
  const result = validate(knowledge, source);
  if (result.ok) throw new Error('the mutated file was accepted');
  return result.errors;
}

function factIndex(k: KnowledgeFile, id: string): number {
  const index = k.facts.findIndex((f) => f.id === id);
  if (index < 0) throw new Error(`no fact ${id}`);
  return index;
}

describe('the shipped knowledge file', () => {
  const knowledge = shipped();

  it('validates', () => {
    const result = validate(knowledge);
    expect(result.ok ? [] : result.errors).toEqual([]);
    if (result.ok) expect(result.sources.get('leblogauto-article-musk-nvidia-h100')).toBe(text);
  });

  it('quotes the source text exactly at every citation offset', () => {
    let checked = 0;
    for (const fact of knowledge.facts) {
      fact.citations.forEach((citation, j) => {
        const at = `fact ${fact.id}, citation ${j}`;
        expect(text.slice(citation.start, citation.end), at).toBe(citation.quote);
        expect(citation.end - citation.start, at).toBe(citation.quote.length);
        checked += 1;
      });
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('keeps quotes to the clause that states the fact', () => {
    for (const fact of knowledge.facts) {
      for (const citation of fact.citations) expect(citation.quote.length, fact.id).toBeLessThanOrEqual(160);
    }
  });

  it('declares the required entities with their kinds', () => {
    const kinds = Object.fromEntries(knowledge.entities.map((e) => [e.id, e.kind]));
    expect(kinds).toMatchObject({
      'elon-musk': 'PERSON',
      tesla: 'ORGANIZATION',
      x: 'ORGANIZATION',
      'x-platform': 'PRODUCT',
      xai: 'ORGANIZATION',
      nvidia: 'ORGANIZATION',
      openai: 'ORGANIZATION',
      svolt: 'ORGANIZATION',
      'nvidia-h100': 'PRODUCT',
      grok: 'PRODUCT',
      chatgpt: 'PRODUCT',
      'north-dakota': 'PLACE',
      'xai-gpu-cluster-north-dakota': 'FACILITY',
      cnbc: 'MEDIA',
      reuters: 'MEDIA',
      'leblogauto-com': 'MEDIA',
      'leblogauto-article-musk-nvidia-h100': 'DOCUMENT',
      'cnbc-article': 'DOCUMENT',
      'nvidia-memo-2023-12': 'DOCUMENT',
      'nvidia-email-2024-02': 'DOCUMENT',
      'musk-x-post-2024-04': 'DOCUMENT',
      'tesla-annual-report': 'DOCUMENT',
      'tesla-q1-2024-earnings-call': 'EVENT',
      'h100-redirect-tesla-to-x': 'EVENT',
      'h100-redirect-x-to-tesla': 'EVENT',
      'tesla-layoffs-2024-04': 'EVENT',
      'ev-market-slowdown': 'EVENT',
      'tesla-20-million-vehicles-goal': 'EVENT',
      'ai-inference': 'CONCEPT',
    });
    const article = knowledge.entities.find((e) => e.id === 'leblogauto-article-musk-nvidia-h100');
    expect(article?.published).toEqual({ text: 'mid-2024', value: '2024-06', precision: 'MONTH', inferred: true });
  });

  it('states the key numbers as numbers, with their modality', () => {
    const fact = (id: string) => knowledge.facts[factIndex(knowledge, id)]!;
    const redirect = fact('musk-redirects-h100-from-tesla-to-x');
    expect(redirect.participants).toEqual(
      expect.arrayContaining([
        { role: 'GIVER', entity: 'tesla' },
        { role: 'RECIPIENT', entity: 'x' },
        { role: 'ITEM', entity: 'nvidia-h100' },
        { role: 'DECIDED_BY', entity: 'elon-musk' },
        { role: 'DOCUMENTED_IN', entity: 'nvidia-memo-2023-12' },
      ]),
    );
    expect(redirect.event).toBe('h100-redirect-tesla-to-x');
    expect(redirect.quantities?.[0]).toMatchObject({ kind: 'COUNT', value: 12000, item: 'nvidia-h100' });
    expect(fact('h100-redirect-delays-tesla-processors').quantities).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'MONEY', value: 500_000_000, currency: 'USD', comparator: 'MORE_THAN' })]),
    );
    expect(fact('tesla-plans-85000-active-h100')).toMatchObject({ modality: 'PLANNED', quantities: [{ role: 'FROM', value: 35000 }, { role: 'TO', value: 85000 }] });
    expect(fact('tesla-plans-ai-spending-2024')).toMatchObject({ modality: 'PLANNED', time: { value: '2024', precision: 'YEAR', inferred: true } });
    expect(fact('tesla-announces-layoffs-2024-04').quantities?.[0]).toMatchObject({ kind: 'PERCENT', value: 10, comparator: 'MORE_THAN' });
    expect(fact('tesla-goal-20-million-vehicles-a-year')).toMatchObject({ modality: 'GOAL', status: 'FORMER', quantities: [{ value: 20_000_000, role: 'TARGET' }] });
  });

  it('gives facts ids distinct from entity ids, so an id names one node', () => {
    const entityIds = new Set(knowledge.entities.map((e) => e.id));
    expect(knowledge.facts.map((f) => f.id).filter((id) => entityIds.has(id))).toEqual([]);
  });

  it('backs every stated fact with a citation and every background fact with a basis', () => {
    for (const fact of knowledge.facts) {
      if (fact.background) expect(fact.basis, fact.id).toBeTruthy();
      else expect(fact.citations.length, fact.id).toBeGreaterThan(0);
    }
  });
});

describe('a minimal knowledge file', () => {
  it('validates, with its source resolved relative to the file', () => {
    const data: unknown = JSON.parse(readFileSync(MINIMAL, 'utf8'));
    const result = validateKnowledgeFile(data, { filePath: MINIMAL, readSource });
    expect(result.ok ? [] : result.errors).toEqual([]);
    if (result.ok) expect(result.sources.get('fixture-document')).toMatch(/^Acme a annoncé/);
  });
});

describe('a bad knowledge file', () => {
  it('is refused for an unknown entity kind, naming the allowed kinds', () => {
    const errors = errorsAfter((k) => (k.entities[0]!.kind = 'ALIEN' as never));
    expect(errors).toContainEqual({
      file: SHIPPED,
      entry: 'entities[0] (id "leblogauto-article-musk-nvidia-h100")',
      message: expect.stringMatching(/^kind: must be one of PERSON, ORGANIZATION, .*CONCEPT \(got "ALIEN"\)$/),
      pointer: '/entities/0/kind',
    });
  });

  it('is refused for a dangling reference', () => {
    const errors = errorsAfter((k) => (k.facts[0]!.subject = 'nobody-knows'));
    expect(errors).toEqual([
      { file: SHIPPED, entry: 'facts[0] (id "musk-redirects-h100-from-tesla-to-x")', message: expect.stringContaining('subject "nobody-knows" is not the id of any entity'), pointer: '/facts/0/subject' },
    ]);
  });

  it('is refused for dangling participant, item and citation references', () => {
    const errors = errorsAfter((k) => {
      k.facts[0]!.participants![0]!.entity = 'ghost-one';
      k.facts[0]!.quantities![0]!.item = 'ghost-two';
      k.facts[0]!.citations[0]!.saidBy = 'ghost-three';
    });
    expect(errors.map((e) => e.message)).toEqual([
      expect.stringContaining('participants[0].entity "ghost-one"'),
      expect.stringContaining('quantities[0].item "ghost-two"'),
      expect.stringContaining('citations[0].saidBy "ghost-three"'),
    ]);
  });

  it('is refused for wrong offsets, saying where the quote actually is', () => {
    const knowledge = shipped();
    const citation = knowledge.facts[1]!.citations[0]!;
    const errors = errorsAfter((k) => {
      k.facts[1]!.citations[0]!.start += 3;
      k.facts[1]!.citations[0]!.end += 3;
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]!.entry).toBe(`facts[1] (id "${knowledge.facts[1]!.id}")`);
    expect(errors[0]!.message).toContain(`citations[0]: the text at start ${citation.start + 3}`);
    expect(errors[0]!.message).toContain(`the quote occurs at start ${citation.start}, end ${citation.end}`);
  });

  it('is refused for a quote that is not in the source', () => {
    const errors = errorsAfter((k) => (k.facts[1]!.citations[0]!.quote = "Elon privilegie le deploiement (typed with ' not ’)"));
    expect(errors[0]!.message).toMatch(/does not occur in the document/);
  });

  it('is refused for MONEY without a currency', () => {
    let index = 0;
    const errors = errorsAfter((k) => {
      index = factIndex(k, 'h100-redirect-delays-tesla-processors');
      delete k.facts[index]!.quantities![0]!.currency;
    });
    expect(errors).toContainEqual({
      file: SHIPPED,
      entry: `facts[${index}] (id "h100-redirect-delays-tesla-processors")`,
      message: expect.stringMatching(/^quantities\[0\]: missing required field "currency" \(a MONEY quantity needs an ISO 4217 currency/),
      pointer: `/facts/${index}/quantities/0/currency`,
    });
  });

  it('is refused for a value left out without comparator SEVERAL', () => {
    const errors = errorsAfter((k) => delete k.facts[0]!.quantities![0]!.value);
    expect(errors.some((e) => e.entry.startsWith('facts[0]') && /quantities\[0\]\.comparator: must be "SEVERAL"/.test(e.message))).toBe(true);
  });

  it('is refused for a duplicate fact id or entity id', () => {
    const facts = errorsAfter((k) => k.facts.push({ ...k.facts[2]! }));
    const last = shipped().facts.length;
    expect(facts).toEqual([
      { file: SHIPPED, entry: `facts[${last}] (id "musk-redirects-x-h100-orders-to-tesla")`, message: expect.stringMatching(/duplicate fact id "musk-redirects-x-h100-orders-to-tesla" \(already used by facts\[2\]\)/), pointer: `/facts/${last}/id` },
    ]);
    const entities = errorsAfter((k) => k.entities.push({ ...k.entities[1]! }));
    expect(entities[0]!.message).toMatch(/duplicate entity id "leblogauto-com" \(already used by entities\[1\]\)/);
  });

  it('is refused for a time value that does not match its precision', () => {
    const errors = errorsAfter((k) => (k.facts[0]!.time!.value = '2023'));
    expect(errors).toEqual([
      { file: SHIPPED, entry: 'facts[0] (id "musk-redirects-h100-from-tesla-to-x")', message: 'time.value "2023" does not match precision MONTH (expected YYYY-MM)', pointer: '/facts/0/time/value' },
    ]);
    const malformed = errorsAfter((k) => (k.entities[0]!.published!.value = '2024-13'));
    expect(malformed[0]).toMatchObject({ entry: 'entities[0] (id "leblogauto-article-musk-nvidia-h100")', message: expect.stringMatching(/^published\.value: "2024-13" does not match/) });
  });

  it('is refused for a period that ends before it starts', () => {
    const errors = errorsAfter((k) => (k.facts[2]!.time!.end = '2023-11'));
    expect(errors[0]!.message).toBe('time.end "2023-11" is before value "2024-01"');
  });

  it('is refused for an event that is not an EVENT entity, or participants without an event', () => {
    const kind = errorsAfter((k) => (k.facts[0]!.event = 'tesla'));
    expect(kind[0]!.message).toBe('event "tesla" has kind ORGANIZATION, but must be an entity of kind EVENT');
    const missing = errorsAfter((k) => delete k.facts[0]!.event);
    expect(missing[0]).toMatchObject({ entry: 'facts[0] (id "musk-redirects-h100-from-tesla-to-x")', message: 'has "participants" but not "event", which it requires' });
  });

  it('is refused for a stated fact without citations, or a background fact without a basis', () => {
    const uncited = errorsAfter((k) => (k.facts[0]!.citations = []));
    expect(uncited[0]!.message).toMatch(/^citations: .*\(a fact that is not background needs at least one citation\)$/);
    const baseless = errorsAfter((k) => delete k.facts.at(-1)!.basis);
    expect(baseless[0]!.message).toMatch(/missing required field "basis" \(a background fact needs a basis/);
  });

  it('is refused for a fact that states nothing', () => {
    const errors = errorsAfter((k) => delete k.facts[factIndex(k, 'xai-owns-grok')]!.object);
    expect(errors[0]!.message).toMatch(/^states nothing/);
  });

  it('is refused for an unknown field, listing the allowed ones', () => {
    const errors = errorsAfter((k) => ((k.facts[0] as unknown as Record<string, unknown>).confidence = 1));
    expect(errors[0]).toMatchObject({ entry: 'facts[0] (id "musk-redirects-h100-from-tesla-to-x")', message: expect.stringMatching(/^unknown field "confidence" \(allowed: id, type, subject/) });
  });

  it('is refused when a source is missing or its hash does not match', () => {
    const missing = errorsAfter(() => undefined, () => {
      throw new Error('ENOENT: no such file');
    });
    expect(missing[0]).toMatchObject({ entry: 'sources[0] (document "leblogauto-article-musk-nvidia-h100")', message: expect.stringMatching(/cannot read source file .*ENOENT/) });
    const changed = errorsAfter(() => undefined, (p) => `${readSource(p)} `);
    expect(changed[0]!.message).toMatch(/^sha256 687a26ee\S+ does not match the file/);
  });

  it('is refused for a source document that is not a DOCUMENT entity', () => {
    const errors = errorsAfter((k) => (k.sources[0]!.document = 'tesla'));
    expect(errors.map((e) => e.message)).toContain('document "tesla" has kind ORGANIZATION, but must be an entity of kind DOCUMENT');
  });
});
