/** The bulk path's CSV: typed headers per shape, RFC 4180 quoting, arrays with the array delimiter. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ARRAY_DELIMITER, CsvWriter, EMPTY_ELEMENT } from '../../src/knowledge/bulk/csv-files.ts';
import { Long } from '../../src/knowledge/bulk/values.ts';
import { readKnowledgeFile } from '../../src/knowledge/bulk/read-file.ts';
import { KnowledgeFileError } from '../../src/knowledge/loader.ts';
import { PROJECT_ROOT } from '../../src/config/config.ts';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('bulk CSV', () => {
  it('writes one file per shape with typed headers, quotes strings and joins arrays', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kg-bulk-csv-'));
    const csv = new CsvWriter(dir);
    csv.node(csv.newNodeId(), ['Entity', 'Person'], { id: 'a', name: 'say "hi",\nthen', since: 1, revision: new Long(2), background: false, aliasTexts: ['x', 'y'] });
    csv.node(csv.newNodeId(), ['Entity', 'Person'], { id: 'b', name: 'B', since: 1, revision: 3, background: true, aliasTexts: [] });
    csv.relationship('OWNS', 0, 1, { id: 'r', since: new Long(1) });
    const { nodes, relationships } = csv.close();
    expect(nodes.map((g) => [g.name, g.rows, g.multiline])).toEqual([
      ['Entity:Person', 1, true],
      ['Entity:Person', 1, false],
    ]);
    expect(readFileSync(nodes[0]!.file, 'utf8')).toBe(
      `:ID,id:string,name:string,since:double,revision:long,background:boolean,aliasTexts:string[]\n0,"a","say ""hi"",\nthen",1,2,false,"x${ARRAY_DELIMITER}y"\n`,
    );
    expect(readFileSync(nodes[1]!.file, 'utf8').split('\n')[0]).toContain('revision:double');
    expect(readFileSync(relationships[0]!.file, 'utf8')).toBe(':START_ID,:END_ID,id:string,since:long\n0,1,"r",1\n');
  });

  it('refuses a value holding the array delimiter', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kg-bulk-csv-'));
    const csv = new CsvWriter(dir);
    expect(() => csv.node(0, ['X'], { a: [`x${ARRAY_DELIMITER}y`] })).toThrow(/U\+001F/);
    csv.close();
  });

  it('writes an empty alias language as the placeholder the fix-up sets back, and refuses empty strings in other lists', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kg-bulk-csv-'));
    const csv = new CsvWriter(dir);
    csv.node(0, ['Entity'], { aliasLanguages: ['', 'en'] });
    expect(() => csv.node(1, ['Entity'], { other: ['', 'en'] })).toThrow(/empty string inside the list of other/);
    const { nodes } = csv.close();
    expect(readFileSync(nodes[0]!.file, 'utf8').split('\n')[1]).toBe(`0,"${EMPTY_ELEMENT}${ARRAY_DELIMITER}en"`);
  });
});

describe('bulk read of a knowledge file', () => {
  it('refuses, before anything is written, a file holding a character the bulk CSV reserves, naming each place', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kg-bulk-read-'));
    const shipped = path.join(PROJECT_ROOT, 'data/knowledge/leblogauto-2024-musk-nvidia-h100.kg.json');
    const data = JSON.parse(readFileSync(shipped, 'utf8'));
    // The source texts stay where they are: the copy points at them.
    for (const source of data.sources) source.path = path.relative(dir, path.resolve(path.dirname(shipped), source.path));
    data.entities[1].aliases = [...(data.entities[1].aliases ?? []), { text: `Grok${ARRAY_DELIMITER}2` }];
    data.facts[0].statement = `${data.facts[0].statement}${EMPTY_ELEMENT}`;
    const file = path.join(dir, 'reserved.kg.json');
    writeFileSync(file, JSON.stringify(data));
    const aliasPointer = `/entities/1/aliases/${data.entities[1].aliases.length - 1}/text`;

    const error = (() => {
      try {
        readKnowledgeFile(file);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(KnowledgeFileError);
    expect((error as KnowledgeFileError).errors.map((e) => [e.pointer, e.message.slice(0, 14)])).toEqual([
      [aliasPointer, 'holds U+001F, '],
      ['/facts/0/statement', 'holds U+001E, '],
    ]);
    expect((error as KnowledgeFileError).message).toContain('or load this file with `npm run load`');
    // Without them the same file reads.
    data.entities[1].aliases.pop();
    data.facts[0].statement = data.facts[0].statement.slice(0, -1);
    writeFileSync(file, JSON.stringify(data));
    expect(readKnowledgeFile(file).knowledge.id).toBe(data.id);
  });
});
