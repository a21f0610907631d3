/**
 * A knowledge file read and validated exactly as the incremental loader does (loader.ts, loadKnowledgeFile):
 * its raw bytes' hash, its JSON, the same validator with its source texts. An invalid file is a
 * KnowledgeFileError, before anything is written.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { KnowledgeFileError, parseJson } from '../loader.ts';
import type { KnowledgeFile } from '../knowledge-file.ts';
import { validateKnowledgeFile } from '../validate-knowledge-file.ts';

export interface ReadKnowledgeFile {
  file: string;
  sha256: string;
  knowledge: KnowledgeFile;
  sources: Map<string, string>;
}

export function readKnowledgeFile(file: string): ReadKnowledgeFile {
  const raw = readFileSync(file);
  const sha256 = createHash('sha256').update(raw).digest('hex');
  const data = parseJson(file, raw.toString('utf8'));
  const validation = validateKnowledgeFile(data, { filePath: file, readSource: (p) => readFileSync(p, 'utf8') });
  if (!validation.ok) throw new KnowledgeFileError(file, validation.errors);
  return { file, sha256, knowledge: validation.file, sources: validation.sources };
}

/**
 * A file validated before (validateFiles) read again for planning, without validating it twice: the same bytes
 * (its hash is checked) with its source texts.
 */
export function rereadKnowledgeFile(file: string, sha256: string): ReadKnowledgeFile {
  const raw = readFileSync(file);
  if (createHash('sha256').update(raw).digest('hex') !== sha256) throw new Error(`${file} changed during the bulk load: run it again`);
  const knowledge = JSON.parse(raw.toString('utf8')) as KnowledgeFile;
  const dir = path.dirname(path.resolve(file));
  const sources = new Map(knowledge.sources.map((s) => [s.document, readFileSync(path.resolve(dir, s.path), 'utf8')]));
  return { file, sha256, knowledge, sources };
}
