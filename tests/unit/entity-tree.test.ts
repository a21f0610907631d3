/** The entity-tree statement: one text per selection shape, request values only ever as parameters. */
import { describe, expect, it } from 'vitest';
import { compileEntityTree, type EntityTreePlan } from '../../src/database/entity-tree.ts';

const relations = (first: number, to: EntityTreePlan = { nested: [] }, after = ''): EntityTreePlan['nested'][number] => ({
  kind: 'relations',
  key: 'relations',
  query: { types: null, direction: 'BOTH', window: { size: first, backward: false, after: after === '' ? null : after, before: null } },
  from: { nested: [] },
  to,
  fact: { lists: { quantities: false, citations: true, participants: false }, participants: false, sources: true, items: false },
});
const facts: EntityTreePlan['nested'][number] = { kind: 'facts', key: 'facts', types: ['OWNS'], window: { size: 3, backward: false, after: null, before: null }, fact: { lists: { quantities: true, citations: false, participants: true }, participants: true, sources: false, items: false } };

describe('compileEntityTree', () => {
  it('gives the same text for the same shape, whatever the values (so Neo4j reuses its plan)', () => {
    const a = compileEntityTree('tesla', { nested: [relations(10, { nested: [facts] })] });
    const b = compileEntityTree("x' OR 1=1 //", { nested: [relations(99, { nested: [facts] }, 'OWNS-1')] });
    expect(a.text).toBe(b.text);
    expect(b.params).toMatchObject({ id: "x' OR 1=1 //" });
    expect(Object.values(b.params)).toContain('OWNS-1');
    expect(Object.values(b.params)).toContain(100); // first + 1, to know whether a next page exists
    expect(b.text).not.toContain('OR 1=1');
  });

  it('gives one level per nested list, over distinct owners, and a different text for another shape', () => {
    const deep = compileEntityTree('tesla', { nested: [relations(10, { nested: [relations(5, { nested: [facts] })] })] });
    expect(deep.text.match(/CALL \{/g)?.length).toBeGreaterThanOrEqual(3);
    expect(deep.listKeys.size).toBe(3);
    expect(deep.text).toContain('WITH DISTINCT');
    expect(deep.text).not.toBe(compileEntityTree('tesla', { nested: [relations(10)] }).text);
    // Entities are projected by listed properties, never with `.*` (a document's text is a property).
    expect(deep.text).not.toMatch(/n \{\s*\.\*/);
    expect(deep.text).not.toContain('{{');
  });
});
