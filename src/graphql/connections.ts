/**
 * The connection types' fields (the Relay cursor connection specification), one set for every list: edges with
 * their cursors, nodes, PageInfo, and totalCount, computed only when asked for (the page's `total`, memoized so
 * that totalCount and totalCountIsEstimate share one count).
 */
import type { Total } from '../database/queries.ts';
import type { Page } from '../database/records.ts';
import { encodeCursor, type CursorPrefix } from './arguments.ts';

const TOTALS = new WeakMap<object, Promise<Total>>();

function totalOf(page: Page<unknown>): Promise<Total> {
  let total = TOTALS.get(page);
  if (!total) {
    if (!page.total) throw new Error('A connection page was made without its count');
    TOTALS.set(page, (total = page.total()));
  }
  return total;
}

/** The page with its count attached (the count runs only if a selection asks for totalCount). */
export function withTotal<P extends Page<unknown>>(page: P, total: () => Promise<Total>): P {
  return { ...page, total };
}

/** A connection's resolvers: `cursorKey` gives an item's place in the list's order (see arguments.ts). */
export function connectionFields<T, Node = T>(prefix: CursorPrefix, cursorKey: (item: T) => string, node: (item: T) => Node = (item) => item as unknown as Node) {
  const cursor = (item: T) => encodeCursor(prefix, cursorKey(item));
  return {
    edges: (page: Page<T>) => page.items.map((item) => ({ cursor: cursor(item), node: node(item) })),
    nodes: (page: Page<T>) => page.items.map(node),
    pageInfo: (page: Page<T>) => {
      const [first, last] = [page.items[0], page.items[page.items.length - 1]];
      return {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: page.hasPreviousPage,
        startCursor: first === undefined ? null : cursor(first),
        endCursor: last === undefined ? null : cursor(last),
      };
    },
    totalCount: async (page: Page<T>) => (await totalOf(page)).count,
    totalCountIsEstimate: async (page: Page<T>) => (await totalOf(page)).estimate,
  };
}
