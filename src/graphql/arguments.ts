/**
 * Checks and decodes resolver arguments; every refusal says what is allowed. Defaults are the SDL's (applied by
 * graphql-js, and by nested-fields.ts's withDefaults where a client sends null); maxima are the config's.
 */
import type { Limits } from '../config/config.ts';
import type { FactKey, PageWindow } from '../database/queries.ts';
import { badUserInput } from './errors.ts';

export type { FactKey, PageWindow };

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
export type CursorPrefix = 'entity' | 'relation' | 'revision' | 'fact' | 'search';

/** Opaque cursors: base64url of `prefix:key`, where key is the item's place in the list's order (keyset pagination). */
export function encodeCursor(prefix: CursorPrefix, key: string): string {
  return Buffer.from(`${prefix}:${key}`, 'utf8').toString('base64url');
}

export function decodeCursor(prefix: CursorPrefix, cursor: string | null | undefined, argument = 'after'): string {
  if (cursor === null || cursor === undefined) return '';
  const decoded = /^[A-Za-z0-9_-]{1,400}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  if (!decoded.startsWith(`${prefix}:`)) throw notACursor(argument);
  return decoded.slice(prefix.length + 1);
}

const notACursor = (argument: string) => badUserInput(argument, 'is not a cursor of this list: pass a startCursor, endCursor or edge cursor returned by it');

/** The page size when neither `first` nor `last` is given (the SDL descriptions say 20). */
export const DEFAULT_PAGE_SIZE = 20;

/** The paging arguments every connection takes. */
export interface PagingArguments {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}


/** Decodes and checks a connection's paging arguments; `key` turns a cursor's key into the list's order key. */
export function pageWindow<Key>(args: PagingArguments, max: number, prefix: CursorPrefix, key: (raw: string) => Key | undefined): PageWindow<Key> {
  const given = (value: number | null | undefined) => value !== null && value !== undefined;
  if (given(args.first) && given(args.last)) {
    throw badUserInput('last', 'cannot be given with `first`: give `first` (and `after`) to page forward, or `last` (and `before`) to page backward');
  }
  const backward = given(args.last);
  const size = backward ? pageSize(args.last, max, 'last') : given(args.first) ? pageSize(args.first, max, 'first') : Math.min(DEFAULT_PAGE_SIZE, max);
  const cursorKey = (argument: 'after' | 'before'): Key | null => {
    const cursor = args[argument];
    if (cursor === null || cursor === undefined) return null;
    const decoded = key(decodeCursor(prefix, cursor, argument));
    if (decoded === undefined) throw notACursor(argument);
    return decoded;
  };
  return { size, backward, after: cursorKey('after'), before: cursorKey('before') };
}

/** An id-ordered list's key: the id itself. */
export const idKey = (raw: string): string | undefined => (raw === '' ? undefined : raw);

/** A revision list's key: the sequence. */
export const sequenceKey = (raw: string): number | undefined => (/^[0-9]{1,16}$/.test(raw) ? Number(raw) : undefined);

/** A search's key: the offset of the hit in the ranking. */
export const offsetKey = sequenceKey;

export const factKey = (raw: string): FactKey | undefined => {
  const match = /^([01]):(.+)$/.exec(raw);
  return match ? { rank: Number(match[1]), id: match[2]! } : undefined;
};

export const encodeFactKey = (key: FactKey): string => `${key.rank}:${key.id}`;

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
