/** The executable schema: the SDL files of schema/ joined with the resolvers. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config/config.ts';

export const SCHEMA_DIR = path.join(PROJECT_ROOT, 'schema');

/** The SDL, file by file in name order (the same files codegen reads). */
export function loadTypeDefs(dir: string = SCHEMA_DIR): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.graphql'))
    .sort()
    .map((name) => readFileSync(path.join(dir, name), 'utf8'));
}
