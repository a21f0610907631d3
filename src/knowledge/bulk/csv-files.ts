/**
 * neo4j-admin CSV, streamed to disk: one file per shape (labels or type, and the property names with their
 * types), so every file's typed header (`:long`, `:double`, `:boolean`, `:string[]`) fits every row in it and a
 * property that is an integer on some nodes and a float on others (as the incremental path leaves it) keeps
 * each type. Rows are buffered per file and written in large chunks; nothing is held beyond the buffers.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { Long, type Props, type Value } from './values.ts';

/** Between array elements: a control character no knowledge-file text holds (checked as it is written). */
export const ARRAY_DELIMITER = '\u001f';
const FLUSH_BYTES = 1 << 20;
/**
 * neo4j-admin stores no empty array (an empty field is no property) and drops an array whose elements are all
 * empty strings: these, the only lists the graph holds, are set to [] after the import where missing, and their
 * empty elements are written as EMPTY_ELEMENT and set back to '' (cypher/write/bulk/empty-alias-lists.cypher).
 */
export const EMPTY_LISTS_SET_AFTER_IMPORT: readonly string[] = ['aliasTexts', 'aliasLanguages'];
/** Stands for an empty string inside those lists until the fix-up after the import (no knowledge text holds it). */
export const EMPTY_ELEMENT = '\u001e';

type CsvType = 'string' | 'double' | 'long' | 'boolean' | 'string[]';

function typeOf(value: Value): CsvType {
  if (value instanceof Long) return 'long';
  if (typeof value === 'number') return 'double';
  if (typeof value === 'boolean') return 'boolean';
  if (Array.isArray(value)) return 'string[]';
  return 'string';
}

export interface CsvGroup {
  /** `Entity:Person` for nodes, the type for relationships. */
  name: string;
  file: string;
  /** Some value spans lines: the importer must be told (it reads these files more slowly). */
  multiline: boolean;
  rows: number;
}

class CsvFile {
  private buffer = '';
  private readonly fd: number;
  readonly group: CsvGroup;
  constructor(file: string, name: string, header: string) {
    this.fd = openSync(file, 'w');
    this.group = { name, file, multiline: false, rows: 0 };
    this.buffer = `${header}\n`;
  }
  write(line: string, multiline: boolean): void {
    this.buffer += line;
    this.group.rows += 1;
    if (multiline) this.group.multiline = true;
    if (this.buffer.length >= FLUSH_BYTES) this.flush();
  }
  flush(): void {
    if (this.buffer) writeSync(this.fd, this.buffer);
    this.buffer = '';
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

export class CsvWriter {
  private readonly nodes = new Map<string, { file: CsvFile; keys: string[] }>();
  private readonly relationships = new Map<string, { file: CsvFile; keys: string[] }>();
  private count = 0;
  private nextNodeId = 0;
  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  /** A node id for the importer (`--id-type=integer`, not stored: the graph keeps only its own `id`s). */
  newNodeId(): number {
    return this.nextNodeId++;
  }

  node(id: number, labels: readonly string[], props: Props): void {
    const keys = keysOf(props);
    const shape = `${labels.join(':')}|${shapeOf(props, keys)}`;
    let entry = this.nodes.get(shape);
    if (!entry) {
      const header = [':ID', ...keys.map((k) => `${k}:${typeOf(props[k])}`)].join(',');
      entry = { file: new CsvFile(this.fileName('n'), labels.join(':'), header), keys };
      this.nodes.set(shape, entry);
    }
    const { text, multiline } = fields(props, entry.keys);
    entry.file.write(`${id}${text}\n`, multiline);
  }

  relationship(type: string, start: number, end: number, props: Props): void {
    const keys = keysOf(props);
    const shape = `${type}|${shapeOf(props, keys)}`;
    let entry = this.relationships.get(shape);
    if (!entry) {
      const header = [':START_ID', ':END_ID', ...keys.map((k) => `${k}:${typeOf(props[k])}`)].join(',');
      entry = { file: new CsvFile(this.fileName('r'), type, header), keys };
      this.relationships.set(shape, entry);
    }
    const { text, multiline } = fields(props, entry.keys);
    entry.file.write(`${start},${end}${text}\n`, multiline);
  }

  /** Closes every file; the groups to hand to the importer. */
  close(): { nodes: CsvGroup[]; relationships: CsvGroup[] } {
    const all = (map: Map<string, { file: CsvFile }>) => [...map.values()].map(({ file }) => (file.close(), file.group));
    return { nodes: all(this.nodes), relationships: all(this.relationships) };
  }

  private fileName(prefix: string): string {
    return path.join(this.dir, `${prefix}${String(this.count++).padStart(4, '0')}.csv`);
  }
}

/** The set properties, in their insertion order: the same code path gives the same order, so one shape, one file. */
function keysOf(props: Props): string[] {
  const keys: string[] = [];
  for (const k in props) if (props[k] !== null && props[k] !== undefined) keys.push(k);
  return keys;
}

function shapeOf(props: Props, keys: readonly string[]): string {
  let shape = '';
  for (const k of keys) shape += `${k}:${typeOf(props[k])},`;
  return shape;
}

function fields(props: Props, keys: readonly string[]): { text: string; multiline: boolean } {
  let text = '';
  let multiline = false;
  for (const key of keys) {
    const value = props[key]!;
    let field: string;
    if (value instanceof Long) field = String(value.value);
    else if (typeof value === 'number' || typeof value === 'boolean') field = String(value);
    else if (Array.isArray(value)) {
      if (value.length === 0 && !EMPTY_LISTS_SET_AFTER_IMPORT.includes(key)) throw new Error(`neo4j-admin cannot store the empty list of ${key}`);
      const fixedUp = EMPTY_LISTS_SET_AFTER_IMPORT.includes(key);
      for (const element of value) {
        if (element.includes(ARRAY_DELIMITER) || element.includes(EMPTY_ELEMENT)) throw new Error(`A value holds U+001F or U+001E, which the bulk CSV reserves: ${JSON.stringify(element)}`);
        if (element === '' && !fixedUp) throw new Error(`neo4j-admin cannot store the empty string inside the list of ${key}`);
      }
      field = quote((fixedUp ? value.map((element) => (element === '' ? EMPTY_ELEMENT : element)) : value).join(ARRAY_DELIMITER));
    } else field = quote(value as string);
    if (!multiline && (field.includes('\n') || field.includes('\r'))) multiline = true;
    text += `,${field}`;
  }
  return { text, multiline };
}

const quote = (text: string) => `"${text.replaceAll('"', '""')}"`;
