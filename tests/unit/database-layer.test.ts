/**
 * The database layer's boundaries, read from the sources: transactions run only in src/database, Cypher
 * templates are filled by one function, and src/database does not depend on src/knowledge (the loader in
 * src/knowledge calls the write layer, not the other way round).
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

  it('imports nothing from src/knowledge but the vocabulary, which is moving below both', () => {
    // The vocabulary (fact types, roles, kind labels, time precisions) still lives in src/knowledge; once it
    // has its own module, this list is empty.
    const vocabulary = new Set(['FACT_TYPES', 'PARTICIPANT_ROLES', 'KIND_LABELS', 'TimePrecision']);
    const imported = sources()
      .filter(({ file }) => file.startsWith('database/'))
      .flatMap(({ file, text }) =>
        [...text.matchAll(/import (?:type )?\{([^}]*)\} from '\.\.\/knowledge\/[^']+'/g)].flatMap((m) =>
          m[1]!.split(',').map((name) => ({ file, name: name.replace(/^\s*type\s+/, '').trim() })),
        ),
      );
    expect(imported.filter(({ name }) => !vocabulary.has(name))).toEqual([]);
    // Any other form of import from src/knowledge (a default or namespace import) is not allowed either.
    for (const { file, text } of sources().filter(({ file }) => file.startsWith('database/'))) {
      expect(text.match(/import [^{]*? from '\.\.\/knowledge\//g), file).toBeNull();
    }
  });
});
