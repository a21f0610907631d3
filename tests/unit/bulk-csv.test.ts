/** The bulk path's CSV: typed headers per shape, RFC 4180 quoting, arrays with the array delimiter. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ARRAY_DELIMITER, CsvWriter, EMPTY_ELEMENT } from '../../src/knowledge/bulk/csv-files.ts';
import { Long } from '../../src/knowledge/bulk/values.ts';

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
