/**
 * The database layer's boundaries, read from the sources: transactions run only in src/database, Cypher
 * templates are filled by one function, and src/database does not depend on src/knowledge (the loader in
 * src/knowledge calls the write layer, not the other way round; graph rows take their row types from it).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config/config.ts';

const SRC = path.join(PROJECT_ROOT, 'src');
const sources = () =>
  readdirSync(SRC, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.includes(`${path.sep}generated${path.sep}`))
    .map((f) => ({ file: f.split(path.sep).join('/'), text: readFileSync(path.join(SRC, f), 'utf8') }));

describe('the database layer', () => {
  it('is the only place that opens sessions or transactions', () => {
    const offenders = sources()
      .filter(({ file }) => !file.startsWith('database/'))
      .filter(({ text }) => /executeWrite|executeRead|beginTransaction|\.session\(|ManagedTransaction|\.executeQuery\(/.test(text))
      .map(({ file }) => file);
    expect(offenders).toEqual([]);
  });

  it('fills Cypher templates in one function (statements.ts fillTemplate)', () => {
    const fillers = sources()
      .filter(({ text }) => text.includes('\\{\\{'))
      .map(({ file }) => file);
    expect(fillers).toEqual(['database/statements.ts']);
  });

  it('imports nothing from src/knowledge: the loader there calls the write layer, never the other way round', () => {
    const imports = sources()
      .filter(({ file }) => file.startsWith('database/'))
      .flatMap(({ file, text }) => [...text.matchAll(/from '([^']+)'/g)].map((m) => ({ file, from: m[1]! })));
    expect(imports.filter(({ from }) => from.includes('/knowledge/'))).toEqual([]);
    // And the pure part of src/knowledge (format, validator, graph rows) needs nothing of the database at run time.
    for (const { file, text } of sources().filter(({ file }) => file.startsWith('knowledge/') && file !== 'knowledge/loader.ts')) {
      expect(text.match(/^import (?!type )[^;]*from '\.\.\/database\//gm), file).toBeNull();
    }
  });
});
