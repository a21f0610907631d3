import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FRAGMENT_NAMES } from '../../src/database/entity-tree.ts';
import {
  CYPHER_DIR,
  FRAGMENT_FILES,
  KEYSET_STATEMENT_NAMES,
  statementFile,
  READ_STATEMENT_NAMES,
  SCHEMA_STATEMENT_FILES,
  STATEMENT_NAMES,
  WRITE_STATEMENT_NAMES,
  fillTemplate,
  loadStatements,
  readTemplate,
  renderStatement,
} from '../../src/database/statements.ts';
import { ENTITY_LABELS, RELATION_TYPES } from '../../src/vocabulary/index.ts';

const cypherFiles = () =>
  readdirSync(CYPHER_DIR, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.cypher'))
    .map((f) => f.replace(/\.cypher$/, '').split(path.sep).join('/'))
    .sort();

describe('Cypher statements', () => {
  it('loads every named statement and fragment from cypher/, and cypher/ holds no unnamed one', () => {
    const statements = loadStatements();
    expect(statements.size).toBe(STATEMENT_NAMES.length + SCHEMA_STATEMENT_FILES.length);
    const treeFragments = FRAGMENT_NAMES.map((name) => `read/entity-tree/${name}`);
    const files = [...new Set(STATEMENT_NAMES.map(statementFile))];
    expect(cypherFiles()).toEqual([...files, ...SCHEMA_STATEMENT_FILES, ...FRAGMENT_FILES, ...treeFragments].sort());
    // Each keyset statement is also loaded backward, from the same file, in the opposite order.
    for (const name of KEYSET_STATEMENT_NAMES) {
      expect(statements.get(name), name).toMatch(/ ASC\b/);
      expect(statements.get(`${name}:backward`), name).toBe(statements.get(name)!.replaceAll(' ASC', ' DESC'));
    }
    expect(READ_STATEMENT_NAMES.every((name) => name.startsWith('read/'))).toBe(true);
    expect(WRITE_STATEMENT_NAMES.every((name) => name.startsWith('write/'))).toBe(true);
  });

  it('fills every constant slot at load time, and leaves only the per-use slots of write statements', () => {
    for (const [name, text] of loadStatements()) {
      const slots = [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]);
      const expected = name === 'write/merge-entities' ? ['label', 'label'] : name === 'write/create-relations' ? ['type', 'type'] : [];
      expect(slots, name).toEqual(expected);
    }
  });

  it('has one template mechanism: fills {{slots}}, refuses a slot without a value, leaves per-use slots while loading', () => {
    expect(fillTemplate('MATCH ({{n}}) RETURN {{n}}', { n: 'x' }, 'test')).toBe('MATCH (x) RETURN x');
    expect(() => fillTemplate('RETURN {{missing}}', {}, 'some/template')).toThrow(/some\/template has no value for \{\{missing\}\}/);
    expect(() => fillTemplate('RETURN {{toString}}', {}, 'test')).toThrow(/no value/);
    expect(fillTemplate('MATCH (:{{label}}) RETURN {{ENTITY}}', { ENTITY: 'e' }, 'test', 'constants')).toBe('MATCH (:{{label}}) RETURN e');
    expect(() => fillTemplate('RETURN {{UNKNOWN_CONSTANT}}', {}, 'test', 'constants')).toThrow(/UNKNOWN_CONSTANT/);
  });

  it('fills label and type slots with vocabulary values only', () => {
    expect(renderStatement('MERGE (a)-[r:{{type}}]->(b)', 'test', { type: 'OWNS' })).toBe('MERGE (a)-[r:OWNS]->(b)');
    expect(renderStatement('SET e:{{label}}', 'test', { label: 'Person' })).toBe('SET e:Person');
    expect(() => renderStatement('SET e:{{label}}', 'test', { label: 'Person`) DETACH DELETE (x' })).toThrow(/only values from the vocabulary/);
    // An identifier, but not an entity label: refused too.
    expect(() => renderStatement('SET e:{{label}}', 'test', { label: 'Admin' })).toThrow(/Refusing/);
    expect(() => renderStatement('SET e:{{label}}', 'test', { label: 'OWNS' })).toThrow(/Refusing/);
    expect(() => renderStatement('SET e:{{label}}', 'test', {})).toThrow(/no value for \{\{label\}\}/);
    // Every label and relation type of the vocabulary is accepted.
    for (const label of ENTITY_LABELS) expect(renderStatement('SET e:{{label}}', 'test', { label })).toBe(`SET e:${label}`);
    for (const type of RELATION_TYPES) expect(renderStatement('[:{{type}}]', 'test', { type })).toBe(`[:${type}]`);
  });

  it('writes the fact projection once: the read statements include it, no other file repeats it', () => {
    const projection = readFileSync(path.join(CYPHER_DIR, 'read/fragments/fact-projection.cypher'), 'utf8');
    expect(projection).toMatch(/quantities: \{\{quantities\}\}/);
    const lists = ['fact-quantities', 'fact-citations', 'fact-participants'].map((name) => readTemplate(`read/fragments/${name}`));
    const statements = loadStatements();
    for (const name of ['read/facts-by-ids', 'read/facts-by-entities', 'read/facts-backed-by-sources'] as const) {
      expect(readFileSync(path.join(CYPHER_DIR, `${name}.cypher`), 'utf8'), name).toContain('{{FACT_PROJECTION}}');
      for (const list of lists) expect(statements.get(name), name).toContain(list);
    }
    // Each list's Cypher is written in its fragment only.
    for (const file of cypherFiles().filter((f) => !f.startsWith('read/fragments/'))) {
      const text = readFileSync(path.join(CYPHER_DIR, `${file}.cypher`), 'utf8');
      for (const list of lists) expect(text, file).not.toContain(list);
      expect(text, file).not.toMatch(/quantities:\s*\[/);
    }
  });
});
