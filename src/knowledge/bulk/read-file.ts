/**
 * A knowledge file read and validated exactly as the incremental loader does (loader.ts, loadKnowledgeFile):
 * its raw bytes' hash, its JSON, the same validator with its source texts. An invalid file is a
 * KnowledgeFileError, before anything is written; so is a file holding a character the bulk CSV reserves.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { KnowledgeFileError, parseJson } from '../loader.ts';
import type { KnowledgeError } from '../validate-knowledge-file.ts';
import type { KnowledgeFile } from '../knowledge-file.ts';
import { validateKnowledgeFile } from '../validate-knowledge-file.ts';
import { ARRAY_DELIMITER, EMPTY_ELEMENT } from './csv-files.ts';

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
  const reserved = reservedCharacters(file, data);
  if (reserved.length > 0) throw new KnowledgeFileError(file, reserved);
  return { file, sha256, knowledge: validation.file, sources: validation.sources };
}

/**
 * A file validated before (validateFiles) read again for planning, without validating it twice: the same bytes
 * (its hash is checked) with its source texts.
 */
export function rereadKnowledgeFile(file: string, sha256: string): ReadKnowledgeFile {
  const raw = readFileSync(file);
  if (createHash('sha256').update(raw).digest('hex') !== sha256) {
    throw new KnowledgeFileError(file, [{ file, entry: '(file)', pointer: '', message: 'it changed during the bulk load, after it was validated: run the load again' }]);
  }
  const knowledge = JSON.parse(raw.toString('utf8')) as KnowledgeFile;
  const dir = path.dirname(path.resolve(file));
  const sources = new Map(knowledge.sources.map((s) => [s.document, readFileSync(path.resolve(dir, s.path), 'utf8')]));
  return { file, sha256, knowledge, sources };
}

/**
 * Every string of the file holding U+001F or U+001E: neo4j-admin's array delimiter and the bulk CSV's mark for
 * an empty list element (csv-files.ts). The incremental path stores them; the bulk path cannot tell them apart.
 */
function reservedCharacters(file: string, data: unknown): KnowledgeError[] {
  const errors: KnowledgeError[] = [];
  const walk = (value: unknown, pointer: string) => {
    if (typeof value === 'string') {
      const found = [ARRAY_DELIMITER, EMPTY_ELEMENT].filter((reserved) => value.includes(reserved));
      if (found.length === 0) return;
      const names = found.map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' and ');
      errors.push({ file, entry: pointer, pointer, message: `holds ${names}, which the bulk load's CSV reserves (neo4j-admin's array delimiter, and its mark for an empty string in a list): remove it, or load this file with \`npm run load\`` });
    } else if (Array.isArray(value)) value.forEach((item, i) => walk(item, `${pointer}/${i}`));
    else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) walk(item, `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`);
  };
  walk(data, '');
  return errors;
}
