/** Checks and decodes resolver arguments; every refusal says what is allowed. */
import type { Limits } from '../config/config.ts';
import { badUserInput } from './errors.ts';

export function pageSize(first: number | null | undefined, fallback: number, max: number, argument = 'first'): number {
  const value = first ?? fallback;
  if (!Number.isInteger(value) || value < 1 || value > max) throw badUserInput(argument, `must be between 1 and ${max}, got ${value}`);
  return value;
}

export function intInRange(value: number, min: number, max: number, argument: string): number {
  if (!Number.isInteger(value) || value < min || value > max) throw badUserInput(argument, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

/** Opaque cursors: base64url of `prefix:key`, where key is the item's id (keyset pagination). */
export function encodeCursor(prefix: 'entity' | 'relation', key: string): string {
  return Buffer.from(`${prefix}:${key}`, 'utf8').toString('base64url');
}

export function decodeCursor(prefix: 'entity' | 'relation', cursor: string | null | undefined, argument = 'after'): string {
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

/** Hard ceilings baked into the Cypher statements (variable-length bounds cannot be parameters). */
export const NEIGHBORHOOD_DEPTH_CEILING = 3;
export const PATH_DEPTH_CEILING = 6;

export function neighborhoodDepth(depth: number | null | undefined, limits: Limits): number {
  return intInRange(depth ?? 1, 1, Math.min(limits.maxNeighborhoodDepth, NEIGHBORHOOD_DEPTH_CEILING), 'depth');
}

export function pathDepth(maxDepth: number | null | undefined, limits: Limits): number {
  return intInRange(maxDepth ?? 4, 1, Math.min(limits.maxPathDepth, PATH_DEPTH_CEILING), 'maxDepth');
}
