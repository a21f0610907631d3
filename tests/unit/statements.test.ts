import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FRAGMENT_NAMES } from '../../src/database/entity-tree.ts';
import { CYPHER_DIR, SCHEMA_STATEMENT_FILES, STATEMENT_NAMES, loadStatements, renderTemplate } from '../../src/database/statements.ts';

describe('Cypher statements', () => {
  it('loads every named statement and entity-tree fragment from cypher/, and cypher/ holds no unnamed one', () => {
    const statements = loadStatements();
    expect(statements.size).toBe(STATEMENT_NAMES.length + SCHEMA_STATEMENT_FILES.length);
    const files = readdirSync(CYPHER_DIR, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.cypher'))
      .map((f) => f.replace(/\.cypher$/, '').split(path.sep).join('/'))
      .sort();
    const fragments = FRAGMENT_NAMES.map((name) => `read/entity-tree/${name}`);
    expect(files).toEqual([...STATEMENT_NAMES, ...SCHEMA_STATEMENT_FILES, ...fragments].sort());
  });

  it('fills template slots with identifiers only', () => {
    expect(renderTemplate('MERGE (a)-[r:{{type}}]->(b)', { type: 'OWNS' })).toBe('MERGE (a)-[r:OWNS]->(b)');
    expect(() => renderTemplate('SET e:{{label}}', { label: 'Person`) DETACH DELETE (x' })).toThrow(/only identifiers/);
    expect(() => renderTemplate('SET e:{{label}}', {})).toThrow(/Refusing/);
  });
});
