/**
 * JSON: the knowledge file format (kg-knowledge/1, docs/knowledge-format.md), one entry per line, so loading the
 * export into an empty database gives the same graph. Sources are listed by path and SHA-256; their texts
 * (Document.text in the graph) are written beside the file by writeSourceTexts when the export goes to a file.
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ExportReader } from '../database/export-reader.ts';
import type { Database } from '../database/database.ts';
import { KNOWLEDGE_FORMAT } from '../knowledge/knowledge-file.ts';
import type { ExportHeader, ExportStream } from './records.ts';

export const JSON_PARTS = { entities: true, facts: true, relations: false } as const;

export async function* writeJson(stream: ExportStream): AsyncGenerator<string> {
  const { header } = stream;
  const sources = header.sources.map((source) => `\n    ${JSON.stringify(source)}`).join(',');
  yield `{\n  "format": ${JSON.stringify(KNOWLEDGE_FORMAT)},\n  "id": ${JSON.stringify(header.id)},\n  "title": ${JSON.stringify(header.title)},\n  "sources": [${sources}${sources ? '\n  ' : ''}],\n  "entities": [`;
  let section: 'entities' | 'facts' = 'entities';
  let first = true;
  for await (const item of stream.items(JSON_PARTS)) {
    if (item.kind === 'fact' && section === 'entities') {
      yield `${first ? '' : '\n  '}],\n  "facts": [`;
      section = 'facts';
      first = true;
    }
    const entry = item.kind === 'entity' ? item.entity : item.kind === 'fact' ? item.fact : null;
    if (entry === null) continue;
    yield `${first ? '' : ','}\n    ${JSON.stringify(entry)}`;
    first = false;
  }
  if (section === 'entities') {
    yield `${first ? '' : '\n  '}],\n  "facts": [`;
    first = true;
  }
  yield `${first ? '' : '\n  '}]\n}\n`;
}

/**
 * Writes each source's text at its `path`, relative to `dir` (the knowledge file's folder), one document at a
 * time. A text whose hash is not the recorded one is an error: the file would not load.
 */
export async function writeSourceTexts(db: Database, header: ExportHeader, dir: string): Promise<string[]> {
  const reader = new ExportReader(db);
  const written: string[] = [];
  for (const source of header.sources) {
    const text = await reader.documentText(source.document);
    if (text === null) throw new Error(`Document ${source.document} has no text in the graph`);
    const sha256 = createHash('sha256').update(text).digest('hex');
    if (sha256 !== source.sha256) throw new Error(`Document ${source.document}: its text's SHA-256 is ${sha256}, not the recorded ${source.sha256}`);
    const file = path.join(dir, source.path);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
    written.push(file);
  }
  return written;
}
