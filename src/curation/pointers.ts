/**
 * Problems found in knowledge-file entries (validateEntries points into `/entities/i`, `/facts/i`) pointed back
 * at the mutation's own arguments (`/input/citations/0/quote`), where the input's names differ from the file's.
 */
import type { KnowledgeError } from '../knowledge/validate-knowledge-file.ts';
import type { Problem } from './errors.ts';

/** The input's name of a knowledge-file field, where they differ (an alias's `lang` is `language`). */
const INPUT_NAMES: Record<string, string> = { lang: 'language' };

/**
 * `/entities/0/aliases/1/lang` → `/input/aliases/1/language` (with `from: '/entities/0'`, `to: '/input'`).
 * Pointers outside `from` are kept under `to` (they concern the input as a whole).
 */
export function toInputPointer(pointer: string, from: string, to: string): string {
  if (pointer !== from && !pointer.startsWith(`${from}/`)) return to;
  const rest = pointer.slice(from.length).split('/').slice(1);
  return [to, ...rest.map((part) => INPUT_NAMES[part] ?? part)].join('/');
}

export function problemsOf(errors: readonly KnowledgeError[], from: string, to: string): Problem[] {
  return errors.map((error) => ({ pointer: toInputPointer(error.pointer, from, to), message: error.message }));
}
