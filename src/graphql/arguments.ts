/**
 * Checks and decodes resolver arguments; every refusal says what is allowed. Defaults are the SDL's (applied by
 * graphql-js, and by nested-fields.ts's withDefaults where a client sends null); maxima are the config's.
 */
import type { Limits } from '../config/config.ts';
import { badUserInput } from './errors.ts';

/** A page size: 1 to `max` (a configured limit). */
export function pageSize(value: unknown, max: number, argument = 'first'): number {
  return intInRange(value, 1, max, argument);
}

export function intInRange(value: unknown, min: number, max: number, argument: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw badUserInput(argument, `must be between ${min} and ${max}, got ${String(value)}`);
  }
  return value;
}

/** The lists with cursors: each list's cursors are its own. */
export type CursorPrefix = 'entity' | 'relation' | 'revision';

/** Opaque cursors: base64url of `prefix:key`, where key is the item's id, or a revision's sequence (keyset pagination). */
export function encodeCursor(prefix: CursorPrefix, key: string): string {
  return Buffer.from(`${prefix}:${key}`, 'utf8').toString('base64url');
}

export function decodeCursor(prefix: CursorPrefix, cursor: string | null | undefined, argument = 'after'): string {
  if (cursor === null || cursor === undefined) return '';
  const decoded = /^[A-Za-z0-9_-]{1,400}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  if (!decoded.startsWith(`${prefix}:`)) throw badUserInput(argument, `is not a cursor of this list: pass an endCursor or edge cursor returned by it`);
  return decoded.slice(prefix.length + 1);
}

export const SEARCH_TEXT_MAX = 200;

export function searchText(text: string): string {
  const trimmed = text.trim();
  if (trimmed.length === 0) throw badUserInput('text', 'must not be empty: give 1 to 200 characters of a name or alias');
  if (trimmed.length > SEARCH_TEXT_MAX) throw badUserInput('text', `must be at most ${SEARCH_TEXT_MAX} characters, got ${trimmed.length}`);
  return trimmed;
}

/** The config bounds MAX_NEIGHBORHOOD_DEPTH by what the statement can do (see NEIGHBORHOOD_DEPTH_CEILING). */
export function neighborhoodDepth(depth: unknown, limits: Limits): number {
  return intInRange(depth, 1, limits.maxNeighborhoodDepth, 'depth');
}

/** The config bounds MAX_PATH_DEPTH by what the statement can do (see PATH_DEPTH_CEILING). */
export function pathDepth(maxDepth: unknown, limits: Limits): number {
  return intInRange(maxDepth, 1, limits.maxPathDepth, 'maxDepth');
}
